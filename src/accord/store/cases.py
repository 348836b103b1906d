"""Persistence of cases and messages between authorities.

Only rows in and rows out: who may see or send what is decided by :mod:`accord.exchange`, which
calls these functions inside its own transactions so that a message, its deliveries, the
releases of the records it carries and its audit entries are stored together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from accord.store.tables import case_parties, cases, message_recipients, messages, releases

__all__ = [
    "CaseStore",
    "Delivery",
    "Party",
    "StoredCase",
    "StoredMessage",
]

_LOOKUP_CHUNK = 900


@dataclass(frozen=True, slots=True)
class Party:
    authority: str
    participant: str
    added_at: str


@dataclass(frozen=True, slots=True)
class StoredCase:
    id: str
    title: str
    purpose: str
    legal_basis: str
    participant: str
    authority: str
    opened_by: str
    opened_at: str
    status: str
    parties: tuple[Party, ...]

    def has_party(self, authority: str) -> bool:
        return any(party.authority == authority for party in self.parties)


@dataclass(frozen=True, slots=True)
class Delivery:
    """One recipient authority of a message: when it arrived, was acknowledged and answered."""

    authority: str
    participant: str
    received_at: str
    acknowledged_at: str | None = None
    acknowledged_by: str | None = None
    acknowledgement: str | None = None
    answered_at: str | None = None
    answer: str | None = None


@dataclass(frozen=True, slots=True)
class StoredMessage:
    id: str
    case_id: str
    kind: str
    subject: str
    body: str
    sender_participant: str
    sender_authority: str
    sender_user: str
    handling: str
    handling_note: str | None
    source_reliability: str
    information_accuracy: str
    refers_to: str | None
    urgency: str | None
    deadline: str | None
    reason: str | None
    records: tuple[str, ...]
    legal_basis: str
    sent_at: str
    idempotency_key: str | None
    fingerprint: str
    recipients: tuple[Delivery, ...]

    def delivery(self, authority: str) -> Delivery | None:
        for found in self.recipients:
            if found.authority == authority:
                return found
        return None

    def visible_to(self, authority: str) -> bool:
        return self.sender_authority == authority or self.delivery(authority) is not None


_MESSAGE_FIELDS = [c.name for c in messages.c]
_DELIVERY_FIELDS = [c.name for c in message_recipients.c if c.name != "message_id"]


def _insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose key is stored already (also under a race)."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


class CaseStore:
    """Rows of cases, parties, messages and deliveries. Every method works in the caller's
    transaction (``conn``)."""

    # -- cases ------------------------------------------------------------------------------

    def add_case(self, conn: Connection, case: StoredCase) -> None:
        row = {name: getattr(case, name) for name in (c.name for c in cases.c)}
        conn.execute(insert(cases).values(**row))
        conn.execute(
            insert(case_parties),
            [
                {
                    "case_id": case.id,
                    "authority": p.authority,
                    "participant": p.participant,
                    "added_at": p.added_at,
                }
                for p in case.parties
            ],
        )

    def get_case(self, conn: Connection, case_id: str) -> StoredCase | None:
        found = self._cases(conn, select(cases).where(cases.c.id == case_id))
        return found[0] if found else None

    def cases_of(
        self, conn: Connection, authority: str, limit: int, offset: int
    ) -> list[StoredCase]:
        """The cases an authority is party to, newest first."""
        party = exists().where(
            case_parties.c.case_id == cases.c.id, case_parties.c.authority == authority
        )
        query = (
            select(cases)
            .where(party)
            .order_by(cases.c.opened_at.desc(), cases.c.id)
            .limit(limit)
            .offset(offset)
        )
        return self._cases(conn, query)

    def _cases(self, conn: Connection, query: Select[Any]) -> list[StoredCase]:
        rows = conn.execute(query).mappings().all()
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        parties: dict[str, list[Party]] = {case_id: [] for case_id in ids}
        stmt = (
            select(case_parties)
            .where(case_parties.c.case_id.in_(ids))
            .order_by(case_parties.c.case_id, case_parties.c.authority)
        )
        for p in conn.execute(stmt).mappings():
            parties[p["case_id"]].append(Party(p["authority"], p["participant"], p["added_at"]))
        return [StoredCase(**dict(row), parties=tuple(parties[row["id"]])) for row in rows]

    # -- messages ---------------------------------------------------------------------------

    def add_message(self, conn: Connection, message: StoredMessage) -> None:
        row = {name: getattr(message, name) for name in _MESSAGE_FIELDS}
        row["records"] = json.dumps(list(message.records))
        conn.execute(insert(messages).values(**row))
        conn.execute(
            insert(message_recipients),
            [
                {"message_id": message.id, **{f: getattr(d, f) for f in _DELIVERY_FIELDS}}
                for d in message.recipients
            ],
        )

    def get_messages(self, conn: Connection, ids: Sequence[str]) -> dict[str, StoredMessage]:
        found: dict[str, StoredMessage] = {}
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            part = list(ids[start : start + _LOOKUP_CHUNK])
            for message in self._messages(conn, select(messages).where(messages.c.id.in_(part))):
                found[message.id] = message
        return found

    def message_by_key(
        self, conn: Connection, sender_authority: str, key: str
    ) -> StoredMessage | None:
        query = select(messages).where(
            messages.c.sender_authority == sender_authority, messages.c.idempotency_key == key
        )
        found = self._messages(conn, query)
        return found[0] if found else None

    def case_messages(
        self, conn: Connection, case_id: str, authority: str, limit: int, offset: int
    ) -> list[StoredMessage]:
        """The messages of a case that an authority sent or received, oldest first."""
        received = exists().where(
            message_recipients.c.message_id == messages.c.id,
            message_recipients.c.authority == authority,
        )
        query = (
            select(messages)
            .where(
                messages.c.case_id == case_id,
                or_(messages.c.sender_authority == authority, received),
            )
            .order_by(messages.c.sent_at, messages.c.id)
            .limit(limit)
            .offset(offset)
        )
        return self._messages(conn, query)

    def inbox(
        self,
        conn: Connection,
        authority: str,
        limit: int,
        offset: int,
        status: str = "all",
        now: str = "",
    ) -> list[StoredMessage]:
        """Messages delivered to an authority, newest first, optionally only those still
        unacknowledged, open (requests not answered) or overdue (open past their deadline)."""
        mine = and_(
            message_recipients.c.message_id == messages.c.id,
            message_recipients.c.authority == authority,
        )
        query = select(messages).join(message_recipients, mine)
        if status == "unacknowledged":
            query = query.where(message_recipients.c.acknowledged_at.is_(None))
        elif status in ("open", "overdue"):
            query = query.where(
                messages.c.kind == "request", message_recipients.c.answered_at.is_(None)
            )
            if status == "overdue":
                query = query.where(messages.c.deadline < now)
        query = (
            query.order_by(message_recipients.c.received_at.desc(), messages.c.id)
            .limit(limit)
            .offset(offset)
        )
        return self._messages(conn, query)

    def followups(
        self, conn: Connection, message_ids: Sequence[str], kinds: Iterable[str]
    ) -> dict[str, list[tuple[str, str]]]:
        """For each message, the (id, kind) of later messages of ``kinds`` referring to it."""
        found: dict[str, list[tuple[str, str]]] = {}
        wanted = list(kinds)
        for start in range(0, len(message_ids), _LOOKUP_CHUNK):
            part = list(message_ids[start : start + _LOOKUP_CHUNK])
            query = (
                select(messages.c.id, messages.c.kind, messages.c.refers_to)
                .where(messages.c.refers_to.in_(part), messages.c.kind.in_(wanted))
                .order_by(messages.c.sent_at, messages.c.id)
            )
            for row in conn.execute(query):
                found.setdefault(row.refers_to, []).append((row.id, row.kind))
        return found

    def _messages(self, conn: Connection, query: Select[Any]) -> list[StoredMessage]:
        rows = conn.execute(query).mappings().all()
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        deliveries: dict[str, list[Delivery]] = {message_id: [] for message_id in ids}
        stmt = (
            select(message_recipients)
            .where(message_recipients.c.message_id.in_(ids))
            .order_by(message_recipients.c.message_id, message_recipients.c.authority)
        )
        for d in conn.execute(stmt).mappings():
            deliveries[d["message_id"]].append(Delivery(**{f: d[f] for f in _DELIVERY_FIELDS}))
        found = []
        for row in rows:
            values = {name: row[name] for name in _MESSAGE_FIELDS}
            values["records"] = tuple(json.loads(values["records"]))
            found.append(StoredMessage(**values, recipients=tuple(deliveries[row["id"]])))
        return found

    # -- deliveries -------------------------------------------------------------------------

    def acknowledge(
        self, conn: Connection, message_id: str, authority: str, at: str, by: str, ack_id: str
    ) -> bool:
        """Record receipt by an authority; False when it was acknowledged before."""
        done = conn.execute(
            update(message_recipients)
            .where(
                message_recipients.c.message_id == message_id,
                message_recipients.c.authority == authority,
                message_recipients.c.acknowledged_at.is_(None),
            )
            .values(acknowledged_at=at, acknowledged_by=by, acknowledgement=ack_id)
        )
        return bool(done.rowcount)

    def answer(
        self, conn: Connection, message_id: str, authority: str, at: str, answer_id: str
    ) -> None:
        """Mark a request answered (by a reply or a refusal) for one recipient, once."""
        conn.execute(
            update(message_recipients)
            .where(
                message_recipients.c.message_id == message_id,
                message_recipients.c.authority == authority,
                message_recipients.c.answered_at.is_(None),
            )
            .values(answered_at=at, answer=answer_id)
        )

    def release(
        self,
        conn: Connection,
        record_ids: Iterable[str],
        authorities: Iterable[str],
        at: str,
        by: str,
        reference: str,
    ) -> None:
        """Let recipient authorities see records' details (the originator's step-2 release)."""
        rows = [
            {
                "record_id": record_id,
                "authority": authority,
                "granted_at": at,
                "granted_by": by,
                "reference": reference,
            }
            for record_id in record_ids
            for authority in authorities
        ]
        _insert_ignore(conn, releases, rows)
