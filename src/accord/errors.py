"""One root error type. Every error carries a message in plain words that says what was wrong and
what to do, and the HTTP status an interface should answer with."""

from __future__ import annotations

__all__ = [
    "AccessDenied",
    "AccordError",
    "ConfigError",
    "InputError",
    "NotFound",
    "PolicyError",
    "StoreError",
]


class AccordError(Exception):
    """Base of all of Accord's errors."""

    status = 500
    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} — {self.hint}"
        return self.message

    def to_dict(self) -> dict[str, str | int | None]:
        return {
            "error": self.code,
            "status": self.status,
            "message": self.message,
            "hint": self.hint,
        }


class InputError(AccordError):
    """The caller gave something that cannot be used as it is."""

    status = 400
    code = "invalid_input"


class ConfigError(AccordError):
    """A setting or a key is missing or malformed."""

    status = 500
    code = "configuration"


class NotFound(AccordError):
    status = 404
    code = "not_found"


class AccessDenied(AccordError):
    """Authentication failed or the action is not allowed. Never says whether data exists."""

    status = 403
    code = "forbidden"


class PolicyError(AccordError):
    """An agreement or a policy document is malformed."""

    status = 422
    code = "policy"


class StoreError(AccordError):
    status = 500
    code = "store"
