"""Records sent from a worker as a database image come back exactly as they left."""

from __future__ import annotations

import pickle
import sqlite3

import polars as pl

from accord.ingest.packed import RecordColumns
from accord.store.batch import IMAGE_TABLE, Chunk


def _columns(captions: list[str], properties: list[str]) -> RecordColumns:
    count = len(captions)
    return RecordColumns(
        # Distinct ids (up to seven) out of order: the image holds them in another order.
        ids=[f"rs-{(i * 5 + 3) % 7:032x}" for i in range(count)],
        schema="Person",
        captions=pl.Series(captions, dtype=pl.Utf8),
        properties=pl.Series(properties, dtype=pl.Utf8),
        envelope_ids=pl.Series(["e" * 32] * count, dtype=pl.Utf8),
        content_hashes=[f"{i:064x}" for i in range(count)],
    )


def test_image_rows_equal_the_columns_rows() -> None:
    captions = ["Ана Петровић", "", 'Quote " and \\ back', "multi\x1evalue", "tab\tand\nline"]
    properties = [f'{{"name": ["{i}"]}}' for i in range(len(captions))]
    columns = _columns(captions, properties)
    image = pickle.loads(pickle.dumps(columns.image()))
    assert image.count == 5 and image.schema == "Person"
    assert image.rows() == columns.rows()
    assert image.id_list() == columns.ids
    assert image.hash_list() == columns.content_hashes
    assert image.joined_ids() == "".join(columns.ids)
    assert image.rows()[3][1:] == (
        "Person",
        "multi\x1evalue",
        properties[3],
        "e" * 32,
        "0" * 63 + "3",
    )


def test_the_image_table_is_in_id_order() -> None:
    columns = _columns(["a", "b", "c", "d"], ["{}"] * 4)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(columns.image().data)
    stored = [row[0] for row in conn.execute(f"SELECT id FROM {IMAGE_TABLE} ORDER BY rowid")]
    assert stored == sorted(columns.ids) != columns.ids


def test_values_holding_nul_survive() -> None:
    columns = _columns(["a\x00b", "c"], ['{"x": ["a\\u0000b"]}', '{"x": ["c\x00"]}'])
    assert columns.image().rows() == columns.rows()


def test_unpack_puts_the_image_rows_in_records() -> None:
    columns = _columns([""], ["{}"])
    chunk = Chunk(read=1, image=columns.image())
    chunk.unpack()
    assert chunk.image is None
    assert (
        chunk.records
        == columns.rows()
        == [(columns.ids[0], "Person", "", "{}", "e" * 32, "0" * 64)]
    )
