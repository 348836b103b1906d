"""An index's names are analysed when it is built or loaded, before its first query: a first
comparison with a name does not analyse it then."""

from __future__ import annotations

from accord.names import analyse_names
from accord.names.compare import clear_caches
from accord.services.screening import ScreeningDesk
from tests.screening.world import World


def test_a_built_index_has_its_names_analysed(world: World) -> None:
    clear_caches()
    desk = ScreeningDesk(world.services, snapshot=False)
    desk.ensure_current()
    names = desk.index.names()
    assert names
    assert len(names) == len(set(names))
    assert analyse_names(names) == 0  # none new


def test_a_loaded_index_has_its_names_analysed(world: World) -> None:
    ScreeningDesk(world.services).ensure_current()  # builds and writes the snapshot
    clear_caches()
    desk = ScreeningDesk(world.services)
    desk.ensure_current()
    assert desk.keeper.origin == "snapshot"
    assert analyse_names(desk.index.names()) == 0
