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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from accord.screening.dates import BirthDate
from accord.screening.entries import IndexEntry
from accord.screening.keys import token_keys
from accord.screening.levels import DOB_LEVELS
from accord.screening.model import MatchModel

__all__ = [
    "EXTRA_TOKEN",
    "NAME_SPAN",
    "RARITY",
    "Columns",
    "KeyPostings",
    "Posting",
    "Ranked",
    "rank_candidates",
]

_SEX = {"M": 1, "F": 2}
Ints = npt.NDArray[np.int64]


# The columns of an entry in one 64-bit word, so that ranking a candidate reads one word
# where it read seven arrays (a memory access each): the bit where each starts, and its mask.
_DAY, _MONTH, _YEAR, _SEX_AT, _DEAD, _TOKENS, _NAT, _ALERT = 0, 5, 9, 21, 23, 24, 32, 48
_MONTH_DAY, _YEARS, _SEXES, _TOKEN_CAP, _NATS, _ALERTS = 0x1FF, 0xFFF, 0x3, 0x1F, 0xFFFF, 0xF


class Columns:
    """Per entry number, in one 64-bit word: year, month and day of birth, nationality and
    sex, as integers (0 for unknown), whether the entry was removed, the number of name
    tokens with keys (of its shortest name) and its originator's alert (``wanted``,
    ``missing``...) as an integer. Grown by doubling; a reader keeps the words it took, which
    stay valid."""

    def __init__(self, capacity: int = 1024) -> None:
        self._lock = threading.Lock()
        self._codes: dict[str, int] = {}
        self._alerts: dict[str, int] = {}
        self.words = np.zeros(capacity, np.int64)

    def __getstate__(self) -> dict[str, object]:
        return {"codes": self._codes, "alerts": self._alerts, "words": self.words}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._lock = threading.Lock()
        self._codes = state["codes"]
        self._alerts = state.get("alerts", {})  # none: every entry under one alert
        if "words" in state:
            self.words = state["words"]
            return
        arrays = state["arrays"]  # a snapshot written with one array per column
        words = np.zeros(len(arrays["year"]), np.int64)
        for name, at in (("day", _DAY), ("month", _MONTH), ("year", _YEAR), ("sex", _SEX_AT),
                         ("dead", _DEAD), ("tokens", _TOKENS), ("nat", _NAT)):  # fmt: skip
            words |= arrays[name].astype(np.int64) << at
        self.words = words

    @staticmethod
    def _coded(codes: dict[str, int], value: str | None, room: int) -> int:
        """``value``'s number in ``codes``, given the next one when new; 0 when not given or
        past the word's ``room`` (ranked as unknown: no nationality, no alert)."""
        if not value:
            return 0
        found = codes.get(value)
        if found is None:
            if len(codes) >= room:
                return 0
            found = codes[value] = len(codes) + 1
        return found

    def query_code(self, code: str | None) -> int:
        """A query's nationality as a code (-1: held by no entry); 0 when not given."""
        return self._codes.get(code, -1) if code else 0

    def set(self, number: int, entry: IndexEntry) -> None:
        birth = entry.birth
        tokens = min((len(token_keys(n)) for n in entry.names), default=0)
        sex = _SEX.get(entry.sex or "", 0)
        alert = entry.envelope.alert if entry.envelope else None
        with self._lock:
            word = (
                birth.day << _DAY
                | birth.month << _MONTH
                | birth.year << _YEAR
                | sex << _SEX_AT
                | min(tokens, _TOKEN_CAP) << _TOKENS
                | self._coded(self._codes, entry.nationality, _NATS) << _NAT
                | self._coded(self._alerts, alert, _ALERTS) << _ALERT
            )
            words = self.words
            capacity = len(words)
            if number >= capacity:
                grown = np.zeros(max(number + 1, capacity * 2), np.int64)
                grown[:capacity] = words
                grown[number] = word
                self.words = grown  # readers see either the old words or these
            else:
                words[number] = word  # one word: never half of an entry

    def kill(self, number: int) -> None:
        """The entry was removed: never rank it again (its postings stay until a rebuild)."""
        with self._lock:
            if number < len(self.words):
                self.words[number] |= 1 << _DEAD


def _dob_weights(model: MatchModel, birth: BirthDate, words: Ints) -> npt.NDArray[np.float64]:
    """The weight of each candidate's date-of-birth level (``words``: the candidates' words
    of :class:`Columns`), looked up in the query's table (:func:`_dob_table`) by years apart,
    then month and day as they sit in the word."""
    if not birth.year:
        return np.zeros(len(words))
    table = _dob_table(model.dob_weights, birth.month, birth.day)
    year = (words >> _YEAR) & _YEARS
    apart = np.abs(year - birth.year)
    np.minimum(apart, _FAR, out=apart)
    apart[year == 0] = _UNKNOWN_YEAR
    apart <<= _MONTH_DAY.bit_length()
    apart |= words & _MONTH_DAY
    found: npt.NDArray[np.float64] = table.take(apart)
    return found


