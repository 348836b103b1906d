"""Small random graphs given both as Accord tables and as the networkx graph they stand for."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import polars as pl
import pytest


@dataclass(frozen=True)
class RandomGraph:
    nodes: pl.DataFrame
    edges: pl.DataFrame
    reference: nx.Graph  # undirected, weights summed over parallel and opposite edges


def random_graph(seed: int, count: int = 40, edges: int = 90) -> RandomGraph:
    rng = np.random.default_rng(seed)
    sources = rng.integers(0, count, edges)
    targets = rng.integers(0, count, edges)
    weights = rng.integers(1, 6, edges).astype(float)
    names = [f"v{i:03d}" for i in range(count)]
    nodes = pl.DataFrame({"id": names, "kind": ["person"] * count})
    table = pl.DataFrame(
        {
            "source": [names[i] for i in sources],
            "target": [names[i] for i in targets],
            "kind": ["call"] * edges,
            "weight": weights,
        }
    )
    reference = nx.Graph()
    reference.add_nodes_from(names)
    for source, target, weight in zip(sources, targets, weights, strict=True):
        if source == target:
            continue
        a, b = names[source], names[target]
        if reference.has_edge(a, b):
            reference[a][b]["weight"] += weight
        else:
            reference.add_edge(a, b, weight=weight)
    return RandomGraph(nodes, table, reference)


@pytest.fixture(params=[1, 2, 3, 4, 5])
def small_graph(request: pytest.FixtureRequest) -> RandomGraph:
    return random_graph(request.param)
