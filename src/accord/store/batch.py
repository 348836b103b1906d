"""What an ingest hands the store: a batch's description and its chunks of checked rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accord.model.envelope import ENVELOPE_FIELDS

__all__ = [
    "ENVELOPE_COLUMNS",
    "RECORD_COLUMNS",
    "BatchMeta",
    "BatchResult",
    "Chunk",
    "QuarantineRow",
]

#: The order of the values in a chunk's record tuples; the store adds the restriction flag,
#: the batch and the timestamps.
RECORD_COLUMNS = ("id", "schema", "caption", "properties", "envelope_id", "content_hash")
#: The order of the values in a chunk's envelope tuples (dates as ISO text).
ENVELOPE_COLUMNS = ("id", *ENVELOPE_FIELDS)
ID, CONTENT_HASH = 0, RECORD_COLUMNS.index("content_hash")


@dataclass(frozen=True)
class BatchMeta:
    id: str
    participant: str
    authority: str
    dataset: str
    source: str
    file_sha256: str
    actor: str
    mapping: str
    purpose: str
    started_at: str


@dataclass(frozen=True)
class QuarantineRow:
    """A rejected row: where it was, which field, which value, and why."""

    file: str
    row: int
    field: str
    value: str
    reason: str
    raw: dict[str, Any]


@dataclass
class Chunk:
    """Rows read from the file: ``records`` passed validation, ``quarantined`` did not.

    ``records`` are tuples in :data:`RECORD_COLUMNS` order, ``envelopes`` the envelopes they
    refer to (by id, in :data:`ENVELOPE_COLUMNS` order); ``row_numbers`` the records' row
    numbers in the file, in the same order.
    """

    read: int
    records: list[tuple[Any, ...]] = field(default_factory=list)
    envelopes: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    row_numbers: list[int] = field(default_factory=list)
    quarantined: list[QuarantineRow] = field(default_factory=list)


@dataclass
class BatchResult:
    batch: str
    read: int = 0
    stored: int = 0
    updated: int = 0
    quarantined: int = 0
    duplicates: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "updated": self.updated,
            "quarantined": self.quarantined,
            "duplicates": self.duplicates,
            "batch": self.batch,
        }
