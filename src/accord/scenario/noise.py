"""Clerical errors and date writing: typos, partial dates, day/month swaps, look-alike characters.

Every function takes the caller's random stream, so the same seed always yields the same errors.
"""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.conventions import ErrorRates

__all__ = ["birth_date_text", "date_text", "lookalike", "typo"]

# Characters that transcriptions confuse: Latin letters and digits, and Latin letters and their
# Cyrillic look-alikes (a Serbian or Macedonian keyboard left in Cyrillic mode).
_LOOKALIKE = {
    "O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8", "8": "B", "Z": "2",
    "A": "А", "E": "Е", "K": "К", "M": "М", "H": "Н", "P": "Р", "C": "С", "T": "Т", "X": "Х",
}  # fmt: skip


def typo(rng: random.Random, text: str) -> str:
    """``text`` with one letter dropped, doubled, or swapped with its neighbour."""
    if len(text) < 4:
        return text
    position = rng.randrange(1, len(text) - 1)
    operation = rng.randrange(3)
    if operation == 0:
        return text[:position] + text[position + 1 :]
    if operation == 1:
        return text[:position] + text[position] + text[position:]
    return text[:position] + text[position + 1] + text[position] + text[position + 2 :]


def lookalike(rng: random.Random, text: str) -> str:
    """``text`` with one character replaced by a look-alike (O/0, I/1, Latin/Cyrillic A...)."""
    positions = [index for index, char in enumerate(text) if char in _LOOKALIKE]
    if not positions:
        return text
    index = rng.choice(positions)
    return text[:index] + _LOOKALIKE[text[index]] + text[index + 1 :]


# An unknown day and month written as zeros, in each date style.
_UNKNOWN_DAY = {"iso": "{year}-00-00", "ymd_hu": "{year}.00.00.", "dmy_slash": "00/00/{year}"}


def date_text(day: date, style: str) -> str:
    """``day`` in a participant's date style (see conventions.DATE_FORMATS)."""
    if style == "iso":
        return day.isoformat()
    if style == "dmy_slash":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == "ymd_hu":
        return f"{day.year}.{day.month:02d}.{day.day:02d}."
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def birth_date_text(
    rng: random.Random, born: date, known: bool, style: str, errors: ErrorRates
) -> str:
    """A birth date as one registration records it, with the convention's errors.

    A person without a known birth date is registered as 1 January of a claimed year (the
    year sometimes off by one) or by the year alone, the common artefact of registrations of
    people without documents.
    """
    if style == "dmy_dot_mixed":
        style = "dmy_dot" if rng.random() < 0.5 else "dmy_dot_trailing"
    roll = rng.random()
    if roll < errors.missing_birth_date:
        return ""
    if not known:
        year = born.year + (rng.choice((-1, 1)) if rng.random() < 0.15 else 0)
        if rng.random() < errors.invalid_date:
            return _UNKNOWN_DAY.get(style, "00.00.{year}").format(year=year)
        if rng.random() < 0.4:
            return str(year)
        return _styled(date(year, 1, 1), style)
    roll -= errors.missing_birth_date
    if roll < errors.partial_birth_date:
        return str(born.year) if roll < errors.partial_birth_date / 2 else born.isoformat()[:7]
    roll -= errors.partial_birth_date
    if roll < errors.day_month_swap and born.day <= 12 and born.day != born.month:
        return _styled(date(born.year, born.day, born.month), style)
    return _styled(born, style)


def _styled(day: date, style: str) -> str:
    if style == "dmy_dot_trailing":
        return f"{day.day:02d}.{day.month:02d}.{day.year}."
    return date_text(day, style)
