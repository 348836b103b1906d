"""Token authentication and role checks. Every refusal is written to the audit log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accord.api.errors import RateLimited, Unauthenticated
from accord.api.state import ApiState, api_state
from accord.errors import AccessDenied
from accord.policy import Principal, Role
from accord.store.audit import AuditEntry

__all__ = ["CurrentUser", "current_user", "log_refusal", "require"]

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token: `Authorization: Bearer acc_...` (`accord tokens issue USER`).",
)


def log_refusal(
    state: ApiState,
    request: Request,
    user: Principal | None,
    reason: str,
    purpose: str = "-",
) -> None:
    """Write a refusal to the audit log: who (if known), what was asked, and why not."""
    client = request.client.host if request.client else ""
    state.services.store.log(
        AuditEntry(
            user.username if user else "anonymous",
            user.authority if user else "",
            "refusal",
            purpose[:32],
            detail={
                "reason": reason,
                "method": request.method,
                "path": request.url.path[:300],
                "client": client,
            },
        )
    )


def _limit(state: ApiState, request: Request, key: str, user: Principal | None) -> None:
    wait = state.limiter.take(key)
    if wait is None:
        return
    if state.limiter.first_refusal(key):
        log_refusal(state, request, user, "rate limit reached")
    raise RateLimited(wait)


def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The user the bearer token belongs to; 401 for every kind of bad or missing token."""
    state = api_state(request)
    if credentials is None or not credentials.credentials:
        address = request.client.host if request.client else "unknown"
        _limit(state, request, f"client:{address}", None)
        log_refusal(state, request, None, "no bearer token")
        raise Unauthenticated(
            "Authentication is required.",
            hint="Send the header 'Authorization: Bearer acc_...' with an API token.",
        )
    try:
        user = state.tokens.authenticate(credentials.credentials)
    except AccessDenied as exc:
        address = request.client.host if request.client else "unknown"
        _limit(state, request, f"client:{address}", None)
        log_refusal(state, request, None, f"token refused: {exc.message}")
        raise Unauthenticated(exc.message, hint=exc.hint) from None
    _limit(state, request, f"user:{user.username}", user)
    return user


CurrentUser = Annotated[Principal, Depends(current_user)]


def require(*roles: Role) -> Callable[..., Principal]:
    """A dependency: the current user, if they hold one of ``roles``; else 403 (logged)."""
    wanted = frozenset(roles)

    def check(request: Request, user: CurrentUser) -> Principal:
        if not user.roles & wanted:
            log_refusal(api_state(request), request, user, "role")
            names = ", ".join(sorted(r.value for r in wanted))
            raise AccessDenied(
                "Your roles do not allow this.", hint=f"This needs one of these roles: {names}."
            )
        return user

    return check
