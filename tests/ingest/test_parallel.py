"""Workers forked from the fork server store the same bytes as the in-process path."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accord.store import Store
from accord.store.tables import envelopes, records
from tests.ingest.conftest import Ingest

HEADER = (
    "person_id,first_name,last_name,birth_date,nationality,document_number,phone,category,alert"
)


def _stored(store: Store, dataset: str) -> set[tuple[str, str, str, str]]:
    query = (
        select(records.c.schema, records.c.caption, records.c.properties, records.c.content_hash)
        .join(envelopes, envelopes.c.id == records.c.envelope_id)
        .where(envelopes.c.dataset == dataset)
    )
    with store.read() as conn:
        return {(r.schema, r.caption, r.properties, r.content_hash) for r in conn.execute(query)}


def test_parallel_and_in_process_store_the_same_bytes(
    ingest: Ingest, tmp_path: Path, ingest_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [HEADER]
    for i in range(500):
        phone = f"+38164{1000000 + i}" if i % 3 == 0 else ""
        name = ["Ана", 'Zoë "Z"', "Đorđe\\", "Arben"][i % 4]
        rows.append(
            f'P{i},"{name.replace(chr(34), chr(34) * 2)}",Petrović {i % 7},19{50 + i % 50}-0'
            f"{1 + i % 9}-1{i % 10},RS,A{i:07d},{phone},{'suspect' if i % 11 else 'nobody'},"
            f"{'wanted' if i % 5 == 0 else ''}"
        )
    path = tmp_path / "persons.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    alone = ingest(path, dataset="alone")
    assert alone.workers is None
    import accord.ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_ROWS", 100)
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 64)
    parallel = ingest(path, dataset="parallel")
    assert parallel.workers is not None and parallel.workers.cpu_seconds > 0
    assert parallel.workers.peak_mb > 0
    assert parallel.result.to_dict() | {"batch": ""} == alone.result.to_dict() | {"batch": ""}
    assert parallel.result.quarantined == 46  # the rows with a category that does not exist
    assert _stored(ingest_store, "alone") == _stored(ingest_store, "parallel")
    assert len(_stored(ingest_store, "parallel")) == 500 - 46
    # A second run of the same file stores nothing twice.
    again = ingest(path, dataset="parallel")
    assert (again.result.stored, again.result.duplicates) == (0, 454)


_ORPHANING = """
import os, sys, time, psutil
from datetime import date
from pathlib import Path
from accord.ingest.parallel import BuilderPool, BuilderSpec
from accord.model.reference import retention_table

if __name__ == "__main__":
    spec = BuilderSpec(Path(sys.argv[1]), "RS", "RS-GP", "d", b"k" * 32, retention_table(),
                       date(2026, 1, 1), "x.csv")
    pool = BuilderPool(spec)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # until the fork server and a worker are up
        forked = [p for p in psutil.Process().children(recursive=True)
                  if "forkserver" in " ".join(p.cmdline())]
        if len(forked) >= 2:
            break
        time.sleep(0.2)
    print(" ".join(f"{p.pid}:{p.create_time()}" for p in forked), flush=True)
    os._exit(1)  # dies without shutting the pool down
"""


def _still_running(pid: int, created: float) -> bool:
    import psutil

    try:
        process = psutil.Process(pid)
        return process.create_time() == created and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def test_workers_end_when_their_owner_dies(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from tests.ingest.conftest import MAPPING

    script = tmp_path / "orphaning.py"
    script.write_text(_ORPHANING, encoding="utf-8")
    command = [sys.executable, str(script), str(MAPPING)]
    output = tmp_path / "forked.txt"
    # To a file, not a pipe: the forked processes inherit it, and reading a pipe would wait
    # for them all to end.
    with output.open("w") as out:
        subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, timeout=120)
    forked = [(int(pid), float(created)) for pid, created in
              (item.split(":") for item in output.read_text().split())]  # fmt: skip
    assert len(forked) >= 2  # the fork server and at least one worker
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_still_running(*p) for p in forked):
        time.sleep(0.2)
    assert not any(_still_running(*p) for p in forked)


def test_a_bad_mapping_for_a_large_file_leaves_no_worker(
    ingest: Ingest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers start before the mapping is read; a mapping that does not fit the file
    still gets its plain error, and the pool is shut down with it."""
    import psutil

    import accord.ingest.pipeline as pipeline
    from accord.errors import InputError

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_ROWS", 10)
    path = tmp_path / "persons.csv"
    lines = ["person_id,first_name,birth_date"]  # no last_name, nationality, ...
    lines += [f"P{i},Ana,1990-01-0{1 + i % 9}" for i in range(50)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not in the file"):
        ingest(path, dataset="bad-mapping")
    servers = [p for p in psutil.Process().children()
               if "forkserver" in " ".join(p.cmdline())]  # fmt: skip
    assert servers  # the pool was started before the mapping was read
    assert not [child for server in servers for child in server.children()]
