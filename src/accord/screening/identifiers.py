"""Identifiers as the screening index keys them: normalised, look-alike characters folded.

Each kind of identifier has its own namespace, so a passport number never meets a plate.
Document numbers, plates, VINs and serial numbers are folded twice:

* **strict**: upper case; Cyrillic and Greek letters that look Latin (А В Е К М Н О Р С Т У Х,
  І Ј Ѕ, Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ) read as the Latin letters; spaces, dashes, dots and
  slashes dropped; then ``O`` and ``Q`` read as ``0`` and ``I`` and ``L`` as ``1``. These are
  the confusions of hand-keyed and OCR-read numbers that are nearly certain: in most fonts the
  pairs are drawn alike, and few numbering schemes use both members of a pair in one place.
* **loose**: the strict form with ``S`` read as ``5``, ``B`` as ``8`` and ``Z`` as ``2``. These
  pairs are told apart by most readers and many schemes use both (``BS`` passport prefixes), so
  a match found only this way goes to the review band, never to the high band.

Phone numbers are compared as international digits (E.164, read with the screening user's
country as the default for national forms), IBANs as upper-case letters and digits, crypto
wallet addresses as written (hexadecimal ``0x`` addresses in lower case). None of these is folded:
their alphabets have no look-alike pairs that their check digits would not catch.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers

from accord.errors import InputError

__all__ = [
    "MIN_LENGTH",
    "Folded",
    "IdentifierKind",
    "fold_identifier",
    "vins_in",
]


class IdentifierKind(StrEnum):
    """Namespaces of the identifier index (what an identifier identifies)."""

    DOCUMENT = "document"
    VEHICLE = "vehicle"
    FIREARM = "firearm"
    PHONE = "phone"
    IBAN = "iban"
    WALLET = "wallet"


#: The shortest identifier (after folding) the index answers for: shorter ones would let a
#: user probe the index with fragments.
MIN_LENGTH = {
    IdentifierKind.DOCUMENT: 5,
    IdentifierKind.VEHICLE: 4,
    IdentifierKind.FIREARM: 4,
    IdentifierKind.PHONE: 8,
    IdentifierKind.IBAN: 15,
    IdentifierKind.WALLET: 20,
}
_MAX_LENGTH = 100
_FOLDED = frozenset({IdentifierKind.DOCUMENT, IdentifierKind.VEHICLE, IdentifierKind.FIREARM})

_SCRIPT_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТУХІЈЅаеорсухіјѕΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "ABEKMHOPCTYXIJSAEOPCYXIJSABEZHIKMNOPTYX",
)
_STRICT = str.maketrans("OQIL", "0011")
_LOOSE = str.maketrans("SBZ", "582")
_SEPARATORS = re.compile(r"[\s\-./_:,;|'\"()\[\]#]+")
_ALNUM = re.compile(r"^[0-9A-Z]+$")
_VIN = re.compile(r"\b([A-HJ-NPR-Z0-9]{17})\b")


@dataclass(frozen=True, slots=True)
class Folded:
    """An identifier's keys: ``strict`` always, ``loose`` where it differs from strict."""

    kind: IdentifierKind
    strict: str
    loose: str | None


def _clean(value: str) -> str:
    text = unicodedata.normalize("NFKC", value)[: _MAX_LENGTH * 2].strip()
    return _SEPARATORS.sub("", text.translate(_SCRIPT_LOOK_ALIKES).upper())


def _phone(value: str, country: str | None) -> str:
    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    region = country.upper() if country and len(country) == 2 else None
    try:
        parsed = phonenumbers.parse(text, None if text.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", text)
    return f"{parsed.country_code}{parsed.national_number}"


def fold_identifier(
    kind: IdentifierKind, value: str, *, country: str | None = None, strict_input: bool = False
) -> Folded | None:
    """The keys of one identifier, or None when nothing usable is left.

    With ``strict_input`` (a user's query) an identifier that is too short, too long or holds
    characters no identifier has is refused with :class:`InputError`; a stored value of that
    kind is simply not indexed.
    """
    if kind is IdentifierKind.PHONE:
        text = _phone(value, country)
    elif kind is IdentifierKind.WALLET:
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))[: _MAX_LENGTH * 2]
        if text.lower().startswith("0x"):
            text = text.lower()
    else:
        text = _clean(value)
    problem = _problem(kind, text)
    if problem is not None:
        if strict_input:
            raise InputError(
                f"The {kind.value} number {value[:40]!r} {problem}.",
                hint=f"Give the whole {kind.value} number as written "
                f"(at least {MIN_LENGTH[kind]} letters or digits; no wildcards).",
            )
        return None
    if kind not in _FOLDED:
        return Folded(kind, text, None)
    strict = text.translate(_STRICT)
    loose = strict.translate(_LOOSE)
    return Folded(kind, strict, loose if loose != strict else None)


def _problem(kind: IdentifierKind, text: str) -> str | None:
    if len(text) < MIN_LENGTH[kind]:
        return "is too short to screen"
    if len(text) > _MAX_LENGTH:
        return f"is longer than {_MAX_LENGTH} characters"
    if kind is IdentifierKind.WALLET:
        return None if text.isalnum() and text.isascii() else "holds characters no address has"
    if not _ALNUM.match(text):
        return "holds characters no identifier has (wildcards and patterns are not searched)"
    return None


def vins_in(text: str) -> list[str]:
    """Vehicle identification numbers written in a free text (FtM 4's Vehicle has no VIN)."""
    return _VIN.findall(_clean_spaces(text))


def _clean_spaces(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_SCRIPT_LOOK_ALIKES).upper()
