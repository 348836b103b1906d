"""The comparison levels of a person query against an indexed person, computed in Python.

They are the levels of the Splink model the weights were trained with (:mod:`.train` writes
the same levels in SQL; a test checks that both agree on every pair of a sample). Each function
returns the level's label, or None for a null level (nothing to compare: weight 0).
"""

from __future__ import annotations

from accord.names import name_score
from accord.screening.dates import BirthDate

__all__ = [
    "DOB_LEVELS",
    "NAME_BANDS",
    "NAME_LEVELS",
    "dob_level",
    "document_level",
    "exact_level",
    "name_band",
    "name_level",
]

#: name_score thresholds of the name levels, best first.
NAME_BANDS = (("same", 0.95), ("close", 0.80), ("weak", 0.50))
NAME_LEVELS = ("same", "close", "weak", "else")
DOB_LEVELS = ("exact", "swap", "partial", "year_off", "else")


def name_band(score: float) -> str:
    for label, threshold in NAME_BANDS:
        if score >= threshold:
            return label
    return "else"


def name_level(query: str, candidate: str) -> tuple[str | None, float]:
    """The name level (from :func:`accord.names.name_score`) and the score itself."""
    if not query.strip() or not candidate.strip():
        return None, 0.0
    score = name_score(query, candidate)
    return name_band(score), score


def dob_level(a: BirthDate, b: BirthDate) -> str | None:
    """exact; swap (day and month swapped); partial (agree where both are known, or one is a
    1 January placeholder of the same year); year_off (years one apart, the rest agreeing where
    known); else."""
    if not a.year or not b.year:
        return None
    full = a.full and b.full
    same_year = a.year == b.year
    if full and same_year and a.month == b.month and a.day == b.day:
        return "exact"
    if full and same_year and a.month == b.day and a.day == b.month:
        return "swap"
    months_agree = not a.month or not b.month or a.month == b.month
    if same_year:
        placeholder = (a.month, a.day) == (1, 1) or (b.month, b.day) == (1, 1)
        if (full and placeholder) or (not full and months_agree):
            return "partial"
    days_agree = not a.day or not b.day or a.day == b.day
    if abs(a.year - b.year) == 1 and months_agree and days_agree:
        return "year_off"
    return "else"


def exact_level(a: str | None, b: str | None) -> str | None:
    """Nationality and sex: equal or not; null when either is unknown."""
    if not a or not b:
        return None
    return "exact" if a == b else "else"


def document_level(a: frozenset[int], b: frozenset[int]) -> str | None:
    """exact: a document number in common (keyed hashes); else: both have numbers, none in
    common (a person may hold several documents, so this counts little against); null when
    either has none."""
    if not a or not b:
        return None
    return "exact" if a & b else "else"
