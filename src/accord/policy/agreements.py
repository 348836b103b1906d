"""Agreements as data: who may receive which categories of data, for what, under which
restrictions, from when to when, and whether onward transfer is allowed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from accord.errors import PolicyError
from accord.model.codes import HandlingCode, Purpose, SubjectCategory, parse_handling

__all__ = ["ANY_SCHEMA", "Agreement", "parse_agreement"]

ANY_SCHEMA = "*"

_DEFAULT_SUBJECTS = frozenset(SubjectCategory) - {SubjectCategory.VICTIM}


@dataclass(frozen=True, slots=True)
class Agreement:
    """A working arrangement between participants. No agreement, no flow."""

    id: str
    title: str
    providers: frozenset[str]
    recipients: frozenset[str]
    schemata: frozenset[str]
    purposes: frozenset[Purpose]
    #: the handling restrictions its recipients can honour: a record flows only where every
    #: restriction it carries is in this set.
    handling: frozenset[HandlingCode]
    subject_categories: frozenset[SubjectCategory]
    valid_from: date
    valid_to: date | None
    onward_transfer: bool = False
    ended: date | None = None

    def active(self, today: date) -> bool:
        if today < self.valid_from:
            return False
        if self.valid_to is not None and today > self.valid_to:
            return False
        return self.ended is None or today < self.ended

    def covers_schema(self, schema: str) -> bool:
        return ANY_SCHEMA in self.schemata or schema in self.schemata

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "providers": sorted(self.providers),
            "recipients": sorted(self.recipients),
            "schemata": sorted(self.schemata),
            "purposes": sorted(p.value for p in self.purposes),
            "handling": sorted(h.value for h in self.handling),
            "subject_categories": sorted(s.value for s in self.subject_categories),
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "onward_transfer": self.onward_transfer,
        }


def _codes(value: Any, field: str, agreement_id: str) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable) or not value:
        raise PolicyError(f"Agreement {agreement_id}: {field!r} must be a non-empty list.")
    return frozenset(str(item).strip().upper() for item in value)


def _date(value: Any, field: str, agreement_id: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise PolicyError(
            f"Agreement {agreement_id}: {field} {value!r} is not a date.", hint="Use YYYY-MM-DD."
        ) from exc


def parse_agreement(data: dict[str, Any], known_participants: Iterable[str]) -> Agreement:
    """Build an agreement from its YAML/JSON form, checking every field."""
    agreement_id = str(data.get("id") or "").strip()
    if not agreement_id:
        raise PolicyError("An agreement needs an id.", hint="For example AGR-WB-BORDER-2025.")
    known = set(known_participants)
    providers = _codes(data.get("providers"), "providers", agreement_id)
    recipients = _codes(data.get("recipients"), "recipients", agreement_id)
    for code in sorted((providers | recipients) - known):
        raise PolicyError(f"Agreement {agreement_id}: unknown participant {code!r}.")
    try:
        purposes = frozenset(Purpose(str(p)) for p in data.get("purposes") or [])
        subjects = data.get("subject_categories")
        categories = (
            frozenset(SubjectCategory(str(s)) for s in subjects) if subjects else _DEFAULT_SUBJECTS
        )
        handling = parse_handling(data.get("handling") or [])
    except ValueError as exc:
        raise PolicyError(f"Agreement {agreement_id}: {exc}") from exc
    except Exception as exc:  # InputError from parse_handling
        raise PolicyError(f"Agreement {agreement_id}: {exc}") from exc
    if not purposes:
        raise PolicyError(f"Agreement {agreement_id}: no purposes given.")
    schemata = data.get("schemata") or [ANY_SCHEMA]
    valid_to = data.get("valid_to")
    agreement = Agreement(
        id=agreement_id,
        title=str(data.get("title") or agreement_id),
        providers=providers,
        recipients=recipients,
        schemata=frozenset(str(s) for s in schemata),
        purposes=purposes,
        handling=handling,
        subject_categories=categories,
        valid_from=_date(data.get("valid_from", "1970-01-01"), "valid_from", agreement_id),
        valid_to=_date(valid_to, "valid_to", agreement_id) if valid_to else None,
        onward_transfer=bool(data.get("onward_transfer", False)),
        ended=_date(data["ended"], "ended", agreement_id) if data.get("ended") else None,
    )
    if agreement.valid_to is not None and agreement.valid_to < agreement.valid_from:
        raise PolicyError(f"Agreement {agreement_id}: valid_to is before valid_from.")
    return agreement
