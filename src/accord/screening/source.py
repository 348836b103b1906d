"""The index's source: flagged records read from the store through the read gate, as the
system actor ``system:screening-index``, and kept current as records are added, changed or
erased.

Which records to read is found from ids and timestamps alone (records whose envelope carries an
alert, records changed since the last look, tombstones of erased records): no personal data is
read outside the gate. Every read is logged by the gate; each build or refresh adds one
``combination`` entry that says what went into the index.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select

from accord.model.codes import Purpose
from accord.policy import Action, system_actor
from accord.screening.entries import IndexEntry, entry_of
from accord.screening.index import ScreeningIndex
from accord.store.audit import AuditEntry, now_iso
from accord.store.base import Store
from accord.store.gate import Gate, RecordQuery
from accord.store.records import StoredRecord
from accord.store.tables import batches, envelopes, erasures, records

__all__ = ["INDEX_ACTOR", "INDEX_PURPOSE", "IndexSource", "SyncReport"]

INDEX_ACTOR = system_actor("screening-index")
#: The purpose the index is built for: hit/no-hit checks at borders and by police.
INDEX_PURPOSE = Purpose.BORDER_MANAGEMENT
_CHUNK = 2000
# A write committed just before a look may carry a stamp a little older than the look.
_MARGIN = timedelta(seconds=5)
# asked before every answer with hits: one fixed statement, compiled once per process
_VERSIONS = select(records.c.id, records.c.updated_at).where(
    records.c.id.in_(bindparam("ids", expanding=True))
)


@dataclass
class SyncReport:
    read: int = 0
    indexed: int = 0
    removed: int = 0
    seconds: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


class IndexSource:
    """Reads flagged records for one index and keeps it current."""

    def __init__(self, store: Store, gate: Gate | None = None) -> None:
        self.store = store
        self.gate = gate or Gate(store)
        self.watermark: str | None = None
        self.token: tuple[Any, ...] | None = None

    # -- what to read (ids and stamps only) ---------------------------------------------------

    def change_token(self) -> tuple[Any, ...]:
        """Changes whenever a batch is written or a record erased (cheap: small tables)."""
        with self.store.read() as conn:
            batch = conn.execute(select(func.count(), func.max(batches.c.finished_at))).one()
            erased = conn.execute(select(func.count(), func.max(erasures.c.erased_at))).one()
        return (*batch, *erased)

    def _flagged_ids(self) -> list[str]:
        query = (
            select(records.c.id)
            .join(envelopes, envelopes.c.id == records.c.envelope_id)
            .where(envelopes.c.alert.is_not(None))
            .order_by(records.c.id)
        )
        with self.store.read() as conn:
            return [row.id for row in conn.execute(query)]

    def _changed_since(self, since: str) -> tuple[list[str], list[str]]:
        with self.store.read() as conn:
            changed = [
                r.id
                for r in conn.execute(select(records.c.id).where(records.c.updated_at >= since))
            ]
            gone = [
                r.record_id
                for r in conn.execute(
                    select(erasures.c.record_id).where(erasures.c.erased_at >= since)
                )
            ]
        return changed, gone

    def current_versions(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored version (``updated_at``) of each id still stored."""
        found: dict[str, str] = {}
        with self.store.read() as conn:
            for part in _chunks(ids):
                rows = conn.execute(_VERSIONS, {"ids": part})
                found.update({row.id: row.updated_at for row in rows})
        return found

    # -- reads through the gate ----------------------------------------------------------------

    def read(self, ids: Sequence[str]) -> Iterator[StoredRecord]:
        for part in _chunks(ids):
            yield from self.gate.read(
                INDEX_ACTOR,
                INDEX_PURPOSE,
                RecordQuery(ids=part, limit=len(part)),
                justification="screening index: flagged records",
                action=Action.SCREEN,
                logged_as="combination",
            )

    def entries(self, ids: Sequence[str]) -> Iterator[IndexEntry]:
        for record in self.read(ids):
            entry = entry_of(record)
            if entry is not None:
                yield entry

    # -- build and refresh ---------------------------------------------------------------------

    def build(self, index: ScreeningIndex) -> SyncReport:
        """Index every flagged record."""
        started = datetime.now(UTC)
        self.token = self.change_token()
        ids = self._flagged_ids()
        report = SyncReport(read=len(ids))
        for entry in self.entries(ids):
            index.add(entry)
            report.indexed += 1
        self.watermark = (started - _MARGIN).isoformat(timespec="microseconds")
        report.seconds = round((datetime.now(UTC) - started).total_seconds(), 3)
        report.kinds = index.kinds()
        self._log("build", report, index)
        return report

    def resume(self, index: ScreeningIndex, watermark: str) -> SyncReport:
        """Take up an index loaded from a snapshot that was current at ``watermark``: read
        what changed since (records written, alerts lifted, erasures)."""
        self.watermark = watermark
        self.token = None
        report = self.refresh(index, force=True, what="resume from snapshot")
        assert report is not None
        return report

    def refresh(
        self, index: ScreeningIndex, force: bool = False, what: str = "refresh"
    ) -> SyncReport | None:
        """Bring the index up to date with what changed since the last build or refresh;
        None when nothing did."""
        if self.watermark is None:
            return self.build(index)
        token = self.change_token()
        if token == self.token and not force:
            return None
        started = datetime.now(UTC)
        changed, gone = self._changed_since(self.watermark)
        report = SyncReport(read=len(changed))
        for record_id in gone:
            report.removed += index.remove(record_id)
        wanted = set(changed)
        seen: set[str] = set()
        for entry in self.entries(changed):
            seen.add(entry.record_id)
            index.add(entry)
            report.indexed += 1
        for record_id in wanted - seen:
            report.removed += index.remove(record_id)  # no longer flagged, or not readable
        self.token = token
        self.watermark = (started - _MARGIN).isoformat(timespec="microseconds")
        report.seconds = round((datetime.now(UTC) - started).total_seconds(), 3)
        if report.indexed or report.removed or what != "refresh":
            self._log(what, report, index)
        return report

    def verify(self, index: ScreeningIndex, ids: Sequence[str]) -> set[str]:
        """Of the given indexed ids, those whose record is still stored unchanged; an erased
        or changed record is taken out (or re-read) at once, so no stale hit is answered."""
        if not ids:
            self.current_versions(["-"])  # the same work whether or not there is a candidate
            return set()
        stored = self.current_versions(ids)
        current: set[str] = set()
        stale: list[str] = []
        for record_id in ids:
            version = stored.get(record_id)
            if version is None:
                index.remove(record_id)
            elif version != index.version(record_id):
                stale.append(record_id)
            else:
                current.add(record_id)
        if stale:
            for record_id in stale:
                index.remove(record_id)
            for entry in self.entries(stale):
                index.add(entry)
                current.add(entry.record_id)
        return current

    def _log(self, what: str, report: SyncReport, index: ScreeningIndex) -> None:
        self.store.log(
            AuditEntry(
                INDEX_ACTOR.username,
                INDEX_ACTOR.authority,
                "combination",
                INDEX_PURPOSE.value,
                detail={
                    "job": f"screening index {what}",
                    "records_read": report.read,
                    "indexed": report.indexed,
                    "removed": report.removed,
                    "index_size": len(index),
                    "kinds": report.kinds,
                    "keys": index.key_fingerprints,
                    "at": now_iso(),
                },
            )
        )
