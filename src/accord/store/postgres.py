"""The server store: PostgreSQL, with COPY for bulk loads."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine

from accord.store.base import INSERT_COLUMNS, Store

__all__ = ["PostgresStore"]


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str, audit_key: bytes, checkpoint_file: Path | None) -> None:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        engine = create_engine(url, pool_pre_ping=True)
        super().__init__(engine, audit_key, checkpoint_file)

    def _insert_records(
        self, conn: Connection, rows: Sequence[tuple[Any, ...]], batch_id: str, stamp: str
    ) -> None:
        raw: Any = conn.connection.driver_connection
        columns = ", ".join(f'"{name}"' for name in INSERT_COLUMNS)
        extra = (False, batch_id, stamp, stamp)
        with raw.cursor() as cursor, cursor.copy(f"COPY records ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, *extra))
