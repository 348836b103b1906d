"""The cheap ranking of person candidates, over arrays: which of the entries that share name
keys with a query are worth scoring with the name level.

A common name at a million persons reaches tens of thousands of entries; ranking them one by
one in Python is what made the slowest queries slow. Here the postings of the query's keys are
joined and counted, and each candidate's date-of-birth, nationality and sex weights computed,
as array operations over per-entry columns. The levels are those of :mod:`.levels` (the same
rules, written for arrays); the document level is left to the scorer (a shared document number
reaches the candidate through the identifier tables anyway).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import numpy.typing as npt

from accord.screening.dates import BirthDate
from accord.screening.entries import IndexEntry
from accord.screening.model import MatchModel

__all__ = ["Columns", "top_candidates"]

_SEX = {"M": 1, "F": 2}
Ints = npt.NDArray[np.int64]


class Columns:
    """Per entry number: year, month and day of birth, nationality and sex, as integers (0 for
    unknown). Grown by doubling; a reader keeps the arrays it took, which stay valid."""

    def __init__(self, capacity: int = 1024) -> None:
        self._lock = threading.Lock()
        self._codes: dict[str, int] = {}
        self.arrays = self._allocate(capacity)

    @staticmethod
    def _allocate(capacity: int) -> dict[str, npt.NDArray[np.int16]]:
        names = ("year", "month", "day", "nat", "sex", "dead")
        return {name: np.zeros(capacity, np.int16) for name in names}

    def __getstate__(self) -> dict[str, object]:
        return {"codes": self._codes, "arrays": self.arrays}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._lock = threading.Lock()
        self._codes = state["codes"]
        self.arrays = state["arrays"]

    def _code(self, code: str | None) -> int:
        if not code:
            return 0
        found = self._codes.get(code)
        if found is None:
            found = self._codes[code] = len(self._codes) + 1
        return found

    def query_code(self, code: str | None) -> int:
        """A query's nationality as a code (-1: held by no entry); 0 when not given."""
        return self._codes.get(code, -1) if code else 0

    def set(self, number: int, entry: IndexEntry) -> None:
        with self._lock:
            arrays = self.arrays
            capacity = len(arrays["year"])
            if number >= capacity:
                grown = self._allocate(max(number + 1, capacity * 2))
                for name, values in arrays.items():
                    grown[name][:capacity] = values
                arrays = grown
            birth = entry.birth
            arrays["year"][number] = birth.year
            arrays["month"][number] = birth.month
            arrays["day"][number] = birth.day
            arrays["nat"][number] = self._code(entry.nationality)
            arrays["sex"][number] = _SEX.get(entry.sex or "", 0)
            self.arrays = arrays  # readers see either the old arrays or these, never half

    def kill(self, number: int) -> None:
        """The entry was removed: never rank it again (its postings stay until a rebuild)."""
        with self._lock:
            arrays = self.arrays
            if number < len(arrays["dead"]):
                arrays["dead"][number] = 1


def _dob_weights(
    model: MatchModel, birth: BirthDate, cols: dict[str, npt.NDArray[np.int16]], numbers: Ints
) -> npt.NDArray[np.float64]:
    if not birth.year:
        return np.zeros(len(numbers))
    year = cols["year"][numbers].astype(np.int64)
    month = cols["month"][numbers].astype(np.int64)
    day = cols["day"][numbers].astype(np.int64)
    known = year > 0
    full = (day > 0) & (birth.day > 0)
    same_year = year == birth.year
    exact = full & same_year & (month == birth.month) & (day == birth.day)
    swap = full & same_year & (month == birth.day) & (day == birth.month) & ~exact
    months_agree = (month == 0) | (birth.month == 0) | (month == birth.month)
    placeholder = ((month == 1) & (day == 1)) | ((birth.month, birth.day) == (1, 1))
    partial = same_year & ((full & placeholder) | (~full & months_agree)) & ~exact & ~swap
    days_agree = (day == 0) | (birth.day == 0) | (day == birth.day)
    year_off = (np.abs(year - birth.year) == 1) & months_agree & days_agree
    year_off &= ~exact & ~swap & ~partial
    weights = np.full(len(numbers), model.weight("dob", "else"))
    for mask, level in ((exact, "exact"), (swap, "swap"), (partial, "partial"),
                        (year_off, "year_off")):  # fmt: skip
        weights[mask] = model.weight("dob", level)
    weights[~known] = 0.0
    return weights


def _equal_weights(
    model: MatchModel, comparison: str, wanted: int, values: npt.NDArray[np.int16]
) -> npt.NDArray[np.float64]:
    if not wanted:
        return np.zeros(len(values))
    out = np.where(
        values == wanted, model.weight(comparison, "exact"), model.weight(comparison, "else")
    )
    out[values == 0] = 0.0
    return out.astype(np.float64)


def top_candidates(
    columns: Columns,
    model: MatchModel,
    postings: list[Ints],
    birth: BirthDate,
    nationality: str | None,
    sex: str | None,
    key_rank: float,
    wanted: int,
) -> list[int]:
    """The ``wanted`` best entry numbers among those in ``postings`` (one array per key), by
    the weights of their cheap levels plus ``key_rank`` per key shared; ties by entry number."""
    if not postings:
        return []
    cols = columns.arrays
    numbers, counts = np.unique(np.concatenate(postings), return_counts=True)
    numbers = numbers[numbers < len(cols["year"])]  # added after these arrays were taken
    counts = counts[: len(numbers)]  # the numbers are sorted: the kept ones are a prefix
    if not len(numbers):
        return []
    cheap = key_rank * counts.astype(np.float64)
    cheap += _dob_weights(model, birth, cols, numbers)
    nat = columns.query_code(nationality)
    cheap += _equal_weights(model, "nationality", nat, cols["nat"][numbers])
    cheap += _equal_weights(model, "sex", _SEX.get(sex or "", 0), cols["sex"][numbers])
    cheap[cols["dead"][numbers] > 0] = -np.inf
    order = np.lexsort((numbers, -cheap))[:wanted]
    return [int(n) for n in numbers[order]]
