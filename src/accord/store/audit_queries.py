"""What a data-protection officer asks of the audit log."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from accord.store.tables import audit_entries, audit_values

__all__ = ["entries_between", "entries_naming"]

_READS = ("consultation", "export", "disclosure", "screen", "combination", "transfer")


def _with_values(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    seqs = [row.seq for row in rows]
    values: dict[int, Any] = {}
    for start in range(0, len(seqs), 900):
        query = select(audit_values).where(audit_values.c.seq.in_(seqs[start : start + 900]))
        values.update({v.seq: json.loads(v.detail) for v in conn.execute(query)})
    out = []
    for row in rows:
        entry = dict(row._mapping)
        entry["refs"] = json.loads(entry["refs"])
        entry["detail"] = values.get(row.seq)  # None once retention erased it
        out.append(entry)
    return out


def entries_between(
    conn: Connection, start: str, end: str, authorities: list[str] | None
) -> list[dict[str, Any]]:
    """Entries from ``start`` to ``end`` (ISO dates, inclusive), of the given authorities."""
    query = select(audit_entries).where(
        audit_entries.c.at >= start, audit_entries.c.at < end + "\uffff"
    )
    if authorities is not None:
        query = query.where(audit_entries.c.authority.in_(authorities))
    return _with_values(conn, list(conn.execute(query.order_by(audit_entries.c.seq))))


def entries_naming(conn: Connection, record_id: str) -> list[dict[str, Any]]:
    """Every read, export, disclosure or combination that returned or used this record."""
    pattern = json.dumps(record_id)
    query = (
        select(audit_entries)
        .where(audit_entries.c.action.in_(_READS), audit_entries.c.refs.contains(pattern))
        .order_by(audit_entries.c.seq)
    )
    return _with_values(conn, list(conn.execute(query)))
