"""Bounded resources: a request-body size limit and per-user rate limits (token buckets kept
in memory, one per user; one per client address for failed authentications)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.api.errors import error_body, send_error

__all__ = ["DEFAULT_MAX_BODY", "BodyLimitMiddleware", "RateLimiter"]

DEFAULT_MAX_BODY = 1024 * 1024
_MAX_BUCKETS = 10_000


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413, whether announced by Content-Length or
    streamed. The body is read (at most ``max_bytes``) before the app sees the request."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _too_large(self, send: Send) -> None:
        message = f"The request body is larger than {self.max_bytes} bytes."
        body = error_body(413, "too_large", message, "Send a smaller request.")
        await send_error(send, 413, body, Connection="close")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    announced = int(value)
                except ValueError:
                    body = error_body(400, "invalid_input", "The Content-Length is not a number.")
                    await send_error(send, 400, body)
                    return
                if announced > self.max_bytes:
                    await self._too_large(send)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before its body arrived: nothing to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class RateLimiter:
    """Token buckets: each key may make ``per_minute`` requests in a burst, refilled evenly
    over a minute. Thread-safe (sync endpoints run in a thread pool)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(max(1, per_minute))
        self.refill = self.capacity / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._reported: dict[str, float] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float | None:
        """Spend one request of ``key``; None when allowed, else the seconds to wait."""
        with self._lock:
            now = self._clock()
            tokens, stamp = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - stamp) * self.refill)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                allowed = True
            else:
                self._buckets[key] = (tokens, now)
                allowed = False
            if len(self._buckets) > _MAX_BUCKETS:
                self._prune(now)
        return None if allowed else (1.0 - tokens) / self.refill

    def first_refusal(self, key: str) -> bool:
        """True once a minute per key: a burst of refusals is logged once, not per request."""
        with self._lock:
            now = self._clock()
            last = self._reported.get(key)
            if last is not None and now - last < 60.0:
                return False
            self._reported[key] = now
            if len(self._reported) > _MAX_BUCKETS:
                self._reported = {k: t for k, t in self._reported.items() if now - t < 60.0}
            return True

    def _prune(self, now: float) -> None:
        """Forget full buckets: they hold no state a fresh bucket would not."""
        self._buckets = {
            key: (tokens, stamp)
            for key, (tokens, stamp) in self._buckets.items()
            if tokens + (now - stamp) * self.refill < self.capacity
        }
