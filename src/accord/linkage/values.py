"""Vectorised normalisation of the non-name fields of a link input: dates of birth, sex,
nationality, documents and places.

Every function takes and returns polars expressions or frames and works per column, never per
row in Python. A value that cannot be read becomes unknown (null) and is counted, never dropped
with its record: the linkage then compares that record on its other fields.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl
import pycountry

__all__ = [
    "BIRTH_DATE_PARTS",
    "birth_date_parts",
    "clean_text",
    "document_numbers",
    "nationality_code",
    "phone_numbers",
    "registration_day",
    "sex_code",
]

#: Columns :func:`birth_date_parts` adds: the date as ISO text (full or partial), its parts, and
#: how the input was read (``full``, ``month``, ``year``, ``repaired``, ``unreadable``,
#: ``empty``).
BIRTH_DATE_PARTS = ("dob", "dob_year", "dob_month", "dob_day", "dob_status")

_MIN_YEAR, _MAX_YEAR = 1880, 2100
# Cyrillic and Greek letters that look like Latin ones, as they appear in hand-keyed numbers.
_LOOK_ALIKES_FROM = list("АВЕКМНОРСТУХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")
_LOOK_ALIKES_TO = list("ABEKMHOPCTYXIJSABEZHIKMNOPTYX")
# Characters that are read for one another in serial numbers: folded to one of each pair.
_LOOK_ALIKE_DIGITS = {"O": "0", "Q": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"}
_MIN_DOCUMENT = 4
#: A phone number is compared on its last digits: ``+382 69 125 741``, ``0038269125741`` and
#: ``069 125 741`` are one number, whichever country prefix or trunk zero a clerk wrote. Eight
#: digits hold the subscriber number of every country of the region.
PHONE_DIGITS = 8
_MAX_TEXT = 300


def clean_text(column: str) -> pl.Expr:
    """Text with control characters removed, trimmed and bounded; empty becomes null."""
    text = (
        pl.col(column)
        .cast(pl.Utf8)
        .str.slice(0, _MAX_TEXT * 4)
        .str.replace_all(r"[\p{Cc}\p{Cf}]", " ")
        .str.strip_chars()
        .str.slice(0, _MAX_TEXT)
    )
    return pl.when(text.str.len_chars() > 0).then(text).otherwise(None)


def _int(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.Int32, strict=False)


def birth_date_parts(frame: pl.DataFrame, column: str = "birth_date") -> pl.DataFrame:
    """Add :data:`BIRTH_DATE_PARTS` from a column of dates as people write them.

    Read: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``DD.MM.YYYY`` (also with ``/`` or ``-`` and a
    final dot), ``YYYY.MM.DD.``, ``MM.YYYY``. A day or month written as ``00`` is unknown
    (``00.00.1985`` is the year 1985). A date that does not exist (``31-02-1990``) keeps only its
    year (status ``repaired``); anything else is unknown (status ``unreadable``).
    """
    raw = pl.col(column).cast(pl.Utf8).str.strip_chars().str.strip_chars_end(".")
    iso = raw.str.extract_groups(r"^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?$")
    dmy = raw.str.extract_groups(r"^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$")
    my = raw.str.extract_groups(r"^(\d{1,2})[-./](\d{4})$")
    year = pl.coalesce(
        _int(iso.struct.field("1")), _int(dmy.struct.field("3")), _int(my.struct.field("2"))
    )
    month = pl.coalesce(
        _int(iso.struct.field("2")), _int(dmy.struct.field("2")), _int(my.struct.field("1"))
    )
    day = pl.coalesce(_int(iso.struct.field("3")), _int(dmy.struct.field("1")))
    parsed = frame.with_columns(
        _y=year, _m=pl.when(month > 0).then(month), _d=pl.when(day > 0).then(day), _raw=raw
    )
    year_ok = pl.col("_y").is_between(_MIN_YEAR, _MAX_YEAR).fill_null(False)
    month_ok = pl.col("_m").is_between(1, 12).fill_null(False)
    last_day = pl.date(pl.col("_y"), pl.col("_m"), 1).dt.month_end().dt.day()
    day_ok = (pl.col("_d").is_between(1, 31) & (pl.col("_d") <= last_day)).fill_null(False)
    status = (
        pl.when(pl.col("_raw").is_null() | (pl.col("_raw").str.len_chars() == 0))
        .then(pl.lit("empty"))
        .when(~year_ok)
        .then(pl.lit("unreadable"))
        .when(pl.col("_m").is_null() & pl.col("_d").is_null())
        .then(pl.lit("year"))
        .when(pl.col("_m").is_null() | ~month_ok)
        .then(pl.lit("repaired"))
        .when(pl.col("_d").is_null())
        .then(pl.lit("month"))
        .when(day_ok)
        .then(pl.lit("full"))
        .otherwise(pl.lit("repaired"))
    )
    parsed = parsed.with_columns(dob_status=status)
    keep_month = pl.col("dob_status").is_in(["full", "month"])
    keep_year = keep_month | pl.col("dob_status").is_in(["year", "repaired"])
    parsed = parsed.with_columns(
        dob_year=pl.when(keep_year).then(pl.col("_y")),
        dob_month=pl.when(keep_month).then(pl.col("_m")),
        dob_day=pl.when(pl.col("dob_status") == "full").then(pl.col("_d")),
    )
    y = pl.col("dob_year").cast(pl.Utf8).str.zfill(4)
    m = pl.col("dob_month").cast(pl.Utf8).str.zfill(2)
    d = pl.col("dob_day").cast(pl.Utf8).str.zfill(2)
    dob = (
        pl.when(pl.col("dob_day").is_not_null())
        .then(pl.concat_str(y, m, d, separator="-"))
        .when(pl.col("dob_month").is_not_null())
        .then(pl.concat_str(y, m, separator="-"))
        .otherwise(y)
    )
    return parsed.with_columns(dob=dob).drop("_y", "_m", "_d", "_raw")


_SEX = {
    "m": "M", "male": "M", "man": "M", "mashkull": "M", "musko": "M", "muški": "M", "muski": "M",
    "м": "M", "машки": "M", "мушки": "M", "erkek": "M", "e": "M",
    "f": "F", "female": "F", "woman": "F", "femër": "F", "femer": "F", "z": "F", "ž": "F",
    "zensko": "F", "ženski": "F", "zenski": "F", "ж": "F", "женски": "F", "kadın": "F", "k": "F",
    "w": "F", "n": "F",
}  # fmt: skip


def sex_code(column: str) -> pl.Expr:
    """``M``, ``F`` or null, from the codes and words of the region's forms."""
    word = pl.col(column).cast(pl.Utf8).str.strip_chars().str.to_lowercase()
    return word.replace_strict(_SEX, default=None, return_dtype=pl.Utf8)


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    codes = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
    codes.update({"XKX": "XK", "RKS": "XK", "KOS": "XK", "UNK": "XK", "SCG": "RS", "YUG": "RS"})
    return codes


