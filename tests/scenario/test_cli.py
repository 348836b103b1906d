"""``accord scenario generate`` and ``accord bench scenario``, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from accord.cli.groups import bench_app
from accord.cli.scenario import app as scenario_app

# The two groups as the root application mounts them, without importing every other topic.
app = typer.Typer()
app.add_typer(scenario_app, name="scenario")
app.add_typer(bench_app, name="bench")
runner = CliRunner()


def test_generate_prints_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "region"
    result = runner.invoke(
        app,
        [
            "scenario",
            "generate",
            "--seed",
            "3",
            "--scale",
            "400",
            "--out",
            str(out),
            "--workers",
            "1",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["person_records"] > 100
    assert "RS" in summary["rows_by_participant"]
    assert (out / "manifest.json").exists() and (out / "truth" / "identities.csv").exists()


def test_generate_table_names_the_truth(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["scenario", "generate", "--scale", "300", "--out", str(tmp_path / "r"), "--workers", "1"],
    )
    assert result.exit_code == 0, result.output
    assert "Truth in" in result.stdout and "AGR-WB-BORDER-2025" in result.stdout


def test_bad_scale_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["scenario", "generate", "--scale", "5", "--out", str(tmp_path / "r")]
    )
    assert result.exit_code == 2


def test_bench_scenario_prints_its_figures() -> None:
    result = runner.invoke(
        app, ["bench", "scenario", "--records", "500", "--workers", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert {"records", "seconds", "peak_mb", "baseline"} <= set(figures)
    assert figures["records"] > 300 and figures["peak_mb"] > 0
