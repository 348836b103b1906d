"""Checks of query and path parameters that every endpoint shares."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from accord.api.security import log_refusal
from accord.api.state import api_state
from accord.errors import InputError
from accord.model.codes import Purpose
from accord.policy import Principal
from accord.store.gate import parse_purpose

__all__ = ["clean_parameters", "require_purpose"]

_PURPOSES = ", ".join(p.value for p in Purpose)


async def clean_parameters(request: Request) -> None:
    """Refuse control characters in query and path parameters (no store holds a NUL).
    A coroutine: it reads nothing, so it runs on the event loop rather than in a thread."""
    values = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in values:
        if isinstance(value, str) and any(ord(ch) < 32 for ch in value):
            raise InputError(
                f"The parameter {name[:64]!r} holds control characters.", hint="Remove them."
            )


def require_purpose(
    request: Request, user: Principal, purpose: str | None, terms: dict[str, Any]
) -> Purpose:
    """The declared purpose of a read of personal data; missing or unknown is refused (400)
    and logged."""
    wanted = parse_purpose(purpose) if purpose else None
    if wanted is None:
        reason = "no purpose given" if not purpose else "unknown purpose"
        log_refusal(api_state(request), request, user, f"{reason}; query {terms}", "-")
        if not purpose:
            message = "A purpose is required for every read of personal data."
        else:
            message = f"Unknown purpose {purpose[:64]!r}."
        raise InputError(message, hint=f"Give ?purpose= one of: {_PURPOSES}.")
    return wanted
