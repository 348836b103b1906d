"""The one access decision: may this principal do this to a record with this envelope, for this
purpose? Pure: no I/O, no clock (the caller passes ``today``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from accord.model.codes import HandlingCode, Purpose, SubjectCategory
from accord.model.envelope import Envelope
from accord.policy.agreements import Agreement
from accord.policy.principals import Principal, Role

__all__ = ["ACTION_ROLES", "Action", "Decision", "combined_handling", "decide", "screenable"]


class Action(StrEnum):
    READ = "read"  # see a record's details (search, profile, step-2 release)
    SCREEN = "screen"  # learn hit or no-hit with a reference
    EXPORT = "export"  # take records out of Accord in a file
    TRANSFER = "transfer"  # pass a record on to a third party (onward transfer)


#: Which roles may take each action at all; the agreements then decide about each record.
ACTION_ROLES: dict[Action, frozenset[Role]] = {
    Action.READ: frozenset({Role.OFFICER, Role.ANALYST, Role.APPROVER}),
    Action.SCREEN: frozenset({Role.OFFICER, Role.ANALYST}),
    Action.EXPORT: frozenset({Role.ANALYST}),
    Action.TRANSFER: frozenset({Role.ANALYST, Role.APPROVER}),
}


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: str
    agreement: str | None = None

    def __bool__(self) -> bool:
        return self.allowed


def _deny(reason: str) -> Decision:
    return Decision(False, reason)


def decide(
    user: Principal,
    envelope: Envelope,
    action: Action,
    purpose: Purpose | None,
    *,
    schema: str,
    agreements: Iterable[Agreement],
    today: date,
    restricted: bool = False,
    released: bool = False,
) -> Decision:
    """Decide one action on one record.

    ``released`` is true when the originator disclosed this record to the user's authority (an
    approved step-2 request or a message): details cross a border only that way, and only where
    an agreement in force covers the flow.
    """
    if purpose is None:
        return _deny("a purpose is required for every processing of personal data")
    if user.disabled:
        return _deny("the user is disabled")
    if user.system:
        if action in (Action.READ, Action.SCREEN):
            return Decision(True, f"system job {user.username} for {purpose.value}")
        return _deny("system jobs do not export or transfer")
    own_authority = user.authority == envelope.authority
    own_participant = user.participant == envelope.participant
    if purpose is Purpose.SUPERVISION:
        if Role.DPO in user.roles and own_participant and action is Action.READ:
            return Decision(True, "supervision by a data-protection officer of the originator")
        return _deny("supervision reads are for the originator's data-protection officers")
    if not user.roles & ACTION_ROLES[action]:
        return _deny(f"no role of this user may {action.value}")
    if action is Action.SCREEN and not screenable(envelope):
        return _deny("victims never enter the hit/no-hit index unless published as missing")
    if own_authority and action is not Action.TRANSFER:
        return Decision(True, "the originating authority sees its own records")
    if restricted:
        return _deny("processing of this record is restricted to its originator")
    if action is Action.TRANSFER and HandlingCode.H2 in envelope.handling and not released:
        return _deny("H2: not to be passed on without the provider's permission")
    if own_participant and action is not Action.TRANSFER:
        return Decision(True, "an authority of the same participant")
    found = _by_agreement(user, envelope, action, purpose, schema, agreements, today)
    if found and action in (Action.READ, Action.EXPORT) and not released:
        return _deny("details cross a border only when the originator releases them (step 2)")
    return found


def combined_handling(envelopes: Iterable[Envelope]) -> frozenset[HandlingCode]:
    """The restrictions of anything derived from several records: every restriction of every
    input (restrictions are not ranks; their union is the strictest)."""
    found: set[HandlingCode] = set()
    for envelope in envelopes:
        found |= envelope.handling
    return frozenset(found)


def screenable(envelope: Envelope) -> bool:
    """Whether a record may enter the hit/no-hit index at all."""
    if envelope.alert is None:
        return False
    if envelope.subject_category is SubjectCategory.VICTIM:
        return envelope.alert == "missing"
    return True


def _by_agreement(
    user: Principal,
    envelope: Envelope,
    action: Action,
    purpose: Purpose,
    schema: str,
    agreements: Iterable[Agreement],
    today: date,
) -> Decision:
    reason = "no agreement covers this flow"
    for agreement in agreements:
        if envelope.participant not in agreement.providers:
            continue
        if user.participant not in agreement.recipients:
            continue
        if not agreement.active(today):
            reason = f"agreement {agreement.id} is not in force on {today.isoformat()}"
            continue
        if not agreement.covers_schema(schema):
            reason = f"agreement {agreement.id} does not cover {schema} records"
            continue
        if purpose not in agreement.purposes:
            reason = f"agreement {agreement.id} does not allow the purpose {purpose.value}"
            continue
        if not envelope.handling <= agreement.handling:
            reason = f"agreement {agreement.id}: its recipients cannot honour every restriction"
            continue
        if envelope.subject_category not in agreement.subject_categories and not (
            action is Action.SCREEN and envelope.alert == "missing"
        ):
            reason = f"agreement {agreement.id} does not cover {envelope.subject_category.value}s"
            continue
        if action is Action.TRANSFER and not agreement.onward_transfer:
            reason = f"agreement {agreement.id} does not allow onward transfer"
            continue
        return Decision(True, f"agreement {agreement.id}", agreement.id)
    return _deny(reason)
