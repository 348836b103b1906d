"""The array ranking of candidates computes the same levels as the scorer's own rules."""

from __future__ import annotations

import random

import numpy as np

from accord.screening import IndexEntry, default_model
from accord.screening.dates import BirthDate
from accord.screening.levels import dob_level, exact_level
from accord.screening.ranking import Columns, _dob_weights, top_candidates


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
    return IndexEntry(f"r{number}", "Person", "person", None, False, "v", ("A B",), birth,  # type: ignore[arg-type]
                      nationality, sex)  # fmt: skip


def test_dob_weights_match_the_scorers_levels() -> None:
    model = default_model()
    rng = random.Random(5)
    columns = Columns(capacity=4)  # grown while filled
    births = [_birth(rng) for _ in range(600)]
    for number, birth in enumerate(births):
        columns.set(number, _entry(number, birth, None, None))
    numbers = np.arange(len(births), dtype=np.int64)
    for _ in range(200):
        query = _birth(rng)
        got = _dob_weights(model, query, columns.arrays, numbers)
        for number, birth in enumerate(births):
            level = dob_level(query, birth)
            expected = 0.0 if level is None else model.weight("dob", level)
            assert got[number] == expected, (query, birth, level)


def test_top_candidates_rank_by_shared_keys_and_cheap_levels() -> None:
    model = default_model()
    rng = random.Random(9)
    columns = Columns()
    people = []
    for number in range(300):
        birth = _birth(rng)
        nationality = rng.choice(["RS", "AL", None])
        sex = rng.choice(["M", "F", None])
        people.append((birth, nationality, sex))
        columns.set(number, _entry(number, birth, nationality, sex))
    columns.kill(7)
    postings = [np.arange(0, 300, dtype=np.int64), np.arange(0, 300, 3, dtype=np.int64)]
    query = BirthDate(1985, 3, 12)
    top = top_candidates(columns, model, postings, query, "RS", "M", 2.0, 24)

    def cheap(number: int) -> float:
        birth, nationality, sex = people[number]
        level = dob_level(query, birth)
        total = 2.0 * (1 + (number % 3 == 0))
        total += 0.0 if level is None else model.weight("dob", level)
        for comparison, mine in (("nationality", nationality), ("sex", sex)):
            found = exact_level("RS" if comparison == "nationality" else "M", mine)
            total += 0.0 if found is None else model.weight(comparison, found)
        return total

    expected = sorted((n for n in range(300) if n != 7), key=lambda n: (-cheap(n), n))[:24]
    assert top == expected
