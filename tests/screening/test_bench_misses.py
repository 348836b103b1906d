"""The causes ``accord bench screen`` gives its missed planted hits, and how it describes the
way a query and its record are written."""

from __future__ import annotations

from accord.cli.screen_bench_misses import NO_KEY, OUTRANKED, answered, diagnose, miss_row
from accord.screening import IndexEntry, ScreenQuery, default_model
from accord.screening.dates import BirthDate
from accord.screening.digests import Hasher
from accord.screening.index import ScreeningIndex
from accord.screening.query import CheckedQuery
from tests.screening.flagged import flagged


def _person(number: int, name: str, birth: BirthDate, alert: str = "wanted") -> IndexEntry:
    return IndexEntry(f"r{number}", "Person", "person", flagged(alert), False, "v", (name,),
                      birth, "SY", None)  # fmt: skip


def _index() -> ScreeningIndex:
    index = ScreeningIndex(default_model(), Hasher(b"k" * 32), seed=3)
    # sixty namesakes of one year outrank an undated record of the same name for a dated query
    for number in range(60):
        index.add(_person(number, "Samer Al Hatib", BirthDate(2006, 1, 1)))
    index.add(_person(98, "Самер Ал Хатиб", BirthDate()))
    index.add(_person(99, "Marko Petrović", BirthDate(1980, 5, 5)))
    return index


def test_misses_are_told_apart_by_cause() -> None:
    index = _index()
    dated = CheckedQuery("Samer Al Hatib", BirthDate(2006, 1, 1), "SY")
    assert diagnose(index, dated, "r0") == (True, "")
    assert diagnose(index, dated, "r98") == (False, OUTRANKED)
    assert diagnose(index, dated, "r99") == (False, NO_KEY)
    assert diagnose(index, None, "r0")[1] == "query refused by the checks"
    assert diagnose(index, dated, "nowhere")[1] == "record not in the index"


def test_answered_counts_only_the_hits_an_answer_returns() -> None:
    from accord.services.screening import MAX_HITS

    index = _index()
    dated = CheckedQuery("Samer Al Hatib", BirthDate(2006, 1, 1), "SY")
    banded = [c.record_id for c in index.search(dated) if c.band and not c.decoy]
    # every namesake scored is a hit, but an answer returns only the first few
    assert len(banded) > MAX_HITS
    shown = [record_id for record_id in banded if answered(index, dated, record_id)]
    assert len(shown) == MAX_HITS
    assert not answered(index, dated, "r98")
    assert not answered(index, None, "r0")


def test_a_miss_row_says_how_query_and_record_are_written() -> None:
    index = _index()
    query = ScreenQuery(first_name="SAMER", last_name="AL HATIB", birth_date="2006.01.01.")
    target = {"dataset": "missing_persons", "alert": "missing"}
    row = miss_row(index, query, target, "r98", OUTRANKED)
    assert row["variant"] == "1 January / no date; Latin / Cyrillic"
    assert row["record_name"] == "Самер Ал Хатиб"


def test_a_missing_alert_behind_wanted_namesakes_is_scored_and_answered() -> None:
    """Sixty namesakes flagged ``wanted`` tie with a missing child on every level and come
    first by entry number; the child's alert is still compared and listed in the answer."""
    index = _index()
    index.add(_person(100, "Samer Al Hatib", BirthDate(2006, 1, 1), alert="missing"))
    dated = CheckedQuery("Samer Al Hatib", BirthDate(2006, 1, 1), "SY")
    assert diagnose(index, dated, "r100") == (True, "")
    assert answered(index, dated, "r100")
