"""``accord bench ingest``: ingest N generated CSV rows into a fresh embedded store.

The baseline, in the same run, builds and validates the same rows as FollowTheMoney entity
proxies one by one (as FtM's own tools do) without storing them. Besides the elapsed time the
bench reports the processor time of the ingest (its own and its worker processes'), which
depends far less than the elapsed time on what else the machine is running.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from accord.ingest import IngestJob, ingest_file
from accord.ingest.parallel import WorkerUsage
from accord.model.reference import retention_table
from accord.model.schemata import get_model
from accord.store.sqlite import SqliteStore

__all__ = ["IngestBench", "run_ingest_bench"]

_FIRST = ["Petar", "Ana", "Marko", "Jelena", "Arben", "Fatmira", "Ivan", "Mirela", "Nikola",
          "Dragana", "Besnik", "Elira", "Goran", "Snežana", "Đorđe", "Ljubica", "Mohammed",
          "Ahmad", "Fatima", "Aisha"]  # fmt: skip
_LAST = ["Petrović", "Jovanović", "Krasniqi", "Hoxha", "Nikolić", "Đorđević", "Popović",
         "Gashi", "Berisha", "Kovačević", "Marković", "Shehu", "Stojanovski", "Al-Hassan",
         "Rahimi", "Ilić"]  # fmt: skip
_NAT = ["RS", "AL", "XK", "BA", "ME", "MK", "SY", "AF", "TR", "MA", "PK", "IQ"]
_HEADER = ["person_id", "first_name", "last_name", "birth_date", "nationality",
           "document_number", "phone", "category", "alert"]  # fmt: skip

MAPPING = """schema: Person
key: [person_id]
properties:
  firstName: {column: first_name}
  lastName: {column: last_name}
  name: {template: "{first_name} {last_name}"}
  birthDate: {column: birth_date}
  nationality: {column: nationality}
  passportNumber: {column: document_number}
  phone: {column: phone}
envelope:
  handling: [H0]
  source_reliability: B
  information_accuracy: "2"
  subject_category: {column: category}
  nature: fact
  purpose: border-management
  legal_basis: AGR-WB-BORDER-2025
  alert: {column: alert}
"""


@dataclass(frozen=True)
class IngestBench:
    records: int
    seconds: float
    records_per_s: float
    peak_mb: float
    baseline_records_per_s: float
    baseline_rows: int
    cpu_seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "seconds": self.seconds,
            "records_per_s": self.records_per_s,
            "peak_mb": self.peak_mb,
            "baseline_records_per_s": self.baseline_records_per_s,
            "cpu_seconds": self.cpu_seconds,
        }


def _rows(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        year, month, day = rng.randint(1940, 2007), rng.randint(1, 12), rng.randint(1, 28)
        rows.append([
            f"P{i:08d}", rng.choice(_FIRST), rng.choice(_LAST), f"{year}-{month:02d}-{day:02d}",
            rng.choice(_NAT), f"{rng.choice('ABCDEFGH')}{rng.randint(1000000, 9999999)}",
            f"+3816{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}" if i % 4 == 0 else "",
            rng.choice(["suspect", "suspect", "contact", "other", "witness"]),
            "wanted" if i % 50 == 0 else "",
        ])  # fmt: skip
    return rows


def _write_csv(path: Path, count: int, seed: int) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(_HEADER)
        done = 0
        while done < count:
            part = min(100_000, count - done)
            rows = _rows(part, seed + done)
            for row in rows:
                row[0] = f"P{done:08d}"
                done += 1
            writer.writerows(rows)


def _baseline(count: int, seed: int) -> float:
    """FtM proxies one by one: make, add each value with FtM's own cleaning, serialise."""
    model = get_model()
    rows = _rows(count, seed)
    start = time.perf_counter()
    for row in rows:
        proxy = model.make_entity("Person")
        proxy.id = row[0]
        proxy.add("firstName", row[1])
        proxy.add("lastName", row[2])
        proxy.add("name", f"{row[1]} {row[2]}")
        proxy.add("birthDate", row[3])
        proxy.add("nationality", row[4])
        proxy.add("passportNumber", row[5])
        proxy.add("phone", row[6])
        json.dumps(proxy.to_dict())
    elapsed = time.perf_counter() - start
    return round(count / elapsed, 1)


def _cpu_seconds() -> float:
    """Processor time (user and system) of this process; the ingest reports its workers'."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _peak_mb(workers: WorkerUsage | None) -> float:
    """Peak resident memory in MB: this process's, plus each worker's peak and the fork
    server's size (they run at the same time as this process, so this is an upper bound)."""
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1_048_576
    return round(own + (workers.peak_mb if workers else 0.0), 1)


def run_ingest_bench(records: int, seed: int = 7, baseline_rows: int = 50_000) -> IngestBench:
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        folder = Path(tmp)
        data, mapping = folder / "persons.csv", folder / "persons.mapping.yaml"
        _write_csv(data, records, seed)
        mapping.write_text(MAPPING, encoding="utf-8")
        store = SqliteStore(f"sqlite:///{folder / 'bench.db'}", b"a" * 32, None)
        job = IngestJob(path=data, participant="RS", authority="RS-GP", dataset="bench",
                        mapping=mapping, actor="bench", id_key=b"b" * 32,
                        retention=retention_table(), today=date(2026, 1, 1))  # fmt: skip
        cpu, start = _cpu_seconds(), time.perf_counter()
        report = ingest_file(store, job)
        # Closing the store is timed too: it waits for the write-ahead log to be copied back
        # into the database file, as a command-line ingest does before it exits.
        store.close()
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu + (report.workers.cpu_seconds if report.workers else 0.0)
        if report.result.stored != records:
            raise RuntimeError(f"the bench stored {report.result.stored} of {records} rows")
    rows = min(records, baseline_rows)
    return IngestBench(
        records=records,
        seconds=round(seconds, 2),
        records_per_s=round(records / seconds, 1),
        peak_mb=_peak_mb(report.workers),
        baseline_records_per_s=_baseline(rows, seed),
        baseline_rows=rows,
        cpu_seconds=round(cpu, 2),
    )
