from __future__ import annotations

import pytest

from accord.services.screening import ScreeningDesk
from tests.screening.world import World


@pytest.fixture
def desk(world: World) -> ScreeningDesk:
    return ScreeningDesk(world.services, refresh_every=0.0)
