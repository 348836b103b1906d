"""The whole site: the web pages and the API on the same services. ``accord serve`` runs it."""

from __future__ import annotations

from accord.api.app import create_app
from accord.exchange.desk import Clock
from accord.services import Services
from accord.web.site import Site
from accord.web.site import create_site as _compose

__all__ = ["create_site"]


def create_site(services: Services | None = None, *, clock: Clock | None = None) -> Site:
    """Web pages at /, the API at /api/v1, one set of services."""
    return _compose(
        services,
        api=lambda svc, clk: create_app(svc, clock=clk, writer_process=True),
        clock=clock,
    )
