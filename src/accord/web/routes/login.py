"""Log-in with user name and password, then a one-time code (TOTP); enrolment of the second
factor on first log-in; log-out. Every step is CSRF-protected and audited."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from accord.errors import AccessDenied
from accord.policy import Principal
from accord.services.auth import login as check_password
from accord.store.audit import AuditEntry
from accord.web.cookies import SESSION_COOKIE, clear_cookie, set_cookie
from accord.web.guard import (
    LoginRequired,
    ViewerDep,
    checked_form,
    current_session,
    pre_binding,
    text,
)
from accord.web.i18n import N_, catalogue
from accord.web.render import page
from accord.web.second_factor import enrol, stored_secret
from accord.web.sessions import Session, Stage
from accord.web.state import WebState, web_state
from accord.web.totp import new_secret, otpauth_uri

__all__ = ["router", "safe_next"]

router = APIRouter()

_WRONG_PASSWORD = N_("Wrong user name or password, or the account is locked.")
_WRONG_CODE = N_("Wrong or already used code, or the account is locked.")
NextParam = Annotated[str, Query(max_length=300)]


def safe_next(target: str | None) -> str:
    """Where to go after log-in: a path of this site only (never another host)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ch in target for ch in "\\\r\n\t") or target.startswith("/login"):
        return "/"
    return target


def _audit(request: Request, actor: str, authority: str, action: str, **detail: str) -> None:
    client = request.client.host if request.client else ""
    web_state(request).services.store.log(
        AuditEntry(
            actor[:64],
            authority,
            action,
            "authentication",
            [actor[:64]],
            detail={"interface": "web", "client": client, **detail},
        )
    )


def _locked(state: WebState, username: str) -> bool:
    row = state.services.accounts.row(username)
    if row is None or row["disabled"]:
        return True
    until = row["locked_until"]
    return bool(until) and datetime.fromisoformat(until) > datetime.now(UTC)


def _pending(request: Request, stage: str) -> Session:
    session = current_session(request)
    if session is None or session.stage != stage:
        raise LoginRequired(N_("Please log in."), ended=session is not None)
    return session


def _start_full_session(request: Request, user: Principal, next_path: str) -> Response:
    state = web_state(request)
    row = state.services.accounts.row(user.username)
    assert row is not None
    fingerprint = state.codec.credentials(row["password_hash"], row["totp_secret"])
    # A new session id at each stage: a token seen before log-in is worth nothing after it.
    session = state.codec.new(user.username, Stage.FULL, state.unix(), fingerprint)
    set_cookie(request, SESSION_COOKIE, state.codec.encode(session))
    _audit(request, user.username, user.authority, "login")
    return RedirectResponse(safe_next(next_path), status_code=303)


@router.get("/login", include_in_schema=False)
def login_form(
    request: Request, next: NextParam = "/", ended: bool = False, out: bool = False
) -> Response:
    session = current_session(request)
    if session is not None and session.full:
        return RedirectResponse(safe_next(next), status_code=303)
    csrf = web_state(request).codec.csrf_token(pre_binding(request))
    return page(
        request,
        "login.html",
        None,
        csrf=csrf,
        next=safe_next(next),
        error=None,
        ended=ended,
        out=out,
        username="",
    )


@router.post("/login", include_in_schema=False)
async def login_submit(request: Request) -> Response:
    state = web_state(request)
    form = await checked_form(request, pre_binding(request))
    username = text(form, "username", 64).lower()
    next_path = safe_next(text(form, "next", 300))
    try:
        user = check_password(state.services, username, text(form, "password", 1000))
    except AccessDenied:
        _audit(request, "anonymous", "", "login-refused", username=username, reason="password")
        csrf = state.codec.csrf_token(pre_binding(request))
        error = catalogue().gettext(_WRONG_PASSWORD)
        return page(
            request,
            "login.html",
            None,
            status=401,
            csrf=csrf,
            next=next_path,
            error=error,
            ended=False,
            out=False,
            username=username,
        )
    row = state.services.accounts.row(user.username)
    assert row is not None
    stage = Stage.PASSWORD if row["totp_secret"] else Stage.ENROL
    fingerprint = state.codec.credentials(row["password_hash"], row["totp_secret"])
    session = state.codec.new(user.username, stage, state.unix(), fingerprint)
    set_cookie(request, SESSION_COOKIE, state.codec.encode(session))
    target = "/login/code" if stage == Stage.PASSWORD else "/login/enrol"
    return RedirectResponse(f"{target}?next={quote(next_path, safe='/')}", status_code=303)


