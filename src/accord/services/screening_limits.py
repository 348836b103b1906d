"""Per-user limits of screening: a token bucket of queries a minute, and a daily quota counted
in the store across processes (``ACCORD_SCREEN_QUOTA_PER_DAY``)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Connection, bindparam, insert, select, update

from accord.errors import AccordError
from accord.store.base import Store
from accord.store.driver_statements import DriverStatement
from accord.store.tables import screening_usage

__all__ = ["DailyUsage", "QuotaExceeded", "ScreeningLimited", "TokenBucket", "count_queries"]

_USAGE_FRESH = 2.0
# fixed statements, values bound, run on the driver's cursor: compiled once per process
_ADD_USAGE = DriverStatement(
    update(screening_usage)
    .where(
        screening_usage.c.username == bindparam("who"),
        screening_usage.c.day == bindparam("which_day"),
    )
    .values(queries=screening_usage.c.queries + bindparam("added"))
)
_NEW_USAGE = DriverStatement(insert(screening_usage))


class ScreeningLimited(AccordError):
    """Too many queries in a short time."""

    status = 429
    code = "rate_limited"


class QuotaExceeded(AccordError):
    """The user's daily quota of screening queries is used up."""

    status = 429
    code = "quota_exceeded"


class TokenBucket:
    """Token buckets of queries per user: ``per_minute`` in a burst, refilled evenly."""

    def __init__(self, per_minute: int, clock: Callable[[], float]) -> None:
        self.capacity = float(max(1, per_minute))
        self.refill = self.capacity / 60.0
        self._clock = clock
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, count: int) -> float | None:
        """Take ``count`` tokens; None when granted, else the seconds to wait."""
        with self._lock:
            now = self._clock()
            tokens, stamp = self._state.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - stamp) * self.refill)
            if tokens >= count:
                self._state[key] = (tokens - count, now)
                return None
            self._state[key] = (tokens, now)
            return (count - tokens) / self.refill


class DailyUsage:
    """Queries each user made today. The count in the store is read at most every few seconds
    (other processes count too); this process's own queries are added as they are made."""

    def __init__(self, store: Store, monotonic: Callable[[], float]) -> None:
        self.store = store
        self._monotonic = monotonic
        # per user: (day, queries counted in the store when last read, read at, added since)
        self._usage: dict[str, tuple[str, int, float, int]] = {}
        self._lock = threading.Lock()

    def fresh(self, username: str, day: str) -> bool:
        """Whether :meth:`used` would answer without reading the store (a coroutine calls it
        to read the store in a thread first)."""
        with self._lock:
            cached = self._usage.get(username)
        return self._fresh(cached, day, self._monotonic())

    @staticmethod
    def _fresh(cached: tuple[str, int, float, int] | None, day: str, now: float) -> bool:
        return cached is not None and cached[0] == day and now - cached[2] < _USAGE_FRESH

    def used(self, username: str, day: str) -> int:
        with self._lock:
            cached = self._usage.get(username)
        now = self._monotonic()
        if cached is not None and self._fresh(cached, day, now):
            return cached[1] + cached[3]
        with self.store.read() as conn:
            found = conn.execute(
                select(screening_usage.c.queries).where(
                    screening_usage.c.username == username, screening_usage.c.day == day
                )
            ).scalar()
        with self._lock:
            self._usage[username] = (day, int(found or 0), now, 0)
        return int(found or 0)

    def counted(self, username: str, queries: int) -> None:
        """Queries of this process just stored (see :func:`count_queries`)."""
        with self._lock:
            cached = self._usage.get(username)
            if cached is not None:
                self._usage[username] = (cached[0], cached[1], cached[2], cached[3] + queries)


def count_queries(conn: Connection, username: str, day: str, queries: int) -> None:
    """Add ``queries`` to the user's count of the day, inside the caller's transaction."""
    values = {"who": username, "which_day": day, "added": queries}
    if _ADD_USAGE.run(conn, values) == 0:
        _NEW_USAGE.run(conn, {"username": username, "day": day, "queries": queries})
