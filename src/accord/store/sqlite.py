"""The embedded default: one SQLite file in WAL mode, safe for several processes at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event

from accord.store.base import INSERT_COLUMNS, DuplicateIdError, Store
from accord.store.batch import IMAGE_TABLE, RECORD_COLUMNS, RecordImage
from accord.store.wal_checkpoint import WalCheckpointer

__all__ = ["PAGE_SIZE", "SqliteStore"]

# Marks a connection opened by :meth:`SqliteStore.read`: its transaction starts deferred.
_READ_ONLY = "accord_read_only"
_POOL_SIZE = 16
_POOL_OVERFLOW = 24
#: The page size of a store created from now on, in bytes.
PAGE_SIZE = 16_384


#: The schema a chunk's record image is opened under, on the connection that writes the batch.
_INCOMING = "accord_incoming"


def _empty_image() -> bytes:
    """A one-page empty database: what the incoming schema holds between two images."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("PRAGMA user_version=1")
        return conn.serialize()
    finally:
        conn.close()


_EMPTY_IMAGE = _empty_image()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _insert_statement(batch_id: str, stamp: str) -> str:
    """The insert of one chunk's new records. The values every row of the chunk shares are
    written into the statement rather than bound for each row: binding is a good part of the
    cost of a bulk insert."""
    shared = ("0", _literal(batch_id), _literal(stamp), _literal(stamp))
    values = ["?"] * len(RECORD_COLUMNS) + list(shared)
    return f"INSERT INTO records ({', '.join(INSERT_COLUMNS)}) VALUES ({', '.join(values)})"


def _copy_statement(batch_id: str, stamp: str) -> str:
    """The copy of an image's records into the store, in the image's (id) order."""
    shared = ("0", _literal(batch_id), _literal(stamp), _literal(stamp))
    values = ["id", "?", "caption", "properties", "envelope_id", "content_hash", *shared]
    return (
        f"INSERT INTO main.records ({', '.join(INSERT_COLUMNS)}) "
        f"SELECT {', '.join(values)} FROM {_INCOMING}.{IMAGE_TABLE} ORDER BY rowid"
    )


class SqliteStore(Store):
    dialect = "sqlite"
    copy_checks_ids = True

    def __init__(self, url: str, audit_key: bytes, checkpoint_file: Path | None) -> None:
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # A server answers from a pool of 40 threads: with the default pool of 5, connections
        # past it were opened (with their pragmas) and closed again on every request.
        # Last in, first out: the connection that wrote last keeps a valid page cache, and
        # SQLite drops a connection's whole cache when another connection has written since.
        pooled = {"pool_size": _POOL_SIZE, "max_overflow": _POOL_OVERFLOW, "pool_use_lifo": True}
        on_file = bool(path) and path != ":memory:"
        engine = create_engine(url, connect_args={"timeout": 60}, **(pooled if on_file else {}))

        @event.listens_for(engine, "connect")
        def _configure(dbapi_conn: Any, _record: Any) -> None:
            # Take transaction control from the driver so that writes start with BEGIN
            # IMMEDIATE: two processes then queue for the write lock instead of deadlocking.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            # Before anything else: it takes effect only while the file is still empty (a store
            # created earlier keeps its size). 16 KiB pages hold a record's row several times
            # over and make the B-trees shallower: a bulk batch costs about 40% less processor
            # time to insert and to copy back from the log than with the default 4 KiB, while
            # a small transaction writes a few more bytes to the log (docs/benchmarks.md).
            cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.execute("PRAGMA foreign_keys=ON")
            # Record ids are keyed hashes, so inserts land all over the primary-key index:
            # a cache that holds the index keeps a large batch from thrashing the disk.
            cursor.execute("PRAGMA cache_size=-262144")
            cursor.execute("PRAGMA temp_store=MEMORY")
            if on_file:  # the log is copied back by the store's checkpointer, not in a commit
                cursor.execute("PRAGMA wal_autocheckpoint=0")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # A read takes no write lock: in WAL mode it sees the last commit and neither
            # waits for a writer nor makes one wait (with IMMEDIATE, every request's token
            # check queued behind the audit writes, in the driver's sleeping retries).
            read_only = conn.get_execution_options().get(_READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        checkpointer = WalCheckpointer(path) if on_file else None
        if checkpointer is not None:
            event.listen(engine, "commit", lambda _conn: checkpointer.committed())
        self.wal_checkpointer = checkpointer

        super().__init__(engine, audit_key, checkpoint_file)

    def close(self) -> None:
        if self.wal_checkpointer is not None:
            self.wal_checkpointer.close()
        super().close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading; what it writes is rolled back, as on every store."""
        with self.engine.connect() as conn:
            conn.execution_options(**{_READ_ONLY: True})
            yield conn

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

    def _insert_image(
        self, conn: Connection, image: RecordImage, batch_id: str, stamp: str
    ) -> None:
        # The image is opened as an attached in-memory database and copied by SQLite itself,
        # inside the batch's transaction: one statement per chunk, where executemany binds six
        # values a row and takes the interpreter lock back after every row. Attaching and
        # loading an image are allowed inside a transaction; detaching is not (the schema
        # stays attached to the connection, emptied after each copy).
        driver: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        attached = {row[1] for row in driver.execute("PRAGMA database_list")}
        if _INCOMING not in attached:
            driver.execute(f"ATTACH DATABASE ':memory:' AS {_INCOMING}")
        driver.deserialize(image.data, name=_INCOMING)
        try:
            driver.execute(_copy_statement(batch_id, stamp), (image.schema,))
        except sqlite3.IntegrityError as exc:
            # The statement is undone whole; the batch's transaction goes on.
            if "records.id" in str(exc):
                raise DuplicateIdError(str(exc)) from exc
            raise
        finally:
            driver.deserialize(_EMPTY_IMAGE, name=_INCOMING)
