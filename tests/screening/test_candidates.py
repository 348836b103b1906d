"""Candidate generation and pre-ranking: the kinds of planted hits that used to be missed
because the true record never reached the scorer (common names of missing minors, year-only or
unknown dates of birth, names with a repeated token, variants in another script)."""

from __future__ import annotations

import pytest

from accord.names import blocking_keys
from accord.screening import IndexEntry, default_model, gathering
from accord.screening import index as index_module
from accord.screening.dates import BirthDate
from accord.screening.digests import Hasher
from accord.screening.index import Candidate, ScreeningIndex
from accord.screening.keys import entry_keys, query_plan, token_keys
from accord.screening.query import CheckedQuery
from tests.screening.flagged import flagged

_YEARS = list(range(1960, 2020))


def _person(number: int, name: str, birth: BirthDate, nationality: str = "SY") -> IndexEntry:
    return IndexEntry(f"r{number}", "Person", "person", flagged("wanted"), False, "v", (name,),
                      birth, nationality, None)  # fmt: skip


def _index(entries: list[IndexEntry]) -> ScreeningIndex:
    index = ScreeningIndex(default_model(), Hasher(b"k" * 32), seed=3)
    for entry in entries:
        index.add(entry)
    return index


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names the index compares, in the order it compares them."""
    names: list[str] = []
    real_level = index_module.name_level

    def counting(query: str, candidate: str) -> tuple[str | None, float]:
        names.append(candidate)
        return real_level(query, candidate)

    monkeypatch.setattr(index_module, "name_level", counting)
    return names


def _hit(candidates: list[Candidate], record_id: str) -> Candidate | None:
    for candidate in candidates:
        if candidate.record_id == record_id and not candidate.decoy:
            return candidate
    return None


def test_a_repeated_token_gives_a_pair_key() -> None:
    keys = entry_keys(("Али Ал Али",), 0)
    assert any(key.startswith("p|") for key in keys)
    assert entry_keys(("Али Ал Али",), 0) & set(query_plan("ALI AL ALI", 0).keys)


def test_undated_persons_have_undated_keys_which_dated_queries_look_up() -> None:
    undated = entry_keys(("Hasan Al Hasan",), 0)
    dated = entry_keys(("Hasan Al Hasan",), 2006)
    assert any(key.startswith("u|") for key in undated)
    assert not any(key.startswith("u|") for key in dated)
    plan = query_plan("Hasan Al Hasan", 2006)
    assert undated & {key for key in plan.keys if key.startswith("u|")}
    assert not any(key.startswith("u|") for key in query_plan("Hasan Al Hasan", 0).keys)


def test_query_keys_name_the_tokens_they_vouch_for() -> None:
    plan = query_plan("Anas Muhamed Al Hasan", 2006)
    assert plan.tokens == 3
    pair_masks = {mask for key, mask in plan.keys.items() if key.startswith("p|")}
    year_masks = {mask for key, mask in plan.keys.items() if key.startswith("y|")}
    assert pair_masks == {0b011, 0b101, 0b110}
    assert year_masks == {0b001, 0b010, 0b100}


def test_repeated_token_name_without_date_is_found() -> None:
    """``ALI AL ALI`` with no date of birth against ``Али Ал Али``: before, a name whose two
    tokens share their keys had no pair key, and an undated query had nothing to look up."""
    others = [_person(n, "Ali Hasan", BirthDate(_YEARS[n])) for n in range(30)]
    index = _index([*others, _person(99, "Али Ал Али", BirthDate(2007, 1, 1))])
    found = _hit(index.search(CheckedQuery("ALI AL ALI", nationality="SY")), "r99")
    assert found is not None and found.band == "review"


def test_undated_record_of_a_common_name_is_found_when_its_pair_key_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At a million persons the pair keys of a common name are passed over for its rarer year
    keys; a missing minor recorded without a date of birth has no year keys. The undated keys
    find it (here the bound on postings is lowered to make the namesakes "many")."""
    monkeypatch.setattr(gathering, "EXAMINED", 40)
    namesakes = [_person(n, "Hasan Al Hasan", BirthDate(_YEARS[n], 5, 5)) for n in range(60)]
    index = _index([*namesakes, _person(99, "Hasan Al Hasan", BirthDate())])
    query = CheckedQuery("Hasan Al Hasan", BirthDate(2006, 10, 7), "SY")
    found = _hit(index.search(query), "r99")
    assert found is not None and found.band == "review"
    assert found.levels["dob"] is None  # nothing to compare: weight 0, not a disagreement


def test_variant_in_another_script_outranks_longer_namesakes() -> None:
    """``Samer Al Hatib`` (no date) against ``Самер Ал Хатиб``, behind forty longer names that
    share the same two tokens and were indexed first: each token of a candidate that matches
    nothing in the query lowers its rank, so the exact variant reaches the scorer."""
    given = ["Ajša", "Zejneb", "Anas", "Abdulrahman", "Halid", "Omer", "Nur", "Bilal"]
    names = [f"{given[n % 8]} Samer Al Hatib{' Hasan' if n >= 8 else ''}" for n in range(40)]
    longer = [_person(n, name, BirthDate(_YEARS[n])) for n, name in enumerate(names)]
    index = _index([*longer, _person(99, "Самер Ал Хатиб", BirthDate(2006, 7, 17))])
    found = _hit(index.search(CheckedQuery("Samer Al Hatib", nationality="SY")), "r99")
    assert found is not None and found.band == "review"


