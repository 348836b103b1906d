"""Shortest paths and k-hop neighbourhoods against networkx; filters; hubs and bad requests."""

from __future__ import annotations

import threading
from datetime import datetime

import networkx as nx
import numpy as np
import polars as pl
import pytest

from accord.errors import InputError, NotFound
from accord.network.budget import Budget, Cancelled
from accord.network.filters import Filter
from accord.network.graph import build_network
from accord.network.paths import neighbourhood, shortest_path
from tests.network.conftest import RandomGraph


def test_shortest_paths_match_networkx(small_graph: RandomGraph) -> None:
    network = build_network(small_graph.nodes, small_graph.edges)
    reference = small_graph.reference
    ids = network.ids
    for source in ids[:8]:
        lengths = nx.single_source_shortest_path_length(reference, source)
        for target in ids[::5]:
            path = shortest_path(network, source, target, max_hops=10)
            if target not in lengths:
                assert path is None
                continue
            assert path is not None
            assert path.hops == lengths[target]
            assert (path.nodes[0], path.nodes[-1]) == (source, target)
            for step, edge in enumerate(path.edges):
                assert {edge.source, edge.target} == {path.nodes[step], path.nodes[step + 1]}


def test_k_hop_sets_match_networkx(small_graph: RandomGraph) -> None:
    network = build_network(small_graph.nodes, small_graph.edges)
    for centre in network.ids[:10]:
        for hops in (1, 2, 3):
            found = neighbourhood(network, centre, hops=hops, max_nodes=10_000)
            expected = nx.single_source_shortest_path_length(
                small_graph.reference, centre, cutoff=hops
            )
            assert dict(found.nodes.select("id", "hop").iter_rows()) == expected
            assert not found.truncated
            inside = set(expected)
            assert set(found.edges["source"]) | set(found.edges["target"]) <= inside


def _money() -> tuple[pl.DataFrame, pl.DataFrame]:
    nodes = pl.DataFrame(
        {"id": ["p", "a1", "a2", "a3", "c"], "kind": ["person", "account", "account", "account",
                                                   "company"]}
    )  # fmt: skip
    edges = pl.DataFrame(
        {
            "source": ["p", "a1", "a2", "p", "c"],
            "target": ["a1", "a2", "a3", "c", "a3"],
            "kind": ["holds", "payment", "payment", "ownership", "holds"],
            "time": [None, datetime(2025, 1, 5), datetime(2025, 3, 1), None, None],
            "amount": [None, 9000.0, 8800.0, None, None],
            "record_id": [None, "r1", "r2", None, None],
        }
    )
    return nodes, edges


def test_filters_shape_the_path() -> None:
    network = build_network(*_money())
    shortest = shortest_path(network, "a1", "a3")
    assert shortest is not None and shortest.nodes == ("a1", "a2", "a3")
    assert [e.record_id for e in shortest.edges] == ["r1", "r2"]
    assert shortest.to_json()["edges"][0]["time"] == "2025-01-05T00:00:00"
    january = Filter.of(end=datetime(2025, 1, 31))
    detour = shortest_path(network, "a1", "a3", filter=january)
    assert detour is not None and detour.nodes == ("a1", "p", "c", "a3")
    assert shortest_path(network, "a1", "a3", filter=Filter.of(node_kinds=["account"]),
                         max_hops=3) == shortest  # fmt: skip
    assert shortest_path(network, "a3", "a1", directed=True) is None
    assert shortest_path(network, "a1", "a1") is not None


def test_neighbourhood_filters() -> None:
    network = build_network(*_money())
    payments = neighbourhood(network, "a2", hops=2, filter=Filter.of(edge_kinds=["payment"]))
    assert set(payments.nodes["id"]) == {"a1", "a2", "a3"}
    assert payments.edges["kind"].to_list() == ["payment", "payment"]
    people = neighbourhood(network, "a1", hops=1, filter=Filter.of(node_kinds=["person"]))
    assert set(people.nodes["id"]) == {"a1", "p"}
    assert people.to_json()["nodes"][0]["hop"] == 0


def test_a_star_with_a_million_edges_is_bounded() -> None:
    leaves = 1_000_000
    ids = pl.Series("id", np.arange(leaves)).cast(pl.Utf8)
    nodes = pl.concat(
        [pl.DataFrame({"id": ["hub"], "kind": ["person"]}),
         pl.DataFrame({"id": ids, "kind": pl.repeat("phone", leaves, eager=True)})]
    )  # fmt: skip
    edges = pl.DataFrame({"source": pl.repeat("hub", leaves, eager=True), "target": ids,
                          "kind": pl.repeat("call", leaves, eager=True)})  # fmt: skip
    network = build_network(nodes, edges)
    around = neighbourhood(network, "hub", hops=2, max_nodes=200)
    assert around.truncated and around.nodes.height == 200
    path = shortest_path(network, "17", "999999")
    assert path is not None and path.nodes == ("17", "hub", "999999")


def test_bad_requests_get_clear_answers() -> None:
    network = build_network(*_money())
    with pytest.raises(NotFound, match="no node 'nobody'"):
        shortest_path(network, "a1", "nobody")
    with pytest.raises(InputError, match="hops must be between 1 and 10"):
        neighbourhood(network, "a1", hops=50)
    with pytest.raises(InputError, match=r"starts .* after it ends"):
        Filter.of(start=datetime(2025, 2, 1), end=datetime(2025, 1, 1))
    with pytest.raises(InputError, match="edge kind 'Pay ment'"):
        Filter.of(edge_kinds=["Pay ment"])
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        shortest_path(network, "a1", "a3", budget=Budget(cancel=cancel))
