"""Step 2: from a hit to the record's details, released by the originator.

A user who got a hit asks the originating authority for the details: purpose, justification
and urgency. The request's reply deadline follows Directive (EU) 2023/977: 8 hours (urgent,
directly accessible), 3 days (urgent, indirectly accessible), 7 days (other); open requests past
it are flagged overdue. An approver of the originating authority approves (which releases the
record to the requesting authority, so that the read gate shows it there under its handling
codes, and is logged as a ``disclosure``) or refuses with a reason. Nothing happens by itself:
each step is a person's decision, shown with the reasons the hit matched, and each is logged.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from accord.errors import AccessDenied, InputError, NotFound
from accord.exchange import FlowRefused, Urgency, deadline_after
from accord.exchange.flows import release_decision
from accord.model.codes import Purpose
from accord.policy import Principal, Role
from accord.services.context import Services
from accord.store.audit import AuditEntry
from accord.store.gate import Gate, parse_purpose
from accord.store.step2 import HitRow, Step2Row, Step2Rows

__all__ = ["Step2Desk"]

_REQUESTERS = frozenset({Role.OFFICER, Role.ANALYST})
_DECIDERS = frozenset({Role.APPROVER})
_READERS = frozenset({Role.OFFICER, Role.ANALYST, Role.APPROVER})
_MAX_TEXT = 2000
_STATUSES = ("open", "approved", "refused")


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds")


class Step2Desk:
    """Requests, lists, approves and refuses step-2 requests for one principal at a time."""

    def __init__(self, services: Services, clock: Callable[[], datetime] | None = None) -> None:
        self.services = services
        self.store = services.store
        self.rows = Step2Rows()
        self._clock = clock or (lambda: datetime.now(UTC))
        self.gate = Gate(self.store, today=lambda: self.now().date())

    def now(self) -> datetime:
        at = self._clock()
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)

    # -- helpers -----------------------------------------------------------------------------

    def _log(
        self,
        user: Principal,
        action: str,
        purpose: str,
        refs: list[str],
        legal_basis: str = "",
        **detail: Any,
    ) -> None:
        self.store.log(
            AuditEntry(
                user.username,
                user.authority,
                action,
                purpose[:32],
                refs,
                legal_basis=legal_basis[:64],
                detail=detail,
            )
        )

    def _require(self, user: Principal, roles: frozenset[Role], what: str) -> None:
        if user.disabled or not user.roles & roles:
            self._log(user, "refusal", "-", [], reason=f"no role of this user may {what}")
            names = ", ".join(sorted(r.value for r in roles))
            raise AccessDenied(
                f"Your roles do not allow you to {what}.", hint=f"This needs one of: {names}."
            )

    def _text(self, value: str, label: str, required: bool = True) -> str:
        text = (value or "").strip()
        if required and not text:
            raise InputError(f"The {label} is required.", hint=f"Say in words the {label}.")
        if len(text) > _MAX_TEXT:
            raise InputError(f"The {label} is longer than {_MAX_TEXT:,} characters.")
        if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
            raise InputError(f"The {label} holds control characters.", hint="Remove them.")
        return text

    def _request(self, user: Principal, request_id: str) -> Step2Row:
        with self.store.read() as conn:
            found = self.rows.get(conn, request_id[:64])
        visible = found is not None and user.authority in (
            found.originator_authority,
            found.requester_authority,
        )
        if found is None or not visible:
            self._log(
                user,
                "refusal",
                "-",
                [request_id[:64]],
                reason="no such step-2 request for this authority",
            )
            raise NotFound(f"No step-2 request {request_id[:64]!r}.")
        return found

    def view(self, request: Step2Row, user: Principal, hit: HitRow | None = None) -> dict[str, Any]:
        """A request as the user may see it; the record id only once it is released."""
        overdue = request.status == "open" and self.now() > datetime.fromisoformat(request.deadline)
        out: dict[str, Any] = {
            "id": request.id,
            "hit": request.hit_id,
            "status": request.status,
            "overdue": overdue,
            "purpose": request.purpose,
            "justification": request.justification,
            "urgency": request.urgency,
            "requested_at": request.created_at,
            "deadline": request.deadline,
            "requester": request.requester,
            "requester_authority": request.requester_authority,
            "originator_authority": request.originator_authority,
            "decided_at": request.decided_at,
            "decided_by": request.decided_by,
            "reason": request.reason,
            "legal_basis": request.legal_basis,
            "record": None,
        }
        if hit is not None:
            out["band"] = hit.band
            out["kind"] = hit.kind
            out["why_it_matched"] = hit.reasons
        if request.status == "approved" or user.authority == request.originator_authority:
            out["record"] = request.record_id
        return out

    def _hit(self, request: Step2Row) -> HitRow | None:
        with self.store.read() as conn:
            return self.rows.hit(conn, request.hit_id)

    # -- the steps ---------------------------------------------------------------------------

    def request(
        self,
        user: Principal,
        hit_id: str,
        purpose: str,
        justification: str,
        urgency: str = Urgency.OTHER.value,
    ) -> dict[str, Any]:
        """Ask the originator of a hit for the record's details."""
        self._require(user, _REQUESTERS, "request step-2 releases")
        wanted = parse_purpose(purpose)
        if wanted is None or wanted is Purpose.SUPERVISION:
            raise InputError(
                f"Unknown purpose {str(purpose)[:40]!r}.",
                hint="Give the purpose of the request, e.g. border-management.",
            )
        why = self._text(justification, "justification")
        try:
            pace = Urgency(urgency)
        except ValueError:
            known = ", ".join(u.value for u in Urgency)
            raise InputError(f"Unknown urgency {urgency[:30]!r}.", hint=f"Use {known}.") from None
        with self.store.read() as conn:
            hit = self.rows.hit(conn, hit_id.strip()[:64])
            existing = self.rows.open_for_hit(conn, hit.id) if hit is not None else None
        if hit is None or hit.authority != user.authority:
            self._log(
                user,
                "refusal",
                wanted.value,
                [hit_id[:64]],
                reason="no such hit for this authority",
            )
            raise NotFound(
                f"No hit {hit_id[:64]!r} of your authority.",
                hint="Use the reference a screening answer gave.",
            )
        if existing is not None:
            return self.view(existing, user, hit)
        now = self.now()
        request = Step2Row(
            id="s2-" + secrets.token_hex(8),
            hit_id=hit.id,
            record_id=hit.record_id,
            requester=user.username,
            requester_authority=user.authority,
            requester_participant=user.participant,
            originator_authority=hit.originator_authority,
            originator_participant=hit.originator_participant,
            purpose=wanted.value,
            justification=why,
            urgency=pace.value,
            status="open",
            created_at=_iso(now),
            deadline=_iso(deadline_after(now, pace)),
            decided_at=None,
            decided_by=None,
            reason=None,
            legal_basis=None,
        )
        with self.store.write() as conn:
            self.rows.add(conn, request)
            self.store.audit.append(
                conn,
                [
                    AuditEntry(
                        user.username,
                        user.authority,
                        "step2-request",
                        wanted.value,
                        [request.id, hit.id, hit.record_id],
                        detail={
                            "justification": why,
                            "urgency": pace.value,
                            "originator": hit.originator_authority,
                            "deadline": request.deadline,
                        },
                    )
                ],
            )
        return self.view(request, user, hit)

    def list(
        self,
        user: Principal,
        box: str = "inbox",
        status: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Requests to the user's authority (``inbox``), from it (``outbox``) or both
        (``all``), most urgent deadline first; ``status`` open, approved, refused or overdue."""
        self._require(user, _READERS, "read step-2 requests")
        if box not in ("inbox", "outbox", "all"):
            raise InputError(f"Unknown box {box[:20]!r}.", hint="Use inbox, outbox or all.")
        if status is not None and status not in (*_STATUSES, "overdue"):
            raise InputError(
                f"Unknown status {status[:20]!r}.", hint="Use open, approved, refused or overdue."
            )
        limit = max(1, min(limit, 500))
        wanted = "open" if status == "overdue" else status
        with self.store.read() as conn:
            found = self.rows.listing(conn, user.authority, box, wanted, limit, max(0, offset))
            hits = {r.hit_id: self.rows.hit(conn, r.hit_id) for r in found}
        views = [self.view(r, user, hits.get(r.hit_id)) for r in found]
        if status == "overdue":
            views = [v for v in views if v["overdue"]]
        self._log(
            user,
            "consultation",
            "exchange",
            [v["id"] for v in views],
            what="step-2 requests",
            box=box,
        )
        return views

    def _decidable(self, user: Principal, request_id: str) -> Step2Row:
        self._require(user, _DECIDERS, "decide step-2 requests")
        request = self._request(user, request_id)
        if request.originator_authority != user.authority:
            self._log(
                user,
                "refusal",
                request.purpose,
                [request.id],
                reason="only the originating authority decides",
            )
            raise AccessDenied(
                "Only the authority that provided the record decides this request.",
                hint=f"It is for {request.originator_authority} to approve or refuse.",
            )
        if request.status != "open":
            raise InputError(f"Request {request.id} was already {request.status}.")
        return request

    def approve(self, user: Principal, request_id: str, note: str = "") -> dict[str, Any]:
        """Release the record to the requesting authority, if an agreement lets it flow."""
        request = self._decidable(user, request_id)
        purpose = Purpose(request.purpose)
        record = self.gate.get(
            user, purpose, request.record_id, f"deciding step-2 request {request.id}"
        )
        decision = release_decision(
            record.envelope,
            record.schema,
            request.requester_authority,
            request.requester_participant,
            purpose,
            self.services.agreements.all(),
            self.now().date(),
        )
        if not decision:
            raise FlowRefused(
                f"The record cannot be released to {request.requester_authority}: "
                f"{decision.reason}.",
                hint="Refuse the request with this reason, or agree a basis first.",
            )
        at = _iso(self.now())
        envelope = record.envelope
        with self.store.write() as conn:
            if not self.rows.decide(
                conn,
                request.id,
                "approved",
                at,
                user.username,
                self._text(note, "note", required=False) or None,
                decision.agreement,
            ):
                raise InputError(f"Request {request.id} was decided meanwhile.")
            self.rows.release(
                conn, record.id, request.requester_authority, at, user.username, request.id
            )
            self.store.audit.append(
                conn,
                [
                    AuditEntry(
                        user.username,
                        user.authority,
                        "disclosure",
                        request.purpose,
                        [request.id, record.id],
                        legal_basis=(decision.agreement or "")[:64],
                        detail={
                            "step2": request.id,
                            "recipients": [
                                {
                                    "authority": request.requester_authority,
                                    "participant": request.requester_participant,
                                }
                            ],
                            "legal_basis": decision.agreement,
                            "handling": envelope.handling_text,
                            "handling_note": envelope.handling_note,
                            "note": note,
                        },
                    )
                ],
            )
        return self.view(self._request(user, request.id), user, self._hit(request))

    def refuse(self, user: Principal, request_id: str, reason: str) -> dict[str, Any]:
        """Refuse a request, with the reason the requester will read."""
        request = self._decidable(user, request_id)
        why = self._text(reason, "reason")
        at = _iso(self.now())
        with self.store.write() as conn:
            if not self.rows.decide(conn, request.id, "refused", at, user.username, why, None):
                raise InputError(f"Request {request.id} was decided meanwhile.")
            self.store.audit.append(
                conn,
                [
                    AuditEntry(
                        user.username,
                        user.authority,
                        "step2-refusal",
                        request.purpose,
                        [request.id, request.record_id],
                        detail={"reason": why},
                    )
                ],
            )
        return self.view(self._request(user, request.id), user, self._hit(request))
