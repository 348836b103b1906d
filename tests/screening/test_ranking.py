"""The array ranking of candidates computes the same levels as the scorer's own rules, and ranks
names by the query tokens they match and the rarity of the keys they share."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from accord.screening import IndexEntry, default_model
from accord.screening.dates import BirthDate
from accord.screening.levels import dob_level, exact_level
from accord.screening.ranking import (
    EXTRA_TOKEN,
    NAME_SPAN,
    RARITY,
    Columns,
    KeyPostings,
    Posting,
    _best,
    _dob_weights,
    _name_ranks,
    rank_candidates,
)


def _birth(rng: random.Random) -> BirthDate:
    year = rng.choice([0, 1984, 1985, 1986, 1985, 1985])
    if not year or rng.random() < 0.2:
        return BirthDate(year)
    month = rng.choice([1, 1, 3, 12, 0])
    if not month:
        return BirthDate(year)
    day = rng.choice([1, 1, 3, 12, 0])
    return BirthDate(year, month, day)


def _entry(number: int, birth: BirthDate, nationality: str | None, sex: str | None) -> IndexEntry:
    name = ("Petar Petrović",)  # two tokens
    return IndexEntry(f"r{number}", "Person", "person", None, False, "v", name, birth,  # type: ignore[arg-type]
                      nationality, sex)  # fmt: skip


def _assert_dob_weights_as_the_scorer(
    births: list[BirthDate], queries: list[BirthDate], columns: Columns
) -> None:
    """The array weights of ``births`` against each query equal the scorer's own levels."""
    model = default_model()
    for number, birth in enumerate(births):
        columns.set(number, _entry(number, birth, None, None))
    words = columns.words[np.arange(len(births), dtype=np.int64)]
    for query in queries:
        got = _dob_weights(model, query, words)
        for number, birth in enumerate(births):
            level = dob_level(query, birth)
            expected = 0.0 if level is None else model.weight("dob", level)
            assert got[number] == expected, (query, birth, level)


def test_dob_weights_match_the_scorers_levels() -> None:
    rng = random.Random(5)
    births = [_birth(rng) for _ in range(600)]
    queries = [_birth(rng) for _ in range(200)]
    _assert_dob_weights_as_the_scorer(births, queries, Columns(capacity=4))  # grown while filled


def test_dob_weights_match_the_scorers_levels_on_every_date_near_the_querys() -> None:
    """The query's table of levels (by years apart, month and day) against the scorer's own
    rules, for every month and day of the years around the query's and an unknown year."""
    births = [BirthDate()] + [
        BirthDate(year, month, day)
        for year in range(1982, 1989)
        for month in range(13)
        for day in (range(32) if month else (0,))
        if day <= 28 or month != 2
    ]
    queries = [BirthDate(1985, 1, 1), BirthDate(1985, 3, 12), BirthDate(1985, 12, 3),
               BirthDate(1985, 7), BirthDate(1985), BirthDate(1985, 2, 28)]  # fmt: skip
    _assert_dob_weights_as_the_scorer(births, queries, Columns(capacity=len(births)))


def test_columns_from_a_snapshot_with_one_array_per_column_rank_alike() -> None:
    """A snapshot written when each column was an array of its own loads into the words."""
    rng = random.Random(3)
    fresh = Columns()
    old: dict[str, np.ndarray] = {
        name: np.zeros(64, np.int16)
        for name in ("year", "month", "day", "nat", "sex", "dead", "tokens")
    }
    codes = {"RS": 1, "AL": 2}
    for number in range(50):
        birth = _birth(rng)
        nationality = rng.choice(["RS", "AL", None])
        sex = rng.choice(["M", "F", None])
        fresh.set(number, _entry(number, birth, nationality, sex))
        old["year"][number], old["month"][number] = birth.year, birth.month
        old["day"][number], old["tokens"][number] = birth.day, 2
        old["nat"][number] = codes.get(nationality or "", 0)
        old["sex"][number] = {"M": 1, "F": 2}.get(sex or "", 0)
    fresh.kill(7)
    old["dead"][7] = 1
    loaded = Columns.__new__(Columns)
    loaded.__setstate__({"codes": dict(fresh._codes), "arrays": old})
    assert loaded.words[:50].tolist() == fresh.words[:50].tolist()
    postings = [Posting(np.arange(50, dtype=np.int64), 0b11, 2.0)]
    ranks = [
        rank_candidates(
            c, default_model(), KeyPostings.of(postings), 2, BirthDate(1985, 3, 12), "RS", "M", 10
        )
        for c in (fresh, loaded)
    ]
    assert 7 not in ranks[0].numbers.tolist()  # removed
    assert ranks[0].numbers.tolist() == ranks[1].numbers.tolist()
    assert ranks[0].levels.tolist() == ranks[1].levels.tolist()


