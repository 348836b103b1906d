"""The store of ``accord bench screen``: a generated region's persons (every non-victim one
flagged, as if each were the subject of an alert) and its flagged documents, vans and firearms,
loaded into a scratch store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["iso_birth", "load_bench_store", "rss_mb"]

_FLAGGED_DATASETS = ("lost_documents", "lost_id_cards", "police_vehicles", "firearms")


def rss_mb(pid: int | None = None) -> float:
    import psutil

    return round(psutil.Process(pid).memory_info().rss / 1_048_576, 1)


def _flagged_mapping(source: Path, target: Path) -> Path:
    """The mapping with every non-victim person flagged ``wanted``: the bench indexes every
    generated person, as if each were the subject of an alert."""
    import yaml

    mapping = yaml.safe_load(source.read_text(encoding="utf-8"))
    envelope = mapping.setdefault("envelope", {})
    if envelope.get("subject_category") != "victim" and "alert" not in envelope:
        envelope["alert"] = "wanted"
    target.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return target


def load_bench_store(svc: Any, region: Path, scratch: Path) -> None:
    import json

    from accord.services.ingest import ingest_path
    from accord.services.region import default_agreements, load_agreements

    load_agreements(svc, default_agreements(), "system:bench")
    manifest = json.loads((region / "manifest.json").read_text(encoding="utf-8"))
    for number, entry in enumerate(manifest["files"]):
        mapping = region / entry["mapping"]
        if entry["schema"] == "Person":
            mapping = _flagged_mapping(mapping, scratch / f"mapping-{number}.yaml")
        elif entry["dataset"] not in _FLAGGED_DATASETS:
            continue
        ingest_path(
            svc,
            region / entry["path"],
            participant=entry["participant"],
            authority=entry["authority"],
            dataset=entry["dataset"],
            mapping=mapping,
            actor="system:bench",
        )


def iso_birth(entry: Any) -> str:
    birth = entry.birth
    if not birth.year:
        return ""
    if not birth.month:
        return f"{birth.year:04d}"
    if not birth.day:
        return f"{birth.year:04d}-{birth.month:02d}"
    return f"{birth.year:04d}-{birth.month:02d}-{birth.day:02d}"
