"""Each kind of bad input gets a clear answer; valid rows are never lost or half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psutil
import pytest

from accord.errors import InputError
from accord.settings import Settings
from accord.store import Store, open_store
from tests.conftest import FIXTURES
from tests.ingest.conftest import MAPPING, Ingest

HEADER = (
    "person_id,first_name,last_name,birth_date,nationality,document_number,phone,category,alert"
)


def _row(i: int, date: str = "1980-01-01") -> str:
    return f"P{i},Ana,Petrović,{date},RS,,,suspect,"


def test_file_that_is_not_what_its_extension_says(ingest: Ingest, tmp_path: Path) -> None:
    fake = tmp_path / "persons.xlsx"
    fake.write_text(HEADER + "\n" + _row(1) + "\n")
    with pytest.raises(InputError, match="not an Excel workbook"):
        ingest(fake)
    archive = tmp_path / "persons.csv"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("data.txt", "hello")
    with pytest.raises(InputError, match="ZIP archive"):
        ingest(archive)
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        ingest(binary)


def test_mixed_encodings_quarantine_only_the_undecodable_rows(
    ingest: Ingest, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    body = (HEADER + "\n" + _row(1) + "\n").encode("utf-8")
    body += "P2,Željko,Čačić,1970-01-05,HR,,,suspect,\n".encode("cp1250")
    body += (_row(3) + "\n").encode("utf-8")
    path.write_bytes(body)
    report = ingest(path)
    r = report.result
    assert (r.read, r.stored, r.quarantined) == (3, 2, 1)


def test_a_200_mb_line_is_quarantined_without_holding_it(ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w") as fh:
        fh.write(HEADER + "\n" + _row(1) + "\n")
        fh.write("P2,")
        block = "x" * (1 << 20)
        for _ in range(200):
            fh.write(block)
        fh.write(",Petrović,1980-01-01,RS,,,suspect,\n")
        fh.write(_row(3) + "\n")
    report = ingest(path)
    r = report.result
    assert (r.read, r.stored, r.quarantined) == (3, 2, 1)


def test_unknown_columns_are_reported_and_refused_when_strict(
    ingest: Ingest, tmp_path: Path
) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(HEADER + ",shoe_size\n" + _row(1) + ",44\n")
    assert ingest(path).unknown_columns == ["shoe_size"]
    with pytest.raises(InputError, match="shoe_size"):
        ingest(path, strict=True)


def test_missing_mapped_column_names_the_column(ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("person_id,first_name\nP1,Ana\n")
    with pytest.raises(InputError, match="last_name"):
        ingest(path)


def test_impossible_dates_go_to_quarantine_with_field_and_value(
    ingest: Ingest, tmp_path: Path, ingest_store: Store
) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(
        HEADER
        + "\n"
        + "\n".join(
            [
                _row(1, "31-02-1990"),
                _row(2, "1990-13-01"),
                _row(3, "00.00.1985"),
                _row(4, "1985-06"),
            ]
        )
        + "\n"
    )
    r = ingest(path).result
    assert (r.stored, r.quarantined) == (2, 2)
    held = {e["row"]: e for e in ingest_store.list_quarantine()}
    assert held[2]["field"] == "birth_date" and held[2]["value"] == "31-02-1990"
    assert "no such day" in held[2]["reason"]
    assert "no month 13" in held[3]["reason"]


def test_missing_envelope_field_in_mapping_is_refused(ingest: Ingest, tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(MAPPING.read_text().replace("  purpose: serious-crime\n", ""))
    with pytest.raises(InputError, match="purpose"):
        ingest(FIXTURES / "persons.csv", mapping=mapping)


def test_bad_literal_in_mapping_stops_before_any_row(ingest: Ingest, tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        MAPPING.read_text().replace("source_reliability: B", "source_reliability: Q")
    )
    with pytest.raises(InputError, match="source_reliability"):
        ingest(FIXTURES / "persons.csv", mapping=mapping)


def test_unknown_participant_or_authority(ingest: Ingest) -> None:
    with pytest.raises(InputError, match="Unknown participant"):
        ingest(FIXTURES / "persons.csv", participant="ZZ")
    with pytest.raises(InputError, match="Unknown authority"):
        ingest(FIXTURES / "persons.csv", authority="RS-NOPE")
    with pytest.raises(InputError, match="belongs to AL"):
        ingest(FIXTURES / "persons.csv", authority="AL-ASP")


def test_ingest_killed_midway_stores_nothing_and_rerun_completes(
    accord_env: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    with path.open("w") as fh:
        fh.write(HEADER + "\n")
        for i in range(150_000):
            fh.write(f"P{i},Ana{i % 997},Petrović,1980-01-{1 + i % 28:02d},RS,,,suspect,\n")
    cmd = [
        sys.executable,
        "-m",
        "accord.cli.main",
        "ingest",
        str(path),
        "--participant",
        "RS",
        "--authority",
        "RS-MUP",
        "--dataset",
        "big",
        "--mapping",
        str(MAPPING),
        "--json",
    ]
    env = dict(os.environ)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Kill it while it works, not while it starts: a file this large is checked by worker
    # processes, which start once the ingest has counted its lines.
    deadline = time.monotonic() + 120
    while not psutil.Process(proc.pid).children() and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.02)
    time.sleep(0.5)
    assert proc.poll() is None, "the ingest finished before it could be killed: use more rows"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_store(accord_env)
    try:
        assert store.count_records() == 0
        assert store.list_batches() == []
        assert store.verify_audit().ok
    finally:
        store.close()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert '"stored": 150000' in done.stdout
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert '"stored": 0' in again.stdout and '"duplicates": 150000' in again.stdout
