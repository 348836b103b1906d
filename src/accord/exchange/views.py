"""What an authority sees of a case and of a message: computed for one viewer at one moment
(the reply clock runs from each recipient's receipt)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from accord.exchange.kinds import MessageKind
from accord.model.reference import authorities
from accord.store.cases import Delivery, StoredCase, StoredMessage

__all__ = ["CaseView", "DeliveryView", "MessageView", "case_view", "message_view"]


@dataclass(frozen=True)
class PartyView:
    authority: str
    participant: str
    name: str
    added_at: str


@dataclass(frozen=True)
class CaseView:
    id: str
    title: str
    purpose: str
    legal_basis: str
    status: str
    opened_at: str
    opened_by: dict[str, str]
    parties: list[PartyView]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeliveryView:
    authority: str
    participant: str
    received_at: str
    acknowledged_at: str | None
    answered_at: str | None


@dataclass(frozen=True)
class MessageView:
    id: str
    case_id: str
    kind: str
    subject: str
    body: str
    sender: dict[str, str]
    recipients: list[DeliveryView]
    handling: list[str]
    handling_note: str | None
    source_reliability: str
    information_accuracy: str
    refers_to: str | None
    urgency: str | None
    deadline: str | None
    answered: bool | None
    overdue: bool
    reason: str | None
    records: list[str]
    legal_basis: str
    sent_at: str
    corrected_by: list[str]
    retracted_by: str | None
    #: the viewing authority's own delivery (None when it sent the message)
    delivery: DeliveryView | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _name(authority: str) -> str:
    found = authorities().get(authority)
    return found.name if found else authority


def case_view(case: StoredCase) -> CaseView:
    return CaseView(
        id=case.id,
        title=case.title,
        purpose=case.purpose,
        legal_basis=case.legal_basis,
        status=case.status,
        opened_at=case.opened_at,
        opened_by={
            "participant": case.participant,
            "authority": case.authority,
            "user": case.opened_by,
        },
        parties=[
            PartyView(p.authority, p.participant, _name(p.authority), p.added_at)
            for p in case.parties
        ],
    )


def _delivery(d: Delivery) -> DeliveryView:
    return DeliveryView(d.authority, d.participant, d.received_at, d.acknowledged_at, d.answered_at)


def message_view(
    message: StoredMessage,
    viewer: str,
    now: datetime,
    followups: list[tuple[str, str]] | None = None,
) -> MessageView:
    """The message as authority ``viewer`` sees it at ``now``.

    For a request, ``answered`` and ``overdue`` speak of the viewer's own answer when the
    viewer received it, and of every recipient's when the viewer sent it.
    """
    followups = followups or []
    corrected = [mid for mid, kind in followups if kind == MessageKind.CORRECTION]
    retracted = next((mid for mid, kind in followups if kind == MessageKind.RETRACTION), None)
    mine = message.delivery(viewer)
    answered: bool | None = None
    overdue = False
    if message.kind == MessageKind.REQUEST:
        relevant = [mine] if mine is not None else list(message.recipients)
        answered = all(d.answered_at is not None for d in relevant)
        if message.deadline is not None and not answered and retracted is None:
            overdue = now > datetime.fromisoformat(message.deadline)
    return MessageView(
        id=message.id,
        case_id=message.case_id,
        kind=message.kind,
        subject=message.subject,
        body=message.body,
        sender={
            "participant": message.sender_participant,
            "authority": message.sender_authority,
            "user": message.sender_user,
        },
        recipients=[_delivery(d) for d in message.recipients],
        handling=message.handling.split(","),
        handling_note=message.handling_note,
        source_reliability=message.source_reliability,
        information_accuracy=message.information_accuracy,
        refers_to=message.refers_to,
        urgency=message.urgency,
        deadline=message.deadline,
        answered=answered,
        overdue=overdue,
        reason=message.reason,
        records=list(message.records),
        legal_basis=message.legal_basis,
        sent_at=message.sent_at,
        corrected_by=corrected,
        retracted_by=retracted,
        delivery=_delivery(mine) if mine is not None else None,
    )
