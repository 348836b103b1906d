from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from accord.model.ids import content_hash
from accord.store import BatchMeta, Chunk, QuarantineRow, Store
from accord.store.tables import audit_entries, batches, quarantine, records


def _meta(batch_id: str) -> BatchMeta:
    return BatchMeta(
        id=batch_id,
        participant="RS",
        authority="RS-GP",
        dataset="crossings",
        source="f.csv",
        file_sha256="0" * 64,
        actor="cli:test",
        mapping="",
        purpose="border-management",
        started_at="2026-01-01T00:00:00+00:00",
    )


ENVELOPE = (
    "e1",
    "RS",
    "RS-GP",
    "crossings",
    "H0",
    None,
    "B",
    "2",
    "suspect",
    "fact",
    "border-management",
    "AGR-WB-BORDER-2025",
    "2027-01-01",
    "2028-01-01",
    None,
)


def _row(rid: str, name: str) -> tuple[object, ...]:
    props = json.dumps({"name": [name]})
    return (rid, "Person", name, props, "e1", content_hash([("properties", props)]))


def _chunk(read: int, rows: list[tuple[object, ...]], numbers: list[int]) -> Chunk:
    return Chunk(read=read, records=rows, row_numbers=numbers, envelopes={"e1": ENVELOPE})


def _count(store: Store, table: object) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_batch_is_stored_whole_and_rerun_stores_nothing_twice(store: Store) -> None:
    chunk = _chunk(3, [_row("rs-1", "Ana"), _row("rs-2", "Marko")], [2, 3])
    chunk.quarantined.append(
        QuarantineRow("f.csv", 4, "birth_date", "31-02-1990", "no such day", {"a": "b"})
    )
    first = store.write_batch(_meta("b1"), [chunk])
    assert (first.read, first.stored, first.quarantined, first.duplicates) == (3, 2, 1, 0)
    again = store.write_batch(_meta("b2"), [chunk])
    assert (again.read, again.stored, again.quarantined, again.duplicates) == (3, 0, 1, 2)
    assert _count(store, records) == 2
    assert _count(store, quarantine) == 1  # the same rejected row is not held twice
    assert _count(store, batches) == 2
    assert store.verify_audit().ok


def test_changed_record_is_an_alteration_with_before_and_after(store: Store) -> None:
    store.write_batch(_meta("b1"), [_chunk(1, [_row("rs-1", "Ana")], [2])])
    result = store.write_batch(_meta("b2"), [_chunk(1, [_row("rs-1", "Ana Petrović")], [2])])
    assert (result.stored, result.updated) == (1, 1)
    with store.read() as conn:
        actions = [r.action for r in conn.execute(select(audit_entries.c.action))]
        got = store.get_records(conn, ["rs-1"])["rs-1"]
    assert actions == ["collection", "collection", "alteration"]
    assert got.properties == {"name": ["Ana Petrović"]}


def test_a_failing_batch_leaves_nothing_behind(store: Store) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield _chunk(1, [_row("rs-1", "Ana")], [2])
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        store.write_batch(_meta("b1"), chunks())
    assert _count(store, records) == 0
    assert _count(store, batches) == 0
    assert _count(store, audit_entries) == 0
    assert store.verify_audit().ok


def test_duplicate_rows_inside_one_batch_count_once(store: Store) -> None:
    rows = [_row("rs-1", "Ana"), _row("rs-1", "Ana")]
    result = store.write_batch(_meta("b1"), [_chunk(2, rows, [2, 3])])
    assert (result.stored, result.duplicates) == (1, 1)
    assert result.read == result.stored + result.quarantined + result.duplicates
