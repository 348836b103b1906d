from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.services import Services, open_services
from accord.services.demo import create_demo_users
from accord.services.ingest import ingest_path
from accord.services.region import default_agreements, load_agreements
from accord.settings import Settings
from tests.conftest import FIXTURES


@pytest.fixture
def svc(accord_env: Settings) -> Iterator[Services]:
    opened = open_services(accord_env)
    load_agreements(opened, default_agreements(), "test")
    create_demo_users(opened, "test")
    ingest_path(
        opened,
        FIXTURES / "persons.csv",
        participant="RS",
        authority="RS-MUP",
        dataset="persons",
        mapping=FIXTURES / "persons.mapping.yaml",
        actor="test",
    )
    yield opened
    opened.close()
