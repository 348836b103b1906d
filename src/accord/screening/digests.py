"""Keyed hashes of identifiers: the only form in which the index holds them.

HMAC-SHA256 with the screening key (never the record-id key), truncated to 64 bits: enough to
make an accidental collision among a few million identifiers negligible (about 10^-7), and
small enough to keep the index compact. The key is identified by a fingerprint so that the index
can hold tables under two keys while one replaces the other.
"""

from __future__ import annotations

import hmac

__all__ = ["Hasher", "key_fingerprint"]

_SEPARATOR = b"\x1f"


def key_fingerprint(key: bytes) -> str:
    """A short public name of a key (not a secret: it reveals nothing of the key)."""
    return hmac.digest(key, b"accord-screening-key-fingerprint", "sha256")[:6].hex()


class Hasher:
    """Keyed 64-bit digests of ``namespace:value`` under one screening key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("A screening key needs at least 16 bytes.")
        self._key = key
        self.fingerprint = key_fingerprint(key)

    def digest(self, namespace: str, value: str) -> int:
        message = namespace.encode() + _SEPARATOR + value.encode("utf-8")
        return int.from_bytes(hmac.digest(self._key, message, "sha256")[:8], "big")

    def derive(self, label: bytes) -> bytes:
        """A key for another use (such as signing the index snapshot), derived from this one."""
        return hmac.digest(self._key, label, "sha256")
