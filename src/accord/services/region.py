"""Load a generated region (the scenario generator's output) into the store, file by file."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from accord.errors import InputError
from accord.services.context import Services
from accord.services.ingest import ingest_path

__all__ = ["RegionLoad", "default_agreements", "load_agreements", "load_region"]


@dataclass
class RegionLoad:
    files: int = 0
    read: int = 0
    stored: int = 0
    quarantined: int = 0
    duplicates: int = 0
    by_participant: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def default_agreements() -> list[dict[str, Any]]:
    text = resources.files("accord.model").joinpath("data", "agreements.yaml").read_text("utf-8")
    return list(yaml.safe_load(text)["agreements"])


def load_agreements(services: Services, bodies: list[dict[str, Any]], actor: str) -> list[str]:
    return [services.agreements.add(body, actor=actor).id for body in bodies]


def load_region(
    services: Services,
    folder: Path,
    actor: str,
    on_file: Callable[[dict[str, Any]], None] | None = None,
) -> RegionLoad:
    """Ingest every file the folder's manifest lists, in its order. Re-running stores nothing
    twice."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        raise InputError(
            f"{folder} has no manifest.json.",
            hint="Point at the output folder of `accord scenario generate`.",
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entries = manifest["files"] if isinstance(manifest, dict) else manifest
    total = RegionLoad()
    for entry in entries:
        if on_file:
            on_file(entry)
        report = ingest_path(
            services,
            folder / entry["path"],
            participant=entry["participant"],
            authority=entry["authority"],
            dataset=entry["dataset"],
            mapping=folder / entry["mapping"],
            actor=actor,
        )
        r = report.result
        total.files += 1
        total.read += r.read
        total.stored += r.stored
        total.quarantined += r.quarantined
        total.duplicates += r.duplicates
        code = entry["participant"]
        total.by_participant[code] = total.by_participant.get(code, 0) + r.stored
    return total
