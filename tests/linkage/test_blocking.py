"""Candidate pairs: shared keys pair records; a very common key is capped, and reported."""

from __future__ import annotations

import duckdb

from accord.linkage.blocking import candidate_pairs
from accord.linkage.features import prepare
from tests.linkage.cases import frame


def _pairs(
    rows: list[tuple[str | None, ...]], cap: int, window: int
) -> tuple[set[tuple[int, int]], dict[str, object]]:
    prepared, _ = prepare(frame(rows))
    con = duckdb.connect()
    con.register("p", prepared.to_arrow())
    con.execute("create table records as select * from p")
    report = candidate_pairs(con, "records", cap=cap, window=window, out="pairs")
    found = {
        (int(a), int(b))
        for a, b in con.execute("select join_key_l, join_key_r from pairs").fetchall()
    }
    con.close()
    return found, report.to_dict()


def _person(number: int, born: str) -> tuple[str | None, ...]:
    return (f"r{number}", "SY", "Mohammed", "Ali", born, "M", "SYR", None, None, None)


def test_pairs_are_distinct_ordered_and_every_kind_is_reported() -> None:
    rows = [
        ("a", "RS", "Петар", "Петровић", "1980-05-12", "M", "SRB", "P123456", None, None),
        ("b", "GB", "PETROVIC", "PETAR", "1980-05-12", "M", "SRB", None, None, None),
        ("c", "HU", "Ivan", "Horvat", "1970-01-02", "M", "HRV", "P123456", None, None),
    ]
    found, report = _pairs(rows, cap=50, window=5)
    assert found == {(0, 1), (0, 2)}  # names swapped; one document number
    assert report["pairs"] == 2
    assert set(report["by_kind"]) >= {"given name and surname swapped", "document number"}
    assert report["capped_blocks"] == 0


def test_a_very_common_name_is_capped_and_the_pairs_it_leaves_out_are_counted() -> None:
    rows = [_person(n, f"19{50 + n % 40}-0{1 + n % 9}-1{n % 10}") for n in range(60)]
    uncapped, _ = _pairs(rows, cap=100, window=3)
    capped, report = _pairs(rows, cap=10, window=3)
    assert len(uncapped) == 60 * 59 // 2
    assert len(capped) < len(uncapped)
    assert report["capped_blocks"] >= 1
    assert report["largest_block"] == 60
    assert report["pairs_left_out"] > 0
    # within a capped block each record still meets its neighbours by date of birth
    assert all(a < b for a, b in capped)
