"""Which agreement lets a case be opened, a message flow, or a record be released to a
recipient authority. Pure: the caller passes the agreements and the day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from accord.model.codes import HandlingCode, Purpose, format_handling
from accord.model.envelope import Envelope
from accord.policy import Action, Agreement, Decision, Principal, Role, decide

__all__ = ["DOMESTIC", "case_basis", "message_basis", "release_decision"]

#: The legal basis noted for a flow between two authorities of the same participant.
DOMESTIC = "domestic"


def _ordered(agreements: Sequence[Agreement], preferred: str | None) -> list[Agreement]:
    return sorted(agreements, key=lambda a: (a.id != preferred, a.id))


def message_basis(
    sender: str,
    recipient: str,
    purpose: Purpose,
    handling: frozenset[HandlingCode],
    agreements: Sequence[Agreement],
    today: date,
    preferred: str | None = None,
) -> Decision:
    """Whether a message may flow from participant ``sender`` to participant ``recipient``:
    an agreement in force that lets the one provide to the other, for the purpose, whose
    recipients can honour every handling restriction. ``preferred`` (the case's legal basis)
    is tried first."""
    if sender == recipient:
        return Decision(True, "an exchange between authorities of one participant", DOMESTIC)
    # Of the agreements that fail, report the one that came closest (then the preferred one):
    # the reason that tells the user what to change.
    best, reason = 0, f"no agreement lets {sender} provide information to {recipient}"
    for agreement in _ordered(agreements, preferred):
        if sender not in agreement.providers or recipient not in agreement.recipients:
            continue
        if not agreement.active(today):
            stage, why = 1, f"agreement {agreement.id} is not in force on {today.isoformat()}"
        elif purpose not in agreement.purposes:
            stage, why = 2, f"agreement {agreement.id} does not allow the purpose {purpose.value}"
        elif missing := handling - agreement.handling:
            stage, why = (
                3,
                (
                    f"under agreement {agreement.id} the recipients cannot honour the handling "
                    f"code(s) {format_handling(missing)}"
                ),
            )
        else:
            return Decision(True, f"agreement {agreement.id}", agreement.id)
        if stage > best:
            best, reason = stage, why
    return Decision(False, reason)


def case_basis(
    agreement: Agreement | None,
    agreement_id: str,
    opener: str,
    parties: Sequence[str],
    purpose: Purpose,
    today: date,
) -> Decision:
    """Whether ``agreement`` can be the legal basis of a case that participant ``opener``
    opens with authorities of ``parties`` for ``purpose``."""
    if agreement is None:
        return Decision(False, f"there is no agreement {agreement_id!r}")
    if not agreement.active(today):
        return Decision(False, f"agreement {agreement.id} is not in force on {today.isoformat()}")
    if purpose not in agreement.purposes:
        return Decision(False, f"agreement {agreement.id} does not allow the purpose {purpose}")
    for party in parties:
        if party == opener:
            continue
        outward = opener in agreement.providers and party in agreement.recipients
        inward = party in agreement.providers and opener in agreement.recipients
        if not (outward or inward):
            return Decision(
                False, f"agreement {agreement.id} does not cover exchanges between {opener} "
                f"and {party}",
            )  # fmt: skip
    return Decision(True, f"agreement {agreement.id}", agreement.id)


def release_decision(
    envelope: Envelope,
    schema: str,
    authority: str,
    participant: str,
    purpose: Purpose,
    agreements: Sequence[Agreement],
    today: date,
) -> Decision:
    """Whether a recipient authority may see a record once its originator releases it: the
    same decision the read gate takes when that authority's analysts later open it."""
    recipient = Principal(
        username=f"authority:{authority}",
        participant=participant,
        authority=authority,
        roles=frozenset({Role.ANALYST}),
    )
    return decide(
        recipient,
        envelope,
        Action.READ,
        purpose,
        schema=schema,
        agreements=agreements,
        today=today,
        released=True,
    )
