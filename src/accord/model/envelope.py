"""The envelope every stored record carries beside its entity (shared/DESIGN.md §2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from accord.errors import InputError
from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
    format_handling,
)

__all__ = ["ENVELOPE_FIELDS", "Envelope"]

#: The envelope's fields as they appear in mapping files and tables.
ENVELOPE_FIELDS = (
    "participant",
    "authority",
    "dataset",
    "handling",
    "handling_note",
    "source_reliability",
    "information_accuracy",
    "subject_category",
    "nature",
    "purpose",
    "legal_basis",
    "review_date",
    "delete_by",
    "alert",
)


@dataclass(frozen=True, slots=True)
class Envelope:
    """Who provided a record, under which restrictions, how reliable it is and how long it lives."""

    participant: str
    authority: str
    dataset: str
    handling: frozenset[HandlingCode]
    source_reliability: SourceReliability
    information_accuracy: InformationAccuracy
    subject_category: SubjectCategory
    nature: Nature
    purpose: Purpose
    legal_basis: str
    review_date: date
    delete_by: date
    handling_note: str | None = None
    #: The screening alert its originator flags the record with (``wanted``, ``missing``,
    #: ``stolen``...), or None when the record is not published to the hit/no-hit index.
    alert: str | None = None

    def __post_init__(self) -> None:
        if not self.handling:
            raise InputError("An envelope needs at least one handling code.")
        if HandlingCode.H3 in self.handling and not (self.handling_note or "").strip():
            raise InputError(
                "Handling code H3 needs its restriction stated in words.",
                hint="Set handling_note to the restriction the recipients must honour.",
            )
        if self.delete_by < self.review_date:
            raise InputError(
                f"The delete-by date {self.delete_by} is before the review date "
                f"{self.review_date}.",
                hint="A record must be reviewed before it is due for deletion.",
            )
        for name in ("participant", "authority", "dataset", "legal_basis"):
            if not str(getattr(self, name)).strip():
                raise InputError(f"The envelope field {name!r} is empty.")

    @property
    def handling_text(self) -> str:
        return format_handling(self.handling)

    @property
    def is_victim(self) -> bool:
        return self.subject_category is SubjectCategory.VICTIM
