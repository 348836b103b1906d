"""The codes every record's envelope carries (shared/DESIGN.md §2)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from accord.errors import InputError

__all__ = [
    "HandlingCode",
    "InformationAccuracy",
    "Nature",
    "Purpose",
    "SourceReliability",
    "SubjectCategory",
    "format_handling",
    "parse_handling",
]


class HandlingCode(StrEnum):
    """Handling restrictions. They are restrictions, not ranks: a record carries a set of them."""

    H0 = "H0"  # use only for preventing and combating crime
    H1 = "H1"  # not to be used in judicial proceedings without the provider's permission
    H2 = "H2"  # not to be disseminated further without the provider's permission
    H3 = "H3"  # other restrictions, stated in free text


class SourceReliability(StrEnum):
    A = "A"  # no doubt about authenticity, trustworthiness, competence
    B = "B"  # source has in most instances proved reliable
    C = "C"  # source has in most instances proved unreliable
    X = "X"  # reliability cannot be assessed


class InformationAccuracy(StrEnum):
    KNOWN_TRUE = "1"  # known to be true without reservation
    KNOWN_PERSONALLY = "2"  # known personally to the source, not to the official passing it on
    NOT_KNOWN_PERSONALLY = "3"  # not known personally to the source but corroborated
    CANNOT_BE_ASSESSED = "4"


class SubjectCategory(StrEnum):
    SUSPECT = "suspect"
    CONVICTED = "convicted"
    VICTIM = "victim"
    WITNESS = "witness"
    CONTACT = "contact"
    OTHER = "other"


class Nature(StrEnum):
    FACT = "fact"
    ASSESSMENT = "assessment"


class Purpose(StrEnum):
    """Purposes for which data is processed; an agreement lists those it allows."""

    BORDER_MANAGEMENT = "border-management"
    MIGRANT_SMUGGLING = "migrant-smuggling"
    SERIOUS_CRIME = "serious-crime"
    DRUG_TRAFFICKING = "drug-trafficking"
    ILLICIT_FINANCE = "illicit-finance"
    FIREARMS = "firearms"
    INTEGRITY = "integrity"
    VAWG = "vawg"
    MISSING_PERSONS = "missing-persons"
    RETURNS = "returns"
    SUPERVISION = "supervision"


def parse_handling(value: str | Iterable[str]) -> frozenset[HandlingCode]:
    """Parse handling codes from ``"H0,H2"`` or a list. An empty set is not a valid handling."""
    items = (
        value.replace(";", ",").replace(" ", ",").split(",") if isinstance(value, str) else value
    )
    codes: set[HandlingCode] = set()
    for item in items:
        item = item.strip().upper()
        if not item:
            continue
        try:
            codes.add(HandlingCode(item))
        except ValueError as exc:
            raise InputError(
                f"Unknown handling code {item!r}.", hint="Use H0, H1, H2 or H3, comma-separated."
            ) from exc
    if not codes:
        raise InputError(
            "No handling code given.", hint="Every record needs at least one of H0-H3."
        )
    return frozenset(codes)


def format_handling(codes: Iterable[HandlingCode]) -> str:
    """The canonical text form, sorted: ``"H0,H2"``."""
    return ",".join(sorted(code.value for code in codes))
