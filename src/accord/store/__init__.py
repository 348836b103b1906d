"""Persistence behind one interface: the embedded SQLite default and PostgreSQL for servers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sqlalchemy.engine import make_url

from accord.errors import ConfigError
from accord.settings import Settings, get_settings
from accord.store.audit import AuditEntry, Verification
from accord.store.base import Store
from accord.store.batch import BatchMeta, BatchResult, Chunk, QuarantineRow
from accord.store.records import StoredRecord

__all__ = [
    "AuditEntry",
    "BatchMeta",
    "BatchResult",
    "Chunk",
    "QuarantineRow",
    "Store",
    "StoredRecord",
    "Verification",
    "checkpoint_file",
    "open_store",
]


def checkpoint_file(settings: Settings) -> Path:
    """The file outside the database where this store's signed audit checkpoints are appended.

    Beside the key file, and named for the database it guards, so that two stores sharing a key
    directory (the demo store and a scratch store of a benchmark, two PostgreSQL databases) never
    read each other's checkpoints as their own. The name comes from where the database lives,
    never from anything stored in it: a rewritten database cannot point itself at another file.
    """
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        location = str(Path(database).resolve()) if database else ":memory:"
        stem = Path(database).stem or "memory"
    else:
        location = f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database}"
        stem = url.database or "database"
    digest = hashlib.sha256(location.encode()).hexdigest()[:12]
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)[:40]
    return settings.key_file.parent / f"audit-checkpoints-{safe}-{digest}.jsonl"


def open_store(settings: Settings | None = None) -> Store:
    """Open (and migrate) the store the settings name."""
    settings = settings or get_settings()
    url = settings.database_url
    checkpoints = checkpoint_file(settings)
    if url.startswith("sqlite"):
        from accord.store.sqlite import SqliteStore

        return SqliteStore(url, settings.audit_key, checkpoints)
    if url.startswith(("postgresql", "postgres")):
        from accord.store.postgres import PostgresStore

        return PostgresStore(url, settings.audit_key, checkpoints)
    raise ConfigError(
        f"Unsupported database URL {url.split(':', 1)[0]!r}.",
        hint="Use sqlite:///PATH (embedded) or postgresql://USER@HOST/DB (server).",
    )