def test_top_candidates_rank_by_tokens_matched_rarity_and_cheap_levels() -> None:
    model = default_model()
    rng = random.Random(9)
    columns = Columns()
    people = []
    for number in range(300):
        birth = _birth(rng)
        nationality = rng.choice(["RS", "AL", None])
        sex = rng.choice(["M", "F", None])
        people.append((birth, nationality, sex))
        columns.set(number, _entry(number, birth, nationality, sex))  # two name tokens
    columns.kill(7)
    # a two-token query: a pair key (both tokens, rare) and one token's year key (common)
    postings = [
        Posting(np.arange(0, 300, 3, dtype=np.int64), 0b11, 6.0),
        Posting(np.arange(0, 300, 2, dtype=np.int64), 0b01, 0.0),
    ]
    query = BirthDate(1985, 3, 12)
    top = rank_candidates(
        columns, model, KeyPostings.of(postings), 2, query, "RS", "M", 24
    ).numbers.tolist()

    def cheap(number: int) -> float:
        birth, nationality, sex = people[number]
        # both tokens under the pair key (the year key adds nothing), or one token of two
        # under the year key alone (and one of the candidate's own tokens unmatched)
        both = number % 3 == 0
        total = NAME_SPAN + RARITY * 6.0 if both else NAME_SPAN * 0.5 - EXTRA_TOKEN
        level = dob_level(query, birth)
        total += 0.0 if level is None else model.weight("dob", level)
        for comparison, mine in (("nationality", nationality), ("sex", sex)):
            found = exact_level("RS" if comparison == "nationality" else "M", mine)
            total += 0.0 if found is None else model.weight(comparison, found)
        return total

    reached = [n for n in range(300) if n != 7 and (n % 3 == 0 or n % 2 == 0)]
    expected = sorted(reached, key=lambda n: (-round(cheap(n), 9), n))[:24]
    assert top == expected


def test_a_token_counts_once_however_many_of_its_keys_are_shared() -> None:
    """A namesake sharing one token under several keys (its year keys among them) does not
    outrank a person sharing every token under one key."""
    model = default_model()
    columns = Columns()
    for number in range(3):
        columns.set(number, _entry(number, BirthDate(), None, None))
    many_keys_one_token = [Posting(np.array([1], dtype=np.int64), 0b01, 3.0) for _ in range(6)]
    every_token = [Posting(np.array([2], dtype=np.int64), 0b11, 3.0)]
    top = rank_candidates(
        columns,
        model,
        KeyPostings.of(many_keys_one_token + every_token),
        2,
        BirthDate(),
        None,
        None,
        2,
    ).numbers.tolist()
    assert top == [2, 1]


@given(
    st.lists(st.integers(-3, 3), min_size=0, max_size=400),
    st.integers(1, 60),
    st.booleans(),
)
def test_the_best_come_in_the_order_of_a_full_sort(
    values: list[int], wanted: int, dead: bool
) -> None:
    """The partition keeps every tie at the cut: the same entries, in the same order, as
    sorting them all (best estimate first, ties by entry number)."""
    estimate = np.array(values, dtype=np.float64) / 2
    if dead and len(estimate):
        estimate[::5] = -np.inf
    numbers = np.random.default_rng(len(values)).permutation(len(values)).astype(np.int64)
    full = np.lexsort((numbers, -estimate))[:wanted]
    assert _best(estimate, numbers, wanted).tolist() == full.tolist()


@given(
    st.lists(
        st.tuples(
            st.sets(st.one_of(st.integers(0, 50), st.integers(0, 2**27)), max_size=40),
            st.integers(1, 255),
            st.integers(0, 40),
        ),
        min_size=1,
        max_size=70,
    ),
    st.integers(1, 8),
)
def test_merged_postings_give_each_entry_once_with_all_its_tokens(
    lists: list[tuple[set[int], int, int]], query_tokens: int
) -> None:
    """However many postings (the posting's number goes in the low bits of one sorted
    integer) and however large the entry numbers (32 bits where they fit, 64 otherwise):
    each entry once, in order, with the tokens of every posting it is in and the rarity of
    the rarest."""
    postings = [
        Posting(np.array(sorted(numbers), dtype=np.int64), tokens, rarity / 4)
        for numbers, tokens, rarity in lists
        if numbers
    ]
    if not postings:
        return
    covered: dict[int, int] = {}
    rarest: dict[int, float] = {}
    for posting in postings:
        for number in posting.numbers.tolist():
            covered[number] = covered.get(number, 0) | posting.tokens
            rarest[number] = max(rarest.get(number, 0.0), posting.rarity)
    numbers, ranks, matched = _name_ranks(KeyPostings.of(postings), query_tokens)
    assert numbers.tolist() == sorted(covered)
    bits = [bin(covered[n]).count("1") for n in sorted(covered)]
    assert matched.tolist() == bits
    expected = [
        NAME_SPAN * min(b / query_tokens, 1.0) + RARITY * rarest[n]
        for n, b in zip(sorted(covered), bits, strict=True)
    ]
    assert np.allclose(ranks, expected)


def test_the_best_under_another_alert_are_added_wherever_they_rank() -> None:
    """Two hundred entries flagged ``wanted`` born on the query's date outrank five missing
    persons born the year after; the best three of those are added, best first among them."""
    from tests.screening.flagged import flagged

    columns = Columns()
    for number in range(200):
        entry = _entry(number, BirthDate(1985, 3, 12), "RS", "M")
        columns.set(number, replace(entry, envelope=flagged("wanted")))
    near, far = BirthDate(1986, 3, 12), BirthDate(1988, 3, 12)
    births = [near, BirthDate(1990), far, near, near]
    for number, birth in enumerate(births, 200):
        entry = _entry(number, birth, "RS", "M")
        columns.set(number, replace(entry, envelope=flagged("missing")))
    postings = [Posting(np.arange(205, dtype=np.int64), 0b11, 2.0)]
    model, query = default_model(), BirthDate(1985, 3, 12)
    alone = rank_candidates(columns, model, KeyPostings.of(postings), 2, query, "RS", "M", 24)
    assert alone.numbers.tolist() == list(range(24))
    ranked = rank_candidates(
        columns, model, KeyPostings.of(postings), 2, query, "RS", "M", 24, reserved=3
    )
    assert ranked.numbers.tolist() == [*range(24), 200, 203, 204]
    assert ranked.alerts.tolist() == [ranked.alerts[0]] * 24 + [ranked.alerts[-1]] * 3
    assert ranked.alerts[0] != ranked.alerts[-1]
