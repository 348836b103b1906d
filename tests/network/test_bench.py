"""The network benchmark's generator and figures, on a small run."""

from __future__ import annotations

import json

import numpy as np
from typer.testing import CliRunner

from accord.bench.network_graph import synthetic_network
from accord.cli.main import app
from accord.network.graph import build_network
from accord.network.tables import EDGE_SCHEMA, NODE_SCHEMA


def test_generator_is_seeded_heavy_tailed_and_valid() -> None:
    nodes, edges = synthetic_network(5_000, 25_000, seed=3)
    again_nodes, again_edges = synthetic_network(5_000, 25_000, seed=3)
    assert nodes.equals(again_nodes) and edges.equals(again_edges)
    assert (nodes.height, edges.height) == (5_000, 25_000)
    assert set(nodes.columns) <= set(NODE_SCHEMA) and set(edges.columns) == set(EDGE_SCHEMA)
    network = build_network(nodes, edges)
    assert network.self_loops == 0
    degree = np.asarray(network.simple.graph.degree())
    # Heavy tail: the busiest node has many times the median number of ties.
    assert degree.max() > 20 * np.median(degree)
    payments = edges.filter(edges["kind"] == "payment")
    assert payments["amount"].null_count() == 0 and payments["time"].null_count() == 0


def test_bench_network_prints_the_figures() -> None:
    result = CliRunner().invoke(app, ["bench", "network", "--nodes", "3000", "--edges",
                                      "12000", "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    for key in ("nodes", "edges", "seconds", "peak_mb", "baseline_ratio"):
        assert figures[key] > 0
    assert (figures["nodes"], figures["edges"]) == (3000, 12000)
    assert figures["baseline_edges"] == 12000  # smaller than the 100,000-edge subgraph
    assert abs(figures["accord_subgraph_modularity"] - figures["networkx_modularity"]) < 0.05


def test_bench_network_rejects_a_bad_size() -> None:
    result = CliRunner().invoke(app, ["bench", "network", "--nodes", "1"])
    assert result.exit_code != 0
    assert "--nodes must be at least 2" in result.output
