"""Records packed for the trip from a worker come back exactly as they left."""

from __future__ import annotations

import pickle

import polars as pl
import pytest

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


def test_by_id_orders_every_column_and_the_row_numbers_together() -> None:
    ids = ["rs-c", "rs-a", "rs-b", "rs-a"]  # rs-a twice: a later row of the same record
    columns = RecordColumns(
        ids=ids,
        schema="Person",
        captions=pl.Series(["C", "A1", "B", "A2"], dtype=pl.Utf8),
        properties=pl.Series(['{"n": ["C"]}', '{"n": ["A1"]}', '{"n": ["B"]}', '{"n": ["A2"]}']),
        envelope_ids=pl.Series(["e3", "e1", "e2", "e4"], dtype=pl.Utf8),
        content_hashes=["h3", "h1", "h2", "h4"],
    )
    ordered, numbers = columns.by_id([10, 11, 12, 13])
    assert numbers == [11, 13, 12, 10]  # stable: the two rs-a rows keep their file order
    assert ordered.rows() == [
        ("rs-a", "Person", "A1", '{"n": ["A1"]}', "e1", "h1"),
        ("rs-a", "Person", "A2", '{"n": ["A2"]}', "e4", "h4"),
        ("rs-b", "Person", "B", '{"n": ["B"]}', "e2", "h2"),
        ("rs-c", "Person", "C", '{"n": ["C"]}', "e3", "h3"),
    ]
    assert sorted(ordered.rows()) == sorted(columns.rows())


def test_by_id_refuses_row_numbers_that_do_not_match() -> None:
    with pytest.raises(ValueError, match="3 row numbers for 1 records"):
        _columns(["x"], ["{}"]).by_id([1, 2, 3])
