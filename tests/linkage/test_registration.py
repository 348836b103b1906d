"""When each record was made: registrations of one journey weigh for a link, years apart against."""

from __future__ import annotations

import json
import math
from pathlib import Path

import polars as pl

from accord.linkage import INPUT_COLUMNS, OPTIONAL_COLUMNS, link_records, read_link_csv
from accord.linkage.model import shipped_parameters
from accord.linkage.values import registration_day
from tests.linkage.cases import frame

_COLUMNS = (*INPUT_COLUMNS, *OPTIONAL_COLUMNS)


def test_the_first_readable_date_of_registration_in_days() -> None:
    values = ["2023-05-04", "04.05.2023.;2023-04-30", "30/04/2023", "31.02.2023", "later", None]
    days = (
        pl.DataFrame({"registered_on": values})
        .select(registration_day("registered_on"))
        .to_series()
        .to_list()
    )
    may_4 = 19481  # 2023-05-04 in days since 1970
    assert days == [may_4, may_4 - 4, may_4 - 4, None, None, None]


def _row(record: str, participant: str, registered: str | None) -> tuple[str | None, ...]:
    return (record, participant, "Ahmad", "Haddad", "1990", "M", "SYR", None, None, None, None,
            registered)  # fmt: skip


def test_records_registered_days_apart_weigh_more_than_years_apart() -> None:
    # one man's records in Serbia and Hungary, and the same two registered three years apart:
    # only the dates of registration tell the pairs apart
    rows = [
        _row("rs-1", "RS", "2023-05-04"),
        _row("hu-1", "HU", "2023-05-19"),
        _row("rs-2", "RS", "2021-02-10"),
        _row("hu-2", "HU", "2024-09-01"),
    ]
    result = link_records(frame(rows[:2], _COLUMNS))
    apart = link_records(frame(rows[2:], _COLUMNS))
    levels = shipped_parameters()["registration"]
    near, far = levels["registered within 30 days"], levels["registered more than a year apart"]
    expected = math.log2(near["m"] / near["u"]) - math.log2(far["m"] / far["u"])
    close = _evidence(result.members, "hu-1")
    distant = _evidence(apart.members, "hu-2")
    assert close["registration"][0] == "registered within 30 days"
    assert distant["registration"][0] == "registered more than a year apart"
    assert abs(close["registration"][1] - distant["registration"][1] - expected) < 0.01


def _evidence(members: pl.DataFrame, record: str) -> dict[str, tuple[str, float]]:
    """The evidence of the pair of the two records (linked or not: ``--evidence`` shows the
    link; here the two records' identity is one only if the pair was linked)."""
    row = members.filter(pl.col("record_id") == record)
    text = row["evidence"].item()
    assert text, f"{record} was not linked"
    return {e["field"]: (e["level"], e["weight"]) for e in json.loads(text)}


def test_a_link_csv_carries_the_dates_of_registration_as_an_optional_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "records.csv"
    header = ",".join(_COLUMNS)
    path.write_text(
        f"{header}\n"
        "rs-1,RS,Ahmad,Haddad,1990,M,SYR,,,,,04.05.2023.\n"
        "hu-1,HU,Ahmad,Haddad,1990,M,SYR,,,,,2023-05-19;2023-05-20\n",
        encoding="utf-8",
    )
    records = read_link_csv([path])
    assert records["registered_on"].to_list() == ["04.05.2023.", "2023-05-19;2023-05-20"]
    evidence = _evidence(link_records(records).members, "hu-1")
    assert evidence["registration"][0] == "registered within 30 days"
