"""The scenario benchmark: generate N person records with their events, measure time and peak
memory, beside a baseline from the same run (the same number of rows of independent random
fields written with the csv module, with no conventions, errors, relations or truth)."""

from __future__ import annotations

import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from accord.scenario.generator import generate

__all__ = ["peak_mb", "run_scenario_bench"]


def peak_mb() -> float:
    """Peak resident memory of this process plus its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return round((own + children) * unit / 1_048_576, 1)


def _baseline(rows: int, folder: Path) -> float:
    rng = random.Random(0)
    names = ["Petrović", "Hoxha", "Krasniqi", "Al-Hassan", "Rahimi", "Jovanović"]
    started = time.perf_counter()
    with (folder / "baseline.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for number in range(rows):
            writer.writerow(
                (
                    number,
                    rng.choice(names),
                    rng.choice(names),
                    rng.randint(1950, 2010),
                    "M" if rng.random() < 0.5 else "F",
                    rng.randrange(10**9),
                )
            )
    return time.perf_counter() - started


def run_scenario_bench(records: int, workers: int | None = None, seed: int = 1) -> dict[str, Any]:
    """Generate a scenario of ``records`` person records in a temporary folder and measure it."""
    with tempfile.TemporaryDirectory(prefix="accord-bench-scenario-") as tmp:
        folder = Path(tmp)
        summary = generate(seed, records, folder / "scenario", workers=workers)
        baseline = _baseline(summary.rows, folder)
    return {
        "records": summary.person_records,
        "rows": summary.rows,
        "seconds": round(summary.seconds, 2),
        "peak_mb": peak_mb(),
        "scale": records,
        "workers": workers,
        "baseline": {
            "name": "csv rows of random fields",
            "rows": summary.rows,
            "seconds": round(baseline, 2),
        },
    }
