"""Where the steps of screening a batch run: in the caller, or around an event loop.

:meth:`ScreeningDesk.screen` and :meth:`ScreeningDesk.screen_async` share one coroutine of
attempts (prepare, log a refusal, commit, look again at stale hits). It is given one of the
two step runners below: :class:`InCaller` runs every step at once in the calling thread (the
command line, a synchronous endpoint) and never waits on a loop, so :func:`run_at_once` can
drive the coroutine without one; :class:`OnLoop` keeps the event loop free of every store read
and of long work, which it runs in threads, and awaits the group commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from accord.model.codes import Purpose
from accord.policy import Principal
from accord.screening import ScreenQuery
from accord.services.screening_commit import Screened
from accord.store.audit import AuditEntry

if TYPE_CHECKING:
    from accord.services.screening import ScreeningDesk

__all__ = ["INLINE_QUERIES", "InCaller", "OnLoop", "run_at_once"]

#: Batches of at most this many queries are screened in the event loop that serves them;
#: longer ones in a thread, so that other requests are not held up meanwhile.
INLINE_QUERIES = 4

T = TypeVar("T")


class InCaller:
    """Every step in the calling thread; no step waits on an event loop."""

    def __init__(self, desk: ScreeningDesk) -> None:
        self.desk = desk

    async def prepare(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        queries: Sequence[ScreenQuery],
        justification: str,
    ) -> Screened:
        return self.desk.prepare(user, purpose, queries, justification)

    async def log_refusal(self, entry: AuditEntry) -> None:
        self.desk.writer.write([entry])

    async def commit(self, screened: Screened) -> None:
        screened.commit(self.desk.writer, self.desk.daily_usage)

    async def look_again(self, record_ids: list[str]) -> None:
        self.desk.source.verify(self.desk.index, record_ids)  # drop or re-read them


class OnLoop(InCaller):
    """For a request served on an event loop: the checks and the search of a short batch run
    in the loop; the index refresh (at most once a ``refresh_every``), the read of the user's
    daily count (at most every few seconds), a longer batch and a second look at stale hits
    in threads; the audited write is awaited without holding a thread."""

    async def prepare(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        queries: Sequence[ScreenQuery],
        justification: str,
    ) -> Screened:
        desk = self.desk
        if desk.keeper.due():
            await asyncio.to_thread(desk.ensure_current)
        if len(queries) > INLINE_QUERIES:  # a long batch would hold up the loop
            return await asyncio.to_thread(desk.prepare, user, purpose, queries, justification)
        if not desk.daily_usage.fresh(user.username, desk.today().isoformat()):
            await asyncio.to_thread(desk.usage, user.username)  # then read from memory
        return desk.prepare(user, purpose, queries, justification)

    async def log_refusal(self, entry: AuditEntry) -> None:
        await self.desk.writer.write_async([entry])

    async def commit(self, screened: Screened) -> None:
        await screened.commit_async(self.desk.writer, self.desk.daily_usage)

    async def look_again(self, record_ids: list[str]) -> None:
        await asyncio.to_thread(self.desk.source.verify, self.desk.index, record_ids)


def run_at_once(coroutine: Coroutine[Any, Any, T]) -> T:
    """The result of a coroutine whose awaits all complete at once (steps of :class:`InCaller`),
    without an event loop."""
    try:
        coroutine.send(None)
    except StopIteration as finished:
        return finished.value  # type: ignore[no-any-return]
    coroutine.close()
    raise RuntimeError("A screening step run in the caller waited on an event loop.")
