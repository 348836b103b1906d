from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.services import open_services
from accord.services.screening import ScreeningDesk
from accord.settings import Settings
from tests.screening.world import World, build_world


@pytest.fixture
def world(store_settings: Settings) -> Iterator[World]:
    """The world on the embedded store and, in a second run, on PostgreSQL."""
    services = open_services(store_settings)
    try:
        yield build_world(services)
    finally:
        services.close()


@pytest.fixture
def desk(world: World) -> ScreeningDesk:
    return ScreeningDesk(world.services, refresh_every=0.0)