@router.get("/login/code", include_in_schema=False)
def code_form(request: Request, next: NextParam = "/") -> Response:
    session = _pending(request, Stage.PASSWORD)
    csrf = web_state(request).codec.csrf_token("sid:" + session.sid)
    return page(
        request,
        "login_code.html",
        None,
        csrf=csrf,
        next=safe_next(next),
        error=None,
        username=session.username,
    )


@router.post("/login/code", include_in_schema=False)
async def code_submit(request: Request) -> Response:
    state = web_state(request)
    session = _pending(request, Stage.PASSWORD)
    form = await checked_form(request, "sid:" + session.sid)
    next_path = safe_next(text(form, "next", 300))
    user = state.services.accounts.get(session.username)
    secret = stored_secret(state.services, session.username)
    ok = (
        user is not None
        and secret is not None
        and not _locked(state, session.username)
        and state.codes.check(
            state.services, session.username, secret, text(form, "code", 20), state.unix()
        )
    )
    if not ok or user is None:
        _audit(
            request,
            session.username,
            user.authority if user else "",
            "login-refused",
            reason="one-time code",
        )
        csrf = state.codec.csrf_token("sid:" + session.sid)
        return page(
            request,
            "login_code.html",
            None,
            status=401,
            csrf=csrf,
            next=next_path,
            error=catalogue().gettext(_WRONG_CODE),
            username=session.username,
        )
    return _start_full_session(request, user, next_path)


@router.get("/login/enrol", include_in_schema=False)
def enrol_form(request: Request, next: NextParam = "/") -> Response:
    session = _pending(request, Stage.ENROL)
    return _enrol_page(request, session, new_secret(), safe_next(next), None)


def _enrol_page(
    request: Request, session: Session, secret: str, next_path: str, error: str | None
) -> Response:
    codec = web_state(request).codec
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return page(
        request,
        "login_enrol.html",
        None,
        status=400 if error else 200,
        csrf=codec.csrf_token("sid:" + session.sid),
        next=next_path,
        error=error,
        username=session.username,
        secret=secret,
        grouped=grouped,
        tag=codec.tag(session.sid, secret),
        uri=otpauth_uri(secret, session.username),
    )


@router.post("/login/enrol", include_in_schema=False)
async def enrol_submit(request: Request) -> Response:
    state = web_state(request)
    session = _pending(request, Stage.ENROL)
    form = await checked_form(request, "sid:" + session.sid)
    next_path = safe_next(text(form, "next", 300))
    secret = text(form, "secret", 64)
    if not secret or text(form, "tag", 100) != state.codec.tag(session.sid, secret):
        raise AccessDenied(N_("The set-up form was altered. Log in again."))
    user = state.services.accounts.get(session.username)
    ok = (
        user is not None
        and stored_secret(state.services, session.username) is None
        and not _locked(state, session.username)
        and state.codes.check(
            state.services, session.username, secret, text(form, "code", 20), state.unix()
        )
    )
    if not ok or user is None:
        _audit(
            request,
            session.username,
            user.authority if user else "",
            "login-refused",
            reason="one-time code at enrolment",
        )
        return _enrol_page(request, session, secret, next_path, catalogue().gettext(_WRONG_CODE))
    enrol(state.services, user, secret)
    return _start_full_session(request, user, next_path)


@router.post("/logout", include_in_schema=False)
async def logout(request: Request, who: ViewerDep) -> Response:
    state = web_state(request)
    await checked_form(request, "sid:" + who.session.sid, who.user)
    state.codec.revoke(who.session.sid, state.unix())
    clear_cookie(request, SESSION_COOKIE)
    _audit(request, who.user.username, who.user.authority, "logout")
    return RedirectResponse("/login?out=1", status_code=303)
