"""Records left alone by the clustering: attached to the one identity they clearly belong to."""

from __future__ import annotations

import json

import polars as pl
import pytest

from accord.linkage import INPUT_COLUMNS, OPTIONAL_COLUMNS, Constraints, LinkOptions, link_records
from accord.linkage.cluster import cluster_records
from accord.linkage.lone import LoneRule, attach_lone_records
from accord.linkage.traits import RecordTraits
from tests.linkage.cases import frame

_RULE = LoneRule(attach_at=0.9, rival_at=0.3)
_ENGINE_COLUMNS = tuple(c for c in (*INPUT_COLUMNS, *OPTIONAL_COLUMNS) if c != "registered_on")
_PAIRS = {"unique_id_l": pl.Int64, "unique_id_r": pl.Int64}
_SCORED = {**_PAIRS, "match_probability": pl.Float64}


def _scored(rows: list[tuple[int, int, float]]) -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema=_SCORED, orient="row")
    return frame.with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))


def _pairs(rows: list[tuple[int, int]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=_PAIRS, orient="row")


def _traits(
    phones: list[list[str] | None], years: list[int | None], dates: list[str | None]
) -> RecordTraits:
    return RecordTraits(phones, years, dates)


# records 0 and 1 are one identity, 3 and 4 another; record 2 is alone
_LABELS = [0, 0, 2, 3, 3]


def test_a_lone_record_is_attached_by_its_pair_to_the_one_identity_it_meets() -> None:
    scored = _scored([(1, 2, 0.95), (0, 2, 0.93), (2, 3, 0.1)])
    # the lone record hangs on its best pair; the pair of 0.1 with another identity is no rival
    assert attach_lone_records(_LABELS, scored, _RULE) == [(2, 1, 0)]


def test_a_pair_below_the_bound_attaches_nothing() -> None:
    assert attach_lone_records(_LABELS, _scored([(0, 2, 0.85)]), _RULE) == []


def test_two_identities_competing_for_a_record_leave_it_alone() -> None:
    scored = _scored([(0, 2, 0.97), (2, 4, 0.4)])
    assert attach_lone_records(_LABELS, scored, _RULE) == []
    # a rival below the lower bound is no rival
    assert attach_lone_records(_LABELS, scored, LoneRule(0.9, 0.5)) == [(2, 0, 0)]


def test_lone_records_of_one_person_are_joined_when_nothing_competes() -> None:
    # three records left alone, each pair scored just under the threshold
    scored = _scored([(0, 1, 0.95), (1, 2, 0.93), (0, 2, 0.91)])
    assert attach_lone_records([0, 1, 2, 3], scored, _RULE) == [(1, 0, 0), (2, 1, 1)]
    assert attach_lone_records([0, 1, 2, 3], scored, LoneRule(0.9, 0.3, together=False)) == []
    # a pair with a record outside the group (here of another identity) leaves them alone
    rival = _scored([(0, 1, 0.95), (1, 3, 0.4)])
    assert attach_lone_records([0, 1, 2, 3, 3], rival, _RULE) == []


def test_a_trait_conflict_with_any_member_refuses_the_attachment() -> None:
    scored = _scored([(0, 2, 0.95)])
    # record 1 (not the paired one) holds another phone number than the lone record
    phones: list[list[str] | None] = [None, ["69125741"], ["69999999"], None, None]
    assert (
        attach_lone_records(_LABELS, scored, _RULE, traits=_traits(phones, [None] * 5, [None] * 5))
        == []
    )
    # years of birth two apart
    years: list[int | None] = [1980, 1980, 1983, None, None]
    assert (
        attach_lone_records(_LABELS, scored, _RULE, traits=_traits([None] * 5, years, [None] * 5))
        == []
    )
    # agreeing traits: attached
    years = [1980, 1981, 1980, None, None]
    assert attach_lone_records(
        _LABELS, scored, _RULE, traits=_traits([None] * 5, years, [None] * 5)
    ) == [(2, 0, 0)]


def test_a_contradiction_or_soft_conflict_with_any_member_refuses_the_attachment() -> None:
    scored = _scored([(0, 2, 0.95)])
    assert attach_lone_records(_LABELS, scored, _RULE, cannot_link=_pairs([(1, 2)])) == []
    assert attach_lone_records(_LABELS, scored, _RULE, soft_conflicts=_pairs([(2, 1)])) == []


def test_two_namesakes_lone_records_are_not_both_attached_to_one_identity() -> None:
    labels = [0, 0, 2, 3]
    scored = _scored([(0, 2, 0.96), (1, 3, 0.92)])
    dates: list[str | None] = [None, None, "1980-03-04", "1980-11-21"]
    traits = _traits([None] * 4, [1980, 1980, 1980, 1980], dates)
    # the more probable attaches; the other now disagrees with the grown identity
    assert attach_lone_records(labels, scored, _RULE, traits=traits) == [(2, 0, 0)]


def test_a_confirmed_lone_record_is_not_merged_into_another_confirmed_identity() -> None:
    scored = _scored([(0, 2, 0.95)])
    assert attach_lone_records(_LABELS, scored, _RULE, apart=[[0, 1], [2]]) == []
    # a new record may still join a confirmed identity
    assert attach_lone_records(_LABELS, scored, _RULE, apart=[[0, 1]]) == [(2, 0, 0)]


def test_the_bounds_are_checked() -> None:
    with pytest.raises(ValueError, match="rival_at"):
        LoneRule(attach_at=0.5, rival_at=0.9)


def _links(rows: list[tuple[int, int, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(a, b, 30.0, p) for a, b, p in rows],
        schema={**_PAIRS, "match_weight": pl.Float64, "match_probability": pl.Float64},
        orient="row",
    )


def test_the_clustering_attaches_with_the_pair_below_the_threshold_as_the_link() -> None:
    links = _links([(1, 2, 0.999)])
    near = pl.DataFrame([(3, 4, 0.6), (0, 1, 0.94)], schema=_SCORED, orient="row")
    result = cluster_records(5, links, near=near, lone=_RULE)
    assert result.cluster == [0, 0, 0, 3, 4]
    assert result.lone_attached == 1
    # record 0 is the identity's first now; record 1 hangs on it by the pair of ``near``
    # (the row after the links': links.height + its row in ``near``)
    assert result.parent[1] == (0, links.height + 1)
    assert result.parent[2] == (1, 0)
    # without the rule nothing moves
    assert cluster_records(5, links, near=near).cluster == [0, 1, 1, 3, 4]


def test_an_analysts_split_holds_against_the_rule() -> None:
    links = _links([(1, 2, 0.999)])
    near = pl.DataFrame([(0, 1, 0.94)], schema=_SCORED, orient="row")
    split = _pairs([(0, 2)])
    result = cluster_records(3, links, split, near=near, lone=_RULE)
    assert result.cluster == [0, 1, 1]
    assert result.lone_attached == 0


def _engine_rows() -> list[tuple[str | None, ...]]:
    phone = "+381641234567"
    return [
        ("rs-1", "RS", "Ahmad", "Haddad", "1990-03-04", "M", "SYR", "P1234567", None, None, phone),
        ("hu-1", "HU", "Ahmad", "Haddad", "1990-03-04", "M", "SYR", "P1234567", None, None, phone),
        ("gr-1", "GR", "Ahmad", "Haddad", "1990", None, "SYR", None, None, None, None),
        ("mk-1", "MK", "Omar", "Saleh", "1985-07-21", "M", "SYR", None, None, None, None),
    ]


def test_the_engine_keeps_the_evidence_of_the_pair_that_attached_a_record() -> None:
    # a threshold so high that only the two records with a document and a phone in common link;
    # the third, a year only and nothing else, is scored under it and left alone
    rows = frame(_engine_rows(), _ENGINE_COLUMNS)
    strict = LinkOptions(threshold=0.999999, lone_attach_at=None)
    assert link_records(rows, strict).members["anchor"].to_list() == [
        "rs-1", "rs-1", "gr-1", "mk-1"
    ]  # fmt: skip
    options = LinkOptions(threshold=0.999999, lone_attach_at=0.5, lone_rival_at=0.5)
    result = link_records(rows, options)
    assert result.report["lone_records_attached"] == 1
    members = {row["record_id"]: row for row in result.members.iter_rows(named=True)}
    attached = members["gr-1"]
    assert attached["anchor"] == "rs-1"
    assert 0.5 <= attached["match_probability"] < 0.999999
    fields = {e["field"] for e in json.loads(attached["evidence"])}
    assert {"name", "birth_date", "nationality"} <= fields
    # an analyst's split holds: the record stays alone
    split = Constraints(cannot_link=[("gr-1", "hu-1")])
    kept = link_records(rows, options, split)
    assert kept.members["anchor"].to_list() == ["rs-1", "rs-1", "gr-1", "mk-1"]
