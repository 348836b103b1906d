"""The embedded default: one SQLite file in WAL mode, safe for several processes at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event

from accord.store.base import INSERT_COLUMNS, Store

__all__ = ["SqliteStore"]

_INSERT = (
    f"INSERT INTO records ({', '.join(INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in INSERT_COLUMNS)})"
)


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

    def _insert_records(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        # The driver's own executemany, inside the same transaction: several times faster
        # than building a parameter dict per row.
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(_INSERT, rows)
        finally:
            cursor.close()
