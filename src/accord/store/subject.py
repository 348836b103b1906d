"""Data-subject rights on stored records: restriction of processing and rectification."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select, update

from accord.errors import InputError, NotFound
from accord.model.ids import content_hash
from accord.model.schemata import get_schema
from accord.store.audit import AuditEntry, now_iso
from accord.store.base import Store
from accord.store.tables import records

__all__ = ["rectify_record", "set_restricted"]


def set_restricted(
    store: Store, record_id: str, restricted: bool, actor: str, authority: str, reason: str
) -> None:
    """Restrict (or lift the restriction of) the processing of a record: while restricted,
    only its originator sees it."""
    with store.write() as conn:
        done = conn.execute(
            update(records).where(records.c.id == record_id).values(restricted=restricted)
        )
        if done.rowcount == 0:
            raise NotFound(f"No record {record_id!r}.")
        action = "restriction" if restricted else "restriction-lifted"
        store.audit.append(conn, [AuditEntry(actor, authority, action, "supervision",
                                             [record_id], detail={"reason": reason})])  # fmt: skip


def rectify_record(
    store: Store,
    record_id: str,
    prop: str,
    values: Sequence[str],
    actor: str,
    authority: str,
    justification: str,
) -> dict[str, list[str]]:
    """Replace one property's values (empty: remove it); logged with before and after."""
    if not justification.strip():
        raise InputError("A rectification needs a justification.")
    with store.write() as conn:
        row = conn.execute(select(records).where(records.c.id == record_id)).first()
        if row is None:
            raise NotFound(f"No record {record_id!r}.")
        schema = get_schema(row.schema)
        if prop not in schema.properties:
            raise InputError(f"{schema.name} has no property {prop!r}.")
        before = json.loads(row.properties)
        after = dict(before)
        cleaned = [v.strip() for v in values if v.strip()]
        if cleaned:
            after[prop] = cleaned
        else:
            after.pop(prop, None)
        text = json.dumps(dict(sorted(after.items())), ensure_ascii=False)
        conn.execute(update(records).where(records.c.id == record_id).values(
            properties=text, content_hash=content_hash([("properties", text)]),
            updated_at=now_iso(),
        ))  # fmt: skip
        store.audit.append(conn, [AuditEntry(
            actor, authority, "alteration", "supervision", [record_id],
            detail={"before": before, "after": after, "justification": justification},
        )])  # fmt: skip
    return after
