"""Shared fixtures: a fresh data directory and settings per test, and stores of both kinds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from accord.services import open_services
from accord.settings import Settings, get_settings, reset_settings
from accord.store import Store, open_store
from tests.screening.world import World, build_world

FIXTURES = Path(__file__).parent / "fixtures"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def accord_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings pointing at a fresh data directory with fresh keys (embedded store)."""
    monkeypatch.setenv("ACCORD_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("ACCORD_DATABASE_URL", raising=False)
    monkeypatch.delenv("ACCORD_KEY_FILE", raising=False)
    reset_settings()
    yield get_settings()
    reset_settings()


def _postgres_url() -> str:
    url = os.environ.get("ACCORD_TEST_DATABASE_URL")
    if not url:
        pytest.fail(
            "ACCORD_TEST_DATABASE_URL is not set; run the suite with `make test`, which starts "
            "PostgreSQL."
        )
    return url


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as c:
        c.execute("DROP SCHEMA IF EXISTS public CASCADE")
        c.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_settings(
    request: pytest.FixtureRequest, accord_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """Settings for the embedded store and, in a second run of the test, for PostgreSQL."""
    if request.param == "postgres":
        url = _postgres_url()
        _reset_postgres(url)
        monkeypatch.setenv("ACCORD_DATABASE_URL", url)
        reset_settings()
        return get_settings()
    return accord_env


@pytest.fixture
def store(store_settings: Settings) -> Iterator[Store]:
    opened = open_store(store_settings)
    yield opened
    opened.close()


@pytest.fixture
def world(store_settings: Settings) -> Iterator[World]:
    """The screening world (participants, users, agreements, planted persons) on the embedded
    store and, in a second run, on PostgreSQL."""
    services = open_services(store_settings)
    try:
        yield build_world(services)
    finally:
        services.close()
