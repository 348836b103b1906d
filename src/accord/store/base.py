"""The store interface and what both database backends share.

A ``Store`` owns one SQLAlchemy engine. Dialect differences (connection set-up, write locking,
bulk loading) live in the two small subclasses, :class:`~accord.store.sqlite.SqliteStore` and
:class:`~accord.store.postgres.PostgresStore`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, insert, select, update

from accord.errors import InputError
from accord.store.audit import AuditEntry, AuditLog, Verification, now_iso
from accord.store.batch import (
    CONTENT_HASH,
    ENVELOPE_COLUMNS,
    ID,
    RECORD_COLUMNS,
    BatchMeta,
    BatchResult,
    Chunk,
    QuarantineRow,
    RecordImage,
)
from accord.store.migrate import migrate
from accord.store.records import StoredRecord, record_from_row
from accord.store.tables import batches, envelopes, erasures, quarantine, records

__all__ = ["INSERT_COLUMNS", "DuplicateIdError", "Store", "record_select"]

_LOOKUP_CHUNK = 900
#: Columns of a new record row as the store inserts it.
INSERT_COLUMNS = (*RECORD_COLUMNS, "restricted", "batch_id", "created_at", "updated_at")


def record_select() -> Select[Any]:
    """Records joined with their envelopes: what :func:`record_from_row` reads."""
    envelope_fields = [c for c in envelopes.c if c.name != "id"]
    return select(records, *envelope_fields).join(
        envelopes, envelopes.c.id == records.c.envelope_id
    )


class DuplicateIdError(Exception):
    """Raised by a store's copy of a record image when one of its ids is stored already."""


