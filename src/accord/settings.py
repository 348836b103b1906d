"""One settings object, read once from ``ACCORD_*`` environment variables, frozen.

Every setting is documented in docs/settings.md (a test keeps the two in step). Secrets are never
printed: ``repr`` hides them.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from accord.errors import ConfigError

__all__ = ["Settings", "get_settings", "reset_settings"]

_SECRET_FIELDS = {"id_key", "screening_key", "audit_key", "database_url"}


def _env(name: str, default: str) -> str:
    return os.environ.get(f"ACCORD_{name}", default)


@dataclass(frozen=True)
class Settings:
    """Accord's configuration. Built from the environment by :func:`get_settings`."""

    data_dir: Path
    database_url: str
    key_file: Path
    id_key: bytes = field(repr=False)
    screening_key: bytes = field(repr=False)
    screening_key_previous: bytes | None = field(repr=False)
    audit_key: bytes = field(repr=False)
    suppression_threshold: int
    retention_file: Path | None
    agreements_file: Path | None
    api_rate_per_minute: int
    screen_quota_per_day: int
    session_minutes: int

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):
            value = (
                "***"
                if f.name in _SECRET_FIELDS or f.name.endswith("_previous")
                else getattr(self, f.name)
            )
            parts.append(f"{f.name}={value!r}" if value != "***" else f"{f.name}=***")
        return f"Settings({', '.join(parts)})"

    @property
    def embedded(self) -> bool:
        return self.database_url.startswith("sqlite")


def _load_keys(key_file: Path) -> dict[str, bytes]:
    """Read the key file, creating it with fresh random keys on first use.

    The keys live outside the database so that a copy of the database alone neither reveals the
    keyed hashes' inputs nor lets anyone re-sign a rewritten audit chain.
    """
    names = ("id_key", "screening_key", "audit_key")
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{name}={secrets.token_hex(32)}" for name in names]
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write("\n".join(lines) + "\n")
    keys: dict[str, bytes] = {}
    for number, line in enumerate(key_file.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        try:
            keys[name.strip()] = bytes.fromhex(value.strip())
        except ValueError as exc:
            raise ConfigError(
                f"Key file {key_file}, line {number}: the value of {name.strip()!r} is not hex.",
                hint="Each line must read NAME=HEX; delete the file to have new keys made.",
            ) from exc
    return keys


def _key(name: str, keys: dict[str, bytes]) -> bytes:
    raw = os.environ.get(f"ACCORD_{name.upper()}")
    if raw:
        try:
            return bytes.fromhex(raw)
        except ValueError as exc:
            raise ConfigError(f"ACCORD_{name.upper()} is not a hex string.") from exc
    if name not in keys:
        raise ConfigError(f"The key file has no {name}.", hint="Add a line NAME=HEX (32 bytes).")
    key = keys[name]
    if len(key) < 16:
        raise ConfigError(f"The key {name} is shorter than 16 bytes.", hint="Use 32 random bytes.")
    return key


def _int(name: str, default: int) -> int:
    raw = _env(name, str(default))
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"ACCORD_{name} must be a whole number, not {raw!r}.") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    data_dir = Path(_env("DATA_DIR", str(Path.cwd() / "var"))).expanduser()
    key_file = Path(_env("KEY_FILE", str(data_dir / "keys" / "accord.keys"))).expanduser()
    keys = _load_keys(key_file)
    previous = os.environ.get("ACCORD_SCREENING_KEY_PREVIOUS") or None
    retention = _env("RETENTION_FILE", "")
    agreements = _env("AGREEMENTS_FILE", "")
    return Settings(
        data_dir=data_dir,
        database_url=_env("DATABASE_URL", f"sqlite:///{data_dir / 'accord.db'}"),
        key_file=key_file,
        id_key=_key("id_key", keys),
        screening_key=_key("screening_key", keys),
        screening_key_previous=bytes.fromhex(previous) if previous else None,
        audit_key=_key("audit_key", keys),
        suppression_threshold=_int("SUPPRESSION_THRESHOLD", 5),
        retention_file=Path(retention) if retention else None,
        agreements_file=Path(agreements) if agreements else None,
        api_rate_per_minute=_int("API_RATE_PER_MINUTE", 600),
        screen_quota_per_day=_int("SCREEN_QUOTA_PER_DAY", 20000),
        session_minutes=_int("SESSION_MINUTES", 30),
    )


def reset_settings() -> None:
    """Forget the cached settings (tests change the environment)."""
    get_settings.cache_clear()
