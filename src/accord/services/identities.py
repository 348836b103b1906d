"""Identities for people: run the linkage, show an identity, confirm or split it.

What a user sees of an identity goes through the Gate: only the member records this user may
see, with the evidence of links between two of them. Nothing says how many members there are
in all or that any is withheld; an identity none of whose members the user may see is "not
found", exactly like one that does not exist. Confirming and splitting are an analyst's
judgements, kept and respected by every later linkage run.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from accord.errors import AccessDenied, InputError, NotFound
from accord.linkage.engine import LinkOptions
from accord.linkage.store_job import StoreLinkReport, link_store
from accord.model.codes import Purpose
from accord.policy import Principal, Role
from accord.services.context import Services
from accord.store.audit import AuditEntry, now_iso
from accord.store.gate import RecordQuery, parse_purpose
from accord.store.identities import IdentityStore, Member
from accord.store.records import StoredRecord

__all__ = ["IdentityDesk", "IdentityView", "MemberView"]


@dataclass(frozen=True)
class MemberView:
    """A member record the user may see, and its link if the linked record is visible too."""

    record_id: str
    caption: str
    participant: str
    authority: str
    dataset: str
    properties: dict[str, list[str]]
    linked_to: str | None = None
    match_probability: float | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class IdentityView:
    id: str
    status: str
    members: list[MemberView]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "members": [member.to_dict() for member in self.members],
        }


def _member_view(record: StoredRecord, member: Member, visible: set[str]) -> MemberView:
    env = record.envelope
    linked = member.linked_to if member.linked_to in visible else None
    return MemberView(
        record_id=record.id,
        caption=record.caption,
        participant=env.participant,
        authority=env.authority,
        dataset=env.dataset,
        properties=record.properties,
        linked_to=linked,
        match_probability=member.match_probability if linked else None,
        evidence=member.evidence if linked else [],
    )


class IdentityDesk:
    """The use cases of identities; each call names the user and the purpose."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store
        self.book = IdentityStore()

    # -- the linkage job ----------------------------------------------------------------------

    def run_linkage(
        self,
        purpose: str = Purpose.SERIOUS_CRIME.value,
        participants: Sequence[str] | None = None,
        options: LinkOptions | None = None,
    ) -> StoreLinkReport:
        """Link the stored Person records as the system actor ``linkage``."""
        wanted = parse_purpose(purpose)
        if wanted is None:
            known = ", ".join(p.value for p in Purpose)
            raise InputError(f"Unknown purpose {purpose!r}.", hint=f"Use one of: {known}.")
        return link_store(self.store, purpose=wanted, participants=participants, options=options)

    # -- what a user sees ---------------------------------------------------------------------

    def _visible(
        self, user: Principal, purpose: str, identity_id: str, justification: str
    ) -> tuple[str, list[Member], dict[str, StoredRecord]]:
        with self.store.read() as conn:
            identity = self.book.identity(conn, identity_id)
            members = self.book.members(conn, identity_id) if identity else []
        ids = [m.record_id for m in members]
        records = (
            self.services.gate.read(
                user,
                purpose,
                RecordQuery(ids=ids, limit=max(len(ids), 1)),
                justification=justification or f"identity {identity_id}",
            )
            if ids
            else []
        )
        if identity is None or not records:
            # the same answer whether the identity does not exist or none of it may be seen
            raise NotFound(f"No identity {identity_id!r} that you may see.")
        return identity.status, members, {r.id: r for r in records}

    def show(
        self, user: Principal, purpose: str, identity_id: str, justification: str = ""
    ) -> IdentityView:
        """The identity as this user may see it (see the module)."""
        status, members, records = self._visible(user, purpose, identity_id, justification)
        visible = set(records)
        views = [
            _member_view(records[m.record_id], m, visible)
            for m in members
            if m.record_id in visible
        ]
        return IdentityView(identity_id, status, views)

    def identity_of(
        self, user: Principal, purpose: str, record_id: str, justification: str = ""
    ) -> IdentityView:
        """The identity of a record this user may see."""
        self.services.gate.get(user, purpose, record_id, justification or "identity of a record")
        with self.store.read() as conn:
            identity_id = self.book.identity_of(conn, record_id)
        if identity_id is None:
            raise NotFound(
                f"Record {record_id!r} is in no identity yet.", hint="`accord link --from-store`."
            )
        return self.show(user, purpose, identity_id, justification)

    # -- judgements ---------------------------------------------------------------------------

    def _analyst(self, user: Principal) -> None:
        if Role.ANALYST not in user.roles or user.system:
            raise AccessDenied("Only analysts confirm or split identities.")

    def confirm(
        self, user: Principal, purpose: str, identity_id: str, reason: str = ""
    ) -> IdentityView:
        """Mark the identity reviewed: the members this analyst sees stay together in every
        later run, and the identity is not merged with another confirmed one."""
        self._analyst(user)
        _status, members, records = self._visible(user, purpose, identity_id, reason)
        act, at = "J-" + uuid.uuid4().hex[:16], now_iso()
        rows = [
            self._judgement(
                act, "confirm", identity_id, m.record_id, None, user, purpose, reason, at
            )
            for m in members
            if m.record_id in records
        ]
        with self.store.write() as conn:
            self.book.add_judgements(conn, rows)
            self.book.review(conn, identity_id, user.username, at)
            self.store.audit.append(
                conn,
                [
                    self._entry(
                        user,
                        purpose,
                        "confirm",
                        identity_id,
                        [r["record_id"] for r in rows],
                        reason,
                    )
                ],
            )
        return self.show(user, purpose, identity_id, reason)

    def split(
        self, user: Principal, purpose: str, identity_id: str, record_id: str, reason: str = ""
    ) -> tuple[str, IdentityView]:
        """Take a member this analyst sees out into an identity of its own; it is never linked
        again with any record that was in the identity. Returns the new identity's id and its
        view. The answer has the same form whether or not the identity held other records, and
        whether or not the analyst could see them."""
        self._analyst(user)
        _status, members, records = self._visible(user, purpose, identity_id, reason)
        if record_id not in records:
            raise NotFound(f"No member {record_id!r} of identity {identity_id!r} that you may see.")
        others = [m.record_id for m in members if m.record_id != record_id]
        act, at = "J-" + uuid.uuid4().hex[:16], now_iso()
        new_id = "ID-" + uuid.uuid4().hex[:20]
        rows = [
            self._judgement(act, "split", identity_id, record_id, other, user, purpose, reason, at)
            for other in others
        ]
        with self.store.write() as conn:
            self.book.add_judgements(conn, rows)
            self.book.create_identity(conn, new_id, at, "linked")
            self.book.move_member(conn, record_id, new_id, at, "split")
            if others:
                self.book.touch(conn, identity_id, at)
            else:
                self.book.remove_identity(conn, identity_id)
            self.store.audit.append(
                conn,
                [self._entry(user, purpose, "split", identity_id, [record_id, new_id], reason)],
            )
        return new_id, self.show(user, purpose, new_id, reason)

    @staticmethod
    def _judgement(
        act: str, kind: str, identity_id: str, record_id: str, other: str | None,
        user: Principal, purpose: str, reason: str, at: str,
    ) -> dict[str, Any]:  # fmt: skip
        return {
            "act": act, "kind": kind, "identity_id": identity_id, "record_id": record_id,
            "other_record_id": other, "actor": user.username, "authority": user.authority,
            "purpose": str(parse_purpose(purpose) or purpose), "reason": reason, "at": at,
        }  # fmt: skip

    @staticmethod
    def _entry(
        user: Principal, purpose: str, kind: str, identity_id: str, refs: list[str], reason: str
    ) -> AuditEntry:
        wanted = parse_purpose(purpose)
        return AuditEntry(
            actor=user.username,
            authority=user.authority,
            action="judgement",
            purpose=wanted.value if wanted else str(purpose),
            refs=[identity_id, *refs],
            detail={"judgement": kind, "justification": reason},
        )
