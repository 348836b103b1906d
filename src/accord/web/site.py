"""The whole HTTP site: the API under ``/api`` and the web pages everywhere else, on one set of
services. The two are separate applications with their own error shapes (JSON for the API,
pages for people); this dispatcher only routes by path and owns the services' lifetime."""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from accord.exchange import Clock
from accord.services import Services, open_services
from accord.web.app import create_web_app

__all__ = ["ApiFactory", "Site", "create_site"]

#: Builds the API application on the given services and case clock.
ApiFactory = Callable[[Services, Clock | None], ASGIApp]


class Site:
    def __init__(self, web: ASGIApp, api: ASGIApp | None, services: Services, owned: bool) -> None:
        self.web = web
        self.api = api
        self.services = services
        self._owned = owned

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        path = scope.get("path", "")
        if self.api is not None and (path == "/api" or path.startswith("/api/")):
            await self.api(scope, receive, send)
        else:
            await self.web(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._owned:
                    self.services.close()
                await send({"type": "lifespan.shutdown.complete"})
                return


def create_site(
    services: Services | None = None,
    *,
    api: ApiFactory | None = None,
    clock: Clock | None = None,
    secure_cookies: bool | None = None,
) -> Site:
    """The web pages, and the API from ``api`` when given, on ``services`` (opened from the
    settings, and closed on shutdown, when not given)."""
    owned = services is None
    svc = services if services is not None else open_services()
    web = create_web_app(svc, clock=clock, secure_cookies=secure_cookies)
    return Site(web, api(svc, clock) if api is not None else None, svc, owned)