# a date table's rows: years apart 0, 1, 2 or more, and unknown; then month (its 16 places in
# the word) and day
_FAR, _UNKNOWN_YEAR, _MONTHS, _DAYS = 2, 3, 16, 32


@lru_cache(maxsize=512)
def _dob_table(weights: tuple[float, ...], month: int, day: int) -> npt.NDArray[np.float64]:
    """The weight of the date-of-birth level of every (years apart, month, day) against a
    query's month and day, flattened: the levels only ask whether the years are equal or one
    apart, so one table serves every year (one per month and day of the query, cached)."""
    grid = np.indices((_FAR + 1, _MONTHS, _DAYS)).reshape(3, -1)
    weight = dict(zip(DOB_LEVELS, weights, strict=True))
    levels = _dob_levels(BirthDate(2000, month, day), 2000 + grid[0], grid[1], grid[2])
    table = np.zeros((_UNKNOWN_YEAR + 1) * _MONTHS * _DAYS)
    for level, mask in levels.items():
        table[: grid.shape[1]][mask] = weight[level]
    return table


def _dob_levels(
    birth: BirthDate, year: Ints, month: Ints, day: Ints
) -> dict[str, npt.NDArray[np.bool_]]:
    """Where each level of :func:`.levels.dob_level` holds, for arrays of known dates (the
    same rules, written for arrays; a test checks they agree)."""
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
    other = ~(exact | swap | partial | year_off)
    return {"exact": exact, "swap": swap, "partial": partial, "year_off": year_off,
            "else": other}  # fmt: skip


def _equal_weights(
    model: MatchModel, comparison: str, wanted: int, values: Ints
) -> npt.NDArray[np.float64]:
    out = np.where(
        values == wanted, model.weight(comparison, "exact"), model.weight(comparison, "else")
    )
    out[values == 0] = 0.0
    return out


@dataclass(frozen=True)
class Posting:
    """The entries under one key of a query, the query tokens the key vouches for (a bit per
    token) and its rarity in bits (log2 of the persons indexed over the entries under it)."""

    numbers: Ints
    tokens: int
    rarity: float


@dataclass(frozen=True, slots=True)
class KeyPostings:
    """The postings of a query's keys as the ranking reads them: every key's entries (each
    key's in increasing order) one key after the other in one array of 32-bit numbers, the
    keys of the rarest names first, with how many entries, which query tokens (a bit per
    token) and what rarity each key has. One array rather than an array per key: a query
    looks up some twenty keys, and each array of its own cost a conversion and a copy."""

    numbers: npt.NDArray[np.int32]
    lengths: list[int]
    tokens: list[int]
    rarity: list[float]

    @classmethod
    def of(cls, postings: Iterable[Posting]) -> KeyPostings:
        """The non-empty ``postings`` in the ranking's order (rarest first, stable)."""
        kept = sorted((p for p in postings if len(p.numbers)), key=lambda p: -p.rarity)
        if not kept:
            return cls(np.zeros(0, np.int32), [], [], [])
        return cls(
            np.concatenate([p.numbers for p in kept]).astype(np.int32),
            [len(p.numbers) for p in kept],
            [p.tokens for p in kept],
            [p.rarity for p in kept],
        )


#: What sharing every token of the query adds to a candidate's rank (in the weights' units,
#: bits): a name that matches in full is worth about as much as the trained name level.
NAME_SPAN = 8.0
#: What each token of a candidate's name that matches no token of the query takes off its
#: rank: among namesakes, ``Samer Al Hatib`` comes before ``Ajša Samer Al Hatib``.
EXTRA_TOKEN = 2.0
#: What each bit of rarity of the rarest key shared adds: among namesakes of a common name,
#: those sharing a rarer token come first.
RARITY = 1.0
_BITS = np.array([bin(n).count("1") for n in range(256)], dtype=np.float64)


