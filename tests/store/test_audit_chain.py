"""Every kind of tampering with the audit log is detected."""

from __future__ import annotations

import hashlib

from sqlalchemy import delete, select, update

from accord.store import AuditEntry, Store
from accord.store.audit import _link_hash
from accord.store.tables import audit_checkpoints, audit_entries, audit_head, audit_values


def _fill(store: Store, n: int = 6) -> None:
    for i in range(n):
        store.log(
            AuditEntry(
                f"user{i}",
                "RS-GP",
                "consultation",
                "border-management",
                [f"rs-{i}"],
                detail={"query": f"Petrović {i}"},
            )
        )


def test_an_untouched_chain_verifies(store: Store) -> None:
    _fill(store)
    result = store.verify_audit()
    assert result.to_dict() == {"ok": True, "entries": 6, "first_bad": None}


def test_an_edited_entry_is_detected(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        conn.execute(update(audit_entries).where(audit_entries.c.seq == 3).values(actor="nobody"))
    result = store.verify_audit()
    assert not result.ok and result.first_bad == 3


def test_a_deleted_entry_is_detected(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        conn.execute(delete(audit_entries).where(audit_entries.c.seq == 4))
    result = store.verify_audit()
    assert not result.ok and result.first_bad == 4


def test_reordered_entries_are_detected(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        rows = {r.seq: r for r in conn.execute(select(audit_entries))}
        for a, b in ((2, 5), (5, 2)):
            conn.execute(
                update(audit_entries)
                .where(audit_entries.c.seq == a)
                .values(
                    actor=rows[b].actor,
                    refs=rows[b].refs,
                    detail_hash=rows[b].detail_hash,
                    prev_hash=rows[b].prev_hash,
                    hash=rows[b].hash,
                )
            )
    result = store.verify_audit()
    assert not result.ok and result.first_bad == 2


def test_a_chain_rewritten_with_recomputed_hashes_is_detected(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        rows = [
            dict(r)
            for r in conn.execute(select(audit_entries).order_by(audit_entries.c.seq)).mappings()
        ]
        prev = "0" * 64
        for row in rows:
            if row["seq"] == 2:
                row["actor"] = "someone-else"
            row["prev_hash"] = prev
            row["hash"] = prev = _link_hash(prev, row)
            conn.execute(
                update(audit_entries)
                .where(audit_entries.c.seq == row["seq"])
                .values(actor=row["actor"], prev_hash=row["prev_hash"], hash=row["hash"])
            )
        conn.execute(update(audit_head).values(hash=prev))
    result = store.verify_audit()
    assert not result.ok and result.first_bad == 2


def test_a_rewrite_that_also_drops_the_checkpoint_table_is_detected(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        conn.execute(
            update(audit_entries)
            .where(audit_entries.c.seq == 5)
            .values(hash=hashlib.sha256(b"x").hexdigest())
        )
        conn.execute(delete(audit_checkpoints))
    assert not store.verify_audit().ok


def test_a_cut_tail_is_detected_even_with_head_and_checkpoints_adjusted(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        kept = conn.execute(select(audit_entries).where(audit_entries.c.seq == 4)).one()
        conn.execute(delete(audit_entries).where(audit_entries.c.seq > 4))
        conn.execute(delete(audit_checkpoints).where(audit_checkpoints.c.seq > 4))
        conn.execute(update(audit_head).values(seq=4, hash=kept.hash))
    result = store.verify_audit()
    assert not result.ok and result.first_bad == 5


def test_erasing_personal_values_keeps_the_chain_valid(store: Store) -> None:
    _fill(store)
    with store.write() as conn:
        conn.execute(delete(audit_values))
    assert store.verify_audit().ok
