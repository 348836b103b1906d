"""A site (API and pages) on a fresh embedded store with the default agreements, the demo users
and a few records of Serbia's criminal police; the clock is a fake the tests move."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.api import create_app
from accord.scenario import generate
from accord.services import Services, open_services
from accord.services.demo import create_demo_users
from accord.services.ingest import ingest_path
from accord.services.region import default_agreements, load_agreements
from accord.settings import Settings
from accord.web import create_site
from tests.conftest import FIXTURES
from tests.exchange.seed import FakeClock
from tests.web.helpers import Web


def seeded_services(settings: Settings) -> Services:
    services = open_services(settings)
    load_agreements(services, default_agreements(), "test")
    create_demo_users(services, "test")
    ingest_path(
        services,
        FIXTURES / "persons.csv",
        participant="RS",
        authority="RS-MUP",
        dataset="persons",
        mapping=FIXTURES / "persons.mapping.yaml",
        actor="test",
    )
    return services


def make_web(settings: Settings, **options: Any) -> Iterator[Web]:
    services = seeded_services(settings)
    clock = FakeClock()
    site = create_site(
        services, api=lambda svc, clk: create_app(svc, clock=clk), clock=clock, **options
    )
    try:
        with TestClient(site, base_url="http://testserver") as client:
            yield Web(client, services, clock)
    finally:
        services.close()


@pytest.fixture
def web(accord_env: Settings) -> Iterator[Web]:
    yield from make_web(accord_env)


@pytest.fixture(scope="session")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated region (seed 7, scale 300), written once per test session."""
    folder = tmp_path_factory.mktemp("region") / "region"
    generate(seed=7, scale=300, out=folder)
    return folder


def load_datasets(services: Services, folder: Path, participant: str, datasets: set[str]) -> None:
    """Ingest some of a region's files (in the manifest's order)."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["participant"] == participant and entry["dataset"] in datasets:
            ingest_path(
                services,
                folder / entry["path"],
                participant=participant,
                authority=entry["authority"],
                dataset=entry["dataset"],
                mapping=folder / entry["mapping"],
                actor="test",
            )
