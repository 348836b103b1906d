"""Identities from scored pairs: connected components at a threshold, with constraints.

Links at or above the threshold join records; a cannot-link pair (a contradiction, or an
analyst's split) is never joined, directly or through other records; a must-link group (an
analyst's confirmation) stays together. Components without a constraint inside are plain
connected components (igraph, in C). Only components that hold a cannot-link pair are
re-clustered greedily: strongest link first, a link skipped when it would join a record to one
it cannot be with. A soft conflict (two records that disagree on a full date of birth or a
father's name) is weaker: a *weak* link (names, sex, nationality, a year; nothing beyond) does
not join two groups of records that hold such a pair, a strong one does. Namesakes of a common
name are otherwise chained into one identity through records that have no date or no father's
name, each link plausible on its own. Phone numbers, years and full dates of birth are weighed
the same way by group (:mod:`accord.linkage.traits`): a weak link does not join two groups
whose records disagree on them, paired or not. Each identity's
links form a spanning tree of its strongest links, and every member but the first is given the
link that attached it: its evidence.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import igraph as ig
import polars as pl

from accord.linkage.lone import LoneRule, attach_lone_records
from accord.linkage.traits import GroupTraits, RecordTraits, traits_of_conflicted

__all__ = ["Clustering", "cluster_records"]

log = logging.getLogger(__name__)

_MUST = 1e9


@dataclass
class Clustering:
    """``cluster`` per record (the smallest ``unique_id`` of its identity) and, for every member
    but its identity's first, ``parent`` (the record it was attached to) and ``edge`` (the row of
    the link in the edges frame; -1 for a must-link with no scored link); ``lone_attached``:
    the records left alone that :mod:`accord.linkage.lone` attached."""

    cluster: list[int]
    parent: dict[int, tuple[int, int]]
    skipped_links: int
    lone_attached: int = 0


class _Groups:
    """Union-find with each group's members and the records it may not join."""

    def __init__(
        self,
        nodes: Iterable[int],
        cannot: dict[int, set[int]],
        soft: dict[int, set[int]],
        traits: dict[int, GroupTraits],
    ) -> None:
        self.root = {n: n for n in nodes}
        self.members = {n: {n} for n in self.root}
        self.forbidden = {n: set(cannot.get(n, ())) for n in self.root}
        self.conflicting = {n: set(soft.get(n, ())) for n in self.root}
        self.traits = traits

    def find(self, node: int) -> int:
        root = self.root[node]
        while root != self.root[root]:
            root = self.root[root]
        while node != root:
            self.root[node], node = root, self.root[node]
        return root

    def _meets(self, ties: dict[int, set[int]], ra: int, rb: int) -> bool:
        return bool(ties[ra] & self.members[rb] or ties[rb] & self.members[ra])

    def join(self, a: int, b: int, strong: bool = True) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        if self._meets(self.forbidden, ra, rb):
            return False
        if not strong and (self._meets(self.conflicting, ra, rb) or self._disagree(ra, rb)):
            return False
        self.root[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.forbidden[ra] |= self.forbidden.pop(rb)
        self.conflicting[ra] |= self.conflicting.pop(rb)
        if rb in self.traits:
            self.traits[ra].absorb(self.traits.pop(rb))
        return True

    def _disagree(self, ra: int, rb: int) -> bool:
        a, b = self.traits.get(ra), self.traits.get(rb)
        return a is not None and b is not None and a.disagrees(b)


def _constrained(
    nodes: list[int],
    edges: list[tuple[float, int, int, int, bool]],
    cannot: dict[int, set[int]],
    soft: dict[int, set[int]],
    traits: dict[int, GroupTraits],
) -> tuple[dict[int, int], list[tuple[int, int, int]], int]:
    """Greedy clustering of one component: ``(root per node, accepted edges, skipped)``."""
    groups = _Groups(nodes, cannot, soft, traits)
    accepted: list[tuple[int, int, int]] = []
    skipped = 0
    for _weight, a, b, row, strong in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        if groups.find(a) == groups.find(b):
            continue
        if groups.join(a, b, strong):
            accepted.append((a, b, row))
        else:
            skipped += 1
    return {n: groups.find(n) for n in nodes}, accepted, skipped


def _orient(
    tree_edges: Sequence[tuple[int, int, int]], cluster: list[int]
) -> dict[int, tuple[int, int]]:
    """Each member's parent in its identity's tree, rooted at the identity's smallest id."""
    neighbours: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b, row in tree_edges:
        neighbours[a].append((b, row))
        neighbours[b].append((a, row))
    parent: dict[int, tuple[int, int]] = {}
    for root in sorted({cluster[n] for n in neighbours}):
        queue, seen = deque([root]), {root}
        while queue:
            node = queue.popleft()
            for other, row in sorted(neighbours[node]):
                if other not in seen:
                    seen.add(other)
                    parent[other] = (node, row)
                    queue.append(other)
    return parent


def cluster_records(
    count: int,
    edges: pl.DataFrame,
    cannot_link: pl.DataFrame | None = None,
    must_link: Sequence[Sequence[int]] = (),
    apart: Sequence[Sequence[int]] = (),
    soft_conflicts: pl.DataFrame | None = None,
    traits: RecordTraits | None = None,
    near: pl.DataFrame | None = None,
    lone: LoneRule | None = None,
) -> Clustering:
    """Cluster records ``0..count-1``. ``edges``: ``unique_id_l``, ``unique_id_r``,
    ``match_weight`` (links at or above the threshold) and optionally ``strong`` (false: a weak
    link; without the column every link is strong); ``cannot_link``: ``unique_id_l``,
    ``unique_id_r``; ``must_link``: groups of records that stay together; ``apart``: groups
    that are never joined with one another; ``soft_conflicts``: pairs (``unique_id_l``,
    ``unique_id_r``) whose groups no weak link joins; ``traits``: each record's phone numbers,
    year and date of birth, on which two groups that no weak link joins may disagree. With
    ``lone``, records left alone are attached by that rule (:mod:`accord.linkage.lone`) over
    the links and ``near`` (``unique_id_l``, ``unique_id_r``, ``match_probability``: pairs
    below the threshold); the link of a record attached by a pair of ``near`` has the row
    ``edges.height`` + that pair's row in ``near``."""
    left = edges["unique_id_l"].to_list()
    right = edges["unique_id_r"].to_list()
    weights = edges["match_weight"].to_list()
    strong = (
        edges["strong"].fill_null(False).to_list()
        if "strong" in edges.columns
        else [True] * len(left)
    )
    rows = list(range(len(left)))
    for group in must_link:
        members = sorted(set(group))
        for a, b in itertools.pairwise(members):
            left.append(a)
            right.append(b)
            weights.append(_MUST)
            strong.append(True)
            rows.append(-1)
    started = time.perf_counter()
    graph = ig.Graph(n=count, edges=list(zip(left, right, strict=True)))
    component = graph.connected_components().membership
    cannot: dict[int, set[int]] = defaultdict(set)
    soft: dict[int, set[int]] = defaultdict(set)
    conflicted: set[int] = set()
    components = pl.Series(component, dtype=pl.Int64)
    for pairs, ties in ((cannot_link, cannot), (soft_conflicts, soft)):
        if pairs is None or not pairs.height:
            continue
        inside = pairs.filter(
            components.gather(pairs["unique_id_l"]) == components.gather(pairs["unique_id_r"])
        )
        for a, b in zip(inside["unique_id_l"], inside["unique_id_r"], strict=True):
            ties[a].add(b)
            ties[b].add(a)
            conflicted.add(component[a])
    group_traits: dict[int, GroupTraits] = {}
    if traits is not None:
        group_traits = traits_of_conflicted(traits, component, conflicted)
    # groups kept apart: their first records may not meet (must-links join each group first)
    heads: dict[int, list[int]] = defaultdict(list)
    for group in apart:
        if group:
            heads[component[min(group)]].append(min(group))
    for comp, firsts in heads.items():
        for i, a in enumerate(firsts):
            for b in firsts[i + 1 :]:
                cannot[a].add(b)
                cannot[b].add(a)
                conflicted.add(comp)
    log.info(
        "components: %.1f s, %d with constraints", time.perf_counter() - started, len(conflicted)
    )
    # plain components: a maximum spanning tree of each (negated weights, minimum tree)
    free = [i for i in range(len(left)) if component[left[i]] not in conflicted]
    tree_edges: list[tuple[int, int, int]] = []
    if free:
        sub = ig.Graph(n=count, edges=[(left[i], right[i]) for i in free])
        chosen = sub.spanning_tree(weights=[-weights[i] for i in free], return_tree=False)
        tree_edges = [(left[free[k]], right[free[k]], rows[free[k]]) for k in chosen]
    log.info("spanning trees: %.1f s", time.perf_counter() - started)
    cluster = [0] * count
    for node, comp in enumerate(component):
        cluster[node] = comp
    skipped = 0
    if conflicted:
        by_component: dict[int, list[tuple[float, int, int, int, bool]]] = defaultdict(list)
        for i in range(len(left)):
            if component[left[i]] in conflicted:
                by_component[component[left[i]]].append(
                    (weights[i], left[i], right[i], rows[i], strong[i])
                )
        nodes_of: dict[int, list[int]] = defaultdict(list)
        for node, comp in enumerate(component):
            if comp in conflicted:
                nodes_of[comp].append(node)
        for comp, comp_edges in by_component.items():
            roots, accepted, missed = _constrained(
                nodes_of[comp], comp_edges, cannot, soft, group_traits
            )
            skipped += missed
            tree_edges.extend(accepted)
            for node, root in roots.items():
                cluster[node] = -1 - root  # kept apart from component numbers
    log.info("constrained components: %.1f s", time.perf_counter() - started)
    attached = 0
    if lone is not None:
        scored = _scored(edges, near, lone)
        for record, other, row in attach_lone_records(
            cluster, scored, lone, cannot_link=cannot_link, soft_conflicts=soft_conflicts,
            traits=traits, apart=apart,
        ):  # fmt: skip
            cluster[record] = cluster[other]
            tree_edges.append((record, other, row))
            attached += 1
        log.info("lone records attached: %d, %.1f s", attached, time.perf_counter() - started)
    smallest: dict[int, int] = {}
    for node, label in enumerate(cluster):
        if label not in smallest:
            smallest[label] = node
    final = [smallest[label] for label in cluster]
    return Clustering(final, _orient(tree_edges, final), skipped, attached)


def _scored(edges: pl.DataFrame, near: pl.DataFrame | None, lone: LoneRule) -> pl.DataFrame:
    """The links and the pairs below the threshold that may attach or hold a lone record."""
    columns = ["unique_id_l", "unique_id_r", "match_probability", "row"]
    frames = []
    if "match_probability" in edges.columns:
        frames.append(edges.with_row_index("row").select(columns))
    if near is not None:
        frames.append(near.with_row_index("row", offset=edges.height).select(columns))
    if not frames:
        return pl.DataFrame(
            schema={"unique_id_l": pl.Int64, "unique_id_r": pl.Int64,
                    "match_probability": pl.Float64, "row": pl.Int64}
        )  # fmt: skip
    frames = [f.with_columns(pl.col("row").cast(pl.Int64)) for f in frames]
    return pl.concat(frames).filter(pl.col("match_probability") >= lone.rival_at)
