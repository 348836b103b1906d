"""The web application: server-rendered pages for people, on the same services as the API."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord import __version__
from accord.errors import AccordError
from accord.exchange import Clock, utc_now
from accord.services import Services
from accord.services.cases import CaseDesk
from accord.web.guard import LoginRequired, Viewer, viewer
from accord.web.i18n import N_, catalogue
from accord.web.middleware import SecurityHeaders
from accord.web.render import STATIC, make_environment, page
from accord.web.routes import (
    audit,
    cases,
    dashboard,
    home,
    identities,
    login,
    network,
    records,
    screening,
)
from accord.web.second_factor import CodeChecker
from accord.web.sessions import SessionCodec
from accord.web.state import WebState

__all__ = ["ROUTERS", "create_web_app"]

log = logging.getLogger("accord.web")
#: The page modules, each with its ``router``.
ROUTERS = (login, home, records, identities, screening, cases, dashboard, audit, network)

_TITLES = {
    400: N_("The request cannot be used"),
    403: N_("Not allowed"),
    404: N_("Not found"),
    405: N_("Not allowed"),
    413: N_("Too large"),
    500: N_("Something went wrong"),
}


def create_web_app(
    services: Services, *, clock: Clock | None = None, secure_cookies: bool | None = None
) -> FastAPI:
    """The pages on ``services``. ``clock`` drives sessions and case deadlines (tests move it);
    ``secure_cookies`` forces the Secure flag (default: when the request came over HTTPS)."""
    ticking = clock or utc_now
    app = FastAPI(
        title="Accord",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.accord_web = WebState(
        services=services,
        desk=CaseDesk(services, ticking),
        codec=SessionCodec(services.settings.audit_key, services.settings.session_minutes * 60),
        codes=CodeChecker(),
        templates=make_environment(),
        clock=ticking,
        secure_cookies=secure_cookies,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    _install_error_pages(app)
    app.add_middleware(SecurityHeaders)
    return app


def _soft_viewer(request: Request) -> Viewer | None:
    try:
        return viewer(request)
    except AccordError:
        return None


def _error_page(request: Request, status: int, message: str, hint: str | None) -> HTMLResponse:
    title = _TITLES.get(status, _TITLES[500] if status >= 500 else _TITLES[400])
    # Messages are plain text (escaped in the page); the web's own are in the catalogue.
    words = catalogue()
    return page(
        request,
        "error.html",
        _soft_viewer(request),
        status=status,
        title=title,
        message=words.gettext(message),
        hint=words.gettext(hint) if hint else None,
    )


def _install_error_pages(app: FastAPI) -> None:
    async def login_required(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LoginRequired)
        target = "/login"
        if request.method == "GET" and request.url.path not in ("/", "/login"):
            target += "?next=" + quote(request.url.path, safe="/")
        if exc.ended:
            target += ("&" if "?" in target else "?") + "ended=1"
        return RedirectResponse(target, status_code=303)

    async def accord_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AccordError)
        return _error_page(request, exc.status, exc.message, exc.hint)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = {
            404: N_("There is no page at this address."),
            405: N_("This page cannot be used that way."),
        }.get(exc.status_code, N_("The request failed."))
        return _error_page(request, exc.status_code, message, None)

    async def invalid(request: Request, exc: Exception) -> Response:
        return _error_page(request, 400, N_("The request is not complete or not valid."), None)

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("Unexpected error on %s %s", request.method, request.url.path)
        message = catalogue().gettext(N_("An unexpected error occurred; it has been logged."))
        return page(
            request, "error.html", None, status=500, title=_TITLES[500], message=message, hint=None
        )

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(AccordError, accord_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, unexpected)
