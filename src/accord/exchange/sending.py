"""The steps of sending a message that need the case and the stored messages: the earlier
message it refers to, its recipients, the records it carries and the agreements that let it
flow. Each step raises an error in plain words; nothing is stored until every step passed."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from accord.errors import InputError
from accord.exchange.drafts import CheckedMessage
from accord.exchange.errors import FlowRefused
from accord.exchange.flows import message_basis, release_decision
from accord.exchange.kinds import NOTICES, MessageKind, deadline_after
from accord.model.codes import HandlingCode, Purpose, format_handling
from accord.policy import Agreement, Principal
from accord.store.audit import AuditEntry
from accord.store.cases import Delivery, StoredCase, StoredMessage
from accord.store.records import StoredRecord

__all__ = [
    "Carried",
    "carried_by",
    "check_reference",
    "compose",
    "flow_bases",
    "iso",
    "resolve_recipients",
    "sent_entry",
]

_ANSWERING = (MessageKind.REPLY, MessageKind.REFUSAL, MessageKind.ACKNOWLEDGEMENT)
_AMENDING = (MessageKind.CORRECTION, MessageKind.RETRACTION)


def check_reference(
    user: Principal, message: CheckedMessage, case: StoredCase, ref: StoredMessage | None
) -> None:
    """The earlier message must be of this case and known to the sender's authority, and fit
    the kind: one answers what one received and amends what one sent."""
    if message.refers_to is None:
        return
    if ref is None or ref.case_id != case.id or not ref.visible_to(user.authority):
        raise InputError(
            f"refers_to {message.refers_to!r} is not a message of this case that your "
            "authority sent or received.",
            hint="Refer to a message listed by GET /api/v1/cases/{id}/messages.",
        )
    kind = message.kind
    if kind in _ANSWERING and ref.delivery(user.authority) is None:
        raise InputError(
            f"A {kind.value} answers a message your authority received; {ref.id} was not "
            "sent to it."
        )
    if kind is MessageKind.REFUSAL and ref.kind != MessageKind.REQUEST:
        raise InputError(f"A refusal refuses a request; {ref.id} is a {ref.kind}.")
    if kind in _AMENDING:
        if ref.sender_authority != user.authority:
            raise InputError(
                "Only the authority that sent a message corrects or retracts it.",
                hint=f"Ask {ref.sender_authority} to correct or retract {ref.id}.",
            )
        if ref.kind in (MessageKind.ACKNOWLEDGEMENT, MessageKind.RETRACTION):
            raise InputError(f"A {ref.kind} cannot be corrected or retracted.")


def resolve_recipients(
    user: Principal, message: CheckedMessage, case: StoredCase, ref: StoredMessage | None
) -> dict[str, str]:
    """The recipient authorities (with their participants). An answer goes back to the sender
    by default; a correction or retraction reaches every recipient of the original."""
    if user.authority in message.recipients:
        raise InputError(
            "Your own authority cannot be a recipient.", hint="List the other parties only."
        )
    wanted = list(message.recipients)
    if ref is not None and message.kind in _ANSWERING and not wanted:
        wanted = [ref.sender_authority]
    if ref is not None and message.kind in _AMENDING:
        wanted += [d.authority for d in ref.recipients]
    parties = {p.authority: p.participant for p in case.parties}
    found: dict[str, str] = {}
    for authority in dict.fromkeys(wanted):
        if authority == user.authority:
            continue
        if authority not in parties:
            raise InputError(
                f"{authority} is not a party to case {case.id}.",
                hint="Send only to the case's parties: " + ", ".join(sorted(parties)) + ".",
            )
        found[authority] = parties[authority]
    if not found:
        raise InputError(
            "The message has no recipient.",
            hint="List in 'recipients' one or more authorities party to the case.",
        )
    return found


@dataclass(frozen=True)
class Carried:
    """The restrictions a message carries: its own and those of every record attached."""

    handling: frozenset[HandlingCode]
    handling_note: str | None


def carried_by(
    user: Principal, message: CheckedMessage, records: Sequence[StoredRecord]
) -> Carried:
    """Attach only records the sender's authority originated; their restrictions join the
    message's (handling codes travel with the data)."""
    own = {r.id: r for r in records if r.envelope.authority == user.authority}
    for record_id in message.records:
        if record_id not in own:
            raise InputError(
                f"Record {record_id!r} cannot be attached: only the authority that provided a "
                "record releases it.",
                hint="Attach records your authority provided; ask the originator for others.",
            )
    handling = set(message.handling)
    notes = [message.handling_note] if message.handling_note else []
    for record in own.values():
        handling |= record.envelope.handling
        note = record.envelope.handling_note
        if note and note not in notes:
            notes.append(note)
    return Carried(frozenset(handling), "; ".join(notes) or None)


