"""An index's names are analysed when it is built or loaded, before its first query: a first
comparison with a name does not analyse it then. A desk for one command (one query, one list)
leaves them to its queries."""

from __future__ import annotations

import pytest

from accord.names import analyse_names
from accord.names.compare import clear_caches
from accord.services import screening_index
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


def test_a_desk_for_one_command_leaves_the_names_to_its_queries(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysed: list[list[str]] = []
    monkeypatch.setattr(screening_index, "analyse_names", lambda names: analysed.append(names))
    ScreeningDesk(world.services, snapshot=False, analyse_ahead=False).ensure_current()
    assert analysed == []
    desk = ScreeningDesk(world.services, snapshot=False)
    desk.ensure_current()
    assert analysed == [desk.index.names()]
