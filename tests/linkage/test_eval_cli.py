"""``accord eval link`` and ``accord bench link`` on a small generated region."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from accord.cli.main import app

runner = CliRunner()


def test_bench_link_prints_the_issue_figures_beside_the_baseline() -> None:
    result = runner.invoke(app, ["bench", "link", "--records", "400", "--seed", "3", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    wanted = {"records", "seconds", "peak_mb", "precision", "recall", "f1", "baseline_seconds",
              "baseline_f1"}  # fmt: skip
    assert wanted <= set(figures)
    assert figures["records"] > 300
    assert figures["seconds"] > 0 and figures["peak_mb"] > 0 and figures["cpu_seconds"] > 0
    for key in ("precision", "recall", "f1", "baseline_f1"):
        assert 0.0 <= figures[key] <= 1.0
    # the generated region is multi-participant with planted truth: both find real links
    assert figures["f1"] > 0.5 and figures["baseline_f1"] > 0.0


def test_eval_link_prints_pairwise_and_bcubed_for_both() -> None:
    result = runner.invoke(app, ["eval", "link", "--seed", "3", "--scale", "400", "--json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["split"] == "custom" and len(report["participants"]) > 3
    for system in ("accord", "baseline"):
        for kind in ("pairwise", "bcubed"):
            assert set(report[system]["scores"][kind]) == {"precision", "recall", "f1"}
    table = runner.invoke(app, ["eval", "link", "--seed", "3", "--scale", "400"])
    assert table.exit_code == 0 and "B³ F1" in table.stdout
