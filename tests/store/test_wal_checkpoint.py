"""The embedded store copies its write-ahead log back from a thread of its own: no commit runs
a checkpoint, the log is emptied all the same, and what was committed survives."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from accord.settings import Settings
from accord.store import AuditEntry, open_store
from accord.store.sqlite import SqliteStore
from accord.store.tables import audit_entries, screening_usage
from accord.store.wal_checkpoint import WalCheckpointer


def _rows_in_file(path: str, table: str, scratch: Path) -> int:
    """Rows of ``table`` in the database file itself, without its log: what was copied back."""
    alone = scratch / "file-alone.db"
    shutil.copyfile(path, alone)
    conn = sqlite3.connect(alone)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()
        alone.unlink()


def _store(settings: Settings) -> SqliteStore:
    store = open_store(settings)
    assert isinstance(store, SqliteStore)
    return store


def test_commits_never_checkpoint_inline(accord_env: Settings) -> None:
    store = _store(accord_env)
    try:
        with store.read() as conn:
            pragma = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        assert pragma == 0  # every pooled connection leaves the copy to the checkpointer
        assert store.wal_checkpointer is not None
    finally:
        store.close()


def test_the_log_is_copied_back_after_commits(accord_env: Settings, tmp_path: Path) -> None:
    store = _store(accord_env)
    checkpointer = store.wal_checkpointer
    assert checkpointer is not None
    checkpointer.interval = 0.05
    path = store.engine.url.database
    assert path
    try:
        before = checkpointer.checkpoints
        for day in range(50):
            with store.write() as conn:
                conn.execute(
                    insert(screening_usage),
                    {"username": "u", "day": f"2026-01-{day % 28 + 1:02d}-{day}", "queries": 1},
                )
        deadline = time.monotonic() + 10
        while checkpointer.checkpoints == before and time.monotonic() < deadline:
            time.sleep(0.02)
        assert checkpointer.checkpoints > before
        assert _rows_in_file(path, "screening_usage", tmp_path) == 50
    finally:
        store.close()
    # committed rows are in the file whatever the log: reopen and count them
    reopened = open_store(accord_env)
    try:
        with reopened.read() as conn:
            count = conn.execute(select(func.count()).select_from(screening_usage)).scalar()
        assert count == 50
    finally:
        reopened.close()


def test_audited_writes_verify_with_background_checkpoints(accord_env: Settings) -> None:
    store = _store(accord_env)
    assert store.wal_checkpointer is not None
    store.wal_checkpointer.interval = 0.01
    try:
        for n in range(30):
            with store.write() as conn:
                entry = AuditEntry(f"user{n}", "RS-GP", "screen", "border-management")
                store.audit.append(conn, [entry])
            time.sleep(0.005)  # let checkpoints fall between the writes
        with store.read() as conn:
            assert conn.execute(select(func.count()).select_from(audit_entries)).scalar_one() >= 30
            assert store.audit.verify(conn).ok
    finally:
        store.close()


def test_close_ends_the_thread_after_a_last_checkpoint(tmp_path: Path) -> None:
    path = str(tmp_path / "log.db")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the table in the file, its rows to come
    checkpointer = WalCheckpointer(path, interval=30.0)
    conn.execute("INSERT INTO t VALUES (1)")
    copies = tmp_path / "copies"
    copies.mkdir()
    assert _rows_in_file(path, "t", copies) == 0  # in the log only
    checkpointer.committed()
    started = time.monotonic()
    checkpointer.close()  # does not wait the interval out
    assert time.monotonic() - started < 10
    assert checkpointer.checkpoints == 1
    assert _rows_in_file(path, "t", copies) == 1
    checkpointer.committed()  # closed: no new thread
    assert checkpointer.checkpoints == 1
    conn.close()
