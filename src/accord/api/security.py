"""Token authentication and role checks. Every refusal is written to the audit log.

:func:`require` gives a dependency for synchronous endpoints (run in the thread pool);
:func:`require_async` the same checks in one step for an endpoint served on the event loop: a
token verified in the last second costs no store read there, and the store is asked in a
thread otherwise; refusals are written through the audit group commit and awaited."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param

from accord.api.errors import RateLimited, Unauthenticated
from accord.api.state import ApiState, api_state
from accord.errors import AccessDenied
from accord.policy import Principal, Role
from accord.store.audit import AuditEntry
from accord.store.audit_writer import group_commit

__all__ = [
    "TOKEN_SECURITY",
    "CurrentUser",
    "current_user",
    "log_refusal",
    "require",
    "require_async",
]

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token: `Authorization: Bearer acc_...` (`accord tokens issue USER`).",
)
#: ``openapi_extra`` of a route that checks the token itself (:func:`require_async`).
TOKEN_SECURITY: dict[str, Any] = {"security": [{_bearer.scheme_name: []}]}
_AUTH_HINT = "Send the header 'Authorization: Bearer acc_...' with an API token."


def log_refusal(
    state: ApiState,
    request: Request,
    user: Principal | None,
    reason: str,
    purpose: str = "-",
) -> None:
    """Write a refusal to the audit log: who (if known), what was asked, and why not."""
    state.services.store.log(_refusal(request, user, reason, purpose))


def _refusal(request: Request, user: Principal | None, reason: str, purpose: str) -> AuditEntry:
    return AuditEntry(
        user.username if user else "anonymous",
        user.authority if user else "",
        "refusal",
        purpose[:32],
        detail={
            "reason": reason,
            "method": request.method,
            "path": request.url.path[:300],
            "client": request.client.host if request.client else "",
        },
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
            hint=_AUTH_HINT,
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


def require_async(*roles: Role) -> Callable[[Request], Awaitable[Principal]]:
    """:func:`require` for an endpoint served on the event loop, as one dependency: the
    token, the user's rate limit and the roles, with the same answers and the same refusals
    logged. Give the route ``openapi_extra=TOKEN_SECURITY`` to document the token."""
    wanted = frozenset(roles)
    names = ", ".join(sorted(r.value for r in wanted))

    async def refuse(request: Request, user: Principal | None, reason: str) -> None:
        store = api_state(request).services.store
        await group_commit(store).write_async([_refusal(request, user, reason, "-")])

    async def limit(request: Request, key: str, user: Principal | None) -> None:
        limiter = api_state(request).limiter
        wait = limiter.take(key)
        if wait is None:
            return
        if limiter.first_refusal(key):
            await refuse(request, user, "rate limit reached")
        raise RateLimited(wait)

    async def principal(request: Request) -> Principal:
        state = api_state(request)
        scheme, token = get_authorization_scheme_param(request.headers.get("Authorization"))
        address = request.client.host if request.client else "unknown"
        if scheme.lower() != "bearer" or not token:
            await limit(request, f"client:{address}", None)
            await refuse(request, None, "no bearer token")
            raise Unauthenticated("Authentication is required.", hint=_AUTH_HINT)
        user = state.tokens.cached(token)
        if user is None:
            try:
                user = await asyncio.to_thread(state.tokens.authenticate, token)
            except AccessDenied as exc:
                await limit(request, f"client:{address}", None)
                await refuse(request, None, f"token refused: {exc.message}")
                raise Unauthenticated(exc.message, hint=exc.hint) from None
        await limit(request, f"user:{user.username}", user)
        if not user.roles & wanted:
            await refuse(request, user, "role")
            raise AccessDenied(
                "Your roles do not allow this.", hint=f"This needs one of these roles: {names}."
            )
        return user

    return principal
