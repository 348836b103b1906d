"""The scenario's manifest and mapping files.

``manifest.json`` lists every data file with its mapping, originator and row count, in an order an
ingest can follow: datasets that others refer to come first. Everything is written with sorted,
fixed formatting so that the same seed gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from accord.scenario.catalogue import LEGAL_BASES
from accord.scenario.datasets import DatasetSpec
from accord.scenario.figures import REFERENCE_DATE
from accord.scenario.sink import TRUTH_FILES

__all__ = ["KOSOVO_NOTE", "TRUTH_DESCRIPTIONS", "ordered", "write_manifest", "write_mappings"]

KOSOVO_NOTE = (
    "*This designation is without prejudice to positions on status, and is in line with UNSCR "
    "1244/1999 and the ICJ Opinion on the Kosovo declaration of independence."
)

TRUTH_DESCRIPTIONS = {
    "identities": "record key -> true person, across participants (Person records)",
    "entities": "record key -> true entity (companies, vehicles, accounts, firearms...)",
    "families": "household and travelling-family members",
    "hard_negatives": "pairs that must not be merged: twins, family members, namesakes",
    "networks": "planted networks: node, network, role",
    "high_value_targets": "ranked high-value targets with reasons",
    "screening_hits": "queries a border officer might screen and the flagged record to hit",
    "asset_discrepancies": "planted differences between declarations and registries",
    "firearm_traces": "firearm records of the same weapon across participants",
    "indicators_migration": "detections counted from the data by month/route/nationality",
    "indicators_vawg": "VAWG aggregate indicators (counts only)",
}


def _level(spec: DatasetSpec, specs: dict[str, DatasetSpec], seen: tuple[str, ...] = ()) -> int:
    levels = [0]
    for ref in spec.refs:
        target = specs.get(f"{spec.participant}/{ref}")
        if target is None or target.id == spec.id or target.id in seen:
            continue
        levels.append(1 + _level(target, specs, (*seen, spec.id)))
    return max(levels)


def ordered(specs: dict[str, DatasetSpec], written: set[str]) -> list[DatasetSpec]:
    """The written datasets, those referred to before those referring to them."""
    chosen = [spec for spec_id, spec in specs.items() if spec_id in written]
    return sorted(chosen, key=lambda s: (_level(s, specs), s.participant, s.dataset))


def write_mappings(out: Path, specs: list[DatasetSpec]) -> None:
    for spec in specs:
        text = yaml.safe_dump(spec.mapping(), sort_keys=False, allow_unicode=True, width=100)
        (out / spec.mapping_path).write_text(text, encoding="utf-8")


def write_manifest(
    out: Path,
    seed: int,
    scale: int,
    specs: list[DatasetSpec],
    rows: dict[str, int],
    truth_rows: dict[str, int],
) -> dict[str, Any]:
    truth_files = [*TRUTH_FILES, "indicators_migration", "indicators_vawg"]
    manifest: dict[str, Any] = {
        "generator": "accord.scenario",
        "format": 1,
        "seed": seed,
        "scale": scale,
        "reference_date": REFERENCE_DATE.isoformat(),
        "period": ["2022-01-01", REFERENCE_DATE.isoformat()],
        "note": KOSOVO_NOTE,
        "legal_bases": [{"id": key, "covers": value} for key, value in LEGAL_BASES.items()],
        "files": [
            {
                "path": spec.path,
                "mapping": spec.mapping_path,
                "participant": spec.participant,
                "authority": spec.authority,
                "dataset": spec.dataset,
                "schema": spec.schema,
                "rows": rows[spec.id],
            }
            for spec in specs
        ],
        "truth": [
            {
                "path": f"truth/{name}.csv",
                "rows": truth_rows.get(name, 0),
                "description": TRUTH_DESCRIPTIONS[name],
            }
            for name in truth_files
        ],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")
    return manifest
