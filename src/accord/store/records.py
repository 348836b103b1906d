"""A stored record: its entity beside its envelope, and the row form the tables hold."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
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

__all__ = ["StoredRecord", "envelope_columns", "envelope_from_row", "record_from_row"]


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
        envelope = envelope_columns(self.envelope)
        envelope.update(
            review_date=self.envelope.review_date.isoformat(),
            delete_by=self.envelope.delete_by.isoformat(),
        )
        return {
            "id": self.id,
            "schema": self.schema,
            "caption": self.caption,
            "properties": self.properties,
            "envelope": envelope,
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


@lru_cache(maxsize=65536)
def _envelope(
    participant: str,
    authority: str,
    dataset: str,
    handling: str,
    handling_note: str | None,
    source_reliability: str,
    information_accuracy: str,
    subject_category: str,
    nature: str,
    purpose: str,
    legal_basis: str,
    review_date: Any,
    delete_by: Any,
    alert: str | None,
) -> Envelope:
    # Records share few distinct envelopes, and an Envelope is immutable: build each once.
    return Envelope(
        participant=participant,
        authority=authority,
        dataset=dataset,
        handling=parse_handling(handling),
        handling_note=handling_note,
        source_reliability=SourceReliability(source_reliability),
        information_accuracy=InformationAccuracy(information_accuracy),
        subject_category=SubjectCategory(subject_category),
        nature=Nature(nature),
        purpose=Purpose(purpose),
        legal_basis=legal_basis,
        review_date=_as_date(review_date),
        delete_by=_as_date(delete_by),
        alert=alert,
    )


def envelope_from_row(row: Any) -> Envelope:
    """The envelope of a row that holds the envelopes table's columns."""
    return _envelope(
        row.participant, row.authority, row.dataset, row.handling, row.handling_note,
        row.source_reliability, row.information_accuracy, row.subject_category, row.nature,
        row.purpose, row.legal_basis, row.review_date, row.delete_by, row.alert,
    )  # fmt: skip


def record_from_row(row: Any) -> StoredRecord:
    """A stored record from a row of records joined with envelopes."""
    envelope = envelope_from_row(row)
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
