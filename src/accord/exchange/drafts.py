"""What a user asks for: a case to open or a message to send, checked field by field before
anything is looked up. Every failure names the field, quotes the value and says what to do."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import TypeVar

from accord.errors import InputError
from accord.exchange.kinds import MessageKind, Urgency
from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Purpose,
    SourceReliability,
    parse_handling,
)

__all__ = [
    "CaseDraft",
    "CheckedCase",
    "CheckedMessage",
    "MessageDraft",
    "check_case",
    "check_message",
    "check_text",
]

MAX_TITLE = 200
MAX_BODY = 100_000
MAX_NOTE = 1_000
MAX_PARTIES = 30
MAX_RECORDS = 100
MAX_KEY = 128


def check_text(value: str | None, name: str, limit: int, *, required: bool = False) -> str:
    """Text a person typed: no control characters, valid Unicode, not longer than ``limit``."""
    text = (value or "").strip()
    if required and not text:
        raise InputError(f"The field {name!r} is empty.", hint=f"Give the {name}.")
    if len(text) > limit:
        raise InputError(
            f"The field {name!r} is {len(text)} characters long; at most {limit} are allowed.",
            hint="Shorten it.",
        )
    if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in text):
        raise InputError(f"The field {name!r} holds control characters.", hint="Remove them.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"The field {name!r} is not valid Unicode text.") from exc
    return text


_E = TypeVar("_E", Purpose, MessageKind, Urgency, SourceReliability, InformationAccuracy)


def _choice(enum: type[_E], value: str, name: str) -> _E:
    try:
        return enum(value.strip().lower() if enum is not SourceReliability else value.upper())
    except ValueError:
        known = ", ".join(item.value for item in enum)
        raise InputError(f"{name} {value!r} is not known.", hint=f"Use one of: {known}.") from None


def _ids(values: tuple[str, ...], name: str, limit: int) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(check_text(v, name, 64, required=True) for v in values))
    if len(cleaned) > limit:
        raise InputError(f"At most {limit} {name} are allowed, not {len(cleaned)}.")
    return cleaned


@dataclass(frozen=True)
class CaseDraft:
    title: str
    purpose: str
    legal_basis: str
    authorities: tuple[str, ...]


@dataclass(frozen=True)
class CheckedCase:
    title: str
    purpose: Purpose
    legal_basis: str
    authorities: tuple[str, ...]


def check_case(draft: CaseDraft) -> CheckedCase:
    purpose = _choice(Purpose, draft.purpose, "Purpose")
    if purpose is Purpose.SUPERVISION:
        raise InputError(
            "Cases are opened for an operational purpose, not for supervision.",
            hint="Choose the purpose the exchange serves, e.g. serious-crime.",
        )
    return CheckedCase(
        title=check_text(draft.title, "title", MAX_TITLE, required=True),
        purpose=purpose,
        legal_basis=check_text(draft.legal_basis, "legal_basis", 64, required=True),
        authorities=tuple(a.upper() for a in _ids(draft.authorities, "authorities", MAX_PARTIES)),
    )


@dataclass(frozen=True)
class MessageDraft:
    kind: str
    subject: str
    handling: tuple[str, ...]
    source_reliability: str
    information_accuracy: str
    body: str = ""
    recipients: tuple[str, ...] = ()
    handling_note: str | None = None
    refers_to: str | None = None
    urgency: str | None = None
    reason: str | None = None
    records: tuple[str, ...] = ()
    idempotency_key: str | None = None

    def fingerprint(self, case_id: str) -> str:
        """What makes two sends the same message (the idempotency key itself aside)."""
        content = asdict(self) | {"case_id": case_id, "idempotency_key": None}
        for name in ("recipients", "handling", "records"):
            content[name] = sorted(content[name])
        text = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CheckedMessage:
    kind: MessageKind
    subject: str
    body: str
    handling: frozenset[HandlingCode]
    handling_note: str | None
    source_reliability: SourceReliability
    information_accuracy: InformationAccuracy
    recipients: tuple[str, ...]
    refers_to: str | None
    urgency: Urgency | None
    reason: str | None
    records: tuple[str, ...] = field(default=())


_NEEDS_REFERENCE = {
    MessageKind.REPLY,
    MessageKind.REFUSAL,
    MessageKind.ACKNOWLEDGEMENT,
    MessageKind.CORRECTION,
    MessageKind.RETRACTION,
}


def check_message(draft: MessageDraft) -> CheckedMessage:
    """The draft's fields, each checked on its own; the case is consulted later."""
    kind = _choice(MessageKind, draft.kind, "Message kind")
    handling = parse_handling(list(draft.handling))
    note = check_text(draft.handling_note, "handling_note", MAX_NOTE) or None
    if HandlingCode.H3 in handling and not note:
        raise InputError(
            "Handling code H3 needs its restriction stated in words.",
            hint="Set handling_note to the restriction the recipients must honour.",
        )
    refers_to = check_text(draft.refers_to, "refers_to", 64) or None
    if kind in _NEEDS_REFERENCE and refers_to is None:
        raise InputError(
            f"A {kind.value} must refer to an earlier message of the case.",
            hint="Set refers_to to that message's id.",
        )
    reason = check_text(draft.reason, "reason", MAX_NOTE) or None
    if kind is MessageKind.REFUSAL and reason is None:
        raise InputError(
            "A refusal needs its reason.", hint="Say in 'reason' why the request is refused."
        )
    if kind is not MessageKind.REFUSAL and reason is not None:
        raise InputError("Only a refusal carries a reason.", hint="Put the text in 'body'.")
    urgency: Urgency | None = None
    if kind is MessageKind.REQUEST:
        urgency = _choice(Urgency, draft.urgency or Urgency.OTHER.value, "Urgency")
    elif draft.urgency:
        raise InputError(
            "Only a request carries an urgency.", hint="Leave 'urgency' out of a " + kind.value
        )
    records = _ids(draft.records, "records", MAX_RECORDS)
    if records and kind in (MessageKind.ACKNOWLEDGEMENT, MessageKind.RETRACTION):
        raise InputError(f"A {kind.value} carries no records.", hint="Leave 'records' empty.")
    return CheckedMessage(
        kind=kind,
        subject=check_text(draft.subject, "subject", MAX_TITLE, required=True),
        body=check_text(draft.body, "body", MAX_BODY),
        handling=handling,
        handling_note=note,
        source_reliability=_choice(
            SourceReliability, draft.source_reliability, "Source reliability"
        ),
        information_accuracy=_choice(
            InformationAccuracy, draft.information_accuracy, "Information accuracy"
        ),
        recipients=tuple(r.upper() for r in _ids(draft.recipients, "recipients", MAX_PARTIES)),
        refers_to=refers_to,
        urgency=urgency,
        reason=reason,
        records=records,
    )
