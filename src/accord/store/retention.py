"""Retention: erase records past their delete-by date and flag those due for review.

An erasure removes the record, keeps a tombstone (so that a re-ingest does not bring it back and
derived stores drop it), erases the personal values that audit entries about it hold in the
side table (the chain itself holds only references and keyed hashes, so it still verifies), and
reports the exports on record that contained it, so that their recipients can be told.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from accord.store.audit import AuditEntry, now_iso
from accord.store.base import Store
from accord.store.tables import (
    audit_entries,
    audit_values,
    envelopes,
    erasures,
    identity_members,
    records,
)

__all__ = ["RetentionReport", "erase_records", "run_retention"]


@dataclass
class RetentionReport:
    erased: list[str] = field(default_factory=list)
    due_for_review: list[str] = field(default_factory=list)
    exports_affected: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "erased": len(self.erased),
            "due_for_review": len(self.due_for_review),
            "exports_affected": self.exports_affected,
        }


def _due(conn: Connection, column: Any, today: date) -> list[str]:
    query = (
        select(records.c.id)
        .join(envelopes, envelopes.c.id == records.c.envelope_id)
        .where(column <= today.isoformat())
        .order_by(records.c.id)
    )
    return [row.id for row in conn.execute(query)]


def _scrub_audit_values(conn: Connection, ids: set[str]) -> list[dict[str, Any]]:
    """Erase side values of entries that name an erased record; return the exports among them."""
    exports: list[dict[str, Any]] = []
    scrub: list[int] = []
    query = select(audit_entries.c.seq, audit_entries.c.action, audit_entries.c.actor,
                   audit_entries.c.refs)  # fmt: skip
    for row in conn.execute(query):
        named = ids.intersection(json.loads(row.refs))
        if not named:
            continue
        scrub.append(row.seq)
        if row.action == "export":
            exports.append({"audit_seq": row.seq, "user": row.actor, "records": len(named)})
    for start in range(0, len(scrub), 900):
        part = scrub[start : start + 900]
        conn.execute(delete(audit_values).where(audit_values.c.seq.in_(part)))
    return exports


def _drop_from_identities(conn: Connection, ids: list[str]) -> None:
    """An erased record leaves every identity it was linked into (its link evidence too)."""
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        conn.execute(delete(identity_members).where(identity_members.c.record_id.in_(part)))
        conn.execute(update(identity_members).where(identity_members.c.linked_to.in_(part))
                     .values(linked_to=None))  # fmt: skip


def erase_records(
    store: Store, ids: Sequence[str], reason: str, actor: str, authority: str = ""
) -> RetentionReport:
    """Erase the given records in one transaction (tombstone, values, audit)."""
    report = RetentionReport(erased=list(ids))
    if not ids:
        return report
    stamp = now_iso()
    with store.write() as conn:
        for start in range(0, len(ids), 900):
            part = list(ids[start : start + 900])
            conn.execute(delete(records).where(records.c.id.in_(part)))
            known = {r.record_id for r in conn.execute(
                select(erasures.c.record_id).where(erasures.c.record_id.in_(part)))}  # fmt: skip
            fresh = [{"record_id": i, "erased_at": stamp, "reason": reason}
                     for i in part if i not in known]  # fmt: skip
            if fresh:
                conn.execute(insert(erasures), fresh)
        _drop_from_identities(conn, list(ids))
        report.exports_affected = _scrub_audit_values(conn, set(ids))
        store.audit.append(conn, [AuditEntry(
            actor, authority, "erasure", "retention", list(ids),
            detail={"reason": reason, "exports_affected": report.exports_affected},
        )])  # fmt: skip
    return report


def run_retention(store: Store, today: date, actor: str, dry_run: bool = False) -> RetentionReport:
    """Erase what is past its delete-by date; list what is past its review date."""
    with store.read() as conn:
        due = _due(conn, envelopes.c.delete_by, today)
        review = [i for i in _due(conn, envelopes.c.review_date, today) if i not in set(due)]
    if dry_run:
        return RetentionReport(erased=due, due_for_review=review)
    report = erase_records(store, due, f"delete-by date reached by {today.isoformat()}", actor)
    report.due_for_review = review
    if review:
        store.log(AuditEntry(actor, "", "review-due", "retention", review))
    return report
