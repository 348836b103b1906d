"""Namesakes chained through weak links: the soft conflicts and the clustering that heeds them."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

import duckdb
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.linkage.cluster import cluster_records
from accord.linkage.contradictions import flag_contradictions
from accord.linkage.features import prepare
from accord.linkage.model import SOFT_CONFLICTS
from accord.linkage.traits import RecordTraits
from tests.linkage.cases import frame

_EDGES = {
    "unique_id_l": pl.Int64,
    "unique_id_r": pl.Int64,
    "match_weight": pl.Float64,
    "strong": pl.Boolean,
}
_PAIRS = {"unique_id_l": pl.Int64, "unique_id_r": pl.Int64}


def _edges(rows: list[tuple[int, int, float, bool]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=_EDGES, orient="row")


def _pairs(rows: list[tuple[int, int]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=_PAIRS, orient="row")


def test_a_weak_link_does_not_join_groups_that_disagree() -> None:
    # 0 and 2 were born on different days; 1 has only the name and a year: two namesakes
    weak = cluster_records(
        3, _edges([(0, 1, 14.0, False), (1, 2, 12.0, False)]), soft_conflicts=_pairs([(0, 2)])
    )
    assert weak.cluster[0] == weak.cluster[1] != weak.cluster[2]
    assert weak.skipped_links == 1
    # a document number in common joins them whatever the dates say (a typing error)
    strong = cluster_records(
        3, _edges([(0, 1, 14.0, False), (1, 2, 12.0, True)]), soft_conflicts=_pairs([(0, 2)])
    )
    assert strong.cluster[0] == strong.cluster[1] == strong.cluster[2]
    assert strong.skipped_links == 0


def test_a_direct_strong_link_joins_records_that_disagree() -> None:
    result = cluster_records(2, _edges([(0, 1, 20.0, True)]), soft_conflicts=_pairs([(0, 1)]))
    assert result.cluster == [0, 0]


def test_a_soft_conflict_never_overrides_a_contradiction() -> None:
    result = cluster_records(
        2, _edges([(0, 1, 20.0, True)]), _pairs([(0, 1)]), soft_conflicts=_pairs([(0, 1)])
    )
    assert result.cluster == [0, 1]


@settings(max_examples=60)
@given(st.integers(min_value=2, max_value=30), st.integers(min_value=0, max_value=2**32))
def test_no_identity_holds_a_soft_conflict_joined_by_weak_links_alone(
    count: int, seed: int
) -> None:
    rng = random.Random(seed)
    rows = [(a, b, rng.uniform(0, 30), rng.random() < 0.3)
            for a in range(count) for b in range(a + 1, count) if rng.random() < 0.3]  # fmt: skip
    soft = [(a, b) for a in range(count) for b in range(a + 1, count) if rng.random() < 0.1]
    result = cluster_records(count, _edges(rows), soft_conflicts=_pairs(soft))
    # the records of each identity reachable from one another over weak tree links alone
    # never hold a soft conflict: only a strong link joins two sides that disagree
    weak_tree = {(min(a, b), max(a, b)) for a, b, _, strong in rows if not strong}
    groups: dict[int, set[int]] = {n: {n} for n in range(count)}
    for child, (parent, row) in result.parent.items():
        a, b, _, strong = rows[row]
        assert {a, b} == {child, parent}
        if (min(a, b), max(a, b)) in weak_tree and not strong:
            merged = groups[child] | groups[parent]
            for n in merged:
                groups[n] = merged
    for a, b in soft:
        assert b not in groups[a]
    # nothing more is cut than needed: each identity is connected by accepted links
    members: dict[int, set[int]] = {}
    for node, label in enumerate(result.cluster):
        members.setdefault(label, set()).add(node)
    for group in members.values():
        assert len([n for n in group if n in result.parent]) == len(group) - 1


def _conflicts(rows: list[tuple[str | None, ...]]) -> dict[tuple[int, int], str]:
    prepared, _ = prepare(frame(rows))
    con = duckdb.connect()
    con.register("p", prepared.to_arrow())
    con.execute("create table records as select * from p")
    pairs = [(a, b) for a in range(len(rows)) for b in range(a + 1, len(rows))]
    con.register(
        "q", pl.DataFrame(pairs, schema=["join_key_l", "join_key_r"], orient="row").to_arrow()
    )
    con.execute("create table pairs as select * from q")
    flag_contradictions(con, "records", "pairs", "found", rules=SOFT_CONFLICTS)
    found = {
        (int(a), int(b)): str(r)
        for a, b, r in con.execute("select unique_id_l, unique_id_r, reason from found").fetchall()
    }
    con.close()
    return found


def _born(*dates: str) -> list[tuple[str | None, ...]]:
    return [
        (f"r{i}", "RS", "Mohammed", "Ali", date, "M", "SYR", None, None, None)
        for i, date in enumerate(dates)
    ]


def test_full_dates_far_apart_conflict_and_typing_slips_do_not() -> None:
    assert _conflicts(_born("1990-03-04", "1987-11-21")) == {
        (0, 1): "different full dates of birth"
    }
    # one digit, day and month swapped, a year off by one, 1 January, a partial date
    for other in ("1990-03-05", "1990-04-03", "1991-03-04", "1990-01-01", "1990-03", "1990"):
        assert _conflicts(_born("1990-03-04", other)) == {}, other


def test_years_of_birth_two_apart_conflict_when_a_date_is_partial() -> None:
    assert _conflicts(_born("1990", "1987-11-21")) == {(0, 1): "years of birth two or more apart"}
    assert _conflicts(_born("1990-05", "1992")) == {(0, 1): "years of birth two or more apart"}
    # a year off by one is a common slip; an unknown date conflicts with nothing
    assert _conflicts(_born("1990", "1991-02-03")) == {}
    assert _conflicts(_born("1990", "")) == {}


def _fathers(*fathers: str, surname: str = "Ali") -> list[tuple[str | None, ...]]:
    return [
        (f"r{i}", "HU", "Mohammed", surname, "1990", "M", "SYR", None, None, father)
        for i, father in enumerate(fathers)
    ]


def test_different_fathers_names_conflict_and_spellings_do_not() -> None:
    assert _conflicts(_fathers("Ahmed", "Hassan")) == {(0, 1): "different fathers' names"}
    assert _conflicts(_fathers("Ahmed", "Ahmad")) == {}
    assert _conflicts(_fathers("Ahmed", "")) == {}
    # the father's name written as the surname in the other record
    rows = _fathers("Hassan", "Ahmed", surname="Hassan")
    rows[1] = ("r1", "HU", "Mohammed", "Hassan", "1990", "M", "SYR", None, None, "Ahmed")
    rows[0] = ("r0", "HU", "Mohammed", "Ali", "1990", "M", "SYR", None, None, "Hassan")
    assert _conflicts(rows) == {}


def test_the_same_1_january_is_its_own_level_and_not_strong_evidence() -> None:
    from accord.linkage import link_records
    from accord.linkage.model import COMPARISONS, STRONG_LEVELS

    dates = next(c for c in COMPARISONS if c["output_column_name"] == "birth_date")
    labels = [str(level["label_for_charts"]) for level in dates["comparison_levels"]]
    assert labels.index("same date of birth, 1 January") < labels.index("same date of birth")
    assert "same date of birth, 1 January" not in STRONG_LEVELS["birth_date"]
    rows: list[tuple[str | None, ...]] = [
        ("a", "HU", "Mohammed", "Ali", "1990-01-01", "M", "SYR", "N1234567", None, "Ahmed"),
        ("b", "RS", "Мохамед", "Али", "01.01.1990.", "M", "SYR", "N1234567", None, "Ахмед"),
    ]
    result = link_records(frame(rows))
    linked = result.members.filter(pl.col("linked_to").is_not_null())
    evidence = {e["field"]: e["level"] for e in json.loads(linked["evidence"].item())}
    assert evidence["birth_date"] == "same date of birth, 1 January"


def _phones_only(phones: Sequence[Sequence[str] | None]) -> RecordTraits:
    return RecordTraits(phones, [None] * len(phones), [None] * len(phones))


def test_a_weak_link_does_not_join_groups_whose_phone_numbers_differ() -> None:
    # 0 and 1 share a phone (strong); 2 has another number; 3 has none: namesakes of one name
    # and year are joined by weak links only where no two numbers disagree
    edges = _edges([(0, 1, 30.0, True), (1, 2, 12.0, False), (1, 3, 11.0, False)])
    phones = [["69125741"], ["69125741"], ["55523213"], None]
    result = cluster_records(4, edges, traits=_phones_only(phones))
    assert result.cluster == [0, 0, 2, 0]
    assert result.skipped_links == 1
    # a strong link (the same full date of birth, say) joins them: numbers change
    strong = _edges([(0, 1, 30.0, True), (1, 2, 25.0, True)])
    assert cluster_records(3, strong, traits=_phones_only(phones[:3])).cluster == [0, 0, 0]
    # one number in common is enough, even if a group holds another one too
    shared = [["69125741"], ["69125741", "55523213"], ["55523213"]]
    weak = _edges([(0, 1, 30.0, True), (1, 2, 12.0, False)])
    assert cluster_records(3, weak, traits=_phones_only(shared)).cluster == [0, 0, 0]


@settings(max_examples=60)
@given(st.integers(min_value=2, max_value=30), st.integers(min_value=0, max_value=2**32))
def test_weak_links_never_join_groups_without_a_phone_number_in_common(
    count: int, seed: int
) -> None:
    rng = random.Random(seed)
    rows = [(a, b, rng.uniform(0, 30), rng.random() < 0.3)
            for a in range(count) for b in range(a + 1, count) if rng.random() < 0.3]  # fmt: skip
    phones = [[rng.choice("abc")] if rng.random() < 0.5 else None for _ in range(count)]
    result = cluster_records(count, _edges(rows), traits=_phones_only(phones))
    # replay the accepted tree links weakest-last, as the greedy clustering does: each weak
    # one must join two groups with a number in common or without numbers on one side
    root = list(range(count))

    def find(n: int) -> int:
        while root[n] != n:
            n = root[n]
        return n

    numbers = [set(p or ()) for p in phones]
    accepted = sorted(
        (rows[row] for _child, (_parent, row) in result.parent.items()),
        key=lambda e: (-e[2], e[0], e[1]),
    )
    for a, b, _, strong in accepted:
        ra, rb = find(a), find(b)
        if not strong:
            assert not (numbers[ra] and numbers[rb] and numbers[ra].isdisjoint(numbers[rb]))
        root[rb] = ra
        numbers[ra] |= numbers[rb]
