"""Request and response bodies of cases and messages."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from accord.api.models import CleanText
from accord.exchange import MessageDraft, MessageKind, Urgency
from accord.model.codes import HandlingCode, InformationAccuracy, Purpose, SourceReliability

__all__ = [
    "ActorOut",
    "CaseIn",
    "CaseOut",
    "DeliveryOut",
    "MessageIn",
    "MessageOut",
    "PartyOut",
]

AuthorityId = Annotated[CleanText, Field(min_length=1, max_length=32)]


class CaseIn(BaseModel):
    """A case to open between the user's authority and others."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[CleanText, Field(min_length=1, max_length=200)]
    purpose: Purpose
    legal_basis: Annotated[CleanText, Field(min_length=1, max_length=64)] = Field(
        description="The id of the agreement the exchange rests on."
    )
    authorities: Annotated[list[AuthorityId], Field(min_length=1, max_length=30)] = Field(
        description="The other authorities party to the case (ids such as XK-KP)."
    )


class ActorOut(BaseModel):
    participant: str
    authority: str
    user: str


class PartyOut(BaseModel):
    authority: str
    participant: str
    name: str
    added_at: str


class CaseOut(BaseModel):
    id: str
    title: str
    purpose: Purpose
    legal_basis: str
    status: str
    opened_at: str
    opened_by: ActorOut
    parties: list[PartyOut]


class MessageIn(BaseModel):
    """A message to send in a case. Every message carries handling and evaluation codes."""

    model_config = ConfigDict(extra="forbid")

    kind: MessageKind
    subject: Annotated[CleanText, Field(min_length=1, max_length=200)]
    body: Annotated[CleanText, Field(max_length=100_000)] = ""
    recipients: Annotated[list[AuthorityId], Field(max_length=30)] = Field(
        default_factory=list,
        description="Recipient authorities (parties to the case). An answer goes back to "
        "the sender by default; a correction or retraction reaches every recipient of the "
        "original message in any case.",
    )
    handling: Annotated[list[HandlingCode], Field(min_length=1, max_length=4)]
    handling_note: Annotated[CleanText, Field(max_length=1000)] | None = Field(
        default=None, description="The restriction in words; required with H3."
    )
    source_reliability: SourceReliability
    information_accuracy: InformationAccuracy
    refers_to: Annotated[CleanText, Field(max_length=64)] | None = Field(
        default=None,
        description="The earlier message this one answers, acknowledges, corrects or retracts.",
    )
    urgency: Urgency | None = Field(
        default=None,
        description="Requests only: urgent-direct (8 hours), urgent-indirect (3 days), "
        "other (7 days, the default).",
    )
    reason: Annotated[CleanText, Field(max_length=1000)] | None = Field(
        default=None, description="Refusals only, and required for them."
    )
    records: Annotated[list[Annotated[CleanText, Field(max_length=64)]], Field(max_length=100)] = (
        Field(
            default_factory=list,
            description="Records of the sender's authority to release to the recipients.",
        )
    )
    idempotency_key: Annotated[CleanText, Field(max_length=128)] | None = Field(
        default=None, description="Or the Idempotency-Key header: a re-sent message is stored once."
    )

    def draft(self, key: str | None) -> MessageDraft:
        return MessageDraft(
            kind=self.kind.value,
            subject=self.subject,
            body=self.body,
            recipients=tuple(self.recipients),
            handling=tuple(h.value for h in self.handling),
            handling_note=self.handling_note,
            source_reliability=self.source_reliability.value,
            information_accuracy=self.information_accuracy.value,
            refers_to=self.refers_to,
            urgency=self.urgency.value if self.urgency else None,
            reason=self.reason,
            records=tuple(self.records),
            idempotency_key=key,
        )


class DeliveryOut(BaseModel):
    authority: str
    participant: str
    received_at: str
    acknowledged_at: str | None
    answered_at: str | None


class MessageOut(BaseModel):
    id: str
    case_id: str
    kind: MessageKind
    subject: str
    body: str
    sender: ActorOut
    recipients: list[DeliveryOut]
    handling: list[HandlingCode]
    handling_note: str | None
    source_reliability: SourceReliability
    information_accuracy: InformationAccuracy
    refers_to: str | None
    urgency: Urgency | None
    deadline: str | None = Field(description="Requests: when the answer is due (UTC).")
    answered: bool | None = Field(
        description="Requests: answered by your authority (if it received the request) or by "
        "every recipient (if it sent it)."
    )
    overdue: bool = Field(description="A request not answered by its deadline.")
    reason: str | None
    records: list[str]
    legal_basis: str
    sent_at: str
    corrected_by: list[str]
    retracted_by: str | None
    delivery: DeliveryOut | None = Field(
        description="Your authority's receipt of the message (null when it sent it)."
    )
