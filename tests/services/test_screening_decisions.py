"""The policy's decisions on a batch's candidates: the same as the policy's own, whether they
allow or refuse, and each distinct envelope decided once per batch."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

import accord.services.screening_decisions as screening_decisions
from accord.model.codes import Purpose
from accord.policy import Action, decide
from accord.screening import IndexEntry, ScreenQuery
from accord.services.screening import ScreeningDesk
from accord.services.screening_decisions import ScreenDecisions
from tests.screening.test_screen import PETAR
from tests.screening.world import World


def _entries(desk: ScreeningDesk) -> list[IndexEntry]:
    desk.ensure_current()
    index = desk.index
    found = (index.entry_for(record_id) for record_id in index.record_ids())
    return [entry for entry in found if entry is not None]


@pytest.mark.parametrize("username", ["xk.officer", "hu.officer", "rs.officer"])
@pytest.mark.parametrize("purpose", [Purpose.SERIOUS_CRIME, Purpose.VAWG])
def test_same_decisions_as_the_policy(world: World, username: str, purpose: Purpose) -> None:
    desk = ScreeningDesk(world.services, refresh_every=0.0)
    user = world.users[username]
    today = date(2026, 6, 1)
    entries = _entries(desk)  # loads the agreements too
    decisions = ScreenDecisions(user, purpose, desk.keeper.agreements, today)
    assert entries
    outcomes = set()
    for entry in entries * 2:  # the second time from what was decided the first
        expected = decide(
            user,
            entry.envelope,
            Action.SCREEN,
            purpose,
            schema=entry.schema,
            agreements=desk.keeper.agreements,
            today=today,
            restricted=entry.restricted,
        )
        assert decisions.of(entry) == expected
        outcomes.add(expected.allowed)
    if username == "hu.officer" and purpose is Purpose.SERIOUS_CRIME:
        assert False in outcomes  # refusals come from the cache too


def test_restricted_and_schema_are_decided_apart(world: World) -> None:
    desk = ScreeningDesk(world.services, refresh_every=0.0)
    user = world.users["xk.officer"]
    entries = _entries(desk)
    decisions = ScreenDecisions(user, Purpose.SERIOUS_CRIME, desk.keeper.agreements, date.today())
    entry = next(
        e
        for e in entries
        if e.envelope.authority != user.authority and not e.restricted and decisions.of(e)
    )
    restricted = decisions.of(dataclasses.replace(entry, restricted=True))
    assert not restricted.allowed  # the same envelope, restricted: refused, not taken from cache
    other = decisions.of(dataclasses.replace(entry, schema="Vehicle"))
    assert other == decide(
        user,
        entry.envelope,
        Action.SCREEN,
        Purpose.SERIOUS_CRIME,
        schema="Vehicle",
        agreements=desk.keeper.agreements,
        today=date.today(),
    )


def test_a_batch_decides_each_envelope_once(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = ScreeningDesk(world.services, refresh_every=0.0)
    desk.ensure_current()
    calls: list[tuple[int, str, bool]] = []
    real = screening_decisions.decide

    def counting(user: Any, envelope: Any, *args: Any, **options: Any) -> Any:
        calls.append((id(envelope), options["schema"], options["restricted"]))
        return real(user, envelope, *args, **options)

    monkeypatch.setattr(screening_decisions, "decide", counting)
    queries = [PETAR] * 5 + [ScreenQuery(name="Nobody Unknownson", birth_date="1985-03-12")]
    answers = desk.screen(world.users["xk.officer"], "serious-crime", queries, "test")
    assert [a["result"] for a in answers[:5]] == ["hit"] * 5
    assert calls
    assert len(calls) == len(set(calls))  # five times the same candidates, decided once
