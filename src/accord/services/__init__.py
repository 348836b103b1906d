"""Use cases shared by every interface: the CLI, the API and the web call these."""

from accord.services.context import Services, open_services

__all__ = ["Services", "open_services"]
