"""Cases and messages between authorities: the use cases every interface calls.

The rules live in the exchange engine (:mod:`accord.exchange`); this module binds it to the
process's store and clock and speaks in plain values.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.errors import InputError
from accord.exchange import (
    CaseDraft,
    CaseView,
    Clock,
    Exchange,
    InboxStatus,
    MessageDraft,
    MessageView,
)
from accord.policy import Principal
from accord.services.context import Services

__all__ = ["CaseDesk"]


class CaseDesk:
    """Open cases, send and read messages, acknowledge receipt, read the inbox."""

    def __init__(self, services: Services, clock: Clock | None = None) -> None:
        self.exchange = Exchange(services.store, clock)

    def open_case(
        self,
        user: Principal,
        *,
        title: str,
        purpose: str,
        legal_basis: str,
        authorities: Sequence[str],
    ) -> CaseView:
        draft = CaseDraft(title, purpose, legal_basis, tuple(authorities))
        return self.exchange.open_case(user, draft)

    def list_cases(self, user: Principal, limit: int, offset: int) -> list[CaseView]:
        return self.exchange.cases(user, limit, offset)

    def get_case(self, user: Principal, case_id: str) -> CaseView:
        return self.exchange.case(user, case_id)

    def send_message(
        self, user: Principal, case_id: str, draft: MessageDraft
    ) -> tuple[MessageView, bool]:
        """The message as stored, and whether it is new (False for an idempotent repeat)."""
        return self.exchange.send(user, case_id, draft)

    def list_messages(
        self, user: Principal, case_id: str, limit: int, offset: int
    ) -> list[MessageView]:
        return self.exchange.messages(user, case_id, limit, offset)

    def get_message(self, user: Principal, message_id: str) -> MessageView:
        return self.exchange.message(user, message_id)

    def acknowledge(self, user: Principal, message_id: str) -> tuple[MessageView, bool]:
        """The acknowledgement message, and whether it is new."""
        return self.exchange.acknowledge(user, message_id)

    def inbox(self, user: Principal, status: str, limit: int, offset: int) -> list[MessageView]:
        try:
            wanted = InboxStatus(status)
        except ValueError:
            known = ", ".join(s.value for s in InboxStatus)
            raise InputError(f"Unknown inbox status {status!r}.", hint=f"Use {known}.") from None
        return self.exchange.inbox(user, wanted, limit, offset)
