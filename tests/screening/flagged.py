"""A real envelope under a given alert, for index entries built in a test without a store."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
)
from accord.model.envelope import Envelope


@lru_cache
def flagged(alert: str) -> Envelope:
    """An RS-MUP envelope flagged ``alert`` (a missing person's is a victim's)."""
    missing = alert == "missing"
    return Envelope(
        participant="RS",
        authority="RS-MUP",
        dataset="missing_persons" if missing else "police_persons",
        handling=frozenset({HandlingCode.H0}),
        source_reliability=SourceReliability.B,
        information_accuracy=InformationAccuracy.KNOWN_PERSONALLY,
        subject_category=SubjectCategory.VICTIM if missing else SubjectCategory.SUSPECT,
        nature=Nature.FACT,
        purpose=Purpose.MISSING_PERSONS if missing else Purpose.SERIOUS_CRIME,
        legal_basis="AGR-WB-BORDER-2025",
        review_date=date(2030, 1, 1),
        delete_by=date(2031, 1, 1),
        alert=alert,
    )
