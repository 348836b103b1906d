"""Shortest paths between two nodes and k-hop neighbourhoods, both with filters.

Both are breadth-first searches done one level at a time over the CSR adjacency: each level is a
few numpy operations on the frontier's edges, the Budget is checked between levels, and the
number of hops (and, for neighbourhoods, of nodes) is capped so that a hub with a million edges
gives a bounded answer instead of a hang.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from accord.errors import InputError
from accord.network.adjacency import Adjacency
from accord.network.budget import Budget, check
from accord.network.evidence import EdgeEvidence, edge_evidence
from accord.network.filters import Filter
from accord.network.graph import Network

__all__ = ["MAX_HOPS", "Neighbourhood", "Path", "neighbourhood", "shortest_path"]

IntArray = npt.NDArray[np.int64]
MAX_HOPS = 10


@dataclass(frozen=True)
class Path:
    """A shortest path: ``nodes[0]`` is the start, ``edges[i]`` links ``nodes[i]`` and
    ``nodes[i+1]``."""

    nodes: tuple[str, ...]
    edges: tuple[EdgeEvidence, ...]

    @property
    def hops(self) -> int:
        return len(self.edges)

    def to_json(self) -> dict[str, Any]:
        return {"hops": self.hops, "nodes": list(self.nodes),
                "edges": [e.to_json() for e in self.edges]}  # fmt: skip


@dataclass(frozen=True, eq=False)
class Neighbourhood:
    """The nodes within ``hops`` of ``centre`` (with their distance in column ``hop``) and the
    edges among them that pass the filter. ``truncated``: the node cap cut the last level."""

    centre: str
    hops: int
    nodes: pl.DataFrame
    edges: pl.DataFrame
    truncated: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "centre": self.centre,
            "hops": self.hops,
            "truncated": self.truncated,
            "nodes": self.nodes.to_dicts(),
            "edges": [
                {**row, "time": row["time"].isoformat() if row["time"] else None}
                for row in self.edges.to_dicts()
            ],
        }


def shortest_path(
    network: Network,
    source: str,
    target: str,
    *,
    filter: Filter | None = None,
    directed: bool = False,
    max_hops: int = 6,
    budget: Budget | None = None,
) -> Path | None:
    """A path with the fewest edges from ``source`` to ``target`` (following edge direction when
    ``directed``), or None when there is none within ``max_hops``. Unknown ids raise NotFound."""
    _check_hops(max_hops)
    start, goal = network.index(source), network.index(target)
    if start == goal:
        return Path(nodes=(source,), edges=())
    edge_ok, node_ok = _masks(network, filter)
    if not node_ok[goal]:
        return None
    links = network.out_edges if directed else network.all_edges
    parent_edge = np.full(network.node_count, -1, dtype=np.int64)
    parent = np.full(network.node_count, -1, dtype=np.int64)
    seen = np.zeros(network.node_count, dtype=bool)
    seen[start] = True
    frontier = np.array([start], dtype=np.int64)
    for _level in range(max_hops):
        check(budget, "shortest path")
        frontier = _expand(links, frontier, edge_ok, node_ok, seen, parent, parent_edge)
        if seen[goal]:
            return _walk_back(network, goal, parent, parent_edge)
        if frontier.size == 0:
            break
    return None


def neighbourhood(
    network: Network,
    centre: str,
    *,
    hops: int = 2,
    filter: Filter | None = None,
    max_nodes: int = 500,
    budget: Budget | None = None,
) -> Neighbourhood:
    """Nodes within ``hops`` edges of ``centre`` (either direction), at most ``max_nodes``: when a
    level would overflow, its nodes with the most ties to the level before are kept first."""
    _check_hops(hops)
    if max_nodes < 1:
        raise InputError(f"max_nodes must be at least 1, got {max_nodes}")
    start = network.index(centre)
    edge_ok, node_ok = _masks(network, filter)
    node_ok[start] = True  # the centre is shown whatever its kind
    distance = np.full(network.node_count, -1, dtype=np.int64)
    distance[start] = 0
    frontier = np.array([start], dtype=np.int64)
    reached, truncated = 1, False
    for level in range(1, hops + 1):
        check(budget, "neighbourhood")
        _, far, edges = network.all_edges.gather(frontier)
        usable = edge_ok[edges] & node_ok[far] & (distance[far] < 0)
        fresh, ties = np.unique(far[usable], return_counts=True)
        room = max_nodes - reached
        if fresh.size > room:
            truncated = True
            fresh = fresh[np.lexsort((fresh, -ties))[:room]]
        distance[fresh] = level
        reached += fresh.size
        frontier = fresh
        if truncated or frontier.size == 0:
            break
    inside = distance >= 0
    vertices = np.flatnonzero(inside)
    nodes = network.nodes[vertices.tolist()].with_columns(
        pl.Series("hop", distance[vertices], dtype=pl.Int64)
    )
    among = edge_ok & inside[network.sources] & inside[network.targets]
    return Neighbourhood(
        centre=centre,
        hops=hops,
        nodes=nodes.sort(["hop", "id"]),
        edges=network.edges.filter(pl.Series(among)),
        truncated=truncated,
    )


def _expand(
    links: Adjacency,
    frontier: IntArray,
    edge_ok: npt.NDArray[np.bool_],
    node_ok: npt.NDArray[np.bool_],
    seen: npt.NDArray[np.bool_],
    parent: IntArray,
    parent_edge: IntArray,
) -> IntArray:
    origin, far, edges = links.gather(frontier)
    usable = edge_ok[edges] & node_ok[far] & ~seen[far]
    origin, far, edges = origin[usable], far[usable], edges[usable]
    fresh, first = np.unique(far, return_index=True)
    seen[fresh] = True
    parent[fresh] = origin[first]
    parent_edge[fresh] = edges[first]
    return fresh


def _walk_back(network: Network, goal: int, parent: IntArray, parent_edge: IntArray) -> Path:
    vertices, rows = [goal], []
    while parent[vertices[-1]] >= 0:
        rows.append(int(parent_edge[vertices[-1]]))
        vertices.append(int(parent[vertices[-1]]))
    vertices.reverse()
    rows.reverse()
    ids = network.nodes.get_column("id").gather(vertices).to_list()
    return Path(nodes=tuple(ids), edges=edge_evidence(network, rows))


def _masks(
    network: Network, filter: Filter | None
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    # Node kinds act on the vertices reached, so that the centre or start, whatever its kind,
    # still reaches its allowed neighbours; the edge mask carries the other conditions.
    chosen = filter or Filter()
    return replace(chosen, node_kinds=None).edge_mask(network), chosen.node_mask(network)


def _check_hops(hops: int) -> None:
    if not 1 <= hops <= MAX_HOPS:
        raise InputError(
            f"hops must be between 1 and {MAX_HOPS}, got {hops}",
            hint="a few hops already reach most of a connected network",
        )
