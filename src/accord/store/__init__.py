"""Persistence behind one interface: the embedded SQLite default and PostgreSQL for servers."""

from __future__ import annotations

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
    "open_store",
]


def open_store(settings: Settings | None = None) -> Store:
    """Open (and migrate) the store the settings name."""
    settings = settings or get_settings()
    url = settings.database_url
    checkpoints = settings.key_file.parent / "audit-checkpoints.jsonl"
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
