"""The cookies of the web pages: HttpOnly, SameSite=Strict, Secure over HTTPS."""

from __future__ import annotations

from fastapi import Request

from accord.web.state import web_state

__all__ = ["PRE_COOKIE", "SESSION_COOKIE", "clear_cookie", "set_cookie"]

SESSION_COOKIE = "accord_session"
#: A random nonce before log-in, to which the log-in form's CSRF token is bound.
PRE_COOKIE = "accord_pre"
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


def _secure(request: Request) -> bool:
    wanted = web_state(request).secure_cookies
    return request.url.scheme == "https" if wanted is None else wanted


def _queue(request: Request, header: str) -> None:
    # The security middleware adds these to whatever response the request ends with.
    queued: list[str] = request.scope.setdefault("accord.cookies", [])
    queued[:] = [h for h in queued if h.split("=", 1)[0] != header.split("=", 1)[0]]
    queued.append(header)


def set_cookie(request: Request, name: str, value: str) -> None:
    if not set(value) <= _SAFE:
        raise ValueError("cookie values are base64url text")
    attributes = "Path=/; HttpOnly; SameSite=Strict"
    if _secure(request):
        attributes += "; Secure"
    _queue(request, f"{name}={value}; {attributes}")


def clear_cookie(request: Request, name: str) -> None:
    secure = "; Secure" if _secure(request) else ""
    _queue(request, f"{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{secure}")
