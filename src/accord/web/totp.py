"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 6 digits, 30 s.

Pure functions of a secret and a time; the caller keeps the secret and the last step used.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import quote, urlencode

__all__ = [
    "DIGITS",
    "PERIOD",
    "code_at",
    "matching_step",
    "new_secret",
    "otpauth_uri",
    "secret_bytes",
]

DIGITS = 6
PERIOD = 30
#: Steps either side of now that are still accepted (clock drift of the phone).
WINDOW = 1


def new_secret() -> str:
    """A new 160-bit secret in base32 without padding, as authenticator apps take it."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def secret_bytes(secret: str) -> bytes:
    """The key of a base32 secret; spaces and lower case (as people type them) are accepted."""
    cleaned = secret.replace(" ", "").replace("-", "").upper()
    padded = cleaned + "=" * (-len(cleaned) % 8)
    return base64.b32decode(padded, casefold=False)


def _hotp(key: bytes, counter: int) -> str:
    digest = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def step_of(unix_time: float) -> int:
    return int(unix_time // PERIOD)


def code_at(secret: str, unix_time: float) -> str:
    """The code an authenticator shows at ``unix_time``."""
    return _hotp(secret_bytes(secret), step_of(unix_time))


def matching_step(secret: str, code: str, unix_time: float) -> int | None:
    """The time step whose code equals ``code`` (now or one step either side), else None.
    Compared in constant time; the caller refuses a step it has already accepted (replay)."""
    typed = "".join(ch for ch in code if not ch.isspace())
    if len(typed) != DIGITS or not typed.isascii() or not typed.isdigit():
        return None
    key = secret_bytes(secret)
    now = step_of(unix_time)
    found = None
    for step in range(now - WINDOW, now + WINDOW + 1):
        if hmac.compare_digest(_hotp(key, step), typed):
            found = step
    return found


def otpauth_uri(secret: str, account: str, issuer: str = "Accord") -> str:
    """The ``otpauth://`` URI authenticator apps import (as text or from a QR code)."""
    label = quote(f"{issuer}:{account}", safe=":@")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": PERIOD,
        }
    )
    return f"otpauth://totp/{label}?{query}"
