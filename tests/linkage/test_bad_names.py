"""``accord link`` on the bad name and date values of the issue: each has a defined handling."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app
from tests.linkage.cases import COLUMNS
from tests.linkage.test_cli import _clusters, _write

runner = CliRunner()

ROWS: list[tuple[str | None, ...]] = [
    # one person in capitals and in a name that mixes scripts: linked
    ("caps", "GB", "PETAR", "PETROVIĆ", "1980-05-12", "M", "SRB", ""),
    ("mixed", "RS", "Петар", "Petrović", "12.05.1980.", "M", "SRB", ""),
    # one-letter names: kept, compared on what they hold; not joined with Petar on a P alone
    ("one-letter", "ME", "P", "P", "1980-05-12", "M", "SRB", ""),
    # impossible and zeroed dates: read as the year (repaired) or as a partial date
    ("feb31", "RS", "Jovan", "Ilić", "31-02-1990", "M", "SRB", ""),
    ("zeros", "RS", "Marko", "Ilić", "00.00.1985", "M", "SRB", ""),
    # emoji and control characters only: no name left, the record stays
    ("emoji", "XK", "😀", "\x07\x1b", "1990", "M", "XKX", ""),
]


def test_each_bad_value_has_a_defined_handling(tmp_path: Path) -> None:
    source = _write(tmp_path / "bad.csv", ROWS, COLUMNS[:8])
    out = tmp_path / "clusters.csv"
    result = runner.invoke(app, ["link", str(source), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    clusters = _clusters(out)
    assert set(clusters) == {row[0] for row in ROWS}  # nothing dropped
    assert clusters["caps"] == clusters["mixed"]
    assert clusters["one-letter"] != clusters["caps"]
    summary = json.loads(result.stdout)
    assert summary["input"]["dates_repaired"] == 1  # 31-02-1990: the year 1990
    assert summary["input"]["dates_partial"] >= 2  # 00.00.1985 and the emoji record's 1990
    assert summary["input"]["no_name"] == 1  # the emoji and control characters


def test_a_csv_without_the_required_columns_names_them(tmp_path: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_text("id,name\n1,Petar Petrović\n", encoding="utf-8")
    result = runner.invoke(app, ["link", str(source), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert str(source.name) in message
    for column in ("record_id", "participant", "first_name", "last_name", "birth_date"):
        assert column in message
