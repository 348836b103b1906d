"""The pure core's entity model: codes, the envelope, reference data, schemata and ids."""

from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
)
from accord.model.envelope import ENVELOPE_FIELDS, Envelope

__all__ = [
    "ENVELOPE_FIELDS",
    "Envelope",
    "HandlingCode",
    "InformationAccuracy",
    "Nature",
    "Purpose",
    "SourceReliability",
    "SubjectCategory",
]
