"""``accord network ...`` acting as a user: JSON answers, exports with their marking, and a
clear error for an unknown user, purpose, node or format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.services import open_services
from accord.services.region import default_agreements, load_agreements
from accord.settings import Settings
from tests.services.network_seed import ORGANISER, PURPOSE, WITHHELD_NAME, seed_network

runner = CliRunner()
AS_XK = ["--user", "xk.analyst", "--purpose", PURPOSE]
AS_RS = ["--user", "rs.analyst", "--purpose", PURPOSE]


@pytest.fixture
def seeded(accord_env: Settings) -> Iterator[Settings]:
    services = open_services(accord_env)
    load_agreements(services, default_agreements(), "test")
    services.accounts.add_user("rs.analyst", "RS-MUP", "analyst")
    services.accounts.add_user("xk.analyst", "XK-KP", "analyst")
    seed_network(services.store)
    services.close()
    yield accord_env


def _json(args: list[str]) -> object:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_build_targets_trace_and_path_answer_as_the_user(seeded: Settings) -> None:
    summary = _json(["network", "build", *AS_XK])
    assert isinstance(summary, dict) and summary["user"] == "xk.analyst"
    assert summary["edges_by_kind"]["call"] == 1 and "family" not in summary["edges_by_kind"]
    targets = _json(["network", "targets", *AS_RS, "--limit", "3"])
    assert isinstance(targets, list) and targets[0]["reasons"]
    trace = _json(["network", "trace", ORGANISER, *AS_RS, "--direction", "in"])
    assert isinstance(trace, dict) and len(trace["paths"]) == 2
    path = _json(["network", "path", "rs-c", "rs-b", *AS_XK])
    assert isinstance(path, dict) and path["nodes"][0] == "rs-c"
    communities = _json(["network", "communities", *AS_XK, "--min-size", "2"])
    assert isinstance(communities, dict) and communities["communities"]


@pytest.mark.parametrize("fmt", ["ftm", "graphml", "gexf", "cytoscape"])
def test_export_writes_the_file_and_its_marking(seeded: Settings, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"network.{fmt}"
    result = _json(["network", "export", *AS_XK, "--format", fmt, "--out", str(out)])
    assert isinstance(result, dict)
    text = out.read_text(encoding="utf-8")
    assert "Arben Krasniqi" in text and WITHHELD_NAME not in text
    marking = json.loads(Path(result["marking_file"]).read_text(encoding="utf-8"))
    assert marking["exported_by"] == "xk.analyst" and marking["handling"] == "H0"


def test_bad_input_gets_a_clear_error(seeded: Settings, tmp_path: Path) -> None:
    cases = [
        (["network", "build", "--user", "nobody", "--purpose", PURPOSE], "No active user"),
        (["network", "build", "--user", "xk.analyst", "--purpose", "curiosity"], "purpose"),
        (["network", "trace", "no-such-node", *AS_XK], "no node 'no-such-node'"),
        (["network", "export", *AS_XK, "--format", "pdf", "--out", str(tmp_path / "x")],
         "Unknown network export format"),
    ]  # fmt: skip
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert message in result.output


def test_eval_network_scores_a_small_region_against_its_planted_truth(
    accord_env: Settings,
) -> None:
    report = _json(["eval", "network", "--scale", "300", "--seed", "7"])
    assert isinstance(report, dict)
    communities, targets = report["communities"], report["targets"]
    # every planted node is found in the network built through the real ingest and linkage
    assert communities["planted_nodes_found"] == communities["planted_nodes"] > 50
    for method in ("leiden", "baseline_components"):
        assert 0.0 <= communities[method]["adjusted_rand"] <= 1.0
        assert 0.5 < communities[method]["nmi"] <= 1.0
    assert targets["k"] >= 6 and 0.0 <= targets["precision_at_k"] <= 1.0
    assert report["network"]["edges_by_kind"]["payment"] > 0
