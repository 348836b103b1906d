"""The API application: ``create_app(services)`` builds it, versioned under ``/api/v1``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from accord import __version__
from accord.api import routes_screen
from accord.api.errors import ShieldMiddleware, install_error_handlers
from accord.api.headers import SecurityHeadersMiddleware
from accord.api.inputs import clean_parameters
from accord.api.limits import DEFAULT_MAX_BODY, BodyLimitMiddleware, RateLimiter
from accord.api.routes import agreements, audit, cases, network, records, system
from accord.api.state import ApiState
from accord.api.token_cache import TokenCache
from accord.exchange import Clock
from accord.services import Services, open_services
from accord.services.cases import CaseDesk
from accord.store.audit_writer import group_commit
from accord.store.writer_process import WriterProcess

__all__ = ["PREFIX", "create_app"]

PREFIX = "/api/v1"

_DESCRIPTION = """Governed cross-border cooperation of the UK, the Western Balkans Six and the EU.

Authenticate with `Authorization: Bearer acc_...`. Every error has one shape:
`{"error": code, "status": int, "message": str, "hint": str | null}`. Lists are paged with
`limit` (1..500) and `offset`; a page gives `next_offset`, never a total.
"""


def create_app(
    services: Services | None = None,
    *,
    clock: Clock | None = None,
    rate_per_minute: int | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    writer_process: bool = False,
) -> FastAPI:
    """The API on ``services`` (opened from the settings, and closed on shutdown, when not
    given). ``clock`` drives case deadlines (tests inject one); ``rate_per_minute`` defaults
    to the setting ``ACCORD_API_RATE_PER_MINUTE``. With ``writer_process`` (``accord
    serve``), what the event loop's requests write is written by a process of its own
    (:mod:`accord.store.writer_process`), started here and ended when the services are
    closed."""
    owned = services is None
    svc = services if services is not None else open_services()
    if writer_process:
        writer = group_commit(svc.store)
        if writer.process is None:
            writer.process = WriterProcess(svc.settings)
            writer.process.start()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            svc.close()

    app = FastAPI(
        title="Accord API",
        version=__version__,
        description=_DESCRIPTION,
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=None,  # Swagger UI loads its script from a CDN; Accord works offline
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=f"{PREFIX}/docs/oauth2-redirect",
        lifespan=lifespan,
    )
    rate = rate_per_minute if rate_per_minute is not None else svc.settings.api_rate_per_minute
    app.state.accord = ApiState(
        services=svc,
        desk=CaseDesk(svc, clock),
        limiter=RateLimiter(rate),
        tokens=TokenCache(svc.accounts),
    )
    install_error_handlers(app)
    # Screening first: a request's path is matched against the routes in this order, and
    # screening is what the border sends many times a second (each router passed costs it).
    for module in (routes_screen, system, records, agreements, audit, cases, network):
        app.include_router(module.router, prefix=PREFIX, dependencies=[Depends(clean_parameters)])
    # Added last is outermost: the shield catches what escapes the body limit and the app.
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    app.add_middleware(ShieldMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
