"""The HTTP API (FastAPI), versioned under /api/v1."""

from accord.api.app import PREFIX, create_app

__all__ = ["PREFIX", "create_app"]
