"""The traits a group of records holds, weighed against another group's (cluster-level soft
conflicts), and their agreement with the pairwise soft conflicts of the model."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.linkage.cluster import cluster_records
from accord.linkage.model import SOFT_CONFLICTS
from accord.linkage.traits import GroupTraits, RecordTraits, dates_disagree

_EDGES = {
    "unique_id_l": pl.Int64,
    "unique_id_r": pl.Int64,
    "match_weight": pl.Float64,
    "strong": pl.Boolean,
}


def _sql_disagree(a: str, b: str) -> bool:
    """The pairwise soft conflict of full dates, as the model writes it in SQL."""
    con = duckdb.connect()
    con.execute("create table t as select ?::varchar as dob_l, ?::varchar as dob_r", [a, b])
    parts = (
        "dob_l, dob_r, 1 as dob_day_l, 1 as dob_day_r,"
        " year(dob_l::date) as dob_year_l, year(dob_r::date) as dob_year_r,"
        " month(dob_l::date) as dob_month_l, month(dob_r::date) as dob_month_r,"
    )
    # the SQL reads day numbers from their own columns: give it the real ones
    con.execute(
        f"create table p as select {parts} day(dob_l::date) as day_l, day(dob_r::date) as day_r"
        " from t"
    )
    rule = SOFT_CONFLICTS["different full dates of birth"].replace("dob_day_", "day_")
    found = con.execute(f"select coalesce(({rule}), false) from p").fetchone()
    con.close()
    assert found is not None
    return bool(found[0])


_DAYS = st.integers(min_value=0, max_value=365 * 60).map(
    lambda n: (date(1950, 1, 1) + timedelta(days=n)).isoformat()
)


def _near(a: str, how: int, digit: int) -> str:
    """A date one slip (or two) from ``a``: a digit changed, day and month swapped, a year off."""
    if how == 0:
        position = [0, 1, 2, 3, 5, 6, 8, 9][digit % 8]
        return a[:position] + str((int(a[position]) + 1 + digit) % 10) + a[position + 1 :]
    if how == 1:
        return f"{a[:4]}-{a[8:10]}-{a[5:7]}"
    return f"{int(a[:4]) + (1 if how == 2 else 2)}{a[4:]}"


@settings(max_examples=120, deadline=None)
@given(_DAYS, _DAYS, st.integers(0, 4), st.integers(0, 20))
def test_full_dates_disagree_as_the_pairwise_soft_conflict_says(
    a: str, far: str, how: int, digit: int
) -> None:
    for b in (far, _near(a, how, digit)):
        try:
            date.fromisoformat(b)
        except ValueError:
            continue  # no such day
        if "-01-01" in (a[4:], b[4:]):
            continue  # a 1 January stand-in: no soft conflict in a pair, one in a group
        assert dates_disagree(a, b) == _sql_disagree(a, b), (a, b)


def test_slips_do_not_disagree() -> None:
    for other in ("1990-03-05", "1990-04-03", "1991-03-04", "1990-03-04"):
        assert not dates_disagree("1990-03-04", other), other
    assert dates_disagree("1990-03-04", "1987-11-21")


def test_groups_disagree_on_phones_years_and_dates() -> None:
    one = GroupTraits.of(["69125741"], 1990, "1990")
    assert one.disagrees(GroupTraits.of(["55523213"], 1990, None))
    assert not one.disagrees(GroupTraits.of(None, 1991, "1991-01-01"))
    assert one.disagrees(GroupTraits.of(None, 1992, None))
    # a partial date is no full date; a 1 January stand-in beside another day of its year
    # disagrees (the model weighs that pair -5), beside a stand-in of the next year not
    dated = GroupTraits.of(None, 1990, "1990-03-04")
    assert not dated.disagrees(GroupTraits.of(None, 1990, "1990-03"))
    assert dated.disagrees(GroupTraits.of(None, 1990, "1990-01-01"))
    assert dated.disagrees(GroupTraits.of(None, 1990, "1990-07-21"))
    # two dated records or more on each side and no year in common: not one record's slip
    pair = GroupTraits.of(None, 1990, "1990")
    pair.absorb(GroupTraits.of(None, 1990, None))
    single = GroupTraits.of(None, 1991, "1991")
    assert not pair.disagrees(single)
    single.absorb(GroupTraits.of(None, 1991, None))
    assert pair.disagrees(single)
    single.absorb(GroupTraits.of(None, 1990, None))
    assert not pair.disagrees(single)
    stand_in = GroupTraits.of(None, 1990, "1990-01-01")
    assert not stand_in.disagrees(GroupTraits.of(None, 1991, "1991-01-01"))
    # a group holds every year and date of its records
    dated.absorb(GroupTraits.of(None, 1991, None))
    assert dated.disagrees(GroupTraits.of(None, 1989, None))
    assert not dated.disagrees(GroupTraits.of(None, None, None))


def test_a_weak_chain_through_an_undated_record_stops_at_the_other_birthday() -> None:
    # 0 and 2 are namesakes born on different days, never paired (a capped block); 1 has the
    # name and nothing else. The stronger weak link wins, the other is refused.
    edges = pl.DataFrame([(0, 1, 14.0, False), (1, 2, 12.0, False)], schema=_EDGES, orient="row")
    traits = RecordTraits([None] * 3, [1990, None, 1990], ["1990-03-04", None, "1990-07-21"])
    result = cluster_records(3, edges, traits=traits)
    assert result.cluster == [0, 0, 2]
    assert result.skipped_links == 1
    # a strong link (a document in common, say) joins them all the same
    strong = edges.with_columns(strong=pl.lit(True))
    assert cluster_records(3, strong, traits=traits).cluster == [0, 0, 0]
