"""A process's index is kept out of the cyclic collector's walks: the snapshot is unpickled with
the collector paused (and switched on again after), and the index is frozen once loaded or
built, so that no full collection walks its objects while queries are answered."""

from __future__ import annotations

import gc
import pickle

import pytest

from accord.services.screening import ScreeningDesk
from tests.screening.world import World


def test_a_snapshot_loads_without_collections_and_the_index_is_frozen(world: World) -> None:
    ScreeningDesk(world.services).ensure_current()  # builds and writes the snapshot
    gc.unfreeze()
    collections: list[int] = []
    while_unpickling: list[int] = []
    real = pickle.loads

    def loads(data: bytes) -> object:
        before = len(collections)
        state = real(data)
        while_unpickling.append(len(collections) - before)
        return state

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    threshold = gc.get_threshold()
    gc.callbacks.append(count)
    gc.set_threshold(1, 1, 1)  # a collection on nearly every allocation, unless paused
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(pickle, "loads", loads)
            desk = ScreeningDesk(world.services)  # as a new process would: from the snapshot
            desk.ensure_current()
    finally:
        gc.set_threshold(*threshold)
        gc.callbacks.remove(count)
    assert desk.keeper.origin == "snapshot"
    assert while_unpickling == [0]
    assert collections  # the collector ran around the load, not during it
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def test_a_built_index_is_frozen_too(world: World) -> None:
    gc.unfreeze()
    desk = ScreeningDesk(world.services, snapshot=False)
    desk.ensure_current()
    assert desk.keeper.origin == "built"
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()
    gc.unfreeze()