class Store:
    """Persistence behind one interface: records, batches, quarantine, erasures, audit log."""

    dialect = "generic"
    #: Whether copying a record image fails whole (:class:`DuplicateIdError`) when one of its ids is
    #: stored already or occurs twice in it, so that the batch need not check them beforehand.
    copy_checks_ids = False

    def __init__(self, engine: Engine, audit_key: bytes, checkpoint_file: Path | None) -> None:
        self.engine = engine
        self.audit = AuditLog(audit_key, checkpoint_file)
        migrate(engine)

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction; everything in it is stored together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # -- batches --------------------------------------------------------------------------

    def _insert_records(
        self, conn: Connection, rows: Sequence[tuple[Any, ...]], batch_id: str, stamp: str
    ) -> None:
        """Insert new records (tuples in :data:`RECORD_COLUMNS` order) of one batch, created
        at ``stamp``. Backends override this for speed."""
        extra = (False, batch_id, stamp, stamp)
        rows_ = [dict(zip(INSERT_COLUMNS, (*row, *extra), strict=True)) for row in rows]
        conn.execute(insert(records), rows_)

    def _insert_envelopes(self, conn: Connection, found: dict[str, tuple[Any, ...]]) -> None:
        """Store the envelopes not stored yet (an envelope's id is the hash of its fields)."""
        ids = list(found)
        known: set[str] = set()
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            part = ids[start : start + _LOOKUP_CHUNK]
            known.update(
                r.id for r in conn.execute(select(envelopes.c.id).where(envelopes.c.id.in_(part)))
            )
        fresh = [dict(zip(ENVELOPE_COLUMNS, found[i], strict=True)) for i in ids if i not in known]
        if fresh:
            conn.execute(insert(envelopes), fresh)

    def _has_dataset(self, conn: Connection, meta: BatchMeta) -> bool:
        query = select(envelopes.c.id).where(
            envelopes.c.participant == meta.participant,
            envelopes.c.authority == meta.authority,
            envelopes.c.dataset == meta.dataset,
        )
        return conn.execute(query.limit(1)).first() is not None

    def _existing(self, conn: Connection, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            part = ids[start : start + _LOOKUP_CHUNK]
            query = select(records.c.id, records.c.content_hash).where(records.c.id.in_(part))
            found.update({row.id: row.content_hash for row in conn.execute(query)})
        return found

    def _erased(self, conn: Connection, ids: Sequence[str]) -> set[str]:
        gone: set[str] = set()
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            part = ids[start : start + _LOOKUP_CHUNK]
            query = select(erasures.c.record_id).where(erasures.c.record_id.in_(part))
            gone.update(row.record_id for row in conn.execute(query))
        return gone

    def write_batch(self, meta: BatchMeta, chunks: Iterable[Chunk]) -> BatchResult:
        """Store a batch atomically: new records, changed records (logged with before and
        after), quarantined rows and the batch itself, in one transaction. Rows already stored
        with the same content count as duplicates and are not written again."""
        result = BatchResult(batch=meta.id)
        ids_hash = hashlib.sha256()
        with self.write() as conn:
            # Ids are keyed by dataset, so a dataset with no records yet cannot hold any of
            # this batch's ids; skipping the look-ups then is what makes a first load fast.
            lookups = (
                self._has_dataset(conn, meta),
                conn.execute(select(erasures.c.record_id).limit(1)).first() is not None,
            )
            seen: dict[str, str] = {}
            alterations: list[AuditEntry] = []
            for chunk in chunks:
                result.read += chunk.read
                held = list(chunk.quarantined)
                stamp = now_iso()
                image = self._fresh_image(chunk, seen, lookups, self.copy_checks_ids)
                if image is not None and self._store_fresh(conn, chunk, image, meta.id, stamp):
                    result.stored += image.count
                    ids_hash.update(image.joined_ids().encode())
                    self._quarantine(conn, meta, held)
                    result.quarantined += len(held)
                    continue
                if image is not None:
                    # An id of the image is stored already (earlier in this batch) or twice in
                    # it. The earlier chunks' ids were not kept: look every id up from here on.
                    lookups = (True, lookups[1])
                chunk.unpack()
                new_rows, changed = self._classify(
                    conn, meta, chunk, seen, held, result, lookups, stamp
                )
                if new_rows or changed:
                    self._insert_envelopes(conn, chunk.envelopes)
                if new_rows:
                    self._insert_records(conn, new_rows, meta.id, stamp)
                    # The same digest as updating with each id in turn.
                    ids_hash.update("".join(row[ID] for row in new_rows).encode())
                for values, before in changed:
                    query = update(records).where(records.c.id == values["id"]).values(**values)
                    conn.execute(query)
                    alterations.append(self._alteration(meta, values, before))
                self._quarantine(conn, meta, held)
                result.quarantined += len(held)
            conn.execute(
                insert(batches).values(
                    id=meta.id,
                    participant=meta.participant,
                    authority=meta.authority,
                    dataset=meta.dataset,
                    source=meta.source,
                    file_sha256=meta.file_sha256,
                    mapping=meta.mapping,
                    actor=meta.actor,
                    read=result.read,
                    stored=result.stored,
                    updated=result.updated,
                    quarantined=result.quarantined,
                    duplicates=result.duplicates,
                    started_at=meta.started_at,
                    finished_at=now_iso(),
                )
            )
            collection = AuditEntry(
                actor=meta.actor,
                authority=meta.authority,
                action="collection",
                purpose=meta.purpose,
                refs=[meta.id],
                detail={
                    "source": meta.source,
                    "file_sha256": meta.file_sha256,
                    "records_sha256": ids_hash.hexdigest(),
                    **result.to_dict(),
                },
            )
            self.audit.append(conn, [collection, *alterations])
        return result

    def _classify(
        self,
        conn: Connection,
        meta: BatchMeta,
        chunk: Chunk,
        seen: dict[str, str],
        held: list[QuarantineRow],
        result: BatchResult,
        lookups: tuple[bool, bool],
        stamp: str,
    ) -> tuple[Sequence[tuple[Any, ...]], list[tuple[dict[str, Any], StoredRecord]]]:
        """The chunk's new records, and its changed records with what they were before;
        counts duplicates and holds rows of erased records back."""
        look_existing, look_erased = lookups
        if not look_existing and not look_erased:
            fresh = self._all_fresh(chunk, seen)
            if fresh is not None:
                result.stored += len(fresh)
                return fresh, []
        ids = [row[ID] for row in chunk.records if row[ID] not in seen]
        existing = self._existing(conn, ids) if look_existing else {}
        erased = self._erased(conn, ids) if ids and look_erased else set()
        new_rows: list[tuple[Any, ...]] = []
        changed: list[tuple[dict[str, Any], StoredRecord]] = []
        numbers = chunk.row_numbers or [0] * len(chunk.records)
        for row, number in zip(chunk.records, numbers, strict=True):
            rid, digest = row[ID], row[CONTENT_HASH]
            if rid in erased:
                held.append(_erased_row(meta, rid, number))
                continue
            known = seen.get(rid) or existing.get(rid)
            if known == digest:
                result.duplicates += 1
                continue
            seen[rid] = digest
            result.stored += 1
            if known is None:
                new_rows.append(row)
            else:
                before = self.get_records(conn, [rid])[rid]
                values = dict(zip(RECORD_COLUMNS, row, strict=True))
                values.update(batch_id=meta.id, updated_at=stamp)
                changed.append((values, before))
                result.updated += 1
        return new_rows, changed

    def _insert_image(
        self, conn: Connection, image: RecordImage, batch_id: str, stamp: str
    ) -> None:
        """Insert the new records of an image (see :class:`RecordImage`). A store on SQLite
        copies them in one statement; any other reads the tuples back."""
        self._insert_records(conn, image.rows(), batch_id, stamp)

    def _store_fresh(
        self, conn: Connection, chunk: Chunk, image: RecordImage, batch_id: str, stamp: str
    ) -> bool:
        """Store a chunk whose records are all new, with their envelopes. Where the copy checks
        the ids itself (:attr:`copy_checks_ids`), an id stored already or twice in the image
        undoes the chunk's writes and returns False: the chunk is then classified row by row."""
        if not self.copy_checks_ids:
            self._insert_envelopes(conn, chunk.envelopes)
            self._insert_image(conn, image, batch_id, stamp)
            return True
        try:
            with conn.begin_nested():
                self._insert_envelopes(conn, chunk.envelopes)
                self._insert_image(conn, image, batch_id, stamp)
        except DuplicateIdError:
            return False
        return True

    @staticmethod
    def _fresh_image(
        chunk: Chunk, seen: dict[str, str], lookups: tuple[bool, bool], copy_checks_ids: bool
    ) -> RecordImage | None:
        """The chunk's image when every record in it is new: no id stored before (no look-up
        needed), none seen earlier in this batch, none twice in the chunk, and no other
        records beside the image. None otherwise: the chunk is then classified row by row.
        Where the copy checks the ids itself, they are left to it (see :meth:`_store_fresh`):
        keeping a million ids in a dictionary to check them beforehand costs more than the
        copy's own check against the primary key, which it makes anyway."""
        image = chunk.image
        if image is None or chunk.records or any(lookups):
            return None
        if copy_checks_ids:
            return image
        ids = image.id_list()
        if len(set(ids)) != len(ids) or not seen.keys().isdisjoint(ids):
            return None
        seen.update(zip(ids, image.hash_list(), strict=True))
        return image

    @staticmethod
    def _all_fresh(chunk: Chunk, seen: dict[str, str]) -> list[tuple[Any, ...]] | None:
        """The chunk's records when none of their ids has been seen before in this batch or
        twice in the chunk (the usual case of a first load); None otherwise."""
        ids = [row[ID] for row in chunk.records]
        if len(set(ids)) != len(ids) or not seen.keys().isdisjoint(ids):
            return None
        seen.update(zip(ids, (row[CONTENT_HASH] for row in chunk.records), strict=True))
        return chunk.records

    def _alteration(self, meta: BatchMeta, row: dict[str, Any], before: StoredRecord) -> AuditEntry:
        return AuditEntry(
            actor=meta.actor,
            authority=meta.authority,
            action="alteration",
            purpose=meta.purpose,
            refs=[row["id"], meta.id],
            detail={"before": before.properties, "after": json.loads(row["properties"])},
        )

    def _quarantine(self, conn: Connection, meta: BatchMeta, rows: list[QuarantineRow]) -> None:
        """Keep rejected rows; a row already held open from an earlier run is not kept twice."""
        if not rows:
            return
        stamp = now_iso()
        entries = {}
        for q in rows:
            raw = json.dumps(q.raw, ensure_ascii=False, default=str, sort_keys=True)
            origin = f"{meta.participant}\x1f{meta.authority}\x1f{meta.dataset}\x1f{q.file}"
            digest = hashlib.sha256(f"{origin}\x1f{q.row}\x1f{raw}\x1f{q.reason}".encode())
            entries[digest.hexdigest()] = {
                "batch_id": meta.id,
                "file": q.file,
                "row": q.row,
                "field": q.field,
                "value": q.value[:2000],
                "reason": q.reason,
                "raw": raw,
                "status": "open",
                "created_at": stamp,
                "fingerprint": digest.hexdigest(),
            }
        held: set[str] = set()
        keys = list(entries)
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            query = select(quarantine.c.fingerprint).where(
                quarantine.c.fingerprint.in_(keys[start : start + _LOOKUP_CHUNK]),
                quarantine.c.status == "open",
            )
            held.update(row.fingerprint for row in conn.execute(query))
        fresh = [entry for key, entry in entries.items() if key not in held]
        if fresh:
            conn.execute(insert(quarantine), fresh)

    # -- reads (internal: callers outside the store go through accord.store.gate) ---------

    def get_records(self, conn: Connection, ids: Sequence[str]) -> dict[str, StoredRecord]:
        found: dict[str, StoredRecord] = {}
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            part = list(ids[start : start + _LOOKUP_CHUNK])
            for row in conn.execute(record_select().where(records.c.id.in_(part))):
                found[row.id] = record_from_row(row)
        return found

    def count_records(self) -> int:
        with self.read() as conn:
            return int(conn.execute(select(func.count()).select_from(records)).scalar_one())

    def batch(self, batch_id: str) -> dict[str, Any]:
        with self.read() as conn:
            row = conn.execute(select(batches).where(batches.c.id == batch_id)).mappings().first()
        if row is None:
            raise InputError(f"No batch {batch_id!r}.", hint="`accord batches` lists them.")
        return dict(row)

    def list_batches(self, limit: int = 50) -> list[dict[str, Any]]:
        with self.read() as conn:
            query = select(batches).order_by(batches.c.finished_at.desc()).limit(limit)
            return [dict(row) for row in conn.execute(query).mappings()]

    # -- quarantine -------------------------------------------------------------------------

    def list_quarantine(
        self, batch_id: str | None = None, status: str | None = "open", limit: int = 100
    ) -> list[dict[str, Any]]:
        query = select(quarantine).order_by(quarantine.c.id).limit(limit)
        if batch_id:
            query = query.where(quarantine.c.batch_id == batch_id)
        if status:
            query = query.where(quarantine.c.status == status)
        with self.read() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def quarantine_entry(self, entry_id: int) -> dict[str, Any]:
        with self.read() as conn:
            row = conn.execute(select(quarantine).where(quarantine.c.id == entry_id)).mappings()
            found = row.first()
        if found is None:
            raise InputError(f"No quarantine entry {entry_id}.", hint="`accord quarantine list`.")
        return dict(found)

    def resolve_quarantine(self, conn: Connection, entry_ids: Sequence[int], status: str) -> None:
        conn.execute(
            update(quarantine).where(quarantine.c.id.in_(list(entry_ids))).values(status=status)
        )

    # -- audit ------------------------------------------------------------------------------

    def log(self, *entries: AuditEntry) -> None:
        with self.write() as conn:
            self.audit.append(conn, entries)

    def verify_audit(self) -> Verification:
        with self.read() as conn:
            return self.audit.verify(conn)


def _erased_row(meta: BatchMeta, record_id: str, number: int) -> QuarantineRow:
    return QuarantineRow(
        file=meta.source,
        row=number,
        field="id",
        value=record_id,
        reason="this record was erased; it is not stored again",
        raw={"id": record_id},
    )
