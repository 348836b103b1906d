"""Persistence of identities: clusters of records, their members with the evidence of each
link, analysts' judgements and the linkage runs.

Only rows in and rows out, inside the caller's transaction (``conn``). Who may see which member
is decided by the Gate (:mod:`accord.store.gate`), never here; the linkage job
(:mod:`accord.linkage.store_job`) and the identity desk (:mod:`accord.services.identities`)
call these functions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from sqlalchemy import Connection, bindparam, delete, insert, select, update

from accord.store.tables import identities, identity_judgements, identity_members, identity_runs

__all__ = [
    "MEMBER_COLUMNS",
    "IdentityStore",
    "Judgements",
    "Member",
    "RunChanges",
    "StoredIdentity",
]

_CHUNK = 900
#: The columns of a member row that a linkage run sets.
MEMBER_COLUMNS = (
    "record_id", "identity_id", "participant", "linked_to", "match_weight",
    "match_probability", "evidence",
)  # fmt: skip
_SCHEMA = {
    "record_id": pl.Utf8, "identity_id": pl.Utf8, "participant": pl.Utf8,
    "linked_to": pl.Utf8, "match_weight": pl.Float64, "match_probability": pl.Float64,
    "evidence": pl.Utf8,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredIdentity:
    id: str
    status: str
    created_at: str
    updated_at: str
    run_id: str | None
    reviewed_at: str | None
    reviewed_by: str | None


@dataclass(frozen=True, slots=True)
class Member:
    """One record of an identity and the link that attached it (none for the first)."""

    record_id: str
    identity_id: str
    participant: str
    linked_to: str | None
    match_weight: float | None
    match_probability: float | None
    evidence: list[dict[str, Any]]
    source: str
    added_at: str


@dataclass(frozen=True)
class Judgements:
    """What analysts decided: record pairs kept apart (splits) and groups kept together (each
    confirmation, over the records its analyst saw)."""

    cannot_link: list[tuple[str, str]] = field(default_factory=list)
    must_link: list[list[str]] = field(default_factory=list)


@dataclass
class RunChanges:
    inserted: int = 0
    updated: int = 0
    removed: int = 0
    identities_created: int = 0
    identities_removed: int = 0

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.removed

    def to_dict(self) -> dict[str, int]:
        return {**self.__dict__, "total": self.total}


def _member(row: Any) -> Member:
    return Member(
        record_id=row.record_id,
        identity_id=row.identity_id,
        participant=row.participant,
        linked_to=row.linked_to,
        match_weight=row.match_weight,
        match_probability=row.match_probability,
        evidence=json.loads(row.evidence) if row.evidence else [],
        source=row.source,
        added_at=row.added_at,
    )


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


class IdentityStore:
    """Rows of identities, members, judgements and runs."""

    # -- reads ------------------------------------------------------------------------------

    def assignment(
        self, conn: Connection, participants: Sequence[str] | None = None
    ) -> pl.DataFrame:
        """Every stored member (of these participants), as :data:`MEMBER_COLUMNS`."""
        query = select(*(identity_members.c[name] for name in MEMBER_COLUMNS))
        if participants:
            query = query.where(identity_members.c.participant.in_(list(participants)))
        rows = conn.execute(query).all()
        return pl.DataFrame([tuple(r) for r in rows], schema=_SCHEMA, orient="row")

    def identity(self, conn: Connection, identity_id: str) -> StoredIdentity | None:
        row = conn.execute(select(identities).where(identities.c.id == identity_id)).first()
        if row is None:
            return None
        return StoredIdentity(
            row.id, row.status, row.created_at, row.updated_at, row.run_id, row.reviewed_at,
            row.reviewed_by,
        )  # fmt: skip

    def statuses(self, conn: Connection) -> dict[str, str]:
        query = select(identities.c.id, identities.c.status)
        return {row.id: row.status for row in conn.execute(query)}

    def members(self, conn: Connection, identity_id: str) -> list[Member]:
        query = (
            select(identity_members)
            .where(identity_members.c.identity_id == identity_id)
            .order_by(identity_members.c.record_id)
        )
        return [_member(row) for row in conn.execute(query)]

    def identity_of(self, conn: Connection, record_id: str) -> str | None:
        query = select(identity_members.c.identity_id).where(
            identity_members.c.record_id == record_id
        )
        row = conn.execute(query).first()
        return None if row is None else str(row.identity_id)

    def judgements(self, conn: Connection) -> Judgements:
        rows = conn.execute(
            select(
                identity_judgements.c.act,
                identity_judgements.c.kind,
                identity_judgements.c.record_id,
                identity_judgements.c.other_record_id,
            ).order_by(identity_judgements.c.id)
        ).all()
        cannot: list[tuple[str, str]] = []
        groups: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            if row.kind == "split" and row.other_record_id:
                cannot.append((row.record_id, row.other_record_id))
            elif row.kind == "confirm":
                groups[row.act].append(row.record_id)
        return Judgements(cannot, [members for members in groups.values() if len(members) > 1])

    def judgement_rows(self, conn: Connection, identity_id: str) -> list[dict[str, Any]]:
        query = (
            select(identity_judgements)
            .where(identity_judgements.c.identity_id == identity_id)
            .order_by(identity_judgements.c.id)
        )
        return [dict(row) for row in conn.execute(query).mappings()]

    def runs(self, conn: Connection, limit: int = 20) -> list[dict[str, Any]]:
        query = select(identity_runs).order_by(identity_runs.c.started_at.desc()).limit(limit)
        return [dict(row) for row in conn.execute(query).mappings()]

    # -- writes -----------------------------------------------------------------------------

    def write_run(
        self,
        conn: Connection,
        run: dict[str, Any],
        new: pl.DataFrame,
        old: pl.DataFrame,
        at: str,
    ) -> RunChanges:
        """Store a run's assignment ``new`` over ``old`` (both :data:`MEMBER_COLUMNS`; ``old``
        holds the stored members in the run's scope): only what changed is written, so that a
        run over unchanged records writes nothing but its run row."""
        changes = RunChanges()
        new = new.select(MEMBER_COLUMNS).cast(_SCHEMA)  # type: ignore[arg-type]
        old = old.select(MEMBER_COLUMNS).cast(_SCHEMA)  # type: ignore[arg-type]
        joined = new.join(old, on="record_id", how="full", suffix="_old", coalesce=True)
        fresh = joined.filter(pl.col("identity_id_old").is_null()).select(MEMBER_COLUMNS)
        gone = joined.filter(pl.col("identity_id").is_null())["record_id"].to_list()
        differs = pl.any_horizontal(
            [pl.col(c).ne_missing(pl.col(f"{c}_old")) for c in MEMBER_COLUMNS[1:]]
        )
        changed = joined.filter(
            pl.col("identity_id").is_not_null() & pl.col("identity_id_old").is_not_null() & differs
        ).select(MEMBER_COLUMNS)
        run_id = str(run["id"])
        for part in _chunks(gone):
            conn.execute(delete(identity_members).where(identity_members.c.record_id.in_(part)))
        if fresh.height:
            rows = fresh.with_columns(
                source=pl.lit("linkage"), run_id=pl.lit(run_id), added_at=pl.lit(at)
            ).to_dicts()
            conn.execute(insert(identity_members), rows)
        if changed.height:
            rows = (
                changed.rename({"record_id": "rid"}).with_columns(run_id=pl.lit(run_id)).to_dicts()
            )
            values: dict[str, Any] = {c: bindparam(c) for c in (*MEMBER_COLUMNS[1:], "run_id")}
            stmt = (
                update(identity_members)
                .where(identity_members.c.record_id == bindparam("rid"))
                .values(**values)
            )
            conn.execute(stmt, rows)
        changes.inserted, changes.updated, changes.removed = fresh.height, changed.height, len(gone)
        touched = set(fresh["identity_id"].to_list()) | set(changed["identity_id"].to_list())
        touched |= set(joined.filter(pl.col("record_id").is_in(gone))["identity_id_old"].to_list())
        touched |= set(changed.join(old, on="record_id")["identity_id_right"].to_list())
        self._sync_identities(conn, touched, run_id, at, changes)
        conn.execute(insert(identity_runs).values(**run, changed=changes.total))
        return changes

    def _sync_identities(
        self, conn: Connection, touched: set[str], run_id: str, at: str, changes: RunChanges
    ) -> None:
        """Create identity rows that members now name, drop those left without members."""
        ids = sorted(i for i in touched if i)
        existing: set[str] = set()
        occupied: set[str] = set()
        for part in _chunks(ids):
            existing.update(
                r.id for r in conn.execute(select(identities.c.id).where(identities.c.id.in_(part)))
            )
            occupied.update(
                r.identity_id
                for r in conn.execute(
                    select(identity_members.c.identity_id)
                    .where(identity_members.c.identity_id.in_(part))
                    .distinct()
                )
            )
        create = [i for i in ids if i in occupied and i not in existing]
        if create:
            conn.execute(
                insert(identities),
                [{"id": i, "status": "linked", "created_at": at, "updated_at": at,
                  "run_id": run_id} for i in create],
            )  # fmt: skip
        drop = [i for i in ids if i in existing and i not in occupied]
        for part in _chunks(drop):
            conn.execute(delete(identities).where(identities.c.id.in_(part)))
        keep = [i for i in ids if i in existing and i in occupied]
        for part in _chunks(keep):
            conn.execute(
                update(identities)
                .where(identities.c.id.in_(part))
                .values(updated_at=at, run_id=run_id)
            )
        changes.identities_created, changes.identities_removed = len(create), len(drop)

    def add_judgements(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(identity_judgements), list(rows))

    def create_identity(self, conn: Connection, identity_id: str, at: str, status: str) -> None:
        conn.execute(
            insert(identities).values(
                id=identity_id, status=status, created_at=at, updated_at=at, run_id=None
            )
        )

    def move_member(
        self, conn: Connection, record_id: str, identity_id: str, at: str, source: str
    ) -> None:
        """Put a member into another identity as its own first record (no link)."""
        conn.execute(
            update(identity_members)
            .where(identity_members.c.record_id == record_id)
            .values(
                identity_id=identity_id, linked_to=None, match_weight=None,
                match_probability=None, evidence=None, source=source, added_at=at,
            )
        )  # fmt: skip
        # links of the members that were attached through it no longer hold
        conn.execute(
            update(identity_members)
            .where(identity_members.c.linked_to == record_id)
            .values(linked_to=None, match_weight=None, match_probability=None, evidence=None)
        )

    def review(self, conn: Connection, identity_id: str, by: str, at: str) -> None:
        conn.execute(
            update(identities)
            .where(identities.c.id == identity_id)
            .values(status="confirmed", reviewed_at=at, reviewed_by=by, updated_at=at)
        )

    def remove_identity(self, conn: Connection, identity_id: str) -> None:
        """Drop an identity row (its judgements stay)."""
        conn.execute(delete(identities).where(identities.c.id == identity_id))

    def touch(self, conn: Connection, identity_id: str, at: str) -> None:
        conn.execute(update(identities).where(identities.c.id == identity_id).values(updated_at=at))
