"""Cases and messages between authorities, SIENA-like: handling and evaluation codes, reply
deadlines, acknowledgements, corrections and retractions, every flow under an agreement."""

from accord.exchange.desk import Clock, Exchange, utc_now
from accord.exchange.drafts import CaseDraft, MessageDraft
from accord.exchange.errors import Conflict, FlowRefused
from accord.exchange.kinds import InboxStatus, MessageKind, Urgency, deadline_after
from accord.exchange.views import CaseView, DeliveryView, MessageView

__all__ = [
    "CaseDraft",
    "CaseView",
    "Clock",
    "Conflict",
    "DeliveryView",
    "Exchange",
    "FlowRefused",
    "InboxStatus",
    "MessageDraft",
    "MessageKind",
    "MessageView",
    "Urgency",
    "deadline_after",
    "utc_now",
]
