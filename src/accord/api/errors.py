"""One JSON error shape for every error the API answers with:

    {"error": code, "status": int, "message": str, "hint": str | null}

Accord's own errors keep their status and code; FastAPI's validation errors, unknown routes and
methods, oversized bodies, rate limits and unexpected exceptions are translated into it at this
edge. An unexpected exception is logged on the server and never shown to the client.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.errors import AccordError

__all__ = [
    "ErrorOut",
    "RateLimited",
    "ShieldMiddleware",
    "Unauthenticated",
    "Unavailable",
    "error_body",
    "error_responses",
    "install_error_handlers",
]

log = logging.getLogger("accord.api")

_DOCS_HINT = "See /api/v1/docs for the endpoints and their parameters."


class ErrorOut(BaseModel):
    """The one error shape."""

    error: str
    status: int
    message: str
    hint: str | None


class Unauthenticated(AccordError):
    """No usable credentials: missing, unknown, expired, revoked or forged token."""

    status = 401
    code = "unauthenticated"


class Unavailable(AccordError):
    status = 503
    code = "unavailable"


class RateLimited(AccordError):
    status = 429
    code = "rate_limited"

    def __init__(self, retry_after: float) -> None:
        seconds = max(1, int(retry_after + 0.999))
        super().__init__("Too many requests.", hint=f"Wait {seconds} s before the next request.")
        self.retry_after = seconds


def error_body(status: int, code: str, message: str, hint: str | None = None) -> dict[str, Any]:
    return {"error": code, "status": status, "message": message, "hint": hint}


_DESCRIPTIONS = {
    400: "Bad input (the message says which field and value, the hint what to do)",
    401: "Missing, unknown, expired, revoked or forged token",
    403: "The user's roles or the agreements do not allow this",
    404: "Not found, or not visible to the user (the two look the same)",
    409: "Conflicts with what is stored",
    413: "Request body too large",
    422: "Request does not match the schema",
    429: "Rate limit reached (see the Retry-After header)",
    503: "The store is not reachable",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of error answers, all in the one shape."""
    found: dict[int | str, dict[str, Any]] = {}
    for status in sorted({400, 422, 429, *statuses}):
        entry: dict[str, Any] = {"model": ErrorOut, "description": _DESCRIPTIONS[status]}
        if status == 429:
            entry["headers"] = {
                "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}
            }
        found[status] = entry
    return found


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def _field(loc: Sequence[Any]) -> str:
    where = {"query": "query parameter", "path": "path parameter", "header": "header"}
    if loc and loc[0] in where:
        return f"{where[loc[0]]} {'.'.join(str(p) for p in loc[1:])!r}"
    if loc and loc[0] == "body":
        rest = ".".join(str(p) for p in loc[1:])
        return f"body field {rest!r}" if rest else "request body"
    return repr(".".join(str(p) for p in loc))


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        parts.append(f"{_field(error.get('loc', ()))}: {error.get('msg', 'invalid')}")
    return "Invalid input — " + "; ".join(parts) + "."


async def _accord_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AccordError)
    headers: dict[str, str] = {}
    if isinstance(exc, Unauthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
    return _json(exc.status, exc.to_dict(), headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    body = error_body(422, "validation", _validation_message(exc), _DOCS_HINT)
    return _json(422, body)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 404:
        body = error_body(404, "not_found", f"No such endpoint: {request.url.path}", _DOCS_HINT)
    elif status == 405:
        message = f"The method {request.method} is not allowed on {request.url.path}."
        body = error_body(405, "method_not_allowed", message, _DOCS_HINT)
    else:
        detail = exc.detail if isinstance(exc.detail, str) else "The request failed."
        body = error_body(status, "http_error", detail, None)
    return _json(status, body, dict(exc.headers or {}))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AccordError, _accord_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)


async def send_error(send: Send, status: int, body: dict[str, Any], **headers: str) -> None:
    """Answer with an error from ASGI middleware (before or instead of the app)."""
    data = json.dumps(body).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})


class ShieldMiddleware:
    """Turn an unexpected exception into a 500 in the error shape; log it, leak nothing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("Unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            body = error_body(
                500,
                "internal",
                "An unexpected error occurred; it has been logged.",
                "Try again later; if it persists, tell the operators when it happened.",
            )
            await send_error(send, 500, body)
