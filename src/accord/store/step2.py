"""Rows of step 2: the hit references a request starts from, the requests, and the release a
granted request makes (the row of ``releases`` that lets the gate show a record across a
border). Plain row access; the rules are in :mod:`accord.services.step2`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from accord.store.tables import releases, screening_hits, step2_requests

__all__ = ["HitRow", "Step2Row", "Step2Rows"]


@dataclass(frozen=True)
class HitRow:
    id: str
    record_id: str
    username: str
    authority: str
    participant: str
    originator_participant: str
    originator_authority: str
    kind: str
    band: str
    purpose: str
    reasons: list[str]
    created_at: str


@dataclass(frozen=True)
class Step2Row:
    id: str
    hit_id: str
    record_id: str
    requester: str
    requester_authority: str
    requester_participant: str
    originator_authority: str
    originator_participant: str
    purpose: str
    justification: str
    urgency: str
    status: str
    created_at: str
    deadline: str
    decided_at: str | None
    decided_by: str | None
    reason: str | None
    legal_basis: str | None


def _hit(row: Any) -> HitRow:
    values = dict(row._mapping)
    values["reasons"] = json.loads(values["reasons"])
    return HitRow(**values)


class Step2Rows:
    """Reads and writes of the step-2 tables, inside the caller's connection."""

    def hit(self, conn: Connection, hit_id: str) -> HitRow | None:
        row = conn.execute(select(screening_hits).where(screening_hits.c.id == hit_id)).first()
        return _hit(row) if row is not None else None

    def add(self, conn: Connection, request: Step2Row) -> None:
        conn.execute(insert(step2_requests).values(**request.__dict__))

    def get(self, conn: Connection, request_id: str) -> Step2Row | None:
        query = select(step2_requests).where(step2_requests.c.id == request_id)
        row = conn.execute(query).first()
        return Step2Row(**dict(row._mapping)) if row is not None else None

    def open_for_hit(self, conn: Connection, hit_id: str) -> Step2Row | None:
        query = select(step2_requests).where(
            step2_requests.c.hit_id == hit_id, step2_requests.c.status == "open"
        )
        row = conn.execute(query).first()
        return Step2Row(**dict(row._mapping)) if row is not None else None

    def listing(
        self,
        conn: Connection,
        authority: str,
        box: str,
        status: str | None,
        limit: int,
        offset: int,
    ) -> list[Step2Row]:
        if box == "inbox":
            where = step2_requests.c.originator_authority == authority
        elif box == "outbox":
            where = step2_requests.c.requester_authority == authority
        else:
            where = or_(
                step2_requests.c.originator_authority == authority,
                step2_requests.c.requester_authority == authority,
            )
        query = select(step2_requests).where(where)
        if status:
            query = query.where(step2_requests.c.status == status)
        query = query.order_by(step2_requests.c.deadline, step2_requests.c.id)
        rows = conn.execute(query.limit(limit).offset(offset)).all()
        return [Step2Row(**dict(row._mapping)) for row in rows]

    def decide(
        self,
        conn: Connection,
        request_id: str,
        status: str,
        at: str,
        by: str,
        reason: str | None,
        legal_basis: str | None,
    ) -> bool:
        """Close an open request; False when it was no longer open (decided meanwhile)."""
        done = conn.execute(
            update(step2_requests)
            .where(and_(step2_requests.c.id == request_id, step2_requests.c.status == "open"))
            .values(
                status=status, decided_at=at, decided_by=by, reason=reason, legal_basis=legal_basis
            )
        )
        return bool(done.rowcount)

    def release(
        self, conn: Connection, record_id: str, authority: str, at: str, by: str, reference: str
    ) -> None:
        """Let ``authority`` read the record through the gate (kept if already released)."""
        exists = conn.execute(
            select(releases.c.record_id).where(
                releases.c.record_id == record_id, releases.c.authority == authority
            )
        ).first()
        if exists is None:
            conn.execute(
                insert(releases).values(
                    record_id=record_id,
                    authority=authority,
                    granted_at=at,
                    granted_by=by,
                    reference=reference,
                )
            )