def flow_bases(
    user: Principal,
    message: CheckedMessage,
    case: StoredCase,
    recipients: dict[str, str],
    carried: Carried,
    records: Sequence[StoredRecord],
    agreements: Sequence[Agreement],
    today: date,
) -> dict[str, str]:
    """For each recipient, the agreement that lets the message (and each record) reach it."""
    if message.kind in NOTICES:
        return {authority: case.legal_basis for authority in recipients}
    purpose = Purpose(case.purpose)
    bases: dict[str, str] = {}
    for authority, participant in recipients.items():
        decision = message_basis(
            user.participant,
            participant,
            purpose,
            carried.handling,
            agreements,
            today,
            preferred=case.legal_basis,
        )
        if not decision:
            raise FlowRefused(
                f"The message cannot go to {authority} ({participant}): {decision.reason}.",
                hint="No agreement, no flow: send it only to parties an agreement in force "
                "covers, for the case's purpose and the restrictions the message carries.",
            )
        bases[authority] = decision.agreement or ""
        for record in records:
            released = release_decision(
                record.envelope, record.schema, authority, participant, purpose, agreements, today
            )
            if not released:
                raise FlowRefused(
                    f"Record {record.id} cannot be released to {authority} ({participant}): "
                    f"{released.reason}.",
                    hint="Send the message without that record, or only to parties that may "
                    "receive it.",
                )
    return bases


def iso(at: datetime) -> str:
    """The stored form of a moment: ISO 8601 in UTC with microseconds (sorts as text)."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def compose(
    user: Principal,
    case: StoredCase,
    message: CheckedMessage,
    recipients: dict[str, str],
    records: Sequence[StoredRecord],
    carried: Carried,
    bases: dict[str, str],
    now: datetime,
    key: str | None,
    fingerprint: str,
) -> StoredMessage:
    """The message as it is stored, delivered to every recipient at ``now``."""
    at = iso(now)
    deadline = iso(deadline_after(now, message.urgency)) if message.urgency else None
    return StoredMessage(
        id="msg-" + secrets.token_hex(10),
        case_id=case.id,
        kind=message.kind.value,
        subject=message.subject,
        body=message.body,
        sender_participant=user.participant,
        sender_authority=user.authority,
        sender_user=user.username,
        handling=format_handling(carried.handling),
        handling_note=carried.handling_note,
        source_reliability=message.source_reliability.value,
        information_accuracy=message.information_accuracy.value,
        refers_to=message.refers_to,
        urgency=message.urgency.value if message.urgency else None,
        deadline=deadline,
        reason=message.reason,
        records=tuple(r.id for r in records),
        legal_basis=",".join(sorted(set(bases.values()))),
        sent_at=at,
        idempotency_key=key,
        fingerprint=fingerprint,
        recipients=tuple(
            Delivery(authority, participant, at)
            for authority, participant in sorted(recipients.items())
        ),
    )


def sent_entry(user: Principal, case: StoredCase, message: StoredMessage) -> AuditEntry:
    """A message is a disclosure to its recipients (an acknowledgement only records receipt)."""
    action = "disclosure" if message.kind != MessageKind.ACKNOWLEDGEMENT else "acknowledgement"
    return AuditEntry(
        user.username,
        user.authority,
        action,
        case.purpose,
        [case.id, message.id, *message.records],
        legal_basis=message.legal_basis[:64],
        detail={
            "kind": message.kind,
            "recipients": [
                {"authority": d.authority, "participant": d.participant} for d in message.recipients
            ],
            "legal_basis": message.legal_basis,
            "handling": message.handling,
            "handling_note": message.handling_note,
            "source_reliability": message.source_reliability,
            "information_accuracy": message.information_accuracy,
            "refers_to": message.refers_to,
            "records": list(message.records),
        },
    )
