"""A hit whose record is erased or changed by another process after the index last looked is
caught in the audited write itself: the batch is screened again, and only the answer that
leaves is written (one audit entry, no hit reference of the stale answer). A long batch is
screened off the event loop."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from sqlalchemy import func, select

from accord.screening import ScreenQuery
from accord.services.screening import INLINE_QUERIES, ScreeningDesk
from accord.store.retention import erase_records
from accord.store.tables import screening_hits
from tests.exchange.seed import audit_actions
from tests.screening.test_api import PETAR
from tests.screening.world import World


def _hit_rows(world: World) -> int:
    with world.services.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(screening_hits)).scalar_one())


def test_an_erasure_after_the_last_look_is_caught_when_written(world: World) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)  # no periodic look
    officer = world.users["xk.officer"]
    query = ScreenQuery(**PETAR)
    first = asyncio.run(desk.screen_one_async(officer, "serious-crime", query, "test"))
    assert first["result"] == "hit"
    assert _hit_rows(world) == 1
    erase_records(world.services.store, [world.ids["wanted"]], "test", "cli:test")
    again = asyncio.run(desk.screen_one_async(officer, "serious-crime", query, "test"))
    assert again["result"] == "no-hit"
    assert world.ids["wanted"] not in desk.index.record_ids()
    assert _hit_rows(world) == 1  # the stale attempt wrote nothing
    assert len(audit_actions(world.services.store, "screen")) == 2
    assert world.services.store.verify_audit().ok


def test_a_long_batch_is_screened_off_the_event_loop(world: World) -> None:
    desk = ScreeningDesk(world.services, refresh_every=3600.0)
    officer = world.users["xk.officer"]
    queries = [ScreenQuery(**PETAR, ref=str(n)) for n in range(INLINE_QUERIES + 1)]
    loop_thread: list[int] = []
    prepared_in: list[int] = []
    prepare = desk.prepare

    def watched(*args: Any) -> Any:
        prepared_in.append(threading.get_ident())
        return prepare(*args)

    desk.prepare = watched  # type: ignore[method-assign]

    async def main() -> list[dict[str, Any]]:
        loop_thread.append(threading.get_ident())
        short = await desk.screen_async(officer, "serious-crime", queries[:1], "test")
        long = await desk.screen_async(officer, "serious-crime", queries, "test")
        return short + long

    answers = asyncio.run(main())
    assert [a["result"] for a in answers] == ["hit"] * (INLINE_QUERIES + 2)
    assert prepared_in[0] == loop_thread[0] and prepared_in[1] != loop_thread[0]
