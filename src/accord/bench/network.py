"""``accord bench network``: build a network of N nodes and M edges, find its communities and
PageRank, beside networkx doing the same work on a 100,000-edge subgraph in the same run.

The synthetic tables are generated first and their generation time is reported apart; "seconds"
covers only Accord's work: checking and indexing the tables, Leiden communities and PageRank.
"cpu_seconds" is the CPU time of the process over the same stages (all threads): on a shared
machine it shows the work done when the wall clock mostly shows the wait for a core.
The baseline subgraph is induced by a block of whole communities, so it keeps the community
structure; both sides start from the same string-keyed tables and do the same three steps
(networkx: graph built from the rows with weights summed, Louvain, PageRank).
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx
import numpy as np
import polars as pl

from accord.bench.memory import peak_mb
from accord.bench.network_graph import synthetic_network
from accord.network.centrality import pagerank
from accord.network.communities import detect_communities
from accord.network.graph import build_network

__all__ = ["NetworkBench", "run_network_bench"]

BASELINE_EDGES = 100_000


@dataclass(frozen=True)
class NetworkBench:
    nodes: int
    edges: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    baseline_ratio: float
    generate_seconds: float
    build_seconds: float
    communities_seconds: float
    pagerank_seconds: float
    stage_cpu_seconds: dict[str, float]
    communities: int
    modularity: float
    baseline_edges: int
    baseline_nodes: int
    accord_subgraph_seconds: float
    accord_subgraph_modularity: float
    networkx_seconds: float
    networkx_modularity: float
    load_average: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_network_bench(nodes: int, edges: int, *, seed: int = 7) -> NetworkBench:
    """Generate, then time Accord on the whole network and both engines on the subgraph."""
    started = time.perf_counter()
    node_table, edge_table = synthetic_network(nodes, edges, seed=seed)
    generate_seconds = time.perf_counter() - started

    clock = _Clock()
    network = build_network(node_table, edge_table)
    clock.lap("build")
    partition = detect_communities(network, seed=seed)
    clock.lap("communities")
    pagerank(network)
    clock.lap("pagerank")
    peak = peak_mb()
    del network

    sub_nodes, sub_edges = _subgraph(node_table, edge_table, BASELINE_EDGES)
    del node_table, edge_table
    accord_seconds, accord_modularity = _accord(sub_nodes, sub_edges, seed)
    networkx_seconds, networkx_modularity = _networkx(sub_nodes, sub_edges, seed)
    return NetworkBench(
        nodes=nodes,
        edges=edges,
        seconds=round(sum(clock.wall.values()), 3),
        cpu_seconds=round(sum(clock.cpu.values()), 3),
        peak_mb=peak,
        baseline_ratio=round(networkx_seconds / accord_seconds, 2),
        generate_seconds=round(generate_seconds, 3),
        build_seconds=round(clock.wall["build"], 3),
        communities_seconds=round(clock.wall["communities"], 3),
        pagerank_seconds=round(clock.wall["pagerank"], 3),
        stage_cpu_seconds={k: round(v, 3) for k, v in clock.cpu.items()},
        communities=partition.count,
        modularity=round(partition.modularity, 4),
        baseline_edges=sub_edges.height,
        baseline_nodes=sub_nodes.height,
        accord_subgraph_seconds=round(accord_seconds, 3),
        accord_subgraph_modularity=round(accord_modularity, 4),
        networkx_seconds=round(networkx_seconds, 3),
        networkx_modularity=round(networkx_modularity, 4),
        load_average=round(os.getloadavg()[0], 2),
    )


def _subgraph(
    nodes: pl.DataFrame, edges: pl.DataFrame, size: int
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The edges among the first V vertices (whole communities, as the generator numbers them
    in blocks), V the smallest that holds ``size`` edges; at most ``size`` of them."""
    position = nodes.select(pl.col("id"), pl.int_range(pl.len()).alias("_vertex"))
    ends = (
        edges.select("source", "target")
        .join(position, left_on="source", right_on="id", maintain_order="left")
        .join(position, left_on="target", right_on="id", maintain_order="left")
        .select(pl.max_horizontal("_vertex", "_vertex_right").alias("_last"))
        .get_column("_last")
        .to_numpy()
    )
    if ends.size <= size:
        return nodes, edges
    limit = int(np.partition(ends, size - 1)[size - 1]) + 1
    kept = edges.filter(pl.Series(ends < limit)).head(size)
    return nodes.head(limit), kept


def _accord(nodes: pl.DataFrame, edges: pl.DataFrame, seed: int) -> tuple[float, float]:
    started = time.perf_counter()
    network = build_network(nodes, edges)
    partition = detect_communities(network, seed=seed)
    pagerank(network)
    return time.perf_counter() - started, partition.modularity


class _Clock:
    """Wall and CPU time (all threads of this process) of consecutive stages."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, stage: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.wall[stage], self.cpu[stage] = wall - self._wall, cpu - self._cpu
        self._wall, self._cpu = wall, cpu


def _networkx(nodes: pl.DataFrame, edges: pl.DataFrame, seed: int) -> tuple[float, float]:
    started = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(nodes.get_column("id").to_list())
    for source, target, weight in edges.select("source", "target", "weight").iter_rows():
        if source == target:
            continue
        tie = graph.get_edge_data(source, target)
        if tie is None:
            graph.add_edge(source, target, weight=weight)
        else:
            tie["weight"] += weight
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    nx.pagerank(graph, weight="weight")
    seconds = time.perf_counter() - started
    return seconds, float(nx.community.modularity(graph, communities, weight="weight"))
