from __future__ import annotations

import pytest

from accord.exchange import Exchange
from accord.store import Store
from tests.exchange.seed import FakeClock, Seeded, seed


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def seeded(store: Store) -> Seeded:
    return seed(store)


@pytest.fixture
def desk(store: Store, seeded: Seeded, clock: FakeClock) -> Exchange:
    return Exchange(store, clock)
