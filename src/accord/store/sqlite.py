"""The embedded default: one SQLite file in WAL mode, safe for several processes at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event

from accord.store.base import INSERT_COLUMNS, Store
from accord.store.batch import RECORD_COLUMNS

__all__ = ["SqliteStore"]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _insert_statement(batch_id: str, stamp: str) -> str:
    """The insert of one chunk's new records. The values every row of the chunk shares are
    written into the statement rather than bound for each row: binding is a good part of the
    cost of a bulk insert."""
    shared = ("0", _literal(batch_id), _literal(stamp), _literal(stamp))
    values = ["?"] * len(RECORD_COLUMNS) + list(shared)
    return f"INSERT INTO records ({', '.join(INSERT_COLUMNS)}) VALUES ({', '.join(values)})"


class SqliteStore(Store):
    dialect = "sqlite"

    def __init__(self, url: str, audit_key: bytes, checkpoint_file: Path | None) -> None:
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _configure(dbapi_conn: Any, _record: Any) -> None:
            # Take transaction control from the driver so that writes start with BEGIN
            # IMMEDIATE: two processes then queue for the write lock instead of deadlocking.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.execute("PRAGMA foreign_keys=ON")
            # Record ids are keyed hashes, so inserts land all over the primary-key index:
            # a cache that holds the index keeps a large batch from thrashing the disk.
            cursor.execute("PRAGMA cache_size=-262144")
            cursor.execute("PRAGMA temp_store=MEMORY")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        super().__init__(engine, audit_key, checkpoint_file)

    def _insert_records(
        self, conn: Connection, rows: Sequence[tuple[Any, ...]], batch_id: str, stamp: str
    ) -> None:
        # The driver's own executemany, inside the same transaction: several times faster
        # than building a parameter dict per row.
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(_insert_statement(batch_id, stamp), rows)
        finally:
            cursor.close()
