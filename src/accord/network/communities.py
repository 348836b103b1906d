"""Communities: Leiden on the undirected weighted view, one iteration at a time.

Leiden (Traag, Waltman and van Eck, 2019) improves on Louvain by refining communities so that
none is internally disconnected. igraph's own C implementation is run one iteration per call,
each starting from the previous partition, so that the Budget is checked between iterations and
the loop stops as soon as an iteration changes nothing.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import partial
from typing import Any

import igraph as ig
import numpy as np
import numpy.typing as npt

from accord.network.budget import Budget, check
from accord.network.graph import Network, SimpleGraph
from accord.network.worker import in_worker

__all__ = ["Community", "Partition", "detect_communities"]

_RNG_LOCK = threading.Lock()


@dataclass(frozen=True)
class Community:
    """A community: its number in the partition (0 is the largest) and its members' ids."""

    id: int
    members: tuple[str, ...]
    size: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "size": self.size, "members": list(self.members)}


@dataclass(frozen=True, eq=False)
class Partition:
    """Every vertex's community (``membership[v]``), numbered by decreasing size, and the
    weighted modularity of the partition (0.0 for a network without edges)."""

    membership: npt.NDArray[np.int64]
    modularity: float
    iterations: int
    resolution: float

    @property
    def count(self) -> int:
        return int(self.membership.max()) + 1 if self.membership.size else 0

    def sizes(self) -> npt.NDArray[np.int64]:
        return np.bincount(self.membership, minlength=self.count)

    def communities(
        self, network: Network, *, min_size: int = 2, limit: int | None = None
    ) -> tuple[Community, ...]:
        """The communities of at least ``min_size`` members, largest first, at most ``limit``."""
        sizes = self.sizes()
        wanted = np.flatnonzero(sizes >= min_size)
        if limit is not None:
            wanted = wanted[:limit]
        order = np.argsort(self.membership, kind="stable")
        starts = np.concatenate(([0], np.cumsum(sizes)))
        ids = network.nodes.get_column("id")
        found = []
        for community in wanted.tolist():
            vertices = order[starts[community] : starts[community + 1]]
            members = tuple(ids.gather(vertices).to_list())
            found.append(Community(id=community, members=members, size=len(members)))
        return tuple(found)

    def to_json(self, network: Network, *, min_size: int = 2) -> dict[str, Any]:
        return {
            "modularity": self.modularity,
            "resolution": self.resolution,
            "iterations": self.iterations,
            "count": self.count,
            "communities": [c.to_json() for c in self.communities(network, min_size=min_size)],
        }


def detect_communities(
    network: Network,
    *,
    resolution: float = 1.0,
    max_iterations: int = 10,
    tolerance: float = 1e-3,
    seed: int = 0,
    budget: Budget | None = None,
    isolate: bool = False,
) -> Partition:
    """Leiden communities maximising weighted modularity at ``resolution`` (higher: smaller
    communities). The same network and seed give the same partition.

    Iterations stop when one adds less than ``tolerance`` to the modularity: later ones only
    move a handful of vertices on a large graph, for a fraction of a second each.

    The Budget is checked between iterations; with ``isolate`` the iterations run in a worker
    process that is killed as soon as the Budget runs out, even inside an iteration.
    """
    if not resolution > 0:
        raise ValueError(f"resolution must be above 0, got {resolution!r}")
    if max_iterations < 1:
        raise ValueError(f"max_iterations must be at least 1, got {max_iterations!r}")
    simple = network.simple
    graph = simple.graph
    if graph.ecount() == 0:
        singletons = np.arange(network.node_count, dtype=np.int64)
        return Partition(singletons, 0.0, 0, resolution)
    check(budget, "finding communities")
    simple.weight_list  # noqa: B018  (built here, before a worker is forked, and shared)
    if isolate:
        return in_worker(
            partial(_leiden, simple, resolution, max_iterations, tolerance, seed, None, False),
            stage="finding communities",
            budget=budget,
        )
    return _leiden(simple, resolution, max_iterations, tolerance, seed, budget, True)


def _leiden(
    simple: SimpleGraph,
    resolution: float,
    max_iterations: int,
    tolerance: float,
    seed: int,
    budget: Budget | None,
    lock: bool,
) -> Partition:
    membership: list[int] | None = None
    quality = -1.0
    iterations = 0
    with _seeded(seed, lock=lock):
        while iterations < max_iterations:
            clustering = simple.graph.community_leiden(
                objective_function="modularity",
                weights=simple.weight_list,
                resolution=resolution,
                n_iterations=1,
                initial_membership=membership,
            )
            iterations += 1
            membership = clustering.membership
            check(budget, "finding communities")
            previous, quality = quality, _modularity(simple, membership, resolution)
            if quality - previous < tolerance:
                break
    assert membership is not None
    numbered = _by_size(np.asarray(membership, dtype=np.int64))
    return Partition(numbered, float(quality), iterations, resolution)


def _modularity(simple: SimpleGraph, membership: list[int], resolution: float) -> float:
    value = simple.graph.modularity(membership, weights=simple.weight_list, resolution=resolution)
    return float(value)


def _by_size(membership: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Renumber communities 0.. by decreasing size (ties: by first member) for stable output."""
    labels, first, counts = np.unique(membership, return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    rank = np.empty(labels.size, dtype=np.int64)
    rank[order] = np.arange(labels.size)
    return rank[np.searchsorted(labels, membership)]


@contextmanager
def _seeded(seed: int, *, lock: bool = True) -> Iterator[None]:
    # igraph draws from one process-wide generator; a private seeded one makes runs repeatable.
    # A forked worker has one thread and a copy of the lock that may have been held at the fork,
    # so it does not take the lock.
    with _RNG_LOCK if lock else nullcontext():
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)
