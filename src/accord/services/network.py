"""Network analytics for a user: the network of what they may see, and what the engine finds.

Every use case starts from :func:`~accord.services.network_read.read_network`, which reads the
records through the Gate as this user for the declared purpose (and logs the combination), so a
node, an edge, a community, a target's reasons or an export can only come from records this user
may see. The engine (:mod:`accord.network`) works on those tables alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import polars as pl

from accord.errors import InputError
from accord.model.codes import Purpose
from accord.network.budget import Budget
from accord.network.communities import Partition, detect_communities
from accord.network.flows import trace_money
from accord.network.graph import Network, build_network
from accord.network.paths import MAX_HOPS, neighbourhood, shortest_path
from accord.network.targets import rank_targets
from accord.policy import Action, Principal
from accord.services.context import Services
from accord.services.network_build import NetworkTables
from accord.services.network_read import read_network
from accord.services.network_travel import RelationRules

__all__ = ["NetworkDesk", "NetworkView", "node_json"]

#: The most nodes or edges a listing returns in one answer.
MAX_LIMIT = 1000


def node_json(row: dict[str, Any]) -> dict[str, Any]:
    """A node row as JSON: the record ids stay, participants as a list."""
    return {
        "id": row["id"],
        "kind": row["kind"],
        "label": row["label"],
        "participants": [p for p in str(row.get("participants") or "").split(",") if p],
        "record_ids": list(row.get("record_ids") or []),
    }


def edge_json(row: dict[str, Any]) -> dict[str, Any]:
    time = row.get("time")
    return {
        "source": row["source"],
        "target": row["target"],
        "kind": row["kind"],
        "weight": row["weight"],
        "amount": row.get("amount"),
        "time": time.isoformat() if time is not None else None,
        "record_id": row.get("record_id"),
    }


@dataclass
class NetworkView:
    """The network of one user for one purpose: the tables and the engine's graph of them."""

    user: Principal
    purpose: str
    tables: NetworkTables
    network: Network

    def summary(self) -> dict[str, Any]:
        nodes, edges = self.network.nodes, self.network.edges
        return {
            "user": self.user.username,
            "purpose": self.purpose,
            "nodes": nodes.height,
            "edges": edges.height,
            "nodes_by_kind": _counts(nodes, "kind"),
            "edges_by_kind": _counts(edges, "kind"),
            "participants": self.tables.participants(),
        }

    def partition(self, *, resolution: float = 1.0, budget: Budget | None = None) -> Partition:
        _positive("resolution", resolution)
        return detect_communities(self.network, resolution=resolution, budget=budget)

    def communities(
        self,
        *,
        resolution: float = 1.0,
        min_size: int = 3,
        limit: int = 50,
        budget: Budget | None = None,
    ) -> dict[str, Any]:
        """The communities of at least ``min_size`` nodes, largest first, with their members."""
        _limit(limit)
        partition = self.partition(resolution=resolution, budget=budget)
        found = partition.communities(self.network, min_size=max(min_size, 1), limit=limit)
        index = {row["id"]: row for row in self.network.nodes.iter_rows(named=True)}
        return {
            "modularity": partition.modularity,
            "resolution": resolution,
            "communities": [
                {
                    "id": c.id,
                    "size": c.size,
                    "members": [node_json(index[m]) for m in c.members[:MAX_LIMIT]],
                }
                for c in found
            ],
        }

    def community_of(self, node_id: str, *, resolution: float = 1.0) -> dict[str, Any]:
        """The community a node belongs to, with its members and the edges between them."""
        vertex = self.network.index(node_id)
        partition = self.partition(resolution=resolution)
        label = int(partition.membership[vertex])
        members = set(
            self.network.nodes.filter(pl.Series(partition.membership == label))["id"].to_list()
        )
        return {"id": label, **self.subgraph(members)}

    def subgraph(self, members: set[str]) -> dict[str, Any]:
        """The nodes of ``members`` and the edges between two of them."""
        nodes = self.network.nodes.filter(pl.col("id").is_in(list(members)))
        kept = nodes.head(MAX_LIMIT)
        ids = kept["id"].implode()
        # only edges between two nodes kept: a part cut short never points outside itself
        edges = self.network.edges.filter(pl.col("source").is_in(ids) & pl.col("target").is_in(ids))
        return {
            "nodes": [node_json(r) for r in kept.iter_rows(named=True)],
            "edges": [edge_json(r) for r in edges.head(MAX_LIMIT * 4).iter_rows(named=True)],
            "truncated": nodes.height > MAX_LIMIT or edges.height > MAX_LIMIT * 4,
        }

    def targets(
        self,
        *,
        limit: int = 20,
        kinds: tuple[str, ...] = ("person", "company"),
        resolution: float = 1.0,
        budget: Budget | None = None,
    ) -> list[dict[str, Any]]:
        """The highest-scoring persons and companies, best first, each with its reasons (in
        words and as codes with fields, for translation) and the figures behind them."""
        _limit(limit)
        partition = self.partition(resolution=resolution, budget=budget)
        found = rank_targets(
            self.network, partition=partition, kinds=kinds, limit=limit, budget=budget
        )
        return [target.to_json() for target in found]

    def neighbourhood(
        self, node_id: str, *, hops: int = 1, max_nodes: int = 200, budget: Budget | None = None
    ) -> dict[str, Any]:
        """The nodes within ``hops`` relations of a node (at most ``max_nodes``, those with the
        most ties first) and the edges among them."""
        if not 1 <= hops <= 4:
            raise InputError(f"{hops} hops is out of range.", hint="Give 1 to 4 hops.")
        found = neighbourhood(self.network, node_id, hops=hops, max_nodes=max_nodes, budget=budget)
        edges = found.edges
        return {
            "centre": node_id,
            "hops": hops,
            "nodes": [node_json(r) for r in found.nodes.iter_rows(named=True)],
            "edges": [edge_json(r) for r in edges.head(MAX_LIMIT * 4).iter_rows(named=True)],
            "truncated": found.truncated or edges.height > MAX_LIMIT * 4,
        }

    def path(
        self, source: str, target: str, *, max_hops: int = 6, budget: Budget | None = None
    ) -> dict[str, Any] | None:
        """A shortest chain of relations between two nodes, each link with its record, or None
        when there is none within ``max_hops``."""
        if not 1 <= max_hops <= MAX_HOPS:
            raise InputError(
                f"{max_hops} hops is out of range.", hint=f"Give 1 to {MAX_HOPS} hops."
            )
        found = shortest_path(self.network, source, target, max_hops=max_hops, budget=budget)
        if found is None:
            return None
        return {**found.to_json(), "labels": self.labels(found.nodes)}

    def money(self, node_id: str, *, max_hops: int = 4, max_paths: int = 50) -> dict[str, Any]:
        """The payments on the traced paths out of and into a node (and what it controls), as
        a part of the network: the nodes they pass and the payments themselves."""
        edges: dict[tuple[Any, ...], dict[str, Any]] = {}
        nodes: set[str] = {node_id}
        truncated = False
        for direction in ("out", "in"):
            found = self.trace(node_id, direction=direction, max_hops=max_hops, max_paths=max_paths)
            truncated = truncated or bool(found["truncated"])
            for path in found["paths"]:
                nodes.update(path["nodes"])
                for edge in path["edges"]:
                    key = (edge["source"], edge["target"], edge["record_id"], edge["time"])
                    edges.setdefault(key, edge)
        part = self.subgraph(nodes)
        kept = {node["id"] for node in part["nodes"]}
        part["edges"] = sorted(
            (e for e in edges.values() if e["source"] in kept and e["target"] in kept),
            key=lambda e: (e["time"] or "", e["source"]),
        )
        part["truncated"] = part["truncated"] or truncated
        return part

    def labels(self, ids: Iterable[str]) -> dict[str, str]:
        """The label of each of these node ids."""
        wanted = sorted(set(ids))
        found = self.network.nodes.filter(pl.col("id").is_in(wanted)).select("id", "label")
        return dict(found.iter_rows())

    def trace(
        self,
        node_id: str,
        *,
        direction: str = "out",
        max_hops: int = 4,
        min_amount: float = 0.0,
        max_paths: int = 100,
        budget: Budget | None = None,
    ) -> dict[str, Any]:
        """Time-respecting payment paths out of (or into) a node and what it controls."""
        if direction not in ("out", "in"):
            raise InputError(f"Unknown direction {direction!r}.", hint="Give out or in.")
        if min_amount < 0:
            raise InputError(
                f"The minimum amount {min_amount} is negative.", hint="Give 0 or more."
            )
        found = trace_money(
            self.network, node_id, direction="out" if direction == "out" else "in",
            max_hops=max_hops, min_amount=min_amount, max_paths=max_paths, budget=budget,
        )  # fmt: skip
        answer = found.to_json()
        answer["labels"] = self.labels(n for p in found.paths for n in p.nodes)
        return answer

    def node(self, node_id: str) -> dict[str, Any]:
        return node_json(self.network.node(self.network.index(node_id)))


