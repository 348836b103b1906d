"""Two records of one participant weigh less than two of different participants."""

from __future__ import annotations

import json
import math

import polars as pl

from accord.linkage import link_records
from accord.linkage.model import COMPARISONS, shipped_parameters
from tests.linkage.cases import frame


def _weights(result_members: pl.DataFrame) -> dict[str, float]:
    linked = result_members.filter(pl.col("linked_to").is_not_null())
    return dict(zip(linked["record_id"], linked["match_weight"], strict=True))


def test_one_participants_records_weigh_less_than_records_of_two() -> None:
    # the same person twice over: once both records in Serbia's file, once in Serbia's and
    # Hungary's; everything else written alike, so only the source tells the pairs apart
    rows: list[tuple[str | None, ...]] = [
        ("rs-1", "RS", "Ahmad", "Haddad", "1990-03-04", "M", "SYR", None, None, None),
        ("rs-2", "RS", "Ahmad", "Haddad", "1990-03-04", "M", "SYR", None, None, None),
        ("rs-3", "RS", "Omar", "Saleh", "1985-07-21", "M", "SYR", None, None, None),
        ("hu-3", "HU", "Omar", "Saleh", "1985-07-21", "M", "SYR", None, None, None),
    ]
    result = link_records(frame(rows))
    weights = _weights(result.members)
    assert set(weights) == {"rs-2", "hu-3"}
    levels = shipped_parameters()["source"]
    same = levels["one participant's records"]
    different = levels["records of different participants"]
    expected = math.log2(different["m"] / different["u"]) - math.log2(same["m"] / same["u"])
    # names are term-frequency adjusted only when trained: here the two pairs differ by source
    assert weights["hu-3"] - weights["rs-2"] > 1.0
    assert abs((weights["hu-3"] - weights["rs-2"]) - expected) < 0.5
    evidence = {
        record: {e["field"]: e["level"] for e in json.loads(text)}
        for record, text in zip(
            result.members["record_id"], result.members["evidence"], strict=True
        )
        if text
    }
    assert evidence["rs-2"]["source"] == "one participant's records"
    assert evidence["hu-3"]["source"] == "records of different participants"


def test_the_source_is_a_weight_never_a_contradiction() -> None:
    # a clerk registered one person twice in one file: a document in common still links them
    rows: list[tuple[str | None, ...]] = [
        ("rs-1", "RS", "Ahmad", "Haddad", "1990", "M", "SYR", "P1234567", None, None),
        ("rs-2", "RS", "Ахмед", "Хадад", None, "M", "SYR", "P1234567", None, None),
    ]
    result = link_records(frame(rows))
    assert result.members["anchor"].n_unique() == 1
    source = next(c for c in COMPARISONS if c["output_column_name"] == "source")
    labels = [level["label_for_charts"] for level in source["comparison_levels"]]
    assert labels == ["unknown on one side", "one participant's records",
                      "records of different participants"]  # fmt: skip
