"""Verified API tokens, kept in memory for a second.

Checking a token costs two store reads; a client that screens at the border sends many requests
a second with the same token. A token verified by the store is therefore trusted again for at
most :data:`TOKEN_TTL` seconds, keyed by a hash of the token (the token itself is not kept).

A revocation or a disabled account made in this process (through its ``Accounts``) empties the
cache at once; one made in another process (the command line, another server worker) takes
effect here within :data:`TOKEN_TTL`. No entry outlives its token's expiry. Refusals are never
cached: a bad token is looked up, logged and rate-limited every time.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from accord.policy import Principal
from accord.store.accounts import Accounts

__all__ = ["TOKEN_TTL", "TokenCache"]

#: Seconds a verified token is trusted without asking the store again.
TOKEN_TTL = 1.0
_MAX_ENTRIES = 10_000


class TokenCache:
    """Tokens verified by ``accounts`` in the last :data:`TOKEN_TTL` seconds."""

    def __init__(
        self,
        accounts: Accounts,
        ttl: float = TOKEN_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.accounts = accounts
        self.ttl = ttl
        self._clock = clock
        # key -> (user, trusted until, the accounts' generation when verified)
        self._entries: dict[bytes, tuple[Principal, float, int]] = {}
        self._lock = threading.Lock()

    def cached(self, token: str) -> Principal | None:
        """The user of ``token`` if it was verified in the last :data:`TOKEN_TTL` seconds
        (and nothing was revoked since in this process); None when the store must be asked.
        Reads no store, so a coroutine may call it."""
        return self._cached(_key(token), self._clock(), self.accounts.generation)

    def _cached(self, key: bytes, now: float, generation: int) -> Principal | None:
        with self._lock:
            found = self._entries.get(key)
        if found is not None:
            user, until, verified_in = found
            if now < until and verified_in == generation:
                return user
        return None

    def authenticate(self, token: str) -> Principal:
        """The user of ``token``, from the cache or the store; raises what the store raises
        (:class:`accord.errors.AccessDenied`) for a bad token."""
        key = _key(token)
        now = self._clock()
        generation = self.accounts.generation
        cached = self._cached(key, now, generation)
        if cached is not None:
            return cached
        # The generation is read before the store: a revocation committed meanwhile bumps it,
        # so the entry written below is already stale and never served.
        user, expires = self.accounts.verify_token(token)
        left = (expires - datetime.now(UTC)).total_seconds()
        until = now + max(0.0, min(self.ttl, left))
        with self._lock:
            if len(self._entries) >= _MAX_ENTRIES:
                self._entries = {k: v for k, v in self._entries.items() if v[1] > now}
                if len(self._entries) >= _MAX_ENTRIES:
                    self._entries.clear()
            self._entries[key] = (user, until, generation)
        return user


def _key(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()