def _name_ranks(
    postings: KeyPostings, query_tokens: int
) -> tuple[Ints, npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The entries under any of the postings, the rank their names earn and how many query
    tokens they match: the share of the query's tokens they match (under any key), plus the
    rarity of the rarest key they share.
    A token is counted once however many of its keys are shared, so a candidate with an
    unknown date of birth (no year keys) is not outranked by namesakes for their year keys."""
    # each entry number goes with the number of its posting in one integer, and one sort of
    # those integers merges the postings (a sort of 32-bit integers where they fit, several
    # times faster than a stable sort of the numbers); the runs of equal numbers are then
    # found in the sorted array itself. The postings come rarest first, so the first of an
    # entry's run is its rarest key.
    count = len(postings.lengths)
    shift = max(count - 1, 1).bit_length()
    wide = (int(postings.numbers.max()) + 1) << shift >= 2**31
    keys: npt.NDArray[np.signedinteger[Any]] = postings.numbers.astype(
        np.int64 if wide else np.int32
    )
    keys <<= shift
    keys |= np.repeat(np.arange(count, dtype=keys.dtype), postings.lengths)
    keys.sort()
    which = keys & ((1 << shift) - 1)
    numbers = keys >> shift
    first = np.empty(len(numbers), np.bool_)
    first[0] = True
    np.not_equal(numbers[1:], numbers[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    unique = numbers[starts].astype(np.int64)
    masks = np.array(postings.tokens, np.uint8)[which]
    covered = np.bitwise_or.reduceat(masks, starts)
    rarest = np.array(postings.rarity)[which[starts]]
    matched = _BITS[covered]
    share = np.minimum(matched / max(query_tokens, 1), 1.0)
    return unique, NAME_SPAN * share + RARITY * rarest, matched


@dataclass(frozen=True)
class Ranked:
    """Candidates best first by the estimate of their score, with the summed weights of their
    date-of-birth, nationality and sex levels (what the scorer adds to the name level)."""

    numbers: Ints
    levels: npt.NDArray[np.float64]
    #: each candidate's alert as a code of :class:`Columns` (0: none)
    alerts: Ints


def rank_candidates(
    columns: Columns,
    model: MatchModel,
    postings: KeyPostings,
    query_tokens: int,
    birth: BirthDate,
    nationality: str | None,
    sex: str | None,
    wanted: int,
    reserved: int = 0,
) -> Ranked:
    """The ``wanted`` best entries among those in ``postings``, by the rank of
    their names (:func:`_name_ranks`, less :data:`EXTRA_TOKEN` for each token of theirs the
    query does not match) plus the weights of their cheap levels; ties by entry number. The
    ``reserved`` best under each alert are added wherever they rank (:func:`_with_reserved`)."""
    if not len(postings.numbers):
        return Ranked(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64))
    every = columns.words
    numbers, names, matched = _name_ranks(postings, query_tokens)
    if numbers[-1] >= len(every):  # added after these words were taken (sorted)
        kept = numbers < len(every)
        numbers, names, matched = numbers[kept], names[kept], matched[kept]
    words = every[numbers]  # one memory access per candidate; the rest is arithmetic
    extra = np.maximum(((words >> _TOKENS) & _TOKEN_CAP) - matched, 0.0)
    names -= EXTRA_TOKEN * extra
    levels = _dob_weights(model, birth, words)
    nat = columns.query_code(nationality)
    if nat:
        levels += _equal_weights(model, "nationality", nat, (words >> _NAT) & _NATS)
    sex_code = _SEX.get(sex or "", 0)
    if sex_code:
        levels += _equal_weights(model, "sex", sex_code, (words >> _SEX_AT) & _SEXES)
    estimate = names + levels
    estimate[(words >> _DEAD) & 1 > 0] = -np.inf
    order = _best(estimate, numbers, wanted)
    order = order[np.isfinite(estimate[order])]
    alerts = (words >> _ALERT) & _ALERTS
    if reserved and len(order) and alerts.min() != alerts.max():
        order = _with_reserved(estimate, numbers, alerts, order, reserved)
    return Ranked(numbers[order], levels[order], alerts[order])


def _with_reserved(
    estimate: npt.NDArray[np.float64], numbers: Ints, alerts: Ints, order: Ints, reserved: int
) -> Ints:
    """``order`` with the ``reserved`` best candidates under every alert added, best first,
    ties by entry number. A missing-child alert is one among thousands of entries flagged
    ``wanted``: ranked only among them, it falls behind the namesakes of a common name whom
    nothing in the query tells apart from it."""
    parts = [order]
    among_best = np.bincount(alerts[order], minlength=_ALERTS + 1)
    live = None
    for alert in np.flatnonzero(np.bincount(alerts, minlength=_ALERTS + 1)).tolist():
        if among_best[alert] >= reserved:
            continue  # its best are among the best of all already
        if live is None:
            live = np.isfinite(estimate)
        under = np.flatnonzero((alerts == alert) & live)
        if len(under):
            parts.append(under[_best(estimate[under], numbers[under], reserved)])
    if len(parts) == 1:
        return order
    # the positions once each (a sort: np.unique costs several times more on a few hundred)
    merged = np.sort(np.concatenate(parts))
    merged = merged[np.concatenate(([True], merged[1:] != merged[:-1]))]
    return merged[np.lexsort((numbers[merged], -estimate[merged]))]


def _best(estimate: npt.NDArray[np.float64], numbers: Ints, wanted: int) -> Ints:
    """Positions of the ``wanted`` highest estimates, best first, ties by entry number: the
    order a full sort gives, from a partition and a sort of the few above the cut (and every
    one tied with the last of them)."""
    if len(estimate) > 2 * wanted:
        cut = np.partition(estimate, len(estimate) - wanted)[len(estimate) - wanted]
        near = np.flatnonzero(estimate >= cut)
        order = near[np.lexsort((numbers[near], -estimate[near]))]
    else:
        order = np.lexsort((numbers, -estimate))
    return order[:wanted]
