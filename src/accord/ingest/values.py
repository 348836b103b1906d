"""Validate and clean values by property type with the field's libraries.

Each function takes the raw text of one cell and returns the cleaned value or raises
:class:`Invalid` with a reason in plain words. Callers validate each distinct value of a column
once (values repeat a lot in real files), so these need not be fast, only right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

import pycountry
from followthemoney.property import Property
from followthemoney.types import registry
from rigour.ids import get_identifier_format
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException

from accord.ingest.invalid import Invalid
from accord.ingest.phones import phone_cleaner

__all__ = ["Invalid", "clean_date", "clean_text", "validator_for"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_PARTIAL_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$")
_PARTIAL_YMD = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})\.?$")  # 1989.00.00. (HU)
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_COUNTRY_ALIASES = {
    "xk": "xk",
    "xkx": "xk",
    "kosovo": "xk",
    "kosova": "xk",
    "uk": "gb",
    "great britain": "gb",
    "england": "gb",
    "el": "gr",
    "north macedonia": "mk",
    "macedonia": "mk",
    "bosnia": "ba",
    "bosnia and herzegovina": "ba",
    "eu": "eu",
}


def clean_text(raw: str, max_length: int | None) -> str:
    text = unicodedata.normalize("NFC", _CONTROL.sub("", raw)).strip()
    if max_length is not None and len(text) > max_length:
        raise Invalid(f"longer than the {max_length} characters the field allows")
    return text


def clean_date(raw: str, formats: tuple[str, ...] = ()) -> str:
    """ISO 8601 dates; partial dates (YYYY, YYYY-MM) are kept as partial. Registries that write
    an unknown day or month as 00 (00.00.1985) give a partial date."""
    text = raw.strip()
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    iso = _ISO_PARTIAL.match(text)
    if iso:
        year, month, day = iso.groups()
        return _checked(int(year), int(month) if month else None, int(day) if day else None, text)
    dmy = _PARTIAL_DMY.match(text)
    if dmy:
        day, month, year = (int(g) for g in dmy.groups())
        return _checked(year, month or None, day or None, text)
    ymd = _PARTIAL_YMD.match(text)
    if ymd:
        year, month, day = (int(g) for g in ymd.groups())
        return _checked(year, month or None, day or None, text)
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    raise Invalid("not a date; write YYYY-MM-DD (or YYYY-MM, YYYY), or declare the format")


def _checked(year: int, month: int | None, day: int | None, text: str) -> str:
    if not 1800 <= year <= 2100:
        raise Invalid(f"the year {year} is out of range")
    if month is None:
        if day:
            raise Invalid("a day without a month")
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise Invalid(f"there is no month {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise Invalid(f"no such day ({text})") from exc


@lru_cache(maxsize=4096)
def clean_country(raw: str) -> str:
    text = raw.strip().lower()
    if text in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[text]
    try:
        found = pycountry.countries.lookup(text)
    except LookupError as exc:
        raise Invalid("not a country; use an ISO 3166 code such as RS, XK or GB") from exc
    return str(found.alpha_2).lower()


def _iban(raw: str) -> str:
    try:
        return str(IBAN(raw).compact)
    except SchwiftyException as exc:
        raise Invalid(f"not a valid IBAN ({exc})") from exc


def _bic(raw: str) -> str:
    try:
        return str(BIC(raw).compact)
    except SchwiftyException as exc:
        raise Invalid(f"not a valid BIC ({exc})") from exc


def _identifier(prop: Property) -> Callable[[str], str]:
    fmt = prop.format
    if fmt == "iban":
        return _iban
    if fmt == "bic":
        return _bic
    checker = get_identifier_format(fmt) if fmt else None

    def clean(raw: str) -> str:
        text = " ".join(clean_text(raw, prop.max_length).split())
        if not any(ch.isalnum() for ch in text):
            raise Invalid("an identifier needs letters or digits")
        if checker is not None and not checker.is_valid(text):
            raise Invalid(f"not a valid {fmt} identifier")
        return text

    return clean


def _generic(prop: Property) -> Callable[[str], str]:
    type_ = prop.type

    def clean(raw: str) -> str:
        text = clean_text(raw, prop.max_length)
        cleaned = type_.clean(text)
        if cleaned is None:
            raise Invalid(f"not a valid {type_.name}")
        return str(cleaned)

    return clean


def _number(raw: str) -> str:
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234.567,89
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError as exc:
        raise Invalid("not a number") from exc
    return str(int(value)) if value.is_integer() else repr(value)


def validator_for(
    prop: Property, participant: str, formats: tuple[str, ...] = ()
) -> Callable[[str], str]:
    """The cleaning function for values of a property."""
    name = prop.type.name
    if name == "date":
        return lambda raw: clean_date(raw, formats)
    if name == "country":
        return clean_country
    if name == "phone":
        region = participant.upper() if len(participant) == 2 and participant != "EU" else None
        return phone_cleaner(region)
    if name == "identifier":
        return _identifier(prop)
    if name == "number":
        return _number
    if name == "email":
        return _generic(prop)
    if name in ("name", "string", "text", "address"):
        return lambda raw: clean_text(raw, prop.max_length or 65000)
    if name == "gender":
        return _gender
    return _generic(prop)


_GENDERS = {
    "m": "male",
    "male": "male",
    "muški": "male",
    "muski": "male",
    "м": "male",
    "машки": "male",
    "mashkull": "male",
    "f": "female",
    "female": "female",
    "ž": "female",
    "z": "female",
    "ženski": "female",
    "zenski": "female",
    "ж": "female",
    "женски": "female",
    "femër": "female",
    "femer": "female",
    "w": "female",
    "x": "other",
    "other": "other",
}


def _gender(raw: str) -> str:
    found = _GENDERS.get(raw.strip().lower())
    if found is None:
        cleaned = registry.gender.clean(raw)
        if cleaned is None:
            raise Invalid("not a sex/gender code; use M, F or X")
        return str(cleaned)
    return found
