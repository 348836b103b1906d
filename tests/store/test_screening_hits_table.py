"""The hit references' table: indexed by reference alone (migration 0005), on a new store and
on one migrated from the schema before."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from accord.store import Store
from accord.store.migrate import alembic_config, migrate


def _indexed_columns(store: Store) -> set[str]:
    found = inspect(store.engine).get_indexes("screening_hits")
    return {column for index in found for column in index["column_names"] if column}


def _downgrade(store: Store, target: str) -> None:
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), target)


def test_hits_are_not_indexed_by_record(store: Store) -> None:
    assert "record_id" not in _indexed_columns(store)
    # the schema before, then migrated again: the index goes
    _downgrade(store, "0004")
    assert "record_id" in _indexed_columns(store)
    migrate(store.engine)
    assert "record_id" not in _indexed_columns(store)
