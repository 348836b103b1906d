from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.errors import InputError
from accord.settings import Settings
from accord.store import AuditEntry, Store, checkpoint_file, open_store
from accord.store.backup import backup_store, restore_store
from tests.store.test_batches import _chunk, _meta, _row


def test_backup_and_restore_round_trip(
    store: Store, store_settings: Settings, tmp_path: Path
) -> None:
    store.write_batch(
        _meta("b1"), [_chunk(2, [_row("rs-1", "Ana"), _row("rs-2", "Đorđe")], [2, 3])]
    )
    store.log(AuditEntry("rs.analyst", "RS-GP", "consultation", "serious-crime", ["rs-1"]))
    checkpoints = checkpoint_file(store_settings)
    assert checkpoints.exists()
    out = tmp_path / "backup.tar.gz"
    manifest = backup_store(store, out, checkpoints)
    assert manifest["tables"]["records"]["rows"] == 2

    target = open_store(
        Settings(
            **{**store_settings.__dict__, "database_url": f"sqlite:///{tmp_path / 'restored.db'}"}
        )
    )
    try:
        result = restore_store(target, out, tmp_path / "restored-checkpoints.jsonl")
        assert result["audit"]["ok"] and result["tables"]["records"] == 2
        with target.read() as conn:
            got = target.get_records(conn, ["rs-1", "rs-2"])
        assert got["rs-2"].properties == {"name": ["Đorđe"]}
        with pytest.raises(InputError, match="not empty"):
            restore_store(target, out, None)
    finally:
        target.close()


def test_a_damaged_backup_is_refused(
    store: Store, store_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "b.tar.gz"
    backup_store(store, out, None)
    out.write_bytes(out.read_bytes()[:-40])
    with pytest.raises(InputError):
        restore_store(store, out, None)
    (tmp_path / "x.tar.gz").write_text(json.dumps({"not": "a backup"}))
    with pytest.raises(InputError):
        restore_store(store, tmp_path / "x.tar.gz", None)


def test_restore_into_either_backend_then_keep_writing(
    store: Store, store_settings: Settings, tmp_path: Path
) -> None:
    from accord.store import QuarantineRow

    source = open_store(
        Settings(
            **{**store_settings.__dict__, "database_url": f"sqlite:///{tmp_path / 'source.db'}"}
        )
    )
    chunk = _chunk(2, [_row("rs-1", "Ana")], [2])
    chunk.quarantined.append(QuarantineRow("f.csv", 3, "x", "y", "bad", {"x": "y"}))
    source.write_batch(_meta("b1"), [chunk])
    backup_store(source, tmp_path / "b.tar.gz", None)
    source.close()
    assert restore_store(store, tmp_path / "b.tar.gz", None)["audit"]["ok"]
    more = _chunk(2, [_row("rs-2", "Marko")], [2])
    more.quarantined.append(QuarantineRow("g.csv", 9, "x", "z", "bad too", {"x": "z"}))
    result = store.write_batch(_meta("b2"), [more])
    assert (result.stored, result.quarantined) == (1, 1)
    assert len(store.list_quarantine()) == 2
    assert store.verify_audit().ok
