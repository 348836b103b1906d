"""Dates of birth as the screening compares them: year, month and day, any of them unknown.

Read: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``DD.MM.YYYY`` (also with ``/`` or ``-``, and a final
dot), ``YYYY.MM.DD.``; a day or month written ``00`` is unknown. A date that does not exist keeps
its year only.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

__all__ = ["BirthDate", "parse_birth_date"]

_ISO = re.compile(r"^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?\.?$")
_DMY = re.compile(r"^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})\.?$")
_MY = re.compile(r"^(\d{1,2})[-./](\d{4})\.?$")
_MIN_YEAR, _MAX_YEAR = 1880, 2100


@dataclass(frozen=True, slots=True)
class BirthDate:
    """Year, month and day; 0 where unknown (a known day implies a known month)."""

    year: int = 0
    month: int = 0
    day: int = 0

    @property
    def known(self) -> bool:
        return self.year > 0

    @property
    def full(self) -> bool:
        return self.day > 0

    def __reduce__(self) -> tuple[type[BirthDate], tuple[int, int, int]]:
        return (BirthDate, (self.year, self.month, self.day))  # pickled as a constructor call


UNKNOWN = BirthDate()


def parse_birth_date(text: str | None) -> BirthDate:
    """A date of birth as people write it; unknown when it cannot be read."""
    if not text:
        return UNKNOWN
    value = text.strip()[:40]
    parts: tuple[str | None, ...]
    if found := _ISO.match(value):
        parts = (found.group(1), found.group(2), found.group(3))
    elif found := _DMY.match(value):
        parts = (found.group(3), found.group(2), found.group(1))
    elif found := _MY.match(value):
        parts = (found.group(2), found.group(1), None)
    else:
        return UNKNOWN
    year, month, day = (int(p) if p else 0 for p in parts)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return UNKNOWN
    if not 1 <= month <= 12:
        return BirthDate(year)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return BirthDate(year, month) if day == 0 else BirthDate(year)
    return BirthDate(year, month, day)