def test_year_only_query_ranks_the_same_year_first() -> None:
    """A year-only date of birth (``2007``) agrees in part with every date of that year: the
    minor born in 2007 comes before namesakes of other years, in whatever script."""
    namesakes = [_person(n, "Ahmad Ahmadi", BirthDate(_YEARS[n], 3, 5), "AF") for n in range(40)]
    index = _index([*namesakes, _person(99, "Ахмад Ахмади", BirthDate(2007, 3, 5), "AF")])
    found = _hit(index.search(CheckedQuery("Ahmad Ahmadi", BirthDate(2007), "AF")), "r99")
    assert found is not None and found.levels["dob"] == "partial" and found.band is not None


def test_every_query_scores_the_same_number_of_candidates() -> None:
    namesakes = [_person(n, "Ahmad Ahmadi", BirthDate(_YEARS[n], 3, 5), "AF") for n in range(40)]
    index = _index(namesakes)
    for query in (
        CheckedQuery("Ahmad Ahmadi", BirthDate(2007), "AF"),
        CheckedQuery("Petar Petrović", BirthDate(1985, 3, 12), "RS"),
    ):
        scored = [c for c in index.search(query) if c.levels]
        assert len(scored) == index_module.SCORED


def test_every_query_compares_the_same_number_of_names(compared: list[str]) -> None:
    """Real candidates first, random entries to make up: a query for a name the index does not
    hold compares as many names as one for a crowd of namesakes."""
    namesakes = [_person(n, "Ahmad Ahmadi", BirthDate(_YEARS[n % 60], 3, 5), "AF")
                 for n in range(120)]  # fmt: skip
    index = _index(namesakes)
    for query in (
        CheckedQuery("Ahmad Ahmadi", BirthDate(2007), "AF"),
        CheckedQuery("Ahmad Ahmadi", nationality="AF"),
        CheckedQuery("Petar Petrović", BirthDate(1985, 3, 12), "RS"),
    ):
        compared.clear()
        answered = index.search(query)
        assert len(compared) == index_module.NAME_COMPARED
        assert len(answered) == index_module.SCORED


def test_candidates_that_cannot_reach_the_review_band_are_not_compared() -> None:
    """A namesake whose date of birth disagrees cannot hit whatever its name: its name is not
    compared, and the comparisons go to those that can."""
    far = [_person(n, "Ahmad Ahmadi", BirthDate(1960 + n % 5, 3, 5), "AF") for n in range(40)]
    near = [_person(100 + n, "Ахмад Ахмади", BirthDate(2007), "AF") for n in range(3)]
    index = _index([*far, *near])
    real = [c for c in index.search(CheckedQuery("Ahmad Ahmadi", BirthDate(2007, 3, 5), "AF"))
            if not c.decoy]  # fmt: skip
    assert {c.record_id for c in real} == {"r100", "r101", "r102"}
    assert all(c.band == "review" for c in real)


def test_the_names_compared_to_make_up_the_number_are_the_namesakes_passed_over(
    compared: list[str],
) -> None:
    """When few candidates can reach a band, the comparisons left go to the ranked namesakes
    that could not (a comparison like a candidate's), not to random persons; none of them is
    answered as a hit."""
    far = [_person(n, "Ahmad Ahmadi", BirthDate(1960 + n % 5, 3, 5), "AF") for n in range(40)]
    near = [_person(100 + n, "Ахмад Ахмади", BirthDate(2007), "AF") for n in range(3)]
    others = [_person(200 + n, "Petar Petrović", BirthDate(1985, 3, 12), "RS") for n in range(80)]
    index = _index([*far, *near, *others])
    found = index.search(CheckedQuery("Ahmad Ahmadi", BirthDate(2007, 3, 5), "AF"))
    assert len(compared) == index_module.NAME_COMPARED
    assert compared[:3] == ["Ахмад Ахмади"] * 3
    assert set(compared[3:]) == {"Ahmad Ahmadi"}
    made_up = [c for c in found if c.decoy]
    assert made_up and all(c.band is None for c in made_up)
    assert {c.record_id for c in found if c.band} == {"r100", "r101", "r102"}


def test_equal_scores_put_the_closer_name_first() -> None:
    index = _index([_person(1, "Ahmad Karimi", BirthDate(2007)),
                    _person(2, "Ahmad Karimi", BirthDate(2007)),
                    _person(3, "Ahmed Karimi", BirthDate(2007))])  # fmt: skip
    # indexed in that order; the exact spelling wins a tie of levels against the variant
    index.add(_person(0, "Ahmed Karimi", BirthDate(2007)))
    real = [c for c in index.search(CheckedQuery("Ahmed Karimi", BirthDate(2007), "SY"))
            if not c.decoy]  # fmt: skip
    assert [c.score for c in real] == sorted((c.score for c in real), reverse=True)
    first, last = real[0], real[-1]
    assert first.score == last.score and first.name_score >= last.name_score


