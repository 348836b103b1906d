"""A stored record: its entity beside its envelope, and the row form the tables hold."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from followthemoney.proxy import EntityProxy

from accord.model.codes import (
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
    parse_handling,
)
from accord.model.envelope import Envelope
from accord.model.schemata import make_entity

__all__ = ["StoredRecord", "envelope_columns", "record_from_row"]


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: str
    schema: str
    caption: str
    properties: dict[str, list[str]]
    envelope: Envelope
    batch_id: str
    created_at: str
    updated_at: str
    restricted: bool = False

    def to_entity(self) -> EntityProxy:
        return make_entity(self.schema, self.id, self.properties)

    def to_dict(self) -> dict[str, Any]:
        env = self.envelope
        return {
            "id": self.id,
            "schema": self.schema,
            "caption": self.caption,
            "properties": self.properties,
            "envelope": {
                "participant": env.participant,
                "authority": env.authority,
                "dataset": env.dataset,
                "handling": env.handling_text,
                "handling_note": env.handling_note,
                "source_reliability": env.source_reliability.value,
                "information_accuracy": env.information_accuracy.value,
                "subject_category": env.subject_category.value,
                "nature": env.nature.value,
                "purpose": env.purpose.value,
                "legal_basis": env.legal_basis,
                "review_date": env.review_date.isoformat(),
                "delete_by": env.delete_by.isoformat(),
                "alert": env.alert,
            },
        }


def envelope_columns(env: Envelope) -> dict[str, Any]:
    """The envelope as the records table's columns."""
    return {
        "participant": env.participant,
        "authority": env.authority,
        "dataset": env.dataset,
        "handling": env.handling_text,
        "handling_note": env.handling_note,
        "source_reliability": env.source_reliability.value,
        "information_accuracy": env.information_accuracy.value,
        "subject_category": env.subject_category.value,
        "nature": env.nature.value,
        "purpose": env.purpose.value,
        "legal_basis": env.legal_basis,
        "review_date": env.review_date,
        "delete_by": env.delete_by,
        "alert": env.alert,
    }


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def record_from_row(row: Any) -> StoredRecord:
    envelope = Envelope(
        participant=row.participant,
        authority=row.authority,
        dataset=row.dataset,
        handling=parse_handling(row.handling),
        handling_note=row.handling_note,
        source_reliability=SourceReliability(row.source_reliability),
        information_accuracy=InformationAccuracy(row.information_accuracy),
        subject_category=SubjectCategory(row.subject_category),
        nature=Nature(row.nature),
        purpose=Purpose(row.purpose),
        legal_basis=row.legal_basis,
        review_date=_as_date(row.review_date),
        delete_by=_as_date(row.delete_by),
        alert=row.alert,
    )
    return StoredRecord(
        id=row.id,
        schema=row.schema,
        caption=row.caption,
        properties=json.loads(row.properties),
        envelope=envelope,
        batch_id=row.batch_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        restricted=bool(row.restricted),
    )
