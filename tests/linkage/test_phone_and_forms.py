"""Phone numbers as evidence and as a blocking key; names that only look like gender forms."""

from __future__ import annotations

import json

import duckdb
import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from accord.linkage import link_records
from accord.linkage.blocking import candidate_pairs
from accord.linkage.contradictions import flag_contradictions
from accord.linkage.features import prepare
from accord.linkage.model import FIXED_M
from accord.linkage.values import PHONE_DIGITS, phone_numbers
from tests.linkage.cases import COLUMNS, frame

WITH_PHONE = (*COLUMNS, "phone")


def _phones(*values: str | None) -> list[list[str] | None]:
    read = pl.DataFrame({"phone": list(values)}, schema={"phone": pl.Utf8}).select(
        phones=phone_numbers("phone")
    )
    return read["phones"].to_list()


def test_one_number_written_with_any_prefix_gives_one_key() -> None:
    assert (
        _phones("+382 69 125 741", "0038269125741", "069/125-741", "(069) 125 741")
        == [["69125741"]] * 4
    )
    assert _phones("+90 555 232 13 54; 069 125 741", "+905552321354|+90 555 232 1354") == [
        ["52321354", "69125741"],
        ["52321354"],
    ]


def test_short_or_empty_numbers_are_unknown() -> None:
    assert _phones("112", "", None, "n/a", "+382 69") == [None] * 5


@given(st.text(max_size=60))
def test_any_text_reads_as_digit_keys_of_fixed_length_or_unknown(text: str) -> None:
    (found,) = _phones(text)
    assert found is None or all(k.isdigit() and len(k) == PHONE_DIGITS for k in found)


def _pairs(rows: list[tuple[str | None, ...]]) -> tuple[set[tuple[int, int]], dict[str, object]]:
    prepared, _ = prepare(frame(rows, WITH_PHONE))
    con = duckdb.connect()
    con.register("p", prepared.to_arrow())
    con.execute("create table records as select * from p")
    report = candidate_pairs(con, "records", cap=50, window=5, out="pairs")
    found = {
        (int(a), int(b))
        for a, b in con.execute("select join_key_l, join_key_r from pairs").fetchall()
    }
    con.close()
    return found, report.to_dict()


def test_records_sharing_only_a_phone_number_are_candidates() -> None:
    rows = [
        ("a", "HU", "Ahmad", "Haddad", "1990", "M", "SYR", None, None, None, "+36 30 123 4567"),
        ("b", "RS", "Ахмед", "Хадад", None, "M", "SYR", None, None, None, "0036301234567"),
        ("c", "RS", "Omar", "Saleh", None, "M", "SYR", None, None, None, "+36 30 765 4321"),
    ]
    found, report = _pairs(rows)
    assert (0, 1) in found and (0, 2) not in found and (1, 2) not in found
    assert report["by_kind"]["phone number"]["pairs"] == 1


def test_a_shared_phone_number_links_records_whose_other_fields_are_weak() -> None:
    # the father's name as the surname in one record, no date in the other: alone not enough
    rows = [
        ("hu-1", "HU", "Ahmad", "Haddad", "1990", "M", "SYR", None, None, None, "+36301234567"),
        ("rs-1", "RS", "Ахмед", "Салех", None, "M", "SYR", None, None, None, "0036 30 123 4567"),
        ("hu-2", "HU", "Omar", "Khalil", "1985", "M", "SYR", None, None, None, None),
        ("rs-2", "RS", "Омар", "Хасан", None, "M", "SYR", None, None, None, None),
    ]
    result = link_records(frame(rows, WITH_PHONE))
    anchors = dict(zip(result.members["record_id"], result.members["anchor"], strict=True))
    assert anchors["hu-1"] == anchors["rs-1"]
    assert anchors["hu-2"] != anchors["rs-2"]
    evidence = result.members.filter(pl.col("record_id") == "rs-1")["evidence"].item()
    assert {"field": "phone", "level": "a phone number in common"}.items() <= next(
        e for e in json.loads(evidence) if e["field"] == "phone"
    ).items()