def _counts(frame: pl.DataFrame, column: str) -> dict[str, int]:
    if not frame.height:
        return {}
    counted = frame.group_by(column).len().sort(column)
    return dict(zip(counted[column].to_list(), counted["len"].to_list(), strict=True))


def _positive(name: str, value: float) -> None:
    if not value > 0:
        raise InputError(f"The {name} must be above 0, not {value!r}.", hint="Try 1.0.")


def _limit(limit: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(
            f"The limit {limit} is out of range.", hint=f"Give a limit from 1 to {MAX_LIMIT}."
        )


class NetworkDesk:
    """Builds a user's network; each call names the user, the purpose and why."""

    def __init__(self, services: Services, rules: RelationRules | None = None) -> None:
        self.services = services
        self.rules = rules

    def view(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        justification: str = "",
        budget: Budget | None = None,
        action: Action = Action.READ,
    ) -> NetworkView:
        """The network this user may see (records read through the Gate, logged); with
        ``action=Action.EXPORT``, the network of what they may export."""
        tables = read_network(self.services, user, purpose, justification, self.rules, action)
        network = build_network(tables.nodes, tables.edges, budget=budget)
        wanted = purpose.value if isinstance(purpose, Purpose) else str(purpose)
        return NetworkView(user, wanted.strip().lower(), tables, network)
