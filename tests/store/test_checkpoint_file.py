"""Each store keeps its own checkpoint file, so stores sharing a key directory never collide."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from accord.settings import Settings
from accord.store import AuditEntry, checkpoint_file, open_store


def _on(settings: Settings, url: str) -> Settings:
    return dataclasses.replace(settings, database_url=url)


def _log(settings: Settings, n: int) -> None:
    store = open_store(settings)
    try:
        for i in range(n):
            store.log(AuditEntry(f"u{i}", "RS-GP", "consultation", "border-management", [f"r{i}"]))
    finally:
        store.close()


def test_two_stores_sharing_a_key_directory_both_verify(
    accord_env: Settings, tmp_path: Path
) -> None:
    first = _on(accord_env, f"sqlite:///{tmp_path / 'first.db'}")
    second = _on(accord_env, f"sqlite:///{tmp_path / 'second.db'}")
    _log(first, 5)
    _log(second, 2)  # shorter: the first store's checkpoints 3-5 would read as a cut tail here
    for settings, entries in ((first, 5), (second, 2)):
        store = open_store(settings)
        try:
            result = store.verify_audit()
        finally:
            store.close()
        assert result.ok and result.entries == entries
    assert checkpoint_file(first) != checkpoint_file(second)
    assert checkpoint_file(first).parent == accord_env.key_file.parent


def test_a_cut_tail_is_still_caught_by_the_file_of_its_own_store(
    accord_env: Settings, tmp_path: Path
) -> None:
    settings = _on(accord_env, f"sqlite:///{tmp_path / 'cut.db'}")
    _log(settings, 4)
    lines = checkpoint_file(settings).read_text().splitlines()
    assert len(lines) == 4
    (tmp_path / "cut.db").unlink()  # the whole database replaced by a fresh, shorter one
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp_path / 'cut.db'}{suffix}").unlink(missing_ok=True)
    _log(settings, 1)
    store = open_store(settings)
    try:
        result = store.verify_audit()
    finally:
        store.close()
    assert not result.ok  # the new chain differs from what the file signed for this database


def test_the_file_is_named_for_where_the_database_lives(
    accord_env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    relative = checkpoint_file(_on(accord_env, "sqlite:///stores/main.db"))
    absolute = checkpoint_file(_on(accord_env, f"sqlite:///{tmp_path / 'stores' / 'main.db'}"))
    assert relative == absolute and relative.name.startswith("audit-checkpoints-main-")
    pg = "postgresql+psycopg://{}@db.example:5432/accord"
    # who logs in, or with which password, does not change which database is guarded
    assert checkpoint_file(_on(accord_env, pg.format("a:secret"))) == checkpoint_file(
        _on(accord_env, pg.format("b"))
    )
    other = checkpoint_file(_on(accord_env, "postgresql+psycopg://a@db.example:5432/other"))
    assert other != checkpoint_file(_on(accord_env, pg.format("a")))
    assert "secret" not in os.fspath(checkpoint_file(_on(accord_env, pg.format("a:secret"))))


def test_the_files_directory_is_made_again_when_it_went_missing(
    accord_env: Settings, tmp_path: Path
) -> None:
    settings = _on(accord_env, f"sqlite:///{tmp_path / 'gone.db'}")
    path = checkpoint_file(settings)
    store = open_store(settings)
    try:
        store.log(AuditEntry("u1", "RS-GP", "consultation", "border-management", ["r1"]))
        assert len(path.read_text().splitlines()) == 1
        moved = path.parent.rename(path.parent.with_name(path.parent.name + "-moved"))
        store.log(AuditEntry("u2", "RS-GP", "consultation", "border-management", ["r2"]))
        assert len(path.read_text().splitlines()) == 1  # the directory made again, the line kept
        assert len((moved / path.name).read_text().splitlines()) == 1
    finally:
        store.close()
