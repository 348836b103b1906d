"""Step 2 end to end: a hit, a request, the originator's decision, and the gate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accord.errors import AccessDenied, InputError, NotFound
from accord.screening import ScreenQuery
from accord.services.screening import ScreeningDesk
from accord.services.step2 import Step2Desk
from accord.store.gate import Gate
from tests.exchange.seed import audit_actions
from tests.screening.world import World

PETAR = ScreenQuery(first_name="Petar", last_name="Petrovic", birth_date="12.03.1985")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _hit(desk: ScreeningDesk, world: World, user: str = "xk.officer") -> str:
    answer = desk.screen_one(world.users[user], "serious-crime", PETAR, "border check")
    return str(answer["hits"][0]["reference"])


def test_step2_end_to_end(desk: ScreeningDesk, world: World) -> None:
    clock = Clock()
    step2 = Step2Desk(world.services, clock)
    gate = Gate(world.services.store)
    xk, me, rs = world.users["xk.officer"], world.users["me.officer"], world.users["rs.approver"]
    record_id = world.ids["wanted"]
    hit = _hit(desk, world)
    with pytest.raises(NotFound):
        gate.get(xk, "serious-crime", record_id, "before step 2")
    request = step2.request(xk, hit, "serious-crime", "stopped at Jarinje", "urgent-direct")
    assert request["status"] == "open" and request["record"] is None
    assert request["deadline"] == (clock.now + timedelta(hours=8)).isoformat(timespec="seconds")
    assert request["why_it_matched"][0] == "name matches across scripts"
    # the originator's inbox shows it, with why it matched; nothing is released yet
    (inbox,) = step2.list(rs, "inbox")
    assert inbox["id"] == request["id"] and inbox["band"] == "review"
    with pytest.raises(NotFound):
        gate.get(xk, "serious-crime", record_id, "still before")
    approved = step2.approve(rs, request["id"], "released under H2")
    assert approved["status"] == "approved" and approved["record"] == record_id
    assert approved["legal_basis"] == "AGR-WB-SOC-2025"
    record = gate.get(xk, "serious-crime", record_id, "after step 2")
    assert record.properties["firstName"] == ["Петар"]
    # only to the requesting authority
    with pytest.raises(NotFound):
        gate.get(me, "serious-crime", record_id, "another authority")
    disclosures = audit_actions(world.services.store, "disclosure")
    (entry,) = [d for d in disclosures if record_id in d["refs"]]
    assert entry["detail"]["recipients"] == [{"authority": "XK-KP", "participant": "XK"}]
    assert entry["detail"]["handling"] == "H0,H2"
    assert entry["legal_basis"] == "AGR-WB-SOC-2025"
    actions = [e["action"] for e in audit_actions(world.services.store)]
    assert "step2-request" in actions and "screen" in actions
    assert world.services.store.verify_audit().ok


def test_refusal_with_reason_and_no_release(desk: ScreeningDesk, world: World) -> None:
    step2 = Step2Desk(world.services)
    xk, rs = world.users["xk.analyst"], world.users["rs.approver"]
    hit = _hit(desk, world, "xk.analyst")
    request = step2.request(xk, hit, "serious-crime", "suspected smuggler")
    with pytest.raises(InputError):
        step2.refuse(rs, request["id"], "  ")
    refused = step2.refuse(rs, request["id"], "under investigation; ask again in a month")
    assert refused["status"] == "refused"
    (mine,) = step2.list(xk, "outbox")
    assert mine["reason"] == "under investigation; ask again in a month"
    assert mine["record"] is None  # the requester never learns which record it was
    with pytest.raises(NotFound):
        Gate(world.services.store).get(xk, "serious-crime", world.ids["wanted"], "refused")
    with pytest.raises(InputError):
        step2.approve(rs, request["id"])


def test_only_the_originator_decides_and_only_the_hit_holder_asks(
    desk: ScreeningDesk, world: World
) -> None:
    step2 = Step2Desk(world.services)
    hit = _hit(desk, world)
    with pytest.raises(NotFound):  # a hit of another authority is as good as none
        step2.request(world.users["me.officer"], hit, "serious-crime", "curious")
    with pytest.raises(NotFound):
        step2.request(world.users["xk.officer"], "hit-made-up", "serious-crime", "guess")
    request = step2.request(world.users["xk.officer"], hit, "serious-crime", "border check")
    with pytest.raises(AccessDenied):
        step2.approve(world.users["xk.approver"], request["id"])
    with pytest.raises(AccessDenied):
        step2.approve(world.users["rs.officer"], request["id"])
    with pytest.raises(NotFound):
        step2.approve(world.users["xk.approver"], "s2-nothing")


def test_deadlines_and_overdue(desk: ScreeningDesk, world: World) -> None:
    clock = Clock()
    step2 = Step2Desk(world.services, clock)
    xk, rs = world.users["xk.officer"], world.users["rs.approver"]
    hours = {"urgent-direct": 8, "urgent-indirect": 72, "other": 168}
    for urgency, length in hours.items():
        hit = _hit(desk, world)
        made = step2.request(xk, hit, "serious-crime", "check", urgency)
        due = datetime.fromisoformat(made["deadline"]) - clock.now
        assert due == timedelta(hours=length)
    clock.now += timedelta(hours=9)
    overdue = step2.list(rs, "inbox", "overdue")
    assert [r["urgency"] for r in overdue] == ["urgent-direct"]
    clock.now += timedelta(days=8)
    assert len(step2.list(rs, "inbox", "overdue")) == 3
    assert step2.list(rs, "inbox", "approved") == []
