"""The one enforcement point of every read of personal data.

API, web pages, search, exports, and the results of jobs all obtain records here. Each record is
decided by :func:`accord.policy.decide`; what is withheld is not counted or hinted at; and every
consultation (and every refusal) is written to the audit log with user, authority, purpose and
justification.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, select

from accord.errors import AccessDenied, InputError
from accord.model.codes import Purpose
from accord.model.envelope import Envelope
from accord.policy import Action, Agreement, Principal, decide
from accord.store.agreement_book import AgreementBook
from accord.store.audit import AuditEntry
from accord.store.base import Store
from accord.store.reading import RECORD_COLUMNS, EnvelopeCache, stored_record
from accord.store.records import StoredRecord
from accord.store.tables import envelopes, records, releases

__all__ = ["LOGGED_READS", "Gate", "RecordQuery", "parse_purpose"]

#: The kinds of audit entry a read may be logged as (what "who consulted" looks for).
LOGGED_READS = frozenset({"consultation", "export", "screen", "combination", "transfer"})

_PAGE = 2000
# Positions in a row of RECORD_COLUMNS followed by the released flag.
_ENVELOPE, _RESTRICTED, _RELEASED = 4, 8, 9
_MAX_TEXT = 200


@dataclass(frozen=True)
class RecordQuery:
    """Filters of a search. Every text filter is bound as a parameter, never spliced into SQL."""

    ids: Sequence[str] | None = None
    schema: str | None = None
    participant: str | None = None
    dataset: str | None = None
    text: str | None = None
    limit: int = 100
    offset: int = 0

    def terms(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, ()) and k != "ids"}


def parse_purpose(value: str | Purpose | None) -> Purpose | None:
    if value is None or isinstance(value, Purpose):
        return value
    try:
        return Purpose(value.strip().lower())
    except ValueError:
        return None


def _select(query: RecordQuery, released: ColumnElement[bool]) -> Select[Any]:
    stmt = select(*RECORD_COLUMNS, released.label("released")).order_by(records.c.id)
    if query.participant or query.dataset:
        stmt = stmt.join(envelopes, envelopes.c.id == records.c.envelope_id)
    if query.ids is not None:
        stmt = stmt.where(records.c.id.in_(list(query.ids)))
    if query.schema:
        stmt = stmt.where(records.c.schema == query.schema)
    if query.participant:
        stmt = stmt.where(envelopes.c.participant == query.participant.upper())
    if query.dataset:
        stmt = stmt.where(envelopes.c.dataset == query.dataset)
    for name, value in query.terms().items():
        if isinstance(value, str) and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise InputError(f"The {name} filter holds control characters.",
                             hint="Search with printable text only.")  # fmt: skip
    if query.text:
        if len(query.text) > _MAX_TEXT:
            raise InputError(f"The search text is longer than {_MAX_TEXT} characters.")
        escaped = query.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(records.c.caption.ilike(f"%{escaped}%", escape="\\"))
    return stmt


def _released_to(user: Principal) -> ColumnElement[bool]:
    """Whether a record was released to the user's authority in step 2 (one index look-up)."""
    if user.system:
        return false()
    return exists().where(
        releases.c.record_id == records.c.id, releases.c.authority == user.authority
    )


class Gate:
    """Reads records for a principal: decided one by one, logged, nothing else revealed."""

    def __init__(self, store: Store, today: Callable[[], date] | None = None) -> None:
        self.store = store
        self.book = AgreementBook(store)
        self._today = today or (lambda: datetime.now(UTC).date())

    def _refuse(self, user: Principal, purpose: str, reason: str, detail: dict[str, Any]) -> None:
        self.store.log(
            AuditEntry(
                user.username,
                user.authority,
                "refusal",
                purpose or "-",
                detail={"reason": reason, **detail},
            )
        )

    def read(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        query: RecordQuery,
        *,
        justification: str = "",
        action: Action = Action.READ,
        logged_as: str | None = None,
    ) -> list[StoredRecord]:
        """The records of ``query`` this user may see, at most ``query.limit`` of them.

        ``action`` is what the policy decides on; ``logged_as`` is the kind of audit entry
        (default: ``consultation`` for a read, else the action's name). A job that reads
        records to combine them, such as an index build, says ``combination``."""
        if logged_as is not None and logged_as not in LOGGED_READS:
            raise ValueError(
                f"A read cannot be logged as {logged_as!r}; use one of {sorted(LOGGED_READS)}."
            )
        wanted = parse_purpose(purpose)
        if wanted is None:
            self._refuse(user, str(purpose or ""), "no valid purpose", query.terms())
            raise AccessDenied(
                "A purpose is required for every read of personal data.",
                hint="Give one of: " + ", ".join(p.value for p in Purpose) + ".",
            )
        if user.disabled:
            self._refuse(user, wanted.value, "disabled user", query.terms())
            raise AccessDenied("The account is disabled.")
        limit = max(0, min(query.limit, 100_000))
        visible = list(self._visible(user, wanted, query, action, limit))
        self.store.log(
            AuditEntry(
                user.username,
                user.authority,
                logged_as or ("consultation" if action is Action.READ else action.value),
                wanted.value,
                [r.id for r in visible],
                detail={
                    "query": query.terms(),
                    "justification": justification,
                    "returned": len(visible),
                },
            )
        )
        return visible

    def _visible(
        self, user: Principal, purpose: Purpose, query: RecordQuery, action: Action, limit: int
    ) -> Iterator[StoredRecord]:
        agreements = self.book.all()
        today = self._today()
        cache: dict[tuple[Any, ...], bool] = {}
        envelopes_seen = EnvelopeCache()
        skipped, emitted, last = 0, 0, None
        stmt = _select(query, _released_to(user))
        with self.store.read() as conn:
            while emitted < limit:
                page = stmt if last is None else stmt.where(records.c.id > last)
                rows = conn.execute(page.limit(_PAGE)).all()
                if not rows:
                    return
                last = rows[-1][0]
                envelopes_seen.load(conn, rows)
                for row in rows:
                    envelope = envelopes_seen[row[_ENVELOPE]]
                    if not self._allowed(
                        user, purpose, action, row, envelope, agreements, today, cache
                    ):
                        continue
                    if skipped < query.offset:
                        skipped += 1
                        continue
                    yield stored_record(row, envelope)
                    emitted += 1
                    if emitted >= limit:
                        return

    def _allowed(
        self,
        user: Principal,
        purpose: Purpose,
        action: Action,
        row: Any,
        envelope: Envelope,
        agreements: list[Agreement],
        today: date,
        cache: dict[tuple[Any, ...], bool],
    ) -> bool:
        # The decision depends on the envelope's codes, not on the record's content, so it is
        # taken once per distinct envelope and reused for every record that shares it.
        schema, restricted, released = row[1], bool(row[_RESTRICTED]), bool(row[_RELEASED])
        key = (row[_ENVELOPE], schema, restricted, released)
        found = cache.get(key)
        if found is None:
            found = decide(
                user,
                envelope,
                action,
                purpose,
                schema=schema,
                agreements=agreements,
                today=today,
                restricted=restricted,
                released=released,
            ).allowed
            cache[key] = found
        return found

    def get(
        self, user: Principal, purpose: str | Purpose | None, record_id: str, justification: str
    ) -> StoredRecord:
        """One record, or NotFound whether it is missing or withheld (the two look the same)."""
        from accord.errors import NotFound

        found = self.read(
            user, purpose, RecordQuery(ids=[record_id], limit=1), justification=justification
        )
        if not found:
            raise NotFound(f"No record {record_id!r} that you may see.")
        return found[0]
