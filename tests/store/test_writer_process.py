"""The audit writer process: groups the writer thread leads are written by a child process of
their own, with the same outcome for every caller as when the thread writes them (each entry
chained once, a failing unit failing its own caller only, its error the one it raised); a work
that cannot travel is written by the thread, and a child that died is replaced."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, insert, select

from accord.services.screening_commit import StaleHits
from accord.settings import Settings
from accord.store import AuditEntry, Store, audit_writer, open_store
from accord.store.audit_writer import GroupCommit
from accord.store.tables import audit_entries, screening_usage
from accord.store.writer_process import WriterProcess


def _entry(n: int) -> AuditEntry:
    return AuditEntry(f"user{n}", "RS-GP", "screen", "border-management", [f"hit-{n}"],
                      detail={"terms": {"name": f"Petrović {n}"}})  # fmt: skip


class Usage(audit_writer.SharedWork):
    """Usage rows written together, and the process that wrote them (a unit numbered 99 is
    stale: it fails with the records the desk would look at again)."""

    def __init__(self, n: int) -> None:
        self.n = n

    @classmethod
    def run_together(cls, conn: Connection, works: Sequence[audit_writer.SharedWork]) -> None:
        numbers = [work.n for work in works if isinstance(work, Usage)]
        if 99 in numbers:
            raise StaleHits(["rec-a", "rec-b"])
        for n in numbers:
            row = {"username": f"user{n}", "day": "2026-01-01", "queries": os.getpid()}
            conn.execute(insert(screening_usage), row)


def _rows(store: Store) -> dict[str, int]:
    with store.read() as conn:
        found = conn.execute(select(screening_usage.c.username, screening_usage.c.queries))
        return {name: pid for name, pid in found}


def _entries(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_entries)).scalar_one())


@pytest.fixture
def writer(store: Store, store_settings: Settings) -> Iterator[GroupCommit]:
    writer = GroupCommit(store)
    writer.process = WriterProcess(store_settings)
    yield writer
    writer.process.close()


def _write_all(writer: GroupCommit, units: list[tuple[list[AuditEntry], Any]]) -> list[Any]:
    async def main() -> list[Any]:
        calls = [writer.write_async(entries, work) for entries, work in units]
        return await asyncio.gather(*calls, return_exceptions=True)

    return asyncio.run(main())


def test_async_units_are_written_by_the_child_and_chained_once(
    writer: GroupCommit, store: Store
) -> None:
    outcomes = _write_all(writer, [([_entry(n)], Usage(n)) for n in range(12)])
    assert outcomes == [None] * 12
    rows = _rows(store)
    assert sorted(rows) == sorted(f"user{n}" for n in range(12))
    assert os.getpid() not in rows.values()  # written in the child
    assert _entries(store) == 12
    assert writer.units == 12 and writer.transactions >= 1
    assert store.verify_audit().ok
    # entries alone (a refusal) travel too
    assert _write_all(writer, [([_entry(50)], None)]) == [None]
    assert _entries(store) == 13


def test_a_failing_unit_fails_its_own_caller_with_its_own_error(
    writer: GroupCommit, store: Store
) -> None:
    outcomes = _write_all(writer, [([_entry(n)], Usage(n)) for n in (1, 99, 2)])
    assert outcomes[0] is None and outcomes[2] is None
    stale = outcomes[1]
    assert isinstance(stale, StaleHits) and stale.record_ids == ["rec-a", "rec-b"]
    assert sorted(_rows(store)) == ["user1", "user2"]
    assert _entries(store) == 2  # the stale unit's entry was not written
    assert store.verify_audit().ok


def test_a_work_that_cannot_travel_is_written_by_the_thread(
    writer: GroupCommit, store: Store
) -> None:
    def closure(conn: Connection) -> None:
        conn.execute(insert(screening_usage), {"username": "local", "day": "2026-01-01",
                                               "queries": os.getpid()})  # fmt: skip

    assert _write_all(writer, [([_entry(1)], closure)]) == [None]
    assert _rows(store) == {"local": os.getpid()}
    assert store.verify_audit().ok


def test_a_child_that_died_fails_its_group_and_is_replaced(
    writer: GroupCommit, store: Store
) -> None:
    process = writer.process
    assert process is not None
    process.start()
    assert process.running
    assert process._process is not None
    os.kill(process._process.pid, signal.SIGKILL)
    process._process.wait(timeout=10)
    first = _write_all(writer, [([_entry(1)], Usage(1))])
    assert isinstance(first[0], RuntimeError)  # not known to be written: the caller is told
    assert _write_all(writer, [([_entry(2)], Usage(2))]) == [None]
    assert process.running
    assert "user2" in _rows(store)
    assert store.verify_audit().ok


def test_closing_the_services_ends_the_child(store_settings: Settings) -> None:
    from accord.services import open_services

    services = open_services(store_settings)
    writer = audit_writer.group_commit(services.store)
    writer.process = WriterProcess(store_settings)
    writer.process.start()
    child = writer.process._process
    assert child is not None
    services.close()
    assert writer.process is None
    assert child.poll() is not None


def test_a_store_opened_again_writes_to_the_same_chain(store_settings: Settings) -> None:
    """The child opens the store the settings name: what it appends, a store opened here
    verifies as one chain with what this process appended."""
    store = open_store(store_settings)
    try:
        writer = GroupCommit(store)
        writer.write([_entry(1)])  # by this process
        writer.process = WriterProcess(store_settings)
        assert _write_all(writer, [([_entry(2)], None)]) == [None]
        writer.write([_entry(3)], lambda conn: None)  # a thread leads its own: this process
        assert _entries(store) == 3
        assert store.verify_audit().ok
        writer.process.close()
    finally:
        store.close()


def test_a_child_that_cannot_start_leaves_the_writes_to_the_thread(
    store: Store, store_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """A child that cannot open the store (here: a database that is not there) fails before
    anything is sent to it: the group is written by the thread, and so are the later ones."""
    writer = GroupCommit(store)
    elsewhere = dataclasses.replace(store_settings, database_url="nosuch://nowhere")
    writer.process = WriterProcess(elsewhere)
    assert _write_all(writer, [([_entry(1)], Usage(1))]) == [None]
    assert writer.process is None
    assert _rows(store) == {"user1": os.getpid()}
    assert "did not start" in caplog.text
    assert _write_all(writer, [([_entry(2)], Usage(2))]) == [None]
    assert store.verify_audit().ok


def test_the_child_does_not_run_the_program_that_started_it(
    tmp_path: Path, store_settings: Settings
) -> None:
    """A program without a main guard that attaches a writer process: the child runs the
    writer's own module, not the program again."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import asyncio, dataclasses, pickle, sys\n"
        "from accord.store import AuditEntry, open_store\n"
        "from accord.store.audit_writer import GroupCommit\n"
        "from accord.store.writer_process import WriterProcess\n"
        "settings = pickle.loads(bytes.fromhex(sys.argv[1]))\n"
        "store = open_store(settings)\n"
        "writer = GroupCommit(store)\n"
        "writer.process = WriterProcess(settings)\n"
        "entry = AuditEntry('u', 'RS-GP', 'screen', 'border-management', [], detail={})\n"
        "asyncio.run(writer.write_async([entry]))\n"
        "assert writer.process is not None and writer.process.running\n"
        "writer.process.close()\n"
        "print('written once')\n"
    )
    done = subprocess.run(
        [sys.executable, str(script), pickle.dumps(store_settings).hex()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("written once") == 1
