"""Group commit: concurrent audited writes share transactions, none is lost, the chain verifies,
and a failing unit fails its own caller only; coroutines are answered from the writer thread."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from typing import ClassVar

import pytest
from sqlalchemy import Connection, Table, func, insert, select

from accord.store import AuditEntry, Store, audit_writer
from accord.store.audit_writer import GroupCommit
from accord.store.tables import audit_entries, screening_usage


def _entry(n: int) -> AuditEntry:
    return AuditEntry(f"user{n}", "RS-GP", "screen", "border-management", [f"hit-{n}"],
                      detail={"terms": {"name": f"Petrović {n}"}})  # fmt: skip


def _usage_row(n: int) -> Callable[[Connection], None]:
    def work(conn: Connection) -> None:
        conn.execute(insert(screening_usage), {"username": f"user{n}", "day": "2026-01-01",
                                               "queries": n})  # fmt: skip

    return work


def _count(store: Store, table: Table) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_concurrent_writes_are_grouped_and_every_entry_is_chained(store: Store) -> None:
    writer = GroupCommit(store)
    callers = 12
    arrived = threading.Event()

    def slow_first(conn: Connection) -> None:
        # hold the first transaction open until every other caller waits behind it
        deadline = time.monotonic() + 10
        while len(writer._waiting) < callers - 1 and time.monotonic() < deadline:
            time.sleep(0.005)
        arrived.set()
        _usage_row(0)(conn)

    errors: list[BaseException] = []

    def call(n: int) -> None:
        try:
            writer.write([_entry(n)], slow_first if n == 0 else _usage_row(n))
        except BaseException as exc:
            errors.append(exc)

    first = threading.Thread(target=call, args=(0,))
    first.start()
    while not writer._leading:
        time.sleep(0.001)
    others = [threading.Thread(target=call, args=(n,)) for n in range(1, callers)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join(timeout=60)
    assert not errors
    assert arrived.is_set()
    assert writer.units == callers
    assert writer.transactions == 2  # the first alone, the eleven who waited behind it together
    assert _count(store, audit_entries) == callers
    assert _count(store, screening_usage) == callers
    assert store.verify_audit().ok


def test_a_failing_unit_fails_its_own_caller_only(store: Store) -> None:
    writer = GroupCommit(store)
    gate = threading.Event()

    def hold(conn: Connection) -> None:
        gate.wait(10)
        _usage_row(0)(conn)

    def broken(conn: Connection) -> None:
        _usage_row(1)(conn)
        _usage_row(1)(conn)  # the same key twice: the database refuses it

    outcome: dict[int, str] = {}

    def call(n: int, work: Callable[[Connection], None]) -> None:
        try:
            writer.write([_entry(n)], work)
            outcome[n] = "ok"
        except Exception:
            outcome[n] = "failed"

    threads = [threading.Thread(target=call, args=(0, hold))]
    threads[0].start()
    while not writer._leading:
        time.sleep(0.001)
    threads += [
        threading.Thread(target=call, args=(1, broken)),
        threading.Thread(target=call, args=(2, _usage_row(2))),
        threading.Thread(target=call, args=(3, _usage_row(3))),
    ]
    for thread in threads[1:]:
        thread.start()
    while len(writer._waiting) < 3:
        time.sleep(0.001)
    gate.set()
    for thread in threads:
        thread.join(timeout=60)
    assert outcome == {0: "ok", 1: "failed", 2: "ok", 3: "ok"}
    with store.read() as conn:
        actors = set(conn.execute(select(audit_entries.c.actor)).scalars())
    assert actors == {"user0", "user2", "user3"}  # the failed unit's entry is not chained
    assert store.verify_audit().ok


def test_an_entry_is_committed_when_write_returns(store: Store) -> None:
    writer = GroupCommit(store)
    writer.write([_entry(7)])
    # a fresh connection (another reader) sees it at once
    assert _count(store, audit_entries) == 1
    with pytest.raises(ValueError, match="bad"):

        def bad(conn: Connection) -> None:
            raise ValueError("bad unit")

        writer.write([_entry(8)], bad)
    assert _count(store, audit_entries) == 1
    assert not writer._leading and not writer._waiting


def test_async_callers_are_grouped_with_threads_and_answered_after_the_commit(
    store: Store,
) -> None:
    writer = GroupCommit(store)
    gate = threading.Event()

    def hold(conn: Connection) -> None:
        gate.wait(10)
        _usage_row(0)(conn)

    leader = threading.Thread(target=writer.write, args=([_entry(0)], hold))
    leader.start()
    while not writer._leading:
        time.sleep(0.001)
    seen: dict[int, int] = {}

    async def call(n: int) -> None:
        await writer.write_async([_entry(n)], _usage_row(n))
        seen[n] = _count(store, audit_entries)  # committed before the caller goes on

    async def main() -> None:
        tasks = [asyncio.create_task(call(n)) for n in range(1, 9)]
        while len(writer._waiting) < 8:
            await asyncio.sleep(0.001)
        gate.set()
        await asyncio.gather(*tasks)

    asyncio.run(main())
    leader.join(timeout=60)
    assert sorted(seen) == list(range(1, 9))
    assert all(count == 9 for count in seen.values())  # one group after the leader's
    assert writer.transactions == 2
    assert _count(store, screening_usage) == 9
    assert store.verify_audit().ok


def test_an_async_caller_gets_its_own_units_error_only(store: Store) -> None:
    writer = GroupCommit(store)

    def broken(conn: Connection) -> None:
        _usage_row(1)(conn)
        _usage_row(1)(conn)  # the same key twice: the database refuses it

    async def main() -> list[BaseException | None]:
        results = await asyncio.gather(
            writer.write_async([_entry(1)], broken),
            writer.write_async([_entry(2)], _usage_row(2)),
            writer.write_async([_entry(3)]),
            return_exceptions=True,
        )
        return list(results)

    outcome = asyncio.run(main())
    assert isinstance(outcome[0], Exception) and outcome[1:] == [None, None]
    with store.read() as conn:
        actors = set(conn.execute(select(audit_entries.c.actor)).scalars())
    assert actors == {"user2", "user3"}
    assert store.verify_audit().ok


def test_the_writer_thread_ends_when_idle_and_another_starts(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_writer, "_IDLE_SECONDS", 0.05)
    writer = GroupCommit(store)
    asyncio.run(writer.write_async([_entry(1)]))
    first = writer._thread
    assert first is not None
    first.join(timeout=10)
    assert not first.is_alive() and writer._thread is None
    asyncio.run(writer.write_async([_entry(2)]))
    assert _count(store, audit_entries) == 2
    assert not writer._leading and not writer._waiting


def test_no_hand_over_to_the_writer_thread_is_lost(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Idle ends that race with hand-overs, and wakes left over from groups the thread led
    # already: every coroutine is answered, each after its own entry is committed.
    monkeypatch.setattr(audit_writer, "_IDLE_SECONDS", 0.002)
    writer = GroupCommit(store)
    threads_seen: set[int] = set()

    async def one(n: int) -> None:
        await writer.write_async([_entry(n)])
        if writer._thread is not None:
            threads_seen.add(id(writer._thread))

    async def main() -> None:
        n = 0
        for round_ in range(60):
            burst = 1 + round_ % 4
            await asyncio.wait_for(asyncio.gather(*(one(n + k) for k in range(burst))), timeout=30)
            n += burst
            if round_ % 3 == 0:
                await asyncio.sleep(0.004)  # past the idle time: the thread may end

    asyncio.run(main())
    assert _count(store, audit_entries) == sum(1 + r % 4 for r in range(60))
    assert not writer._leading and not writer._waiting
    assert len(threads_seen) > 1  # idle threads ended and others started
    assert store.verify_audit().ok


def test_a_leftover_wake_does_not_end_the_writer_thread(store: Store) -> None:
    writer = GroupCommit(store)
    asyncio.run(writer.write_async([_entry(1)]))
    thread = writer._thread
    assert thread is not None
    writer._wakes.put(None)  # a wake for a group that was led already
    time.sleep(0.05)
    assert thread.is_alive() and writer._thread is thread
    asyncio.run(writer.write_async([_entry(2)]))
    assert writer._thread is thread  # the same thread led the next group
    assert _count(store, audit_entries) == 2


def test_under_load_the_writer_thread_gathers_a_group(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_writer, "GATHER_SECONDS", 0.3)
    writer = GroupCommit(store)

    async def main() -> None:
        await writer.write_async([_entry(1)], _usage_row(1))  # an idle writer: at once
        assert writer.transactions == 1
        # arriving within the gather after that commit: the two wait for each other
        second = asyncio.create_task(writer.write_async([_entry(2)], _usage_row(2)))
        await asyncio.sleep(0.05)
        third = asyncio.create_task(writer.write_async([_entry(3)], _usage_row(3)))
        await asyncio.wait_for(asyncio.gather(second, third), timeout=30)

    asyncio.run(main())
    assert writer.units == 3
    assert writer.transactions == 2
    assert _count(store, audit_entries) == 3
    assert store.verify_audit().ok


def test_a_unit_arriving_at_an_idle_writer_does_not_wait_for_others(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # with a gather far longer than the test's time-out, only writing at once can pass
    monkeypatch.setattr(audit_writer, "GATHER_SECONDS", 600.0)
    writer = GroupCommit(store)

    async def main() -> None:
        await asyncio.wait_for(writer.write_async([_entry(1)]), timeout=30)

    asyncio.run(main())
    assert writer.transactions == 1
    assert _count(store, audit_entries) == 1


def test_a_thread_leading_its_own_group_does_not_gather(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_writer, "GATHER_SECONDS", 600.0)
    writer = GroupCommit(store)
    done = threading.Event()

    def two_writes() -> None:
        writer.write([_entry(1)])
        writer.write([_entry(2)])  # right after a commit, but a thread leads without waiting
        done.set()

    thread = threading.Thread(target=two_writes)
    thread.start()
    thread.join(timeout=30)
    assert done.is_set()
    assert writer.transactions == 2


class _Rows(audit_writer.SharedWork):
    """Usage rows written together: one call for the whole group."""

    calls: ClassVar[list[list[int]]] = []

    def __init__(self, n: int) -> None:
        self.n = n

    @classmethod
    def run_together(cls, conn: Connection, works: Sequence[audit_writer.SharedWork]) -> None:
        numbers = [work.n for work in works if isinstance(work, _Rows)]
        cls.calls.append(numbers)
        if 99 in numbers and len(numbers) > 1:
            raise ValueError("a stale unit")  # the group fails; alone, the others pass
        if 99 in numbers:
            raise ValueError("still stale")
        for n in numbers:
            _usage_row(n)(conn)


def test_shared_works_of_a_group_run_in_one_call(store: Store) -> None:
    _Rows.calls = []
    writer = GroupCommit(store)
    gate = threading.Event()
    leader = threading.Thread(
        target=writer.write, args=([_entry(0)], lambda _conn: gate.wait(10) and None)
    )
    leader.start()
    while not writer._leading:
        time.sleep(0.001)

    async def main() -> list[BaseException | None]:
        tasks = [writer.write_async([_entry(n)], _Rows(n)) for n in (1, 2, 99, 3)]
        tasks.append(writer.write_async([_entry(4)], _usage_row(4)))
        gathered = asyncio.gather(*tasks, return_exceptions=True)
        while len(writer._waiting) < 5:
            await asyncio.sleep(0.001)
        gate.set()
        return list(await gathered)

    outcome = asyncio.run(main())
    leader.join(timeout=30)
    assert [type(o).__name__ if o else None for o in outcome] == [
        None, None, "ValueError", None, None]  # fmt: skip
    # the group's one call, then each unit alone after it failed
    assert _Rows.calls == [[1, 2, 99, 3], [1], [2], [99], [3]]
    with store.read() as conn:
        users = set(conn.execute(select(screening_usage.c.username)).scalars())
    assert users == {"user1", "user2", "user3", "user4"}
    assert store.verify_audit().ok
