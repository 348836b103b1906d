"""Passwords (Argon2id) and log-in checks with account lockout."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from accord.errors import AccessDenied, InputError
from accord.policy import Principal
from accord.services.context import Services

__all__ = ["check_password_strength", "hash_password", "login"]

_HASHER = PasswordHasher()
_DUMMY = _HASHER.hash("not-a-real-password")


def check_password_strength(password: str) -> None:
    if len(password) < 12:
        raise InputError("The password is shorter than 12 characters.", hint="Use a passphrase.")


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _HASHER.hash(password)


def login(services: Services, username: str, password: str) -> Principal:
    """The user for a name and password. Every failure gives the same answer, and takes the same
    time whether the user exists or not."""
    refusal = AccessDenied("Wrong user name or password, or the account is locked.")
    row = services.accounts.row(username.strip().lower()[:64])
    if row is None or not row["password_hash"]:
        with contextlib.suppress(VerificationError):
            _HASHER.verify(_DUMMY, password)
        raise refusal
    locked = row["locked_until"]
    if locked and datetime.fromisoformat(locked) > datetime.now(UTC):
        raise refusal
    try:
        _HASHER.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        services.accounts.record_login(row["username"], ok=False)
        raise refusal from None
    if row["disabled"]:
        raise refusal
    services.accounts.record_login(row["username"], ok=True)
    principal = services.accounts.get(row["username"])
    assert principal is not None
    return principal
