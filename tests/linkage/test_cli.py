"""``accord link`` on CSV files: the output, the errors, the bad values."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.settings import Settings
from tests.linkage.cases import COLUMNS, HARD_CASES, PERSONS

runner = CliRunner()


def _write(
    path: Path, rows: list[tuple[str | None, ...]], columns: tuple[str, ...] = COLUMNS
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row[: len(columns)]])
    return path


def _clusters(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(rows[0]) == {"record_id", "cluster_id"}
    found = {row["record_id"]: row["cluster_id"] for row in rows}
    assert len(found) == len(rows), "a record appears twice"
    return found


def test_link_two_files_writes_every_record_once(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.csv", HARD_CASES[:10])
    second = _write(tmp_path / "b.csv", HARD_CASES[10:], COLUMNS[:8])  # without the optional ones
    out = tmp_path / "clusters.csv"
    result = runner.invoke(app, ["link", str(first), str(second), "--out", str(out)])
    assert result.exit_code == 0, result.output
    clusters = _clusters(out)
    assert set(clusters) == set(PERSONS)
    assert clusters["rs-petar"] == clusters["gb-petar"]
    assert clusters["rs-aleksandar"] != clusters["rs-aleksandra"]
    assert "identities" in result.stdout


def test_missing_columns_are_named_with_the_file(tmp_path: Path) -> None:
    source = tmp_path / "persons.csv"
    source.write_text("record_id,first_name,last_name\n1,Petar,Petrović\n", encoding="utf-8")
    result = runner.invoke(app, ["link", str(source), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "persons.csv" in message
    for column in ("participant", "birth_date", "sex", "nationality", "document_number"):
        assert column in message
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"record_id,participant,first_name,last_name,birth_date,sex,nationality,document_number\n"
            b"1,RS,P\xe9tar,P,1980,M,RS,\n",
            "not UTF-8",
        ),
        (
            b"record_id,participant,first_name,last_name,birth_date,sex,nationality,document_number\n"
            b"1,RS,Petar,P,1980,M,RS,\n1,RS,Ana,P,1981,F,RS,\n",
            "appears more than once",
        ),
        (
            b"record_id,participant,first_name,last_name,birth_date,sex,nationality,document_number\n"
            b",RS,Petar,P,1980,M,RS,\n",
            "empty record_id",
        ),
        (b"", "empty"),
        (
            b"record_id,participant,first_name,last_name,birth_date,sex,nationality,document_number\n"
            b'1,RS,"Petar,P,1980,M,RS,\n',
            "CSV",
        ),
    ],
)
def test_unusable_files_get_a_clear_error(tmp_path: Path, content: bytes, expected: str) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    result = runner.invoke(app, ["link", str(source), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2, result.output
    assert expected in " ".join(result.output.split())
    assert "in.csv" in result.output


def test_a_missing_file_and_a_missing_output_are_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["link", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o")])
    # the message is wrapped to the terminal's width, which depends on the path's length
    assert result.exit_code == 2 and "no such file" in " ".join(result.output.split())
    source = _write(tmp_path / "a.csv", HARD_CASES[:2])
    result = runner.invoke(app, ["link", str(source)])
    assert result.exit_code == 2 and "--out" in result.output


def test_bad_values_are_handled_and_every_record_is_written(tmp_path: Path) -> None:
    rows = [
        ("d1", "RS", "Jovan", "Ilić", "31-02-1990", "M", "SRB", ""),
        ("d2", "RS", "Jovan", "Ilić", "00.00.1985", "M", "SRB", ""),
        ("e1", "XK", "😀😀", "🙂", "1990", "x", "ZZZ", "🙂"),
        ("c1", "AL", "Ar\x07ben", "Kras\x1bniqi", "1975-06-07", "M", "ALB", "\x00"),
        ("l1", "BA", "Emir" * 2600, "Hodžić" * 1800, "1961-04-20", "M", "BIH", "9" * 10_000),
        ("n1", "ME", "", "", "", "", "", ""),
        ("n2", "ME", "", "", "", "", "", ""),
    ]
    source = _write(tmp_path / "bad.csv", rows, COLUMNS[:8])
    out = tmp_path / "clusters.csv"
    result = runner.invoke(app, ["link", str(source), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    clusters = _clusters(out)
    assert set(clusters) == {r[0] for r in rows}
    assert clusters["n1"] != clusters["n2"]  # two empty records are not one person


def test_evidence_columns_on_request(tmp_path: Path) -> None:
    source = _write(tmp_path / "a.csv", HARD_CASES)
    out = tmp_path / "clusters.csv"
    result = runner.invoke(app, ["link", str(source), "--out", str(out), "--evidence"])
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(out, infer_schema=False)
    assert frame.columns == [
        "record_id",
        "cluster_id",
        "linked_to",
        "match_probability",
        "evidence",
    ]
    assert frame["evidence"].drop_nulls().str.contains('"field":"name"').all()


def test_link_from_the_store_prints_a_summary(accord_env: Settings) -> None:
    result = runner.invoke(app, ["link", "--from-store"])
    assert result.exit_code == 0, result.output
    assert "system:linkage" in result.stdout
    assert "0 records" in result.stdout
