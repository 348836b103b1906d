from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.exchange import Exchange
from accord.settings import Settings
from accord.store import Store, open_store
from tests.exchange.seed import FakeClock, Seeded, seed


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def seeded(store: Store) -> Seeded:
    return seed(store)


@pytest.fixture
def desk(store: Store, seeded: Seeded, clock: FakeClock) -> Exchange:
    """The exchange on each backend (the store fixture runs a test on SQLite and PostgreSQL)."""
    return Exchange(store, clock)


@pytest.fixture
def embedded(accord_env: Settings, clock: FakeClock) -> Iterator[tuple[Exchange, Seeded]]:
    """The exchange on the embedded store only, for checks that never reach the database."""
    opened = open_store(accord_env)
    try:
        yield Exchange(opened, clock), seed(opened)
    finally:
        opened.close()
