"""The exchange desk: cases between authorities and the messages in them (SIENA-like).

Only parties to a case see it, and of its messages only those their authority sent or received;
anything else answers exactly like a case or message that does not exist. Every send, read and
refusal is written to the audit log; a message, its deliveries, the record releases it makes
and its audit entry are stored in one transaction.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from accord.errors import AccessDenied, InputError, NotFound
from accord.exchange.drafts import (
    MAX_KEY,
    CaseDraft,
    CheckedMessage,
    MessageDraft,
    check_case,
    check_message,
    check_text,
)
from accord.exchange.errors import Conflict, FlowRefused
from accord.exchange.flows import case_basis
from accord.exchange.kinds import (
    ANSWERS,
    READ_ROLES,
    SEND_ROLES,
    InboxStatus,
    MessageKind,
)
from accord.exchange.sending import (
    carried_by,
    check_reference,
    compose,
    flow_bases,
    iso,
    resolve_recipients,
    sent_entry,
)
from accord.exchange.views import CaseView, MessageView, case_view, message_view
from accord.model.reference import get_authority
from accord.policy import Principal, Role
from accord.store.agreement_book import AgreementBook
from accord.store.audit import AuditEntry
from accord.store.base import Store
from accord.store.cases import CaseStore, Party, StoredCase, StoredMessage
from accord.store.gate import Gate, RecordQuery
from accord.store.records import StoredRecord

__all__ = ["Clock", "Exchange", "utc_now"]

Clock = Callable[[], datetime]
#: The audit purpose of reads that span cases (case lists, the inbox).
EXCHANGE_PURPOSE = "exchange"
_AMENDMENTS = (MessageKind.CORRECTION.value, MessageKind.RETRACTION.value)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Exchange:
    """Opens cases, sends and lists messages, records receipts; for one principal at a time."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.store = store
        self.rows = CaseStore()
        self.book = AgreementBook(store)
        self._clock = clock or utc_now
        self.gate = Gate(store, today=lambda: self.now().date())

    def now(self) -> datetime:
        at = self._clock()
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)

    # -- access ----------------------------------------------------------------------------

    def _refuse(
        self, user: Principal, reason: str, purpose: str = EXCHANGE_PURPOSE, **detail: Any
    ) -> None:
        refs = [str(v) for k, v in detail.items() if k in ("case", "message") and v]
        self.store.log(
            AuditEntry(
                user.username,
                user.authority,
                "refusal",
                purpose,
                refs,
                detail={"reason": reason, **detail},
            )
        )

    def _require(self, user: Principal, roles: frozenset[Role], what: str) -> None:
        if user.disabled or not user.roles & roles:
            self._refuse(user, f"no role of this user may {what}")
            allowed = ", ".join(sorted(r.value for r in roles))
            raise AccessDenied(
                f"Your roles do not allow you to {what}.", hint=f"This needs one of: {allowed}."
            )

    def _case(self, user: Principal, case_id: str) -> StoredCase:
        """The case if the user's authority is party to it; otherwise the same NotFound as
        for a case that does not exist."""
        with self.store.read() as conn:
            case = self.rows.get_case(conn, case_id[:64])
        if case is None or not case.has_party(user.authority):
            self._refuse(user, "not a party to the case, or no such case", case=case_id[:64])
            raise NotFound(f"No case {case_id[:64]!r}.")
        return case

    def _consulted(self, user: Principal, purpose: str, refs: Sequence[str], **detail: Any) -> None:
        self.store.log(
            AuditEntry(user.username, user.authority, "consultation", purpose, refs, detail=detail)
        )

    def _views(
        self, user: Principal, found: Sequence[StoredMessage], now: datetime
    ) -> list[MessageView]:
        with self.store.read() as conn:
            followups = self.rows.followups(conn, [m.id for m in found], _AMENDMENTS)
        return [message_view(m, user.authority, now, followups.get(m.id)) for m in found]

    # -- cases -----------------------------------------------------------------------------

    def open_case(self, user: Principal, draft: CaseDraft) -> CaseView:
        """Open a case between the user's authority and others, under an agreement in force
        that covers every party and the purpose."""
        self._require(user, SEND_ROLES, "open cases")
        checked = check_case(draft)
        others = [get_authority(a) for a in checked.authorities if a != user.authority]
        now = self.now()
        agreement = next((a for a in self.book.all() if a.id == checked.legal_basis), None)
        decision = case_basis(
            agreement,
            checked.legal_basis,
            user.participant,
            [a.participant for a in others],
            checked.purpose,
            now.date(),
        )
        if not decision:
            self._refuse(user, decision.reason, checked.purpose.value)
            raise FlowRefused(
                f"The case cannot be opened: {decision.reason}.",
                hint="Choose an agreement in force that covers every party and the purpose "
                "(GET /api/v1/agreements lists them).",
            )
        at = iso(now)
        parties = [Party(user.authority, user.participant, at)]
        parties += [Party(a.id, a.participant, at) for a in others]
        case = StoredCase(
            id="case-" + secrets.token_hex(8),
            title=checked.title,
            purpose=checked.purpose.value,
            legal_basis=checked.legal_basis,
            participant=user.participant,
            authority=user.authority,
            opened_by=user.username,
            opened_at=at,
            status="open",
            parties=tuple(sorted(parties, key=lambda p: p.authority)),
        )
        with self.store.write() as conn:
            self.rows.add_case(conn, case)
            entry = AuditEntry(
                user.username,
                user.authority,
                "case-opened",
                case.purpose,
                [case.id],
                legal_basis=case.legal_basis,
                detail={"parties": [p.authority for p in case.parties]},
            )
            self.store.audit.append(conn, [entry])
        return case_view(case)

    def cases(self, user: Principal, limit: int, offset: int) -> list[CaseView]:
        """The cases the user's authority is party to, newest first."""
        self._require(user, READ_ROLES, "read cases")
        with self.store.read() as conn:
            found = self.rows.cases_of(conn, user.authority, limit, offset)
        self._consulted(user, EXCHANGE_PURPOSE, [c.id for c in found], list="cases", offset=offset)
        return [case_view(c) for c in found]

    def case(self, user: Principal, case_id: str) -> CaseView:
        self._require(user, READ_ROLES, "read cases")
        case = self._case(user, case_id)
        self._consulted(user, case.purpose, [case.id])
        return case_view(case)

    # -- messages --------------------------------------------------------------------------

    def messages(self, user: Principal, case_id: str, limit: int, offset: int) -> list[MessageView]:
        """The messages of a case that the user's authority sent or received, oldest first."""
        self._require(user, READ_ROLES, "read cases")
        case = self._case(user, case_id)
        with self.store.read() as conn:
            found = self.rows.case_messages(conn, case.id, user.authority, limit, offset)
        self._consulted(user, case.purpose, [case.id, *(m.id for m in found)], offset=offset)
        return self._views(user, found, self.now())

    def message(self, user: Principal, message_id: str) -> MessageView:
        self._require(user, READ_ROLES, "read cases")
        found = self._message(user, message_id)
        self._consulted(user, self._purpose(found), [found.case_id, found.id])
        return self._views(user, [found], self.now())[0]

    def _message(self, user: Principal, message_id: str) -> StoredMessage:
        with self.store.read() as conn:
            found = self.rows.get_messages(conn, [message_id[:64]]).get(message_id[:64])
        if found is None or not found.visible_to(user.authority):
            self._refuse(user, "not a sender or recipient, or no such message", message=message_id)
            raise NotFound(f"No message {message_id[:64]!r}.")
        return found

    def _purpose(self, message: StoredMessage) -> str:
        with self.store.read() as conn:
            case = self.rows.get_case(conn, message.case_id)
        return case.purpose if case else EXCHANGE_PURPOSE

    def inbox(
        self, user: Principal, status: InboxStatus, limit: int, offset: int
    ) -> list[MessageView]:
        """Messages delivered to the user's authority, newest first, with deadlines."""
        self._require(user, READ_ROLES, "read cases")
        now = self.now()
        with self.store.read() as conn:
            found = self.rows.inbox(conn, user.authority, limit, offset, status.value, iso(now))
        self._consulted(
            user, EXCHANGE_PURPOSE, [m.id for m in found], list="inbox", status=status.value
        )
        return self._views(user, found, now)

    def acknowledge(self, user: Principal, message_id: str) -> tuple[MessageView, bool]:
        """Record the receipt of a message by the user's authority, answered by an
        acknowledgement to its sender. Acknowledging again returns the first acknowledgement."""
        self._require(user, SEND_ROLES, "send messages")
        found = self._message(user, message_id)
        if found.delivery(user.authority) is None:
            raise InputError(
                "Only a recipient acknowledges a message; your authority sent this one."
            )
        draft = MessageDraft(
            kind=MessageKind.ACKNOWLEDGEMENT.value,
            subject="Acknowledgement of receipt",
            handling=("H0",),
            source_reliability="X",
            information_accuracy="4",
            refers_to=found.id,
        )
        return self.send(user, found.case_id, draft)

    def send(self, user: Principal, case_id: str, draft: MessageDraft) -> tuple[MessageView, bool]:
        """Send a message in a case; returns its view and whether it is new. The same
        idempotency key with the same content returns the message stored the first time."""
        self._require(user, SEND_ROLES, "send messages")
        case = self._case(user, case_id)
        key = check_text(draft.idempotency_key, "idempotency_key", MAX_KEY) or None
        fingerprint = draft.fingerprint(case.id)
        if key is not None:
            replay = self._replay(user, case, key, fingerprint)
            if replay is not None:
                return replay, False
        message = check_message(draft)
        with self.store.read() as conn:
            ref = (
                self.rows.get_messages(conn, [message.refers_to]).get(message.refers_to)
                if message.refers_to
                else None
            )
        check_reference(user, message, case, ref)
        if message.kind is MessageKind.ACKNOWLEDGEMENT and ref is not None:
            earlier = self._earlier_acknowledgement(user, ref)
            if earlier is not None:
                return earlier, False
        stored = self._compose(user, case, message, ref, key, fingerprint)
        try:
            self._store(user, case, stored, ref)
        except IntegrityError:
            if key is None:
                raise
            replay = self._replay(user, case, key, fingerprint)  # a concurrent twin won
            if replay is None:
                raise
            return replay, False
        return self._views(user, [stored], self.now())[0], True

    def _replay(
        self, user: Principal, case: StoredCase, key: str, fingerprint: str
    ) -> MessageView | None:
        with self.store.read() as conn:
            earlier = self.rows.message_by_key(conn, user.authority, key)
        if earlier is None:
            return None
        if earlier.case_id != case.id or earlier.fingerprint != fingerprint:
            self._refuse(user, "idempotency key reused for another message", case=case.id)
            raise Conflict(
                f"The idempotency key {key!r} was used for another message.",
                hint="Use a new key for a new message; repeat a message with its same content.",
            )
        self._consulted(user, case.purpose, [case.id, earlier.id], replayed=True)
        return self._views(user, [earlier], self.now())[0]

    def _earlier_acknowledgement(self, user: Principal, ref: StoredMessage) -> MessageView | None:
        delivery = ref.delivery(user.authority)
        if delivery is None or delivery.acknowledgement is None:
            return None
        with self.store.read() as conn:
            earlier = self.rows.get_messages(conn, [delivery.acknowledgement])
        found = earlier.get(delivery.acknowledgement)
        return None if found is None else self._views(user, [found], self.now())[0]

    def _attached(
        self, user: Principal, case: StoredCase, message: CheckedMessage
    ) -> list[StoredRecord]:
        if not message.records:
            return []
        return self.gate.read(
            user,
            case.purpose,
            RecordQuery(ids=list(message.records), limit=len(message.records)),
            justification=f"attached to a message of case {case.id}",
        )

    def _compose(
        self,
        user: Principal,
        case: StoredCase,
        message: CheckedMessage,
        ref: StoredMessage | None,
        key: str | None,
        fingerprint: str,
    ) -> StoredMessage:
        recipients = resolve_recipients(user, message, case, ref)
        records = self._attached(user, case, message)
        carried = carried_by(user, message, records)
        now = self.now()
        try:
            bases = flow_bases(
                user, message, case, recipients, carried, records, self.book.all(), now.date()
            )
        except FlowRefused as exc:
            self._refuse(user, exc.message, case.purpose, case=case.id)
            raise
        return compose(
            user, case, message, recipients, records, carried, bases, now, key, fingerprint
        )

    def _store(
        self, user: Principal, case: StoredCase, message: StoredMessage, ref: StoredMessage | None
    ) -> None:
        kind = MessageKind(message.kind)
        with self.store.write() as conn:
            self.rows.add_message(conn, message)
            if ref is not None and kind is MessageKind.ACKNOWLEDGEMENT:
                self.rows.acknowledge(
                    conn, ref.id, user.authority, message.sent_at, user.username, message.id
                )
            if ref is not None and kind in ANSWERS and ref.kind == MessageKind.REQUEST:
                self.rows.answer(conn, ref.id, user.authority, message.sent_at, message.id)
            if message.records:
                self.rows.release(
                    conn,
                    message.records,
                    [d.authority for d in message.recipients],
                    message.sent_at,
                    user.username,
                    message.id,
                )
            self.store.audit.append(conn, [sent_entry(user, case, message)])
