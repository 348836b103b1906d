"""The policy's decisions on a batch's candidates: the same as the policy's own, whether they
allow or refuse, and each distinct envelope decided once per batch."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest

import accord.services.screening_decisions as screening_decisions
from accord.model.codes import Purpose
from accord.policy import Action, decide
from accord.screening import IndexEntry, ScreenQuery
from accord.services.screening import ScreeningDesk
from accord.services.screening_decisions import DecisionBook, ScreenDecisions
from accord.store.agreement_book import AgreementBook
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


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = screening_decisions.decide

    def counting(*args: Any, **options: Any) -> Any:
        calls.append(1)
        return real(*args, **options)

    monkeypatch.setattr(screening_decisions, "decide", counting)
    return calls


def test_later_batches_of_a_user_reuse_the_decisions(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)
    desk.ensure_current()
    calls = _counting(monkeypatch)
    user = world.users["xk.officer"]
    first = desk.screen_one(user, "serious-crime", PETAR)
    decided = len(calls)
    assert first["result"] == "hit" and decided
    again = desk.screen_one(user, "serious-crime", PETAR)
    assert again["result"] == "hit" and len(calls) == decided  # nothing decided anew
    # another purpose, another user: their own decisions
    desk.screen_one(user, "vawg", PETAR)
    assert len(calls) > decided
    decided = len(calls)
    desk.screen_one(world.users["rs.officer"], "serious-crime", PETAR)
    assert len(calls) > decided


def test_a_user_never_gets_another_users_decisions(world: World) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)
    allowed = desk.screen_one(world.users["xk.officer"], "serious-crime", PETAR)
    refused = desk.screen_one(world.users["hu.officer"], "serious-crime", PETAR)
    assert allowed["result"] == "hit"
    assert refused == {**refused, "result": "no-hit", "hits": []}
    assert desk.screen_one(world.users["xk.officer"], "serious-crime", PETAR)["result"] == "hit"


def test_an_agreement_ended_is_decided_anew_at_the_next_refresh(world: World) -> None:
    today = date(2026, 6, 1)
    desk = ScreeningDesk(
        world.services,
        refresh_every=0.0,
        clock=lambda: datetime.combine(today, datetime.min.time(), UTC),
    )
    user = world.users["xk.officer"]
    assert desk.screen_one(user, "serious-crime", PETAR)["result"] == "hit"
    book = AgreementBook(world.services.store)
    for agreement in desk.keeper.agreements:
        if agreement.active(today):
            book.end(agreement.id, today)
    assert desk.screen_one(user, "serious-crime", PETAR)["result"] == "no-hit"


def test_the_book_keeps_a_bounded_number_of_users(world: World) -> None:
    book = DecisionBook(size=2)
    agreements: list[Any] = []
    today = date(2026, 6, 1)
    users = [world.users[name] for name in ("xk.officer", "hu.officer", "rs.officer")]
    first = book.for_batch(users[0], Purpose.SERIOUS_CRIME, agreements, today)
    assert book.for_batch(users[0], Purpose.SERIOUS_CRIME, agreements, today) is first
    for user in users[1:]:
        book.for_batch(user, Purpose.SERIOUS_CRIME, agreements, today)
    assert book.for_batch(users[0], Purpose.SERIOUS_CRIME, agreements, today) is not first
    # a new list of agreements (each refresh reads one) starts a new book
    assert book.for_batch(users[0], Purpose.SERIOUS_CRIME, [], today) is not first
