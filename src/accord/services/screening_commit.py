"""What a screened batch writes before it is answered, and the version check of its hits.

A batch's hit references, its usage and one audit entry per query are written in the audited
group commit (:mod:`accord.store.audit_writer`), shared with concurrent batches. Inside that
same transaction the stored version of every record the batch's hits point to is compared
with the version of the entry they were answered from: a record erased or changed since (by
this process or another) fails the batch's unit with :class:`StaleHits`, so nothing of it is
written; the desk then has the index drop or re-read those records and screens the batch
again. No answer therefore carries a hit whose record was erased before the answer's entry was
committed, and the check costs no transaction of its own. Only the records answered are
looked up (at most five a query): a candidate that is not answered cannot make an answer
stale. A batch without a hit runs the same statement, so that a refused hit and a no-hit
cost the same.

The batches of a group are written together (:class:`~accord.store.audit_writer.SharedWork`):
one version check over all their records, one insert of all their hit rows and one count per
user and day. A stale record fails the group; its batches are then written one by one, and
only those that answered from a stale entry fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from accord.errors import AccordError
from accord.model.codes import Purpose
from accord.policy import Principal
from accord.services.screening_answers import Answer, audit_entries, hit_rows
from accord.services.screening_limits import DailyUsage, count_queries
from accord.store.audit import AuditEntry, now_iso
from accord.store.audit_writer import GroupCommit, SharedWork
from accord.store.driver_statements import DriverStatement
from accord.store.tables import records, screening_hits

__all__ = ["Refused", "Screened", "StaleHits"]

# Fixed statements on the driver's cursor (accord.store.driver_statements): the version check
# takes its ids padded to one of a few sizes, so that each size is compiled once.
_INSERT_HITS = DriverStatement(insert(screening_hits))
_SIZES = (4, 16, 64, 256, 1024)
_VERSIONS = {
    size: DriverStatement(
        select(records.c.id, records.c.updated_at).where(
            records.c.id.in_([bindparam(f"id{n}") for n in range(size)])
        )
    )
    for size in _SIZES
}
_NO_RECORD = ""  # the padding: no record has an empty id


class StaleHits(Exception):
    """Records the batch saw in the index were erased or changed in the store meanwhile."""

    def __init__(self, record_ids: list[str]) -> None:
        super().__init__(f"{len(record_ids)} records changed while screened")
        self.record_ids = record_ids

    def __reduce__(self) -> tuple[type[StaleHits], tuple[list[str]]]:
        # written by the writer process, it comes back to the desk with its records
        return StaleHits, (self.record_ids,)


class Refused(Exception):
    """A refusal on its way out of the desk's checks: ``entry`` is logged, then ``error`` is
    raised to the caller."""

    def __init__(self, entry: AuditEntry, error: AccordError) -> None:
        super().__init__(error.message)
        self.entry = entry
        self.error = error


def _stored_versions(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
    """The stored version (``updated_at``) of each of ``ids`` that is still stored."""
    stored: dict[str, Any] = {}
    largest = _SIZES[-1]
    for start in range(0, max(1, len(ids)), largest):
        part = ids[start : start + largest]
        size = next(size for size in _SIZES if size >= len(part))
        padded = [*part, *[_NO_RECORD] * (size - len(part))]
        values = {f"id{n}": record_id for n, record_id in enumerate(padded)}
        stored.update(_VERSIONS[size].rows(conn, values))
    return stored


class Screened(SharedWork):
    """A screened batch whose hit references, usage and audit entries are still to be
    stored; ``versions`` are the versions of the entries its hits were answered from."""

    def __init__(
        self,
        user: Principal,
        purpose: Purpose,
        justification: str,
        answers: list[Answer],
        versions: dict[str, str | None],
        day: str,
    ) -> None:
        self.user = user
        self._answers = answers
        self.versions = versions
        self.entries = audit_entries(user, purpose, justification, answers)
        self._rows = hit_rows(user, purpose, answers, now_iso()) if self.entries else []
        self._screened = sum(1 for answer in answers if answer.checked is not None)
        self._day = day

    @classmethod
    def run_together(cls, conn: Connection, works: Sequence[SharedWork]) -> None:
        batches = [work for work in works if isinstance(work, Screened)]
        # run for batches without banded candidates too: a refused hit costs what a no-hit does
        answered = list(dict.fromkeys(rid for batch in batches for rid in batch.versions))
        stored = _stored_versions(conn, answered)
        stale = {
            rid
            for batch in batches
            for rid, version in batch.versions.items()
            if stored.get(rid) != version
        }
        if stale:
            raise StaleHits(sorted(stale))
        rows = [row for batch in batches for row in batch._rows]
        if rows:
            _INSERT_HITS.run_many(conn, rows)
        counts: dict[tuple[str, str], int] = {}
        for batch in batches:
            key = (batch.user.username, batch._day)
            counts[key] = counts.get(key, 0) + batch._screened
        for (username, day), queries in counts.items():
            count_queries(conn, username, day, queries)

    def __getstate__(self) -> dict[str, Any]:
        # what the writer process needs: not the answers, which stay with the caller
        state = dict(self.__dict__)
        state["_answers"] = []
        return state

    def commit(self, writer: GroupCommit, usage: DailyUsage) -> None:
        """Write the batch (raises :class:`StaleHits` when its hits must be looked at again)."""
        if self.entries:
            writer.write(self.entries, self)
            usage.counted(self.user.username, self._screened)

    async def commit_async(self, writer: GroupCommit, usage: DailyUsage) -> None:
        """:meth:`commit` for a coroutine."""
        if self.entries:
            await writer.write_async(self.entries, self)
            usage.counted(self.user.username, self._screened)

    def answers(self) -> list[dict[str, Any]]:
        return [answer.to_dict() for answer in self._answers]
