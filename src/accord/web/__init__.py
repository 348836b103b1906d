"""Accord's web pages: server-rendered, accessible, with two-factor log-in, CSRF-protected
forms and every read of personal data through the read gate.

``create_web_app(services)`` builds the pages; ``create_site(services, api=...)`` puts them
beside the API (under ``/api``) in one ASGI application.
"""

from accord.web.app import create_web_app
from accord.web.site import Site, create_site

__all__ = ["Site", "create_site", "create_web_app"]
