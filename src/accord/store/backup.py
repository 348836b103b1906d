"""Backup and restore of a whole store, the same way for SQLite and PostgreSQL.

A backup is a gzipped tar of one JSON-lines file per table, the audit checkpoint file, and a
manifest with the schema revision, row counts and SHA-256 of every member. Keys are never in it:
they stay in the key file, which is backed up apart. A restore goes into an empty store, checks
every member's hash first, loads all tables in one transaction, and verifies the audit chain.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select, text

from accord.errors import InputError
from accord.store.base import Store
from accord.store.tables import audit_head, metadata

__all__ = ["backup_store", "restore_store"]

_FORMAT = "accord-backup-1"


def _tables() -> list[Table]:
    return list(metadata.sorted_tables)


def _revision(store: Store) -> str:
    with store.read() as conn:
        return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> str:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    archive.addfile(info, io.BytesIO(data))
    return hashlib.sha256(data).hexdigest()


def backup_store(store: Store, out: Path, checkpoint_file: Path | None) -> dict[str, Any]:
    """Write a consistent backup of every table (one read transaction)."""
    manifest: dict[str, Any] = {
        "format": _FORMAT,
        "revision": _revision(store),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": {},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(out, "w:gz") as archive, store.read() as conn:
        for table in _tables():
            lines = [json.dumps(dict(row), default=str, ensure_ascii=False)
                     for row in conn.execute(select(table)).mappings()]  # fmt: skip
            data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
            digest = _add(archive, f"tables/{table.name}.jsonl", data)
            manifest["tables"][table.name] = {"rows": len(lines), "sha256": digest}
        if checkpoint_file is not None and checkpoint_file.exists():
            data = checkpoint_file.read_bytes()
            manifest["checkpoints_sha256"] = _add(archive, "audit-checkpoints.jsonl", data)
        _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode("utf-8"))
    return manifest


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    try:
        handle = archive.extractfile(name)
        if handle is None:
            raise InputError(f"The backup's {name} is not a file.")
        return handle.read()
    except KeyError as exc:
        raise InputError(f"The backup has no {name}.", hint="Is this an Accord backup?") from exc
    except (OSError, EOFError, tarfile.TarError) as exc:
        raise InputError(f"The backup is damaged or cut short ({exc}).") from exc


def restore_store(store: Store, source: Path, checkpoint_file: Path | None) -> dict[str, Any]:
    """Restore a backup into this (empty, migrated) store."""
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 (closed by the with below)
    except (OSError, tarfile.TarError) as exc:
        raise InputError(f"{source} is not a readable backup: {exc}") from exc
    with archive:
        try:
            manifest = json.loads(_member(archive, "manifest.json"))
        except json.JSONDecodeError as exc:
            raise InputError("The backup's manifest is not JSON.") from exc
        if manifest.get("format") != _FORMAT:
            raise InputError(f"{source} is not an Accord backup of a known format.")
        if manifest["revision"] != _revision(store):
            raise InputError(
                f"The backup is of schema revision {manifest['revision']}, this store is at "
                f"{_revision(store)}.",
                hint="Restore with the Accord version that made the backup, then upgrade.",
            )
        members: dict[str, bytes] = {}
        for name, info in manifest["tables"].items():
            data = _member(archive, f"tables/{name}.jsonl")
            if hashlib.sha256(data).hexdigest() != info["sha256"]:
                raise InputError(f"The backup's table {name} is damaged (hash differs).")
            members[name] = data
        checkpoints = None
        if "checkpoints_sha256" in manifest:
            checkpoints = _member(archive, "audit-checkpoints.jsonl")
            if hashlib.sha256(checkpoints).hexdigest() != manifest["checkpoints_sha256"]:
                raise InputError("The backup's audit checkpoints are damaged (hash differs).")
    with store.write() as conn:
        head = conn.execute(select(audit_head.c.seq)).scalar_one()
        used = sum(int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                   for t in _tables() if t.name != "audit_head")  # fmt: skip
        if used or head:
            raise InputError("The target store is not empty.",
                             hint="Restore into a new data directory or database.")  # fmt: skip
        for table in _tables():
            rows = [json.loads(line) for line in members[table.name].decode().splitlines() if line]
            if table.name == "audit_head":
                conn.execute(audit_head.delete())
            if rows:
                conn.execute(insert(table), [_typed(table, row) for row in rows])
        if store.dialect == "postgresql":
            _advance_sequences(conn)
    if checkpoints is not None and checkpoint_file is not None:
        checkpoint_file.parent.mkdir(parents=True, exist_ok=True)
        checkpoint_file.write_bytes(checkpoints)
    verified = store.verify_audit()
    return {"tables": {n: i["rows"] for n, i in manifest["tables"].items()},
            "audit": verified.to_dict()}  # fmt: skip


def _advance_sequences(conn: Any) -> None:
    """Explicit ids do not move PostgreSQL's serial sequences: move them past the restored."""
    for table in _tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                ))  # fmt: skip


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and column.type.python_type is bool:
            value = value in (True, 1, "1", "true", "True")
        out[column.name] = value
    return out
