"""The error a value check raises: the value cannot be stored, and why in plain words."""

from __future__ import annotations

__all__ = ["Invalid"]


class Invalid(ValueError):
    """A value that cannot be stored, with the reason."""
