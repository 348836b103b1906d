"""The vocabulary of the exchange: message kinds, urgencies and their reply deadlines, inbox
filters and the roles that may take part (shared/DESIGN.md §2; Directive (EU) 2023/977 Art. 5)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from accord.policy import Role

__all__ = [
    "ANSWERS",
    "NOTICES",
    "READ_ROLES",
    "SEND_ROLES",
    "InboxStatus",
    "MessageKind",
    "Urgency",
    "deadline_after",
]


class MessageKind(StrEnum):
    REQUEST = "request"
    REPLY = "reply"
    ACKNOWLEDGEMENT = "acknowledgement"
    INFORMATION = "information"
    REFUSAL = "refusal"
    CORRECTION = "correction"
    RETRACTION = "retraction"


#: Kinds that answer a request: the recipient's reply clock stops when it sends one.
ANSWERS = frozenset({MessageKind.REPLY, MessageKind.REFUSAL})
#: Kinds that carry no new information, only a notice about an earlier message. They reach
#: their recipients even after the agreement that carried the original has ended: a retraction
#: of wrong data must never be blocked (LED Art. 7(3)).
NOTICES = frozenset({MessageKind.ACKNOWLEDGEMENT, MessageKind.RETRACTION})


class Urgency(StrEnum):
    """How fast a request must be answered, counted from its receipt."""

    URGENT_DIRECT = "urgent-direct"  # urgent, information directly accessible: 8 hours
    URGENT_INDIRECT = "urgent-indirect"  # urgent, indirectly accessible: 3 days
    OTHER = "other"  # every other request: 7 days


_DEADLINES = {
    Urgency.URGENT_DIRECT: timedelta(hours=8),
    Urgency.URGENT_INDIRECT: timedelta(days=3),
    Urgency.OTHER: timedelta(days=7),
}


def deadline_after(received: datetime, urgency: Urgency) -> datetime:
    """When a request of this urgency received at ``received`` must be answered."""
    return received + _DEADLINES[urgency]


class InboxStatus(StrEnum):
    ALL = "all"
    UNACKNOWLEDGED = "unacknowledged"
    OPEN = "open"  # requests not yet answered
    OVERDUE = "overdue"  # requests not answered by their deadline


#: Who sends messages and opens cases: the operational roles.
SEND_ROLES = frozenset({Role.OFFICER, Role.ANALYST, Role.APPROVER})
#: Who reads the cases of their authority: the operational roles and, for supervision, the
#: data-protection officer.
READ_ROLES = SEND_ROLES | {Role.DPO}