def test_a_different_phone_number_is_weak_evidence_and_strong_links_stand() -> None:
    # one person registered in two countries with a local number in each: the same full date
    # of birth, names and father; the shipped model (inputs under 2,000 records) links them
    rows = [
        ("hu-1", "HU", "Ahmad", "Haddad", "1990-03-04", "M", "SYR", None, None, "Omar",
         "+36 30 123 4567"),
        ("rs-1", "RS", "Ахмед", "Хадад", "04.03.1990.", "M", "SYR", None, None, "Омар",
         "+381 64 765 4321"),
    ]  # fmt: skip
    result = link_records(frame(rows, WITH_PHONE))
    assert result.members["anchor"].n_unique() == 1
    levels = result.report["model"]["levels"]["phone"]
    assert -4.0 < levels["different"] < 0.0
    assert "phone" in FIXED_M


def test_a_weak_link_does_not_join_records_with_different_phone_numbers() -> None:
    # namesakes of a common name with a year only and the same father: a number each
    rows = [
        ("hu-1", "HU", "Ahmad", "Haddad", "1990", "M", "SYR", None, None, "Omar",
         "+36 30 123 4567"),
        ("rs-1", "RS", "Ахмед", "Хадад", "1990", "M", "SYR", None, None, "Омар",
         "+381 64 765 4321"),
    ]  # fmt: skip
    result = link_records(frame(rows, WITH_PHONE))
    assert result.members["anchor"].n_unique() == 2


def _contradicted(rows: list[tuple[str | None, ...]], pairs: list[tuple[int, int]]) -> set[str]:
    prepared, _ = prepare(frame(rows))
    con = duckdb.connect()
    con.register("p", prepared.to_arrow())
    con.execute("create table records as select * from p")
    con.register(
        "q", pl.DataFrame(pairs, schema=["join_key_l", "join_key_r"], orient="row").to_arrow()
    )
    con.execute("create table pairs as select * from q")
    flag_contradictions(con, "records", "pairs", "found")
    reasons = {str(r) for (r,) in con.execute("select reason from found").fetchall()}
    con.close()
    return reasons


def test_albanian_form_of_a_womans_name_is_not_its_female_form() -> None:
    # Merjeme is how Albanian clerks write Merjem (Maryam), a woman's name either way
    rows = [
        ("a", "AL", "Merjeme", "Hasan", "1990", "F", "SYR", None, None, None),
        ("b", "RS", "Merjem", "Hasan", "1990", "F", "SYR", None, None, None),
    ]
    prepared, _ = prepare(frame(rows))
    assert prepared["first_male_forms"].to_list() == [[], []]
    assert _contradicted(rows, [(0, 1)]) == set()


def test_a_given_name_written_as_the_other_records_surname_is_not_a_gender_form() -> None:
    swapped = [
        ("a", "GR", "Hala", "Hasan", "1990", "F", "SYR", None, None, None),
        ("b", "HU", "Hasan", "Hala", "1990", "F", "SYR", None, None, None),
    ]
    assert _contradicted(swapped, [(0, 1)]) == set()
    siblings = [
        ("a", "RS", "Aleksandar", "Vučić", "1990-01-02", "M", "SRB", None, None, None),
        ("b", "RS", "Aleksandra", "Vučić", "1990-01-02", "F", "SRB", None, None, None),
        ("c", "GR", "Hala", "Omar", "1990", None, "SYR", None, None, None),
        ("d", "HU", "Hasan", "Omar", "1990", None, "SYR", None, None, None),
    ]
    assert "male and female forms of one name" in _contradicted(siblings, [(0, 1)])
    assert "male and female forms of one name" in _contradicted(siblings, [(2, 3)])