def test_the_article_written_on_meets_the_name_without_it() -> None:
    """``Mohammad Alali`` shares both tokens' keys with ``Мухамед Ал Али`` (the article written
    on ``Ali``), so that namesakes sharing one token do not outrank it."""
    shared = set(query_plan("Mohammad Alali", 0).keys) & entry_keys(("Мухамед Ал Али",), 0)
    assert any(key.startswith("p|") and "lx:g:ali" in key for key in shared)
    # names that only begin like the article keep their own keys
    for name in ("Albert", "Alma", "Elena"):
        own = tuple(key for key in blocking_keys(name) if not key.startswith("st:"))
        assert token_keys(name) == [own]
    crowd = [_person(n, f"Mohammad {name}", BirthDate(2008, 1, 1))
             for n, name in enumerate(["Alami", "Alawi", "Amin", "Aziz"] * 10)]  # fmt: skip
    index = _index([*crowd, _person(99, "Мухамед Ал Али", BirthDate(2008, 1, 1))])
    found = _hit(index.search(CheckedQuery("MOHAMMAD ALALI", BirthDate(2008, 1, 1), "SY")), "r99")
    assert found is not None and found.band == "review" and found.levels["name"] == "same"


def test_the_best_under_another_alert_are_compared_behind_a_crowd_of_namesakes(
    compared: list[str],
) -> None:
    """A hundred and twenty namesakes flagged ``wanted`` outrank two missing children of the
    same name by their dates; the children's names are compared all the same, and a query
    still compares exactly :data:`NAME_COMPARED` names."""
    wanted = [_flagged(n, "Ahmad Ahmadi", BirthDate(2007, 3, 5), "wanted") for n in range(120)]
    missing = [_flagged(200 + n, "Ахмад Ахмади", BirthDate(2007), "missing") for n in range(2)]
    index = _index([*wanted, *missing])
    query = CheckedQuery("Ahmad Ahmadi", BirthDate(2007, 3, 5), "SY")
    found = index.search(query)
    for record_id in ("r200", "r201"):
        child = _hit(found, record_id)
        assert child is not None and child.band is not None
    assert len(compared) == index_module.NAME_COMPARED
    # without the other alert, the comparisons all go to the best estimates (tied: the first)
    compared.clear()
    real = [c.record_id for c in _index(wanted).search(query) if not c.decoy]
    assert sorted(real) == sorted(f"r{n}" for n in range(index_module.NAME_COMPARED))
    assert len(compared) == index_module.NAME_COMPARED


def _flagged(number: int, name: str, birth: BirthDate, alert: str) -> IndexEntry:
    return IndexEntry(f"r{number}", "Person", "person", flagged(alert), False, "v", (name,),
                      birth, "SY", None)  # fmt: skip


def test_each_alert_keeps_its_share_whichever_ranks_first() -> None:
    """The best candidate is a missing child; a second missing child ranks behind a hundred
    and twenty namesakes flagged ``wanted``. Both children's names are compared."""
    first = _flagged(0, "Ahmad Ahmadi", BirthDate(2007, 3, 5), "missing")
    wanted = [_flagged(n, "Ahmad Ahmadi", BirthDate(2007, 3, 5), "wanted") for n in range(1, 121)]
    second = _flagged(200, "Ахмад Ахмади", BirthDate(2007), "missing")
    index = _index([first, *wanted, second])
    found = index.search(CheckedQuery("Ahmad Ahmadi", BirthDate(2007, 3, 5), "SY"))
    for record_id in ("r0", "r200"):
        child = _hit(found, record_id)
        assert child is not None and child.band is not None


@pytest.mark.parametrize(
    ("alert", "birth", "nationality", "hit"),
    [
        ("missing", BirthDate(2007, 12, 19), "AF", True),
        ("missing", BirthDate(2007, 1, 1), "AF", False),  # a placeholder is no date
        ("missing", BirthDate(2007), "AF", False),  # nor is a year
        ("missing", BirthDate(2007, 12, 19), "IR", False),  # nationality differs
        ("wanted", BirthDate(2007, 12, 19), "AF", False),  # only a missing child's alert
    ],
)
def test_a_missing_child_registered_under_another_surname(
    alert: str, birth: BirthDate, nationality: str, hit: bool
) -> None:
    """Басир Фахим, reported missing, registered at a border as Basir Safi with the same full
    date of birth: the review band, on one name and the date, for a missing child only."""
    child = IndexEntry("r1", "Person", "person", flagged(alert), False, "v", ("Басир Фахим",),
                       birth, nationality, "M")  # fmt: skip
    index = _index([child, _person(2, "Petar Petrović", BirthDate(1985, 3, 12), "RS")])
    query = CheckedQuery("Basir Safi", BirthDate(2007, 12, 19) if birth.day else birth, "AF")
    found = _hit(index.search(query), "r1")
    assert (found is not None and found.band == "review") is hit
    if hit:
        assert found is not None and found.one_name and found.levels["name"] == "else"
