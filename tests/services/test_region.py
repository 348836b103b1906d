"""A generated region loads through the real ingest: every file, every planted identity."""

from __future__ import annotations

import csv
from pathlib import Path

from accord.model.ids import record_id
from accord.scenario import generate
from accord.services import Services
from accord.services.region import load_region


def test_a_generated_region_loads_whole_and_twice_stores_nothing_new(
    svc: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "region"
    generate(seed=11, scale=300, out=folder)
    first = load_region(svc, folder, "test")
    assert first.files > 50
    assert first.read == first.stored + first.quarantined + first.duplicates
    assert first.quarantined <= first.read * 0.01  # only the planted unusable values
    truth = list(csv.DictReader((folder / "truth" / "identities.csv").open(encoding="utf-8")))
    ids = [
        record_id(svc.settings.id_key, t["participant"], t["authority"], t["dataset"], t["key"])
        for t in truth
    ]
    with svc.store.read() as conn:
        found = svc.store.get_records(conn, ids)
    assert len(found) == len(set(ids))
    again = load_region(svc, folder, "test")
    assert again.stored == 0 and again.duplicates == first.stored
    assert svc.store.verify_audit().ok
