"""A screening query as a user gives it, and its checks.

A query names a person (a name, best with a date of birth, nationality, sex and document
number) or one or more identifiers (document, vehicle, firearm, phone, IBAN, wallet). What cannot
be screened is refused with a message that says why: an empty query, a date of birth alone, a
name too short or too long to be a name, wildcards and patterns, unreadable dates and codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

import pycountry

from accord.errors import InputError
from accord.names.compare import name_tokens
from accord.screening.dates import UNKNOWN, BirthDate, parse_birth_date
from accord.screening.identifiers import Folded, IdentifierKind, fold_identifier

__all__ = ["MAX_NAME", "CheckedQuery", "ScreenQuery", "check_query"]

MAX_NAME = 200
_MAX_FIELD = 400
_PATTERN = re.compile(r"[*%?_\\\[\]{}^$|]")
_SEX = {"m": "M", "male": "M", "f": "F", "female": "F"}
_IDENTIFIER_FIELDS = {
    "document": IdentifierKind.DOCUMENT,
    "vehicle": IdentifierKind.VEHICLE,
    "firearm": IdentifierKind.FIREARM,
    "phone": IdentifierKind.PHONE,
    "iban": IdentifierKind.IBAN,
    "wallet": IdentifierKind.WALLET,
}


@dataclass(frozen=True)
class ScreenQuery:
    """What a user asks about. Every field is optional; ``ref`` is the caller's own label of
    the query (a row number), echoed in the answer."""

    name: str = ""
    first_name: str = ""
    last_name: str = ""
    birth_date: str = ""
    nationality: str = ""
    sex: str = ""
    document: str = ""
    vehicle: str = ""
    firearm: str = ""
    phone: str = ""
    iban: str = ""
    wallet: str = ""
    ref: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScreenQuery:
        known = {f.name for f in fields(cls)}
        aliases = {"document_number": "document", "dob": "birth_date", "gender": "sex"}
        values: dict[str, str] = {}
        for key, value in data.items():
            name = aliases.get(key.strip().lower(), key.strip().lower())
            if name in known and value is not None:
                values[name] = str(value)
        return cls(**values)

    def terms(self) -> dict[str, str]:
        """The non-empty fields (for the erasable side values of the audit entry)."""
        return {
            f.name: str(getattr(self, f.name))[:_MAX_FIELD]
            for f in fields(self)
            if getattr(self, f.name) and f.name != "ref"
        }


@dataclass(frozen=True)
class CheckedQuery:
    """A query that can be screened."""

    name: str = ""
    birth: BirthDate = UNKNOWN
    nationality: str | None = None
    sex: str | None = None
    identifiers: tuple[Folded, ...] = field(default_factory=tuple)

    @property
    def person(self) -> bool:
        return bool(self.name)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        codes[country.alpha_2] = country.alpha_2
        codes[country.alpha_3] = country.alpha_2
    codes.update({"XK": "XK", "XKX": "XK", "RKS": "XK", "KOS": "XK"})
    return codes


def _text(value: str, label: str) -> str:
    if len(value) > _MAX_FIELD:
        raise InputError(
            f"The {label} is {len(value):,} characters long; at most {_MAX_FIELD} are read.",
            hint=f"Give the {label} as written on the document.",
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise InputError(f"The {label} holds control characters.", hint="Remove them.")
    return value.strip()


def _name(query: ScreenQuery) -> str:
    name = _text(query.name, "name")
    first = _text(query.first_name, "first name")
    last = _text(query.last_name, "last name")
    full = " ".join(part for part in (first, last) if part) or name
    if len(full) > MAX_NAME:
        raise InputError(
            f"The name is {len(full):,} characters long; a name has at most {MAX_NAME}.",
            hint="Give the person's name as written on the document.",
        )
    if _PATTERN.search(full):
        raise InputError(
            f"The name {full[:40]!r} holds wildcard or pattern characters (* % ? _ ...).",
            hint="Names are matched as written; give the whole name, no patterns.",
        )
    return full


def _nationality(value: str) -> str | None:
    code = _text(value, "nationality").upper()
    if not code:
        return None
    found = _countries().get(code)
    if found is None:
        raise InputError(
            f"Unknown nationality {value[:20]!r}.",
            hint="Use an ISO 3166 code of two or three letters (XK or XKX for Kosovo).",
        )
    return found


def _birth(value: str) -> BirthDate:
    text = _text(value, "date of birth")
    if not text:
        return UNKNOWN
    birth = parse_birth_date(text)
    if not birth.known:
        raise InputError(
            f"The date of birth {text[:20]!r} cannot be read.",
            hint="Use YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY.",
        )
    return birth


def check_query(query: ScreenQuery, country: str | None = None) -> CheckedQuery:
    """Check a query; raises :class:`InputError` with what to change. ``country`` (the user's
    participant) reads national phone numbers."""
    name = _name(query)
    birth = _birth(query.birth_date)
    nationality = _nationality(query.nationality)
    sex_text = _text(query.sex, "sex").lower()
    sex = _SEX.get(sex_text) if sex_text else None
    if sex_text and sex is None:
        raise InputError(f"Unknown sex {query.sex[:10]!r}.", hint="Use M or F (or leave it out).")
    identifiers: list[Folded] = []
    for field_name, kind in _IDENTIFIER_FIELDS.items():
        value = _text(getattr(query, field_name), f"{kind.value} number")
        if value:
            folded = fold_identifier(kind, value, country=country, strict_input=True)
            if folded is not None:
                identifiers.append(folded)
    if name:
        _check_name_parts(name, birth)
    elif not identifiers:
        if birth.known or nationality or sex:
            raise InputError(
                "A date of birth, nationality or sex alone is not screened.",
                hint="Add the person's name, or screen a document or other identifier.",
            )
        raise InputError(
            "The query is empty.",
            hint="Give a name (best with the date of birth) or an identifier such as a "
            "document number.",
        )
    return CheckedQuery(name, birth, nationality, sex, tuple(identifiers))


def _check_name_parts(name: str, birth: BirthDate) -> None:
    analysed = name_tokens(name)
    tokens = [t for t in analysed.tokens if len(t.readings[0]) >= 2]
    longest = max((len(t.readings[0]) for t in tokens), default=0)
    if len(tokens) >= 2 or (tokens and longest >= 3 and birth.full):
        return
    # a given name and a surname the names layer reads as one compound (Abdul Khan, Bushra
    # Uddin: Abd- and -uddin names are joined) are still two parts of a name as written
    if tokens and analysed.words >= 2:
        return
    raise InputError(
        f"The name {name[:40]!r} is too short to screen.",
        hint="Give at least a given name and a surname, or one full name with the full date "
        "of birth.",
    )
