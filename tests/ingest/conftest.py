from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from accord.ingest import IngestJob, IngestReport, ingest_file
from accord.model.reference import retention_table
from accord.settings import Settings
from accord.store import Store, open_store
from tests.conftest import FIXTURES

MAPPING = FIXTURES / "persons.mapping.yaml"

Ingest = Callable[..., IngestReport]


@pytest.fixture
def embedded(accord_env: Settings) -> Iterator[Store]:
    opened = open_store(accord_env)
    yield opened
    opened.close()


@pytest.fixture
def ingest(embedded: Store, accord_env: Settings) -> Ingest:
    def run(path: Path, mapping: Path = MAPPING, **overrides: object) -> IngestReport:
        options: dict[str, object] = {
            "participant": "RS",
            "authority": "RS-MUP",
            "dataset": "persons",
            "actor": "cli:test",
            "id_key": accord_env.id_key,
            "retention": retention_table(),
        }
        options.update(overrides)
        job = IngestJob(path=path, mapping=mapping, **options)  # type: ignore[arg-type]
        return ingest_file(embedded, job)

    return run
