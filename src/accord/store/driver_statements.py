"""Fixed statements run on the database driver's cursor, inside the caller's transaction.

The audited write of every screening query runs about ten small statements (the version check
of its hits, its hit references and usage, the chain's head, entry, side values and
checkpoint). Through ``Connection.execute`` each costs some 70 µs of Python in the execution
context around it, several times the database's own work; the whole write cost over a
millisecond more than its SQL. A :class:`DriverStatement` is a Core statement compiled once
per dialect and key set; its runs hand the SQL string and the values to the driver's cursor
of the same connection, within the transaction the connection began. Every dialect's SQL
still comes from SQLAlchemy's compiler, so SQLite and PostgreSQL run the same statement.

Only statements whose values need no conversion by SQLAlchemy (text and integers) belong
here; the values are passed to the driver as given.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy.sql import ClauseElement, Insert
from sqlalchemy.sql.compiler import SQLCompiler

__all__ = ["MAX_ROWS", "DriverStatement"]

Row = tuple[Any, ...]
#: The most rows one statement of :meth:`DriverStatement.run_many` inserts (a power of two;
#: SQLite takes up to 32,766 values a statement).
MAX_ROWS = 256
# one row's group of positional markers: ``(?, ?, ?)``
_MARKERS = re.compile(r"\((?:\?, )*\?\)")


class _Compiled:
    """One statement's SQL for one dialect and key set, and how to order its values."""

    def __init__(self, compiled: SQLCompiler, positional: bool) -> None:
        self.sql = compiled.string
        # values fixed in the statement itself (``where id = 1``), bound like the others; a
        # column an insert adds for its default is not one of them (it must be given)
        binds = compiled.binds
        every = compiled.construct_params(_check=False) or {}
        self.names = frozenset(every)
        self.fixed: dict[str, Any] = {
            name: value
            for name, value in every.items()
            if name in binds and not binds[name].required and binds[name].value is not None
        }
        names = getattr(compiled, "positiontup", None)
        self.order: tuple[str, ...] | None = tuple(names) if positional and names else None
        # a plain insert with positional parameters ends with its one row's group of
        # markers, which several rows repeat (see :meth:`DriverStatement.run_many`)
        at = self.sql.rfind(" VALUES (")
        row = self.sql[at + len(" VALUES ") :] if at >= 0 else ""
        self.row_group = row if self.order is not None and _MARKERS.fullmatch(row) else None
        self._sql_of: dict[int, str] = {}

    def rows_sql(self, count: int) -> str:
        """The insert of ``count`` rows at once (positional inserts only)."""
        found = self._sql_of.get(count)
        if found is None:
            assert self.row_group is not None
            head = self.sql[: len(self.sql) - len(self.row_group)]
            found = self._sql_of[count] = head + ", ".join([self.row_group] * count)
        return found

    def values(self, given: Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
        merged = {**self.fixed, **given} if self.fixed else given
        if self.order is None:
            return merged
        return tuple(merged[name] for name in self.order)


class DriverStatement:
    """A Core statement compiled once per dialect and run on the driver's cursor of the
    caller's connection (see the module's docstring)."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[tuple[str, tuple[str, ...]], _Compiled] = {}
        self._lock = threading.Lock()

    def _for(self, conn: Connection, keys: Sequence[str]) -> _Compiled:
        dialect = conn.dialect
        # an insert's SQL depends on the columns given; other statements name their values
        cache_key = (dialect.name, tuple(keys) if isinstance(self.statement, Insert) else ())
        found = self._compiled.get(cache_key)
        if found is None:
            column_keys = list(keys) if isinstance(self.statement, Insert) else None
            compiled = self.statement.compile(dialect=dialect, column_keys=column_keys)
            found = _Compiled(cast(SQLCompiler, compiled), dialect.positional)
            missing = found.names - set(keys) - set(found.fixed)
            if missing:
                raise ValueError(f"No value for {sorted(missing)} in {found.sql!r}.")
            with self._lock:
                self._compiled[cache_key] = found
        return found

    def run(self, conn: Connection, values: Mapping[str, Any] | None = None) -> int:
        """Run once; the number of rows it changed."""
        values = values or {}
        compiled = self._for(conn, list(values))
        cursor = _cursor(conn)
        try:
            cursor.execute(compiled.sql, compiled.values(values))
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def rows(self, conn: Connection, values: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a query once; its rows as tuples."""
        values = values or {}
        compiled = self._for(conn, list(values))
        cursor = _cursor(conn)
        try:
            cursor.execute(compiled.sql, compiled.values(values))
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def run_many(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per row (rows with the same keys). An insert with positional parameters
        (SQLite's) writes its rows in a few statements of many rows each: the driver's
        ``executemany`` steps the statement once a row, and each step lets go of the
        interpreter lock and takes it back, which, for the audit writer's thread, is a wait
        for the event loop to hand it over. The statements take a power of two of rows each
        (at most :data:`MAX_ROWS`), so that an insert has a few texts for the driver to
        keep prepared. Other dialects' drivers get ``executemany``."""
        if not rows:
            return
        compiled = self._for(conn, list(rows[0]))
        cursor = _cursor(conn)
        try:
            if compiled.row_group is None:
                cursor.executemany(compiled.sql, [compiled.values(row) for row in rows])
                return
            start = 0
            while start < len(rows):
                count = min(1 << ((len(rows) - start).bit_length() - 1), MAX_ROWS)
                values = [v for row in rows[start : start + count] for v in compiled.values(row)]
                cursor.execute(compiled.rows_sql(count), values)
                start += count
        finally:
            cursor.close()


def _cursor(conn: Connection) -> Any:
    driver = conn.connection.driver_connection
    if driver is None:
        raise RuntimeError("The connection has no open driver connection.")
    return driver.cursor()
