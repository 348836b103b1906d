"""What an ingest hands the store: a batch's description and its chunks of checked rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["BatchMeta", "BatchResult", "Chunk", "QuarantineRow"]


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

    ``records`` hold the records table's columns except batch and timestamps;
    ``row_numbers`` their row numbers in the file, in the same order.
    """

    read: int
    records: list[dict[str, Any]] = field(default_factory=list)
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
