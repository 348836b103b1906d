"""Web sessions as HMAC-signed tokens in an HttpOnly, SameSite=Strict cookie.

A token names the user, a random session id, the log-in stage it reached (password only, or
both factors), when it was issued and when the user was last active, a fingerprint of the
user's credentials (a changed password or second factor ends every session), and the purpose
and justification the user last gave (offered again in the next form). Every request with a
full session re-issues the cookie, so the idle timeout runs from the last request. Log-out
revokes the session id for the rest of its lifetime.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import asdict, dataclass, replace
from typing import Any

__all__ = [
    "ABSOLUTE_SECONDS",
    "PENDING_SECONDS",
    "Session",
    "SessionCodec",
    "Stage",
    "derive_key",
]

#: A session ends this long after log-in, however active its user.
ABSOLUTE_SECONDS = 12 * 3600
#: The second factor must follow the password within this time.
PENDING_SECONDS = 5 * 60
_MAX_TOKEN = 3800  # a cookie holds about 4 KB


class Stage:
    """How far a log-in has come."""

    PASSWORD = "password"  # noqa: S105 (password checked; the second factor's code is awaited)
    ENROL = "enrol"  # password checked; the user has no second factor yet and sets one up
    FULL = "full"  # both factors checked


def derive_key(master: bytes, label: str) -> bytes:
    """A key for one use, derived from a master key: neither reveals the other."""
    return hmac.new(master, f"accord.web:{label}".encode(), hashlib.sha256).digest()


@dataclass(frozen=True)
class Session:
    username: str
    sid: str
    stage: str
    issued: int
    seen: int
    credentials: str
    purpose: str = ""
    justification: str = ""

    @property
    def full(self) -> bool:
        return self.stage == Stage.FULL

    def touched(self, now: int) -> Session:
        return replace(self, seen=now)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SessionCodec:
    """Signs and checks session tokens; remembers the session ids that logged out."""

    def __init__(self, key: bytes, idle_seconds: int) -> None:
        self._key = derive_key(key, "session")
        self._csrf_key = derive_key(key, "csrf")
        self._credentials_key = derive_key(key, "credentials")
        self.idle_seconds = idle_seconds
        self._revoked: dict[str, int] = {}
        self._lock = threading.Lock()

    # -- tokens ------------------------------------------------------------------------------

    def new(self, username: str, stage: str, now: int, credentials: str) -> Session:
        return Session(username, secrets.token_hex(16), stage, now, now, credentials)

    def encode(self, session: Session) -> str:
        text = json.dumps(asdict(session), separators=(",", ":"), ensure_ascii=False)
        payload = _b64(text.encode("utf-8"))
        return payload + "." + _b64(self._sign(payload))

    def decode(self, token: str | None, now: int) -> Session | None:
        """The session of a token that is genuine, not revoked and not expired; else None."""
        if not token or len(token) > _MAX_TOKEN or token.count(".") != 1:
            return None
        payload, signature = token.split(".")
        try:
            given = _unb64(signature)
            data: Any = json.loads(_unb64(payload))
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return None
        if not hmac.compare_digest(given, self._sign(payload)):
            return None
        try:
            session = Session(**data)
        except TypeError:
            return None
        if self.revoked(session.sid, now) or not self._alive(session, now):
            return None
        return session

    def _sign(self, payload: str) -> bytes:
        return hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest()

    def _alive(self, session: Session, now: int) -> bool:
        if session.seen > now + 60 or session.issued > session.seen:
            return False
        if session.full:
            return (
                now - session.seen <= self.idle_seconds and now - session.issued <= ABSOLUTE_SECONDS
            )
        return now - session.issued <= PENDING_SECONDS

    # -- credentials and CSRF ----------------------------------------------------------------

    def credentials(self, password_hash: str | None, totp_secret: str | None) -> str:
        """A fingerprint of the user's credentials: a session of older ones is void."""
        text = f"{password_hash or ''}\x00{totp_secret or ''}"
        digest = hmac.new(self._credentials_key, text.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:32]

    def csrf_token(self, binding: str) -> str:
        """The CSRF token of a session (or of a pre-log-in nonce)."""
        return _b64(hmac.new(self._csrf_key, binding.encode("utf-8"), hashlib.sha256).digest())

    def csrf_ok(self, binding: str, token: str | None) -> bool:
        return (
            bool(binding)
            and bool(token)
            and hmac.compare_digest(self.csrf_token(binding), token or "")
        )

    def tag(self, *parts: str) -> str:
        """A MAC binding values a form carries (e.g. a secret being enrolled) to a session."""
        text = "\x00".join(parts)
        return _b64(hmac.new(self._csrf_key, b"tag:" + text.encode(), hashlib.sha256).digest())

    # -- log-out -----------------------------------------------------------------------------

    def revoke(self, sid: str, now: int) -> None:
        with self._lock:
            self._revoked[sid] = now + ABSOLUTE_SECONDS
            for old in [s for s, until in self._revoked.items() if until < now]:
                del self._revoked[old]

    def revoked(self, sid: str, now: int) -> bool:
        with self._lock:
            until = self._revoked.get(sid)
        return until is not None and until >= now
