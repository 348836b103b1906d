"""Brokers: nodes tied to several communities, the go-betweens of groups that otherwise keep
apart (a fixer who knows both the suppliers and the transporters)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from accord.network.budget import Budget, check
from accord.network.centrality import betweenness as sampled_betweenness
from accord.network.centrality import sample_size
from accord.network.communities import Partition
from accord.network.graph import Network
from accord.network.reasons import Reason, reason

__all__ = ["Broker", "bridging_counts", "find_brokers"]


@dataclass(frozen=True)
class Broker:
    """A node with ties into ``groups`` communities (its own included)."""

    node_id: str
    label: str
    kind: str
    community: int
    groups: int
    outside_ties: int
    betweenness: float
    reasons: tuple[str, ...]
    explanations: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "label": self.label,
            "kind": self.kind,
            "community": self.community,
            "groups": self.groups,
            "outside_ties": self.outside_ties,
            "betweenness": self.betweenness,
            "reasons": list(self.reasons),
            "explanations": [r.to_json() for r in self.explanations],
        }


def bridging_counts(
    network: Network, partition: Partition
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For every vertex: how many communities it has ties into (its own included), and how many
    of its distinct neighbours lie outside its own community."""
    graph = network.simple.graph
    count = network.node_count
    groups = np.ones(count, dtype=np.int64)
    outside = np.zeros(count, dtype=np.int64)
    if graph.ecount() == 0:
        return groups, outside
    ends = network.simple.ends
    membership = partition.membership
    crossing = membership[ends[:, 0]] != membership[ends[:, 1]]
    a, b = ends[crossing, 0], ends[crossing, 1]
    ties = pl.DataFrame(
        {"vertex": np.concatenate((a, b)), "other": membership[np.concatenate((b, a))]}
    )
    per_vertex = ties.group_by("vertex").agg(
        pl.col("other").n_unique().alias("foreign"), pl.len().alias("ties")
    )
    vertices = per_vertex.get_column("vertex").to_numpy()
    groups[vertices] += per_vertex.get_column("foreign").to_numpy()
    outside[vertices] = per_vertex.get_column("ties").to_numpy()
    return groups, outside


def find_brokers(
    network: Network,
    partition: Partition,
    *,
    min_groups: int = 2,
    limit: int = 50,
    betweenness: npt.NDArray[np.float64] | None = None,
    budget: Budget | None = None,
) -> tuple[Broker, ...]:
    """Nodes tied into at least ``min_groups`` communities, most groups first, then most ties
    outside their own, then highest betweenness (computed here, sampled on large graphs,
    unless given)."""
    if min_groups < 2:
        raise ValueError(f"a broker links at least 2 groups; min_groups was {min_groups}")
    check(budget, "finding brokers")
    groups, outside = bridging_counts(network, partition)
    if betweenness is None:
        samples = sample_size(network)
        betweenness = sampled_betweenness(network, samples=samples, budget=budget)
    between = betweenness
    candidates = np.flatnonzero(groups >= min_groups)
    order = np.lexsort((-between[candidates], -outside[candidates], -groups[candidates]))
    chosen = candidates[order][:limit]
    rows = network.nodes.select("id", "label", "kind")[chosen.tolist()]
    found = []
    for vertex, (node_id, label, kind) in zip(chosen.tolist(), rows.iter_rows(), strict=True):
        why = (reason("broker", groups=int(groups[vertex])),)
        found.append(
            Broker(
                node_id=node_id,
                label=label,
                kind=kind,
                community=int(partition.membership[vertex]),
                groups=int(groups[vertex]),
                outside_ties=int(outside[vertex]),
                betweenness=float(between[vertex]),
                reasons=tuple(r.text for r in why),
                explanations=why,
            )
        )
    return tuple(found)
