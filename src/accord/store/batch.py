"""What an ingest hands the store: a batch's description and its chunks of checked rows."""

from __future__ import annotations

import sqlite3
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
    "RecordImage",
]

#: The order of the values in a chunk's record tuples; the store adds the restriction flag,
#: the batch and the timestamps.
RECORD_COLUMNS = ("id", "schema", "caption", "properties", "envelope_id", "content_hash")
#: The order of the values in a chunk's envelope tuples (dates as ISO text).
ENVELOPE_COLUMNS = ("id", *ENVELOPE_FIELDS)
ID, CONTENT_HASH = 0, RECORD_COLUMNS.index("content_hash")
#: The table of a :class:`RecordImage`, and its columns (the schema is the image's own).
IMAGE_TABLE = "chunk_records"
IMAGE_COLUMNS = ("position", "id", "caption", "properties", "envelope_id", "content_hash")
_SEPARATOR = "\x00"


@dataclass(frozen=True)
class RecordImage:
    """A chunk's records as the image of a small SQLite database, built where they were checked.

    A store on SQLite copies the records from it into its table with one ``INSERT … SELECT``
    (SQLite's own code, no Python object and no parameter binding per row); any other store
    reads the record tuples back with :meth:`rows`. The image's table :data:`IMAGE_TABLE` holds
    the records in id order, so that the copy walks the primary-key index one way, each with its
    position in the chunk. ``ids`` and ``hashes`` are the records' ids and content hashes in the
    chunk's (the file's) order, joined by NUL: the store classifies a chunk by them alone when
    all its records are new. Both are hex and ASCII letters: no NUL can occur in them.
    """

    data: bytes
    schema: str
    count: int
    ids: str
    hashes: str

    def id_list(self) -> list[str]:
        return self.ids.split(_SEPARATOR)

    def hash_list(self) -> list[str]:
        return self.hashes.split(_SEPARATOR)

    def joined_ids(self) -> str:
        """The ids in order with nothing between them (what the batch's digest covers)."""
        return self.ids.replace(_SEPARATOR, "")

    def rows(self) -> list[tuple[Any, ...]]:
        """The record tuples, in :data:`RECORD_COLUMNS` order and the chunk's order."""
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(self.data)
            query = (
                "SELECT id, ?, caption, properties, envelope_id, content_hash "
                f"FROM {IMAGE_TABLE} ORDER BY position"
            )
            return conn.execute(query, (self.schema,)).fetchall()
        finally:
            conn.close()

    @classmethod
    def of(
        cls,
        schema: str,
        ids: list[str],
        captions: list[str],
        properties: list[str],
        envelope_ids: list[str],
        hashes: list[str],
    ) -> RecordImage:
        """The image of one schema's records, given column by column in the chunk's order."""
        if not ids:
            raise ValueError("a record image holds at least one record")
        order = sorted(range(len(ids)), key=ids.__getitem__)
        columns = (order, *([column[i] for i in order] for column in
                            (ids, captions, properties, envelope_ids, hashes)))  # fmt: skip
        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            # A scratch database in memory, thrown away once serialised: no journal needed.
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute(f"CREATE TABLE {IMAGE_TABLE} ({', '.join(IMAGE_COLUMNS)})")
            conn.execute("BEGIN")
            conn.executemany(
                f"INSERT INTO {IMAGE_TABLE} VALUES (?, ?, ?, ?, ?, ?)", zip(*columns, strict=True)
            )
            conn.execute("COMMIT")
            data = conn.serialize()
        finally:
            conn.close()
        return cls(data, schema, len(ids), _SEPARATOR.join(ids), _SEPARATOR.join(hashes))


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
    numbers in the file, in the same order. A chunk checked in a worker process carries its
    records as an ``image`` instead, with ``records`` empty until :meth:`unpack` reads them.
    """

    read: int
    records: list[tuple[Any, ...]] = field(default_factory=list)
    envelopes: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    row_numbers: list[int] = field(default_factory=list)
    quarantined: list[QuarantineRow] = field(default_factory=list)
    image: RecordImage | None = None

    def unpack(self) -> None:
        """Read the records from the image, if the chunk has one, into ``records``."""
        if self.image is not None:
            self.records = self.image.rows() + self.records
            self.image = None


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
