"""A small, independent statement of who may see what, for the property tests.

It is written from shared/DESIGN.md §2 and the agreements' terms, as a flat list of rules, and
deliberately shares no code with accord.policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ROLES_FOR = {
    "read": {"officer", "analyst", "approver"},
    "screen": {"officer", "analyst"},
    "export": {"analyst"},
    "transfer": {"analyst", "approver"},
}


@dataclass(frozen=True)
class RefUser:
    participant: str
    authority: str
    roles: frozenset[str]
    disabled: bool = False


@dataclass(frozen=True)
class RefRecord:
    participant: str
    authority: str
    schema: str
    handling: frozenset[str]
    subject: str
    alert: str | None
    restricted: bool = False


@dataclass(frozen=True)
class RefAgreement:
    providers: frozenset[str]
    recipients: frozenset[str]
    schemata: frozenset[str]
    purposes: frozenset[str]
    handling: frozenset[str]
    subjects: frozenset[str]
    start: date
    end: date | None
    onward: bool


def may(
    user: RefUser,
    record: RefRecord,
    action: str,
    purpose: str | None,
    agreements: list[RefAgreement],
    today: date,
    released: bool = False,
) -> bool:
    if purpose is None or user.disabled:
        return False
    if purpose == "supervision":
        return "dpo" in user.roles and action == "read" and user.participant == record.participant
    if not user.roles & ROLES_FOR[action]:
        return False
    in_index = record.alert is not None and (
        record.subject != "victim" or record.alert == "missing"
    )
    if action == "screen" and not in_index:
        return False
    if action != "transfer" and user.authority == record.authority:
        return True
    if record.restricted:
        return False
    if action == "transfer" and "H2" in record.handling and not released:
        return False
    if action != "transfer" and user.participant == record.participant:
        return True
    covered = any(
        record.participant in a.providers
        and user.participant in a.recipients
        and a.start <= today
        and (a.end is None or today <= a.end)
        and ("*" in a.schemata or record.schema in a.schemata)
        and purpose in a.purposes
        and record.handling <= a.handling
        and (record.subject in a.subjects or (action == "screen" and record.alert == "missing"))
        and (action != "transfer" or a.onward)
        for a in agreements
    )
    if not covered:
        return False
    return released or action in ("screen", "transfer")
