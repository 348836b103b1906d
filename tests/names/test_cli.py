"""``accord names compare|score`` and ``accord eval names`` run in-process."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app

runner = CliRunner()


def test_compare_json() -> None:
    result = runner.invoke(app, ["names", "compare", "Петар Петровић", "Petar Petrovic", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"name_a", "name_b", "score", "match", "reasons"}
    assert data["match"] is True
    assert data["name_a"] == "Петар Петровић"
    assert "same name after transliteration from Cyrillic" in data["reasons"]


def test_compare_text() -> None:
    result = runner.invoke(app, ["names", "compare", "Aleksandar Vučić", "Aleksandra Vučić"])
    assert result.exit_code == 0
    assert "no match" in result.stdout
    assert "gender form" in result.stdout


def test_score_keeps_columns_and_adds_score_and_match(tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text(
        "case,name_a,name_b\n1,Петар Петровић,Petar Petrovic\n2,Marko Petrović,Mirko Petrović\n",
        encoding="utf-8",
    )
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["names", "score", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["case", "name_a", "name_b", "score", "match"]
    assert [r["match"] for r in rows] == ["true", "false"]
    assert [r["case"] for r in rows] == ["1", "2"]


def test_score_names_the_file_and_the_missing_column(tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text("name_a,second\nPetar,Petar\n", encoding="utf-8")
    result = runner.invoke(app, ["names", "score", str(source), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())  # the console may wrap long lines
    assert str(source) in message
    assert "missing column name_b" in message


def test_score_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = runner.invoke(app, ["names", "score", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no such file" in " ".join(result.stderr.split())


def test_eval_names_json() -> None:
    result = runner.invoke(app, ["eval", "names", "--split", "heldout", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["split"] == "heldout"
    assert data["accord"]["f1"] >= 0.95
    assert {"precision", "recall", "f1", "average_precision"} <= set(data["baseline"])
    assert {c["category"] for c in data["categories"]} >= {"cyrillic-latin", "gender-forms"}


def test_eval_names_table_and_bad_split() -> None:
    result = runner.invoke(app, ["eval", "names"])
    assert result.exit_code == 0
    assert "Baseline" in result.stdout
    bad = runner.invoke(app, ["eval", "names", "--split", "test"])
    assert bad.exit_code == 2
    assert "unknown split" in " ".join(bad.stderr.split())


def test_bench_names_json() -> None:
    result = runner.invoke(app, ["bench", "names", "--repeat", "1", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pairs"] >= 1000
    assert {"compare_us", "score_only_us", "normalise_name_us", "baseline_us"} <= set(data)


def test_score_bad_names_each_get_a_defined_score(tmp_path: Path) -> None:
    rows = [
        ("empty", "", "Petar Petrović"),
        ("one-letter", "P", "Petar"),
        ("capitals", "PETAR PETROVIĆ", "Petar Petrović"),
        ("mixed-scripts", "Петар Petrović", "Petar Petrovic"),
        ("emoji-control", "Pe\x07tar 😀 Petrović\x1b", "Petar Petrović"),
        ("ten-kb", "Petar " * 1700, "Petar"),
    ]
    source = tmp_path / "pairs.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["case", "name_a", "name_b"])
        writer.writerows(rows)
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["names", "score", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        scored = {row["case"]: row for row in csv.DictReader(handle)}
    assert list(scored) == [row[0] for row in rows]  # every row, in order
    assert float(scored["empty"]["score"]) == 0.0 and scored["empty"]["match"] == "false"
    # an initial that agrees counts for, but is not enough alone
    assert 0.0 < float(scored["one-letter"]["score"]) < 0.5
    for case in ("capitals", "mixed-scripts", "emoji-control"):
        assert scored[case]["match"] == "true", case
    # read up to its first 8 tokens: seven Petars more than the other name
    assert scored["ten-kb"]["match"] == "false"
