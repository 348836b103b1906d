"""Errors of the exchange, in the one error family of :mod:`accord.errors`."""

from __future__ import annotations

from accord.errors import AccessDenied, AccordError

__all__ = ["Conflict", "FlowRefused"]


class Conflict(AccordError):
    """The request contradicts what is stored (an idempotency key reused for another message)."""

    status = 409
    code = "conflict"


class FlowRefused(AccessDenied):
    """No agreement in force allows this flow; the message says which recipient and why."""

    code = "flow_refused"
