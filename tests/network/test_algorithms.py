"""igraph-based results against networkx on small random graphs."""

from __future__ import annotations

import threading

import networkx as nx
import numpy as np
import polars as pl
import pytest

from accord.network.budget import Budget, BudgetExceeded, Cancelled
from accord.network.centrality import betweenness, centrality_table, pagerank
from accord.network.communities import detect_communities
from accord.network.graph import build_network
from tests.network.conftest import RandomGraph, random_graph


def test_self_loops_are_set_aside(small_graph: RandomGraph) -> None:
    network = build_network(small_graph.nodes, small_graph.edges)
    loops = small_graph.edges.filter(pl.col("source") == pl.col("target")).height
    assert network.self_loops == loops
    assert network.edge_count == small_graph.edges.height - loops
    assert network.simple.graph.ecount() == small_graph.reference.number_of_edges()


def test_pagerank_matches_networkx(small_graph: RandomGraph) -> None:
    network = build_network(small_graph.nodes, small_graph.edges)
    ours = pagerank(network)
    theirs = nx.pagerank(small_graph.reference, weight="weight", tol=1e-12)
    assert ours.sum() == pytest.approx(1.0)
    for vertex, node_id in enumerate(network.ids):
        assert ours[vertex] == pytest.approx(theirs[node_id], abs=1e-9)


def test_betweenness_matches_networkx(small_graph: RandomGraph) -> None:
    network = build_network(small_graph.nodes, small_graph.edges)
    ours = betweenness(network)
    theirs = nx.betweenness_centrality(small_graph.reference, normalized=False)
    for vertex, node_id in enumerate(network.ids):
        assert ours[vertex] == pytest.approx(theirs[node_id], abs=1e-9)


def test_sampled_betweenness_estimates_the_exact_figure() -> None:
    graph = random_graph(9, count=300, edges=900)
    network = build_network(graph.nodes, graph.edges)
    exact = betweenness(network)
    sampled = betweenness(network, samples=150, seed=3)
    top = np.argsort(-exact)[:10]
    # The estimate is unbiased; on the strongest brokers it lands within a third of the figure.
    assert np.all(np.abs(sampled[top] - exact[top]) <= 0.35 * exact[top])
    assert sampled.sum() == pytest.approx(exact.sum(), rel=0.2)


def test_partition_modularity_matches_networkx(small_graph: RandomGraph) -> None:
    network = build_network(small_graph.nodes, small_graph.edges)
    partition = detect_communities(network, seed=1)
    groups = [
        {network.ids[v] for v in np.flatnonzero(partition.membership == c)}
        for c in range(partition.count)
    ]
    theirs = nx.community.modularity(small_graph.reference, groups, weight="weight")
    assert partition.modularity == pytest.approx(theirs, abs=1e-9)
    louvain = nx.community.louvain_communities(small_graph.reference, weight="weight", seed=1)
    best = nx.community.modularity(small_graph.reference, louvain, weight="weight")
    assert partition.modularity >= best - 0.03
    assert list(partition.sizes()) == sorted(partition.sizes(), reverse=True)


def test_communities_are_repeatable_and_listed() -> None:
    graph = random_graph(11, count=80, edges=200)
    network = build_network(graph.nodes, graph.edges)
    first = detect_communities(network, seed=5)
    second = detect_communities(network, seed=5)
    assert np.array_equal(first.membership, second.membership)
    listed = first.communities(network, min_size=1)
    assert sum(c.size for c in listed) == network.node_count
    assert listed[0].to_json()["size"] == listed[0].size == len(listed[0].members)


def test_network_without_edges() -> None:
    nodes = pl.DataFrame({"id": ["a", "b", "c"], "kind": ["person"] * 3})
    edges = pl.DataFrame({"source": ["a"], "target": ["a"], "kind": ["call"]})
    network = build_network(nodes, edges)
    assert (network.edge_count, network.self_loops) == (0, 1)
    partition = detect_communities(network)
    assert partition.count == 3 and partition.modularity == 0.0
    assert partition.communities(network) == ()
    assert pagerank(network) == pytest.approx([1 / 3] * 3)
    table = centrality_table(network)
    assert table["betweenness"].to_list() == [0.0, 0.0, 0.0]


def test_cancelled_budget_stops_betweenness() -> None:
    graph = random_graph(4, count=200, edges=600)
    network = build_network(graph.nodes, graph.edges)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled, match="betweenness: cancelled"):
        betweenness(network, budget=Budget(cancel=cancel))


def test_empty_tables_build_an_empty_network() -> None:
    from accord.network.tables import empty_edges, empty_nodes

    network = build_network(empty_nodes(), empty_edges())
    assert (network.node_count, network.edge_count) == (0, 0)
    assert detect_communities(network).count == 0
    assert pagerank(network).size == 0 and betweenness(network).size == 0


def test_an_expired_budget_stops_communities() -> None:
    graph = random_graph(6, count=200, edges=600)
    network = build_network(graph.nodes, graph.edges)
    with pytest.raises(BudgetExceeded, match="finding communities: stopped after"):
        detect_communities(network, budget=Budget(seconds=0.001, started=0.0))


def test_communities_in_a_worker_match_and_can_be_cancelled() -> None:
    import multiprocessing

    graph = random_graph(12, count=300, edges=900)
    network = build_network(graph.nodes, graph.edges)
    here = detect_communities(network, seed=4)
    there = detect_communities(network, seed=4, isolate=True)
    assert np.array_equal(here.membership, there.membership)
    assert there.modularity == pytest.approx(here.modularity)

    from accord.bench.network_graph import synthetic_network

    large = build_network(*synthetic_network(50_000, 300_000, seed=2))
    budget = Budget()
    threading.Timer(0.05, budget.cancel.set).start()
    with pytest.raises(Cancelled, match="finding communities: cancelled"):
        detect_communities(large, isolate=True, budget=budget)
    assert multiprocessing.active_children() == []


def test_a_failing_worker_is_reported() -> None:
    from accord.network.worker import WorkerFailed, in_worker

    def fails() -> int:
        raise ValueError("bad input in the worker")

    with pytest.raises(WorkerFailed, match="ValueError: bad input in the worker"):
        in_worker(fails, stage="testing")
    assert in_worker(lambda: 41 + 1, stage="testing") == 42
