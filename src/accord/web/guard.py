"""Who is asking: the session behind a request, the roles a page needs, and CSRF checks of
every form. Every refusal is written to the audit log."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from starlette.datastructures import FormData

from accord.errors import AccessDenied, AccordError
from accord.policy import Principal, Role
from accord.store.audit import AuditEntry
from accord.web.cookies import PRE_COOKIE, SESSION_COOKIE, clear_cookie, set_cookie
from accord.web.i18n import N_
from accord.web.sessions import Session
from accord.web.state import web_state

__all__ = [
    "CsrfRefused",
    "LoginRequired",
    "Viewer",
    "ViewerDep",
    "checked_form",
    "current_session",
    "forbid",
    "log_refusal",
    "pre_binding",
    "remember",
    "require_roles",
    "text",
    "texts",
    "viewer",
]

_MAX_FORM_FIELDS = 200


class LoginRequired(AccordError):
    """No valid session: the page answers with a redirect to the log-in form."""

    status = 303
    code = "login_required"

    def __init__(self, message: str, *, ended: bool = False) -> None:
        super().__init__(message)
        self.ended = ended


class CsrfRefused(AccordError):
    status = 403
    code = "csrf"


@dataclass(frozen=True)
class Viewer:
    """The signed-in user of a request."""

    user: Principal
    session: Session
    display_name: str
    csrf: str

    def has(self, *roles: Role) -> bool:
        return bool(self.user.roles & set(roles))


def log_refusal(request: Request, user: Principal | None, reason: str, purpose: str = "-") -> None:
    web_state(request).services.store.log(
        AuditEntry(
            user.username if user else "anonymous",
            user.authority if user else "",
            "refusal",
            purpose[:32],
            detail={
                "reason": reason,
                "method": request.method,
                "path": request.url.path[:300],
                "interface": "web",
            },
        )
    )


def current_session(request: Request) -> Session | None:
    """The request's session at any stage, if its token is genuine and alive."""
    state = web_state(request)
    return state.codec.decode(request.cookies.get(SESSION_COOKIE), state.unix())


def viewer(request: Request) -> Viewer:
    """The fully signed-in user; otherwise :class:`LoginRequired`. Renews the idle timer."""
    state = web_state(request)
    session = current_session(request)
    if session is None or not session.full:
        had_cookie = bool(request.cookies.get(SESSION_COOKIE))
        if had_cookie:
            clear_cookie(request, SESSION_COOKIE)
        raise LoginRequired(N_("Please log in."), ended=had_cookie)
    row = state.services.accounts.row(session.username)
    fingerprint = state.codec.credentials(row["password_hash"], row["totp_secret"]) if row else ""
    user = state.services.accounts.get(session.username) if row else None
    if user is None or user.disabled or fingerprint != session.credentials:
        clear_cookie(request, SESSION_COOKIE)
        raise LoginRequired(N_("Your session has ended. Please log in again."), ended=True)
    renewed = session.touched(state.unix())
    set_cookie(request, SESSION_COOKIE, state.codec.encode(renewed))
    request.state.session = renewed
    display = str(row["display_name"]) if row else user.username
    return Viewer(user, renewed, display, state.codec.csrf_token("sid:" + session.sid))


ViewerDep = Annotated[Viewer, Depends(viewer)]


def remember(request: Request, purpose: str, justification: str) -> None:
    """Keep the purpose and justification the user gave, to offer them in the next form."""
    state = web_state(request)
    session: Session | None = getattr(request.state, "session", None)
    if session is None:
        return
    # Kept short: the session cookie must stay well under the 4 KB a browser keeps.
    updated = replace(session, purpose=purpose[:64], justification=justification[:300])
    request.state.session = updated
    set_cookie(request, SESSION_COOKIE, state.codec.encode(updated))


def forbid(request: Request, user: Principal, reason: str, message: str) -> AccessDenied:
    log_refusal(request, user, reason)
    return AccessDenied(message)


def require_roles(request: Request, who: Viewer, roles: Iterable[Role], message: str) -> None:
    wanted = frozenset(roles)
    if not who.user.roles & wanted or who.user.disabled:
        raise forbid(request, who.user, "role", message)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def checked_form(request: Request, binding: str, user: Principal | None = None) -> FormData:
    """The posted form, if it carries the CSRF token of ``binding`` and comes from this site."""
    form = await request.form(max_fields=_MAX_FORM_FIELDS, max_files=0)
    token = form.get("csrf_token")
    state = web_state(request)
    if not _same_origin(request) or not state.codec.csrf_ok(
        binding, token if isinstance(token, str) else None
    ):
        log_refusal(request, user, "CSRF token missing or wrong")
        raise CsrfRefused(
            N_("This form has expired or did not come from Accord. Reload the page and try again.")
        )
    return form


def pre_binding(request: Request) -> str:
    """The CSRF binding before log-in: the nonce of the pre-log-in cookie (set if missing)."""
    nonce = request.cookies.get(PRE_COOKIE, "")
    if len(nonce) < 20 or not nonce.isalnum():
        nonce = secrets.token_hex(16)
        set_cookie(request, PRE_COOKIE, nonce)
        request.state.pre_nonce = nonce
    return "pre:" + getattr(request.state, "pre_nonce", nonce)


def text(form: FormData, name: str, limit: int = 500) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def texts(form: FormData, name: str, limit: int = 100) -> list[str]:
    return [v.strip()[:limit] for v in form.getlist(name) if isinstance(v, str) and v.strip()]
