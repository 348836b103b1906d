"""The steps of screening a batch, shared by the synchronous and the event-loop callers: a
served query reads no store in the event loop (the daily count included), the synchronous
caller looks again at stale hits as the served one does, and a cancelled request whose audited
write then fails leaves a log line, not an exception the loop never retrieved."""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from sqlalchemy import Connection

from accord.screening import ScreenQuery
from accord.services import screening_commit
from accord.services.screening import ScreeningDesk
from accord.services.screening_steps import run_at_once
from accord.store import AuditEntry, Store
from accord.store.audit_writer import GroupCommit
from accord.store.retention import erase_records
from tests.exchange.seed import audit_actions
from tests.screening.test_api import PETAR
from tests.screening.world import World


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _watch_threads(
    store: Store, monkeypatch: pytest.MonkeyPatch, seen: list[tuple[str, int]]
) -> None:
    """Note the thread of every store read and write."""
    for name in ("read", "write"):
        opened: Callable[[], AbstractContextManager[Connection]] = getattr(store, name)

        def watched(opened: Any = opened, name: str = name) -> Any:
            seen.append((name, threading.get_ident()))
            return opened()

        monkeypatch.setattr(store, name, watched)


def test_a_served_query_reads_no_store_in_the_event_loop(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _Clock()
    desk = ScreeningDesk(world.services, refresh_every=3600.0, monotonic=clock)
    officer = world.users["xk.officer"]
    seen: list[tuple[str, int]] = []
    _watch_threads(world.services.store, monkeypatch, seen)
    loop_thread: list[int] = []

    async def main() -> list[dict[str, Any]]:
        loop_thread.append(threading.get_ident())
        first = await desk.screen_one_async(officer, "serious-crime", ScreenQuery(**PETAR))
        clock.now += 60  # the daily count is stale again; the index is not due
        second = await desk.screen_one_async(officer, "serious-crime", ScreenQuery(**PETAR))
        return [first, second]

    answers = asyncio.run(main())
    assert [a["result"] for a in answers] == ["hit", "hit"]
    reads = [thread for name, thread in seen if name == "read"]
    assert len(reads) >= 2  # the index's first load and each stale daily count, at least
    assert loop_thread[0] not in {thread for _, thread in seen}
    assert desk.usage(officer.username) == 2


def _watch_look_ups(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The record ids of each version check the commits run, in order."""
    looked_up: list[list[str]] = []
    real = screening_commit._stored_versions

    def watched(conn: Connection, ids: Any) -> Any:
        looked_up.append(list(ids))
        return real(conn, ids)

    monkeypatch.setattr(screening_commit, "_stored_versions", watched)
    return looked_up


def test_the_synchronous_caller_looks_again_at_an_erased_hit(world: World) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)  # no periodic look
    officer = world.users["xk.officer"]
    query = ScreenQuery(**PETAR)
    assert desk.screen_one(officer, "serious-crime", query, "test")["result"] == "hit"
    erase_records(world.services.store, [world.ids["wanted"]], "test", "cli:test")
    assert desk.screen_one(officer, "serious-crime", query, "test")["result"] == "no-hit"
    assert world.ids["wanted"] not in desk.index.record_ids()
    assert len(audit_actions(world.services.store, "screen")) == 2
    assert world.services.store.verify_audit().ok


def test_only_the_records_answered_are_looked_up_when_written(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)
    officer = world.users["xk.officer"]
    looked_up = _watch_look_ups(monkeypatch)
    assert desk.screen_one(officer, "serious-crime", ScreenQuery(**PETAR))["result"] == "hit"
    assert looked_up == [[world.ids["wanted"]]]
    # a refused hit looks up nothing, as a no-hit does
    refused = desk.screen_one(world.users["hu.officer"], "serious-crime", ScreenQuery(**PETAR))
    nobody = desk.screen_one(officer, "serious-crime", ScreenQuery(name="Nobody Unknownson"))
    assert refused["result"] == nobody["result"] == "no-hit"
    assert looked_up[1:] == [[], []]


def test_a_step_that_waits_on_a_loop_is_refused_in_the_caller() -> None:
    async def waits() -> int:
        await asyncio.sleep(0)
        return 1

    async def does_not_wait() -> int:
        return 2

    assert run_at_once(does_not_wait()) == 2
    with pytest.raises(RuntimeError, match="waited on an event loop"):
        run_at_once(waits())


def test_a_cancelled_callers_failed_write_is_logged_not_left_unretrieved(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    writer = GroupCommit(store)
    started, release = threading.Event(), threading.Event()

    def failing(conn: Connection) -> None:
        started.set()
        release.wait(10)
        raise ValueError("the disk is full")

    unretrieved: list[dict[str, Any]] = []

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(
            lambda _loop, context: unretrieved.append(context)
        )
        entry = AuditEntry("rs.officer", "RS-MUP", "screen", "serious-crime", ["hit-1"])
        task = asyncio.create_task(writer.write_async([entry], failing))
        await asyncio.to_thread(started.wait, 10)
        task.cancel()  # the client went away while its entry was being written
        with pytest.raises(asyncio.CancelledError):
            await task
        release.set()
        for _ in range(1000):
            if not writer._leading:
                break
            await asyncio.sleep(0.01)
        for _ in range(5):  # the writer's wake-up call, then the future's callbacks
            await asyncio.sleep(0.01)
        gc.collect()  # an unretrieved exception is reported when its future is collected
        await asyncio.sleep(0)

    with caplog.at_level(logging.WARNING, logger="accord.store.audit_writer"):
        asyncio.run(main())
    assert unretrieved == []
    assert "audited write of a cancelled request failed: the disk is full" in caplog.text
    assert writer.units == 0 and not writer._waiting


def _held_writer(desk: ScreeningDesk) -> tuple[threading.Thread, threading.Event]:
    """A thread whose audited write holds the desk's writer until the event is set, so that
    the batches screened meanwhile wait together and form one group."""
    gate = threading.Event()
    entry = AuditEntry("system:test", "RS-MUP", "hold", "serious-crime", [])
    holder = threading.Thread(
        target=desk.writer.write, args=([entry], lambda _conn: gate.wait(10) and None)
    )
    holder.start()
    deadline = time.monotonic() + 30
    while not desk.writer._leading and time.monotonic() < deadline:
        time.sleep(0.001)
    return holder, gate


def _screen_together(
    desk: ScreeningDesk, user: Any, queries: list[ScreenQuery]
) -> list[dict[str, Any]]:
    holder, gate = _held_writer(desk)

    async def main() -> list[dict[str, Any]]:
        tasks = [
            asyncio.create_task(desk.screen_one_async(user, "serious-crime", query, "test"))
            for query in queries
        ]
        deadline = time.monotonic() + 30
        while len(desk.writer._waiting) < len(queries) and time.monotonic() < deadline:
            await asyncio.sleep(0.001)
        gate.set()
        return list(await asyncio.gather(*tasks))

    answers = asyncio.run(main())
    holder.join(timeout=30)
    return answers


def test_the_batches_of_a_group_are_checked_and_counted_together(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)
    officer = world.users["xk.officer"]
    nobody = ScreenQuery(name="Nobody Unknownson")
    assert desk.screen_one(officer, "serious-crime", nobody)["result"] == "no-hit"  # loaded
    looked_up = _watch_look_ups(monkeypatch)
    counted: list[tuple[str, int]] = []
    count = screening_commit.count_queries

    def counting(conn: Connection, username: str, day: str, queries: int) -> None:
        counted.append((username, queries))
        count(conn, username, day, queries)

    monkeypatch.setattr(screening_commit, "count_queries", counting)
    queries = [ScreenQuery(**PETAR, ref=str(n)) for n in range(3)]
    queries.append(nobody)
    answers = _screen_together(desk, officer, queries)
    assert [a["result"] for a in answers] == ["hit", "hit", "hit", "no-hit"]
    # one look-up for the group, each record once; one count for the user's four queries
    assert looked_up == [[world.ids["wanted"]]]
    assert counted == [(officer.username, 4)]
    assert len(audit_actions(world.services.store, "screen")) == 5
    assert world.services.store.verify_audit().ok


def test_a_stale_hit_in_a_group_fails_its_own_batch_only(world: World) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)  # no periodic look
    officer = world.users["xk.officer"]
    assert desk.screen_one(officer, "serious-crime", ScreenQuery(**PETAR))["result"] == "hit"
    erase_records(world.services.store, [world.ids["wanted"]], "test", "cli:test")
    # the index has not looked since: the first query is answered from the erased record
    queries = [ScreenQuery(**PETAR), ScreenQuery(name="Nobody Unknownson")]
    answers = _screen_together(desk, officer, queries)
    assert [a["result"] for a in answers] == ["no-hit", "no-hit"]
    assert world.ids["wanted"] not in desk.index.record_ids()
    entries = audit_actions(world.services.store, "screen")
    assert len(entries) == 3  # the first query's and one for each of the group's
    assert world.services.store.verify_audit().ok
