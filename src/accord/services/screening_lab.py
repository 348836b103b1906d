"""Screening on generated data: the person records of a region read through the gate of a
scratch store, Splink training of the weights and the calibration of the bands.

Training and measurement only; the index of a running system takes flagged records alone.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from accord.screening import Hasher, IndexSource, ScreeningIndex
from accord.services.context import Services

__all__ = [
    "RegionPersons",
    "calibrate",
    "recalibrate_from_region",
    "region_persons",
    "train_from_region",
]


@dataclass
class RegionPersons:
    """The person records of a generated region, read through the gate of a scratch store."""

    entries: list[Any]
    truth: dict[str, str]
    store_seconds: float
    read_seconds: float


def region_persons(
    services: Services, folder: Any, scratch: Any, extra_datasets: Sequence[str] = ()
) -> RegionPersons:
    """Load the Person files (and ``extra_datasets``) of a generated region into a scratch
    store under ``scratch`` and read every person back through the gate as the index's system
    actor. Training and measurement only: the index itself takes flagged records alone."""
    from dataclasses import replace
    from pathlib import Path

    from accord.screening.entries import features_of
    from accord.screening.evaluation import read_truth
    from accord.services.ingest import ingest_path
    from accord.store import open_store
    from accord.store.tables import records

    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    settings = replace(
        services.settings, database_url=f"sqlite:///{Path(scratch) / 'screening-lab.db'}"
    )
    store = open_store(settings)
    lab = Services(settings=settings, store=store)
    started = time.perf_counter()
    for entry in manifest["files"]:
        if entry["schema"] != "Person" and entry["dataset"] not in extra_datasets:
            continue
        ingest_path(
            lab,
            folder / entry["path"],
            participant=entry["participant"],
            authority=entry["authority"],
            dataset=entry["dataset"],
            mapping=folder / entry["mapping"],
            actor="system:screening-lab",
        )
    stored = time.perf_counter() - started
    started = time.perf_counter()
    with store.read() as conn:
        ids = [row.id for row in conn.execute(select(records.c.id).order_by(records.c.id))]
    source = IndexSource(store)
    entries = [e for e in (features_of(r) for r in source.read(ids)) if e is not None]
    read = time.perf_counter() - started
    store.close()
    return RegionPersons(entries, read_truth(folder, services.settings.id_key), stored, read)


def train_from_region(
    services: Services, folder: Any, scratch: Any, holdout: int = 3000, seed: int = 2025
) -> dict[str, Any]:
    """Train the weights with Splink's EM on a generated region, calibrate the bands on
    held-out records, and return the model file's content (``screening/data/model.json``)."""
    from pathlib import Path

    from accord.screening.train import train_splink_model

    folder = Path(folder)
    region = region_persons(services, folder, scratch)
    persons = [e for e in region.entries if e.names]
    splink = train_splink_model(persons, seed=seed)
    model = calibrate(services, splink, persons, region.truth, holdout, seed)
    model["calibration"]["region_seed"] = json.loads((folder / "manifest.json").read_text())["seed"]
    return model


def recalibrate_from_region(
    services: Services, folder: Any, scratch: Any, holdout: int = 3000, seed: int = 2025
) -> dict[str, Any]:
    """Keep the shipped weights and calibrate the bands anew on a generated region (a larger
    one than they were trained on: namesakes grow with the reference set)."""
    from pathlib import Path

    from accord.screening import default_model

    folder = Path(folder)
    region = region_persons(services, folder, scratch)
    persons = [e for e in region.entries if e.names]
    model = calibrate(services, default_model().splink, persons, region.truth, holdout, seed)
    model["calibration"]["region_seed"] = json.loads((folder / "manifest.json").read_text())["seed"]
    model["calibration"]["weights"] = "kept from the shipped model"
    return model


def calibrate(
    services: Services,
    splink: dict[str, Any],
    persons: Sequence[Any],
    truth: dict[str, str],
    holdout: int,
    seed: int,
) -> dict[str, Any]:
    """Bands for a trained Splink model: held-out person records screened against the others
    (:mod:`accord.screening.evaluation`); returns the model file's content."""
    from accord.screening.evaluation import choose_bands, evaluate, query_of, split_holdout
    from accord.screening.model import model_from_dict

    provisional = model_from_dict({"splink_model": splink, "bands": {"high": -99, "review": -99}})
    indexed, held = split_holdout(persons, truth, holdout, seed)
    index = ScreeningIndex(provisional, Hasher(services.settings.screening_key), seed=seed)
    for entry in indexed:
        index.add(entry)
    by_person: dict[str, set[str]] = {}
    for entry in indexed:
        if entry.record_id in truth:
            by_person.setdefault(truth[entry.record_id], set()).add(entry.record_id)
    queries = [(query_of(e), by_person.get(truth.get(e.record_id, ""), set())) for e in held]
    uids = [truth.get(e.record_id) for e in held]

    def same(uid: str, record_id: str) -> bool:
        return truth.get(record_id) == uid

    # the provisional model bands every candidate: the rows carry every score and its truth
    outcome = evaluate(index, queries, truth.get, same, uids)
    bands = choose_bands(outcome.rows)
    model: dict[str, Any] = {"splink_model": splink, "bands": bands}
    index.model = model_from_dict(model)
    figures = evaluate(index, queries, truth.get, same, uids).figures()
    model["calibration"] = {
        "persons": len(persons),
        "held_out": len(held),
        **{k: v for k, v in figures.items() if not k.endswith("_ms")},
    }
    return model
