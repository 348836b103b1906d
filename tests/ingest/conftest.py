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
def ingest_store(store_settings: Settings) -> Iterator[Store]:
    """The store an ingest writes to: the embedded one and, in a second run, PostgreSQL."""
    opened = open_store(store_settings)
    yield opened
    opened.close()


@pytest.fixture
def ingest(ingest_store: Store, store_settings: Settings) -> Ingest:
    def run(path: Path, mapping: Path = MAPPING, **overrides: object) -> IngestReport:
        options: dict[str, object] = {
            "participant": "RS",
            "authority": "RS-MUP",
            "dataset": "persons",
            "actor": "cli:test",
            "id_key": store_settings.id_key,
            "retention": retention_table(),
        }
        options.update(overrides)
        job = IngestJob(path=path, mapping=mapping, **options)  # type: ignore[arg-type]
        return ingest_file(ingest_store, job)

    return run
