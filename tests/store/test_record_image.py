"""Chunks whose records come as a database image: stored as tuples would be, on both stores."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool

from accord.store import Chunk, Store
from accord.store.batch import RecordImage
from accord.store.tables import audit_entries, batches, envelopes, records
from tests.store.test_batches import ENVELOPE, _meta, _row


def _image_chunk(rows: list[tuple[object, ...]], numbers: list[int]) -> Chunk:
    columns = [list(map(str, column)) for column in zip(*rows, strict=True)]
    image = RecordImage.of("Person", columns[0], columns[2], columns[3], columns[4], columns[5])
    return Chunk(read=len(rows), image=image, row_numbers=numbers, envelopes={"e1": ENVELOPE})


def _stored(store: Store) -> list[tuple[object, ...]]:
    query = select(
        records.c.id, records.c.schema, records.c.caption, records.c.properties,
        records.c.envelope_id, records.c.content_hash, records.c.batch_id,
    ).order_by(records.c.id)  # fmt: skip
    with store.read() as conn:
        return [tuple(row) for row in conn.execute(query)]


def _count(store: Store, table: object) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_an_image_stores_what_its_rows_would(store: Store) -> None:
    rows = [_row(f"rs-{i}", name) for i, name in enumerate(["Ана", "Zoë", "Đorđe", "A'rben"])]
    result = store.write_batch(_meta("b1"), [_image_chunk(rows[:2], [2, 3]),
                                             _image_chunk(rows[2:], [4, 5])])  # fmt: skip
    assert (result.read, result.stored, result.duplicates) == (4, 4, 0)
    assert _stored(store) == sorted((*row, "b1") for row in rows)
    again = store.write_batch(_meta("b2"), [_image_chunk(rows, [2, 3, 4, 5])])
    assert (again.read, again.stored, again.duplicates) == (4, 0, 4)
    assert _count(store, records) == 4
    assert store.verify_audit().ok


def test_repeated_ids_in_and_across_images_count_once(store: Store) -> None:
    ana, marko = _row("rs-1", "Ana"), _row("rs-2", "Marko")
    changed = _row("rs-2", "Marko Marković")
    chunks = [_image_chunk([ana, marko, ana], [2, 3, 4]), _image_chunk([marko, changed], [5, 6])]
    result = store.write_batch(_meta("b1"), chunks)
    assert (result.read, result.stored, result.duplicates) == (5, 3, 2)
    assert result.read == result.stored + result.quarantined + result.duplicates
    assert [row[2] for row in _stored(store)] == ["Ana", "Marko Marković"]


def test_an_image_repeating_an_id_copied_before_is_classified_row_by_row(store: Store) -> None:
    """On SQLite the fast copy does not check ids beforehand: the primary key stops the copy
    of an image that repeats one, and that chunk and every later one are classified against
    what the batch has stored so far. Both stores count the same."""
    ana, marko, jelena = _row("rs-1", "Ana"), _row("rs-2", "Marko"), _row("rs-3", "Jelena")
    ivan, changed = _row("rs-4", "Ivan"), _row("rs-2", "Marko Marković")
    chunks = [
        _image_chunk([ana, marko], [2, 3]),
        _image_chunk([changed, ivan, marko], [4, 5, 6]),  # Marko changed, then back again
        _image_chunk([jelena], [7]),
        _image_chunk([ana], [8]),
    ]
    result = store.write_batch(_meta("b1"), chunks)
    assert (result.read, result.stored, result.updated, result.duplicates) == (7, 6, 2, 1)
    assert result.read == result.stored + result.quarantined + result.duplicates
    assert [row[2] for row in _stored(store)] == ["Ana", "Marko", "Jelena", "Ivan"]
    alterations = select(func.count()).where(audit_entries.c.action == "alteration")
    with store.read() as conn:
        assert conn.execute(alterations).scalar_one() == 2
    assert store.verify_audit().ok


def test_a_stopped_copy_leaves_no_envelope_behind(store: Store) -> None:
    repeat = _image_chunk([_row("rs-2", "Marko")], [3])
    repeat.envelopes["e9"] = ("e9", *ENVELOPE[1:])  # carried by the chunk, used by no new row
    chunks = [_image_chunk([_row("rs-2", "Marko")], [2]), repeat]
    result = store.write_batch(_meta("b1"), chunks)
    assert (result.stored, result.duplicates) == (1, 1)
    with store.read() as conn:
        ids = set(conn.execute(select(envelopes.c.id)).scalars())
    assert ids == {"e1"}


def test_a_batch_of_images_killed_half_way_leaves_nothing(store: Store) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield _image_chunk([_row("rs-1", "Ana")], [2])
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        store.write_batch(_meta("b1"), chunks())
    assert (_count(store, records), _count(store, batches), _count(store, audit_entries)) == (
        0,
        0,
        0,
    )
    # The connection that wrote the batch is usable again, the image gone from it.
    store.write_batch(_meta("b2"), [_image_chunk([_row("rs-1", "Ana")], [2])])
    assert _count(store, records) == 1


def test_readers_see_no_image_row_before_the_commit(store: Store) -> None:
    # Another connection of its own (another process's view, on SQLite a second handle on the
    # file), looking between the first chunk's copy and the commit.
    other = create_engine(store.engine.url, poolclass=NullPool)
    seen: list[int] = []

    def chunks():  # type: ignore[no-untyped-def]
        yield _image_chunk([_row("rs-1", "Ana")], [2])
        with other.connect() as conn:
            seen.append(int(conn.execute(select(func.count()).select_from(records)).scalar_one()))
        yield _image_chunk([_row("rs-2", "Marko")], [3])

    try:
        store.write_batch(_meta("b1"), chunks())
    finally:
        other.dispose()
    assert seen == [0]
    assert _count(store, records) == 2
