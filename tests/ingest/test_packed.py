"""Records packed for the trip from a worker come back exactly as they left."""

from __future__ import annotations

import pickle

import polars as pl

from accord.ingest.packed import RecordColumns


def _columns(captions: list[str], properties: list[str]) -> RecordColumns:
    count = len(captions)
    return RecordColumns(
        ids=[f"rs-{i:032x}" for i in range(count)],
        schema="Person",
        captions=pl.Series(captions, dtype=pl.Utf8),
        properties=pl.Series(properties, dtype=pl.Utf8),
        envelope_ids=pl.Series(["e" * 32] * count, dtype=pl.Utf8),
        content_hashes=[f"{i:064x}" for i in range(count)],
    )


def test_packed_rows_equal_the_columns_rows() -> None:
    captions = ["Ана Петровић", "", 'Quote " and \\ back', "multi\x1evalue", "tab\tand\nline"]
    properties = [f'{{"name": ["{i}"]}}' for i in range(len(captions))]
    columns = _columns(captions, properties)
    packed = pickle.loads(pickle.dumps(columns.pack()))
    assert isinstance(packed.captions, str)  # joined, not a list
    assert packed.rows() == columns.rows()
    assert packed.rows()[0] == ("rs-" + "0" * 32, "Person", "Ана Петровић", properties[0],
                                "e" * 32, "0" * 64)  # fmt: skip


def test_a_value_holding_nul_travels_as_a_list() -> None:
    columns = _columns(["a\x00b", "c"], ['{"x": ["a\\u0000b"]}', '{"x": ["c\x00"]}'])
    packed = columns.pack()
    assert isinstance(packed.captions, list) and isinstance(packed.properties, list)
    assert packed.rows() == columns.rows()


def test_one_record() -> None:
    columns = _columns([""], ["{}"])
    assert (
        columns.pack().rows()
        == columns.rows()
        == [("rs-" + "0" * 32, "Person", "", "{}", "e" * 32, "0" * 64)]
    )
