"""The engine's promises: every record once, bad values handled, the same answer twice."""

from __future__ import annotations

import json

import polars as pl
import pytest

from accord.errors import InputError
from accord.linkage import Constraints, link_records
from tests.linkage.cases import HARD_CASES, frame

BAD_VALUES: list[tuple[str | None, ...]] = [
    ("bad-date", "RS", "Jovan", "Ilić", "31-02-1990", "M", "SRB", None, None, None),
    ("zero-date", "RS", "Jovan", "Ilić", "00.00.1985", "M", "SRB", None, None, None),
    ("emoji", "XK", "😀😀", "🙂", "1990", "x", "ZZZ", "🙂", None, None),
    (
        "control",
        "AL",
        "Ar\x00ben\x07",
        "Kras\nniqi",
        "1975-06-07",
        "M",
        "ALB",
        "\x1b[31m",
        None,
        None,
    ),
    (
        "long",
        "BA",
        "Emir" * 2500,
        "Hodžić" * 1700,
        "1961-04-20",
        "M",
        "BIH",
        "9" * 5000,
        "x" * 9000,
        None,
    ),
    ("empty", "ME", "", "", "", "", "", "", "", ""),
    ("spaces", "ME", "   ", "\t", " ", None, None, None, None, None),
    ("rtl", "SY", "‮محمد", "التميمي‬", "1988", "M", "SYR", None, None, None),
]


def test_every_input_record_is_in_the_result_exactly_once() -> None:
    rows = HARD_CASES + BAD_VALUES
    result = link_records(frame(rows))
    ids = result.members["record_id"].to_list()
    assert sorted(ids) == sorted(str(r[0]) for r in rows)
    assert len(set(ids)) == len(ids)
    assert result.members["anchor"].null_count() == 0
    assert set(result.members["anchor"]) <= set(ids)
    assert result.report["input"]["dates_repaired"] == 1
    assert result.report["input"]["no_name"] >= 2


def test_bad_values_link_nothing_by_themselves() -> None:
    result = link_records(frame(BAD_VALUES))
    anchors = dict(zip(result.members["record_id"], result.members["anchor"], strict=True))
    assert anchors["empty"] == "empty" and anchors["spaces"] == "spaces"
    assert anchors["bad-date"] == anchors["zero-date"] or anchors["bad-date"] == "bad-date"


def test_the_same_input_gives_the_same_identities() -> None:
    first = link_records(frame(HARD_CASES)).members
    second = link_records(frame(list(reversed(HARD_CASES)))).members

    def groups(members: pl.DataFrame) -> set[frozenset[str]]:
        by_anchor: dict[str, set[str]] = {}
        for record, anchor in members.select("record_id", "anchor").iter_rows():
            by_anchor.setdefault(anchor, set()).add(record)
        return {frozenset(g) for g in by_anchor.values()}

    assert groups(first) == groups(second)


def test_empty_and_single_inputs() -> None:
    empty = link_records(frame([]))
    assert empty.members.height == 0 and empty.report["identities"] == 0
    single = link_records(frame(HARD_CASES[:1]))
    assert single.members["anchor"].to_list() == ["rs-petar"]


def test_judgements_are_constraints() -> None:
    rows = HARD_CASES
    split = link_records(
        frame(rows), constraints=Constraints(cannot_link=[("rs-petar", "gb-petar")])
    )
    anchors = dict(zip(split.members["record_id"], split.members["anchor"], strict=True))
    assert anchors["rs-petar"] != anchors["gb-petar"]
    kept = link_records(frame(rows), constraints=Constraints(must_link=[["xk-sister", "ba-son"]]))
    anchors = dict(zip(kept.members["record_id"], kept.members["anchor"], strict=True))
    assert anchors["xk-sister"] == anchors["ba-son"]
    row = kept.members.filter(
        pl.col("linked_to").is_not_null() & (pl.col("blocked_on") == "judgement")
    )
    assert json.loads(row["evidence"][0])[0]["field"] == "judgement"


def test_repeated_and_empty_record_ids_are_refused() -> None:
    with pytest.raises(InputError, match="appears more than once"):
        link_records(frame([HARD_CASES[0], HARD_CASES[0]]))
    with pytest.raises(InputError, match="empty record_id"):
        link_records(frame([(None, *HARD_CASES[0][1:])]))