def nationality_code(column: str) -> pl.Expr:
    """ISO 3166 alpha-2 (``XK`` for Kosovo) from alpha-2 or alpha-3 codes; other text kept."""
    code = pl.col(column).cast(pl.Utf8).str.strip_chars().str.to_uppercase()
    code = pl.when(code.str.len_chars() > 0).then(code)
    three = code.replace_strict(_alpha3(), default=None, return_dtype=pl.Utf8)
    return pl.when(code.str.len_chars() == 3).then(pl.coalesce(three, code)).otherwise(code)


def document_numbers(column: str) -> pl.Expr:
    """The record's document numbers (``;`` or ``|`` between several) as a list of keys:
    upper case, Cyrillic and Greek look-alikes as Latin, separators dropped, then O/0, I/1,
    S/5, B/8, Z/2 folded so that a misread character still agrees. Numbers shorter than four
    characters are dropped."""
    text = pl.col(column).cast(pl.Utf8).str.slice(0, _MAX_TEXT).str.to_uppercase()
    text = text.str.replace_many(_LOOK_ALIKES_FROM, _LOOK_ALIKES_TO)
    pieces = text.str.replace_all(r"\|", ";").str.split(";")
    cleaned = pieces.list.eval(
        pl.element()
        .str.replace_all(r"[^\p{L}\p{N}]", "")
        .str.replace_many(list(_LOOK_ALIKE_DIGITS), list(_LOOK_ALIKE_DIGITS.values()))
    )
    kept = cleaned.list.eval(
        pl.element().filter(pl.element().str.len_chars() >= _MIN_DOCUMENT)
    ).list.unique(maintain_order=True)
    return pl.when(kept.list.len() > 0).then(kept)


def phone_numbers(column: str) -> pl.Expr:
    """The record's phone numbers (``;`` or ``|`` between several) as a list of keys: the last
    :data:`PHONE_DIGITS` digits of each (spaces, dashes, brackets, ``+`` and prefixes do not
    matter). Numbers with fewer digits than that are dropped."""
    text = pl.col(column).cast(pl.Utf8).str.slice(0, _MAX_TEXT).str.replace_all(r"\|", ";")
    digits = text.str.split(";").list.eval(pl.element().str.replace_all(r"\D", ""))
    kept = digits.list.eval(
        pl.element()
        .filter(pl.element().str.len_chars() >= PHONE_DIGITS)
        .str.slice(-PHONE_DIGITS, PHONE_DIGITS)
    ).list.unique(maintain_order=True)
    return pl.when(kept.list.len() > 0).then(kept)


def registration_day(column: str) -> pl.Expr:
    """The first of the record's dates of registration (``;`` between several; ``YYYY-MM-DD``
    or ``DD.MM.YYYY``, also with ``/`` and a final dot) as days since 1970; unknown when none is
    a real date."""
    text = pl.col(column).cast(pl.Utf8).str.slice(0, _MAX_TEXT)
    days = text.str.split(";").list.eval(
        pl.coalesce(
            pl.element().str.strip_chars().str.strip_chars_end(".")
            .str.strptime(pl.Date, layout, strict=False, exact=True)
            for layout in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
        ).cast(pl.Int32)
    )  # fmt: skip
    return days.list.min()
