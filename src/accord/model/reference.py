"""Reference data: participants, authorities and retention defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from accord.errors import ConfigError, InputError
from accord.model.codes import SubjectCategory

__all__ = [
    "Authority",
    "Participant",
    "RetentionTable",
    "authorities",
    "get_authority",
    "get_participant",
    "participants",
    "retention_table",
]


@dataclass(frozen=True, slots=True)
class Participant:
    code: str
    name: str
    kind: str
    region: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Authority:
    id: str
    participant: str
    name: str
    kinds: tuple[str, ...]


def _read(name: str) -> dict[str, Any]:
    text = resources.files("accord.model").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@lru_cache(maxsize=1)
def participants() -> dict[str, Participant]:
    raw = _read("participants.yaml")["participants"]
    return {
        code: Participant(
            code=code,
            name=spec["name"],
            kind=spec["kind"],
            region=spec.get("region"),
            note=spec.get("note"),
        )
        for code, spec in raw.items()
    }


@lru_cache(maxsize=1)
def authorities() -> dict[str, Authority]:
    raw = _read("authorities.yaml")["authorities"]
    return {
        key: Authority(
            id=key, participant=spec["participant"], name=spec["name"], kinds=tuple(spec["kinds"])
        )
        for key, spec in raw.items()
    }


def get_participant(code: str) -> Participant:
    found = participants().get(code.strip().upper())
    if found is None:
        known = ", ".join(sorted(participants()))
        raise InputError(f"Unknown participant {code!r}.", hint=f"Use one of: {known}.")
    return found


def get_authority(authority_id: str, participant: str | None = None) -> Authority:
    found = authorities().get(authority_id.strip().upper())
    if found is None:
        raise InputError(
            f"Unknown authority {authority_id!r}.",
            hint="Run `accord authorities` to list them (ids look like RS-GP).",
        )
    if participant is not None and found.participant != participant.strip().upper():
        raise InputError(
            f"Authority {found.id} belongs to {found.participant}, not to {participant!r}.",
            hint="Give the participant the authority belongs to.",
        )
    return found


@dataclass(frozen=True)
class RetentionTable:
    """Review and delete-by periods (days) by data-subject category."""

    periods: dict[SubjectCategory, tuple[int, int]]

    def dates(self, category: SubjectCategory, collected: date) -> tuple[date, date]:
        review, delete = self.periods[category]
        return collected + timedelta(days=review), collected + timedelta(days=delete)


def retention_table(path: Path | None = None) -> RetentionTable:
    """The retention table from ``path`` or the shipped defaults."""
    if path is None:
        raw = _read("retention.yaml")
    else:
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"Cannot read the retention file {path}: {exc.strerror}.") from exc
    periods: dict[SubjectCategory, tuple[int, int]] = {}
    for category in SubjectCategory:
        spec = (raw.get("retention") or {}).get(category.value)
        if spec is None:
            raise ConfigError(f"The retention table has no entry for {category.value!r}.")
        review, delete = int(spec["review_days"]), int(spec["delete_days"])
        if delete < review:
            raise ConfigError(f"Retention for {category.value}: delete_days < review_days.")
        periods[category] = (review, delete)
    return RetentionTable(periods)
