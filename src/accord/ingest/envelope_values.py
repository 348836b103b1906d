"""Validate envelope fields given in a mapping (as literal defaults or per-row columns)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.errors import InputError
from accord.ingest.values import Invalid, clean_date
from accord.model.codes import (
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
    format_handling,
    parse_handling,
)

__all__ = ["ALERTS", "envelope_validator"]

#: The alerts an originator may set on a record it publishes to the hit/no-hit index.
ALERTS = frozenset(
    {"wanted", "missing", "stolen", "lost", "seized", "trafficked", "invalidated", "flagged"}
)


def _enum(kind: type[Any], label: str) -> Callable[[str], str]:
    allowed = ", ".join(str(member.value) for member in kind)

    def clean(raw: str) -> str:
        try:
            return str(
                kind(
                    raw.strip().lower() if label != "source reliability" else raw.strip().upper()
                ).value
            )
        except ValueError as exc:
            raise Invalid(f"not a {label}; use one of {allowed}") from exc

    return clean


def _handling(raw: str) -> str:
    try:
        return format_handling(parse_handling(raw))
    except InputError as exc:
        raise Invalid(exc.message + (" " + exc.hint if exc.hint else "")) from exc


def _alert(raw: str) -> str:
    text = raw.strip().lower()
    if text not in ALERTS:
        raise Invalid("not an alert; use one of " + ", ".join(sorted(ALERTS)) + " or leave empty")
    return text


def _basis(raw: str) -> str:
    text = raw.strip()
    if not text or len(text) > 64:
        raise Invalid("a legal basis is an agreement id of 1 to 64 characters")
    return text


def _note(raw: str) -> str:
    return raw.strip()[:2000]


def _full_date(raw: str) -> str:
    text = clean_date(raw)
    if len(text) != 10:
        raise Invalid("review and delete-by dates must be full dates (YYYY-MM-DD)")
    return text


_VALIDATORS: dict[str, Callable[[str], str]] = {
    "handling": _handling,
    "handling_note": _note,
    "source_reliability": _enum(SourceReliability, "source reliability"),
    "information_accuracy": _enum(InformationAccuracy, "information accuracy (1-4)"),
    "subject_category": _enum(SubjectCategory, "data-subject category"),
    "nature": _enum(Nature, "nature (fact or assessment)"),
    "purpose": _enum(Purpose, "purpose"),
    "legal_basis": _basis,
    "review_date": _full_date,
    "delete_by": _full_date,
    "alert": _alert,
}


def envelope_validator(field: str) -> Callable[[str], str]:
    return _VALIDATORS[field]
