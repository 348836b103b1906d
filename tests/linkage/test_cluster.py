"""Clustering with constraints, checked against networkx on random graphs."""

from __future__ import annotations

import random

import networkx as nx
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.linkage.cluster import cluster_records

_EDGES = {"unique_id_l": pl.Int64, "unique_id_r": pl.Int64, "match_weight": pl.Float64}
_PAIRS = {"unique_id_l": pl.Int64, "unique_id_r": pl.Int64}


def _edges(rows: list[tuple[int, int, float]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=_EDGES, orient="row")


def _pairs(rows: list[tuple[int, int]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=_PAIRS, orient="row")


def _groups(cluster: list[int]) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for node, label in enumerate(cluster):
        found.setdefault(label, set()).add(node)
    return {frozenset(g) for g in found.values()}


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=2**32))
def test_without_constraints_identities_are_networkx_connected_components(
    count: int, seed: int
) -> None:
    rng = random.Random(seed)
    rows = []
    for _ in range(rng.randint(0, 2 * count)):
        a, b = sorted(rng.sample(range(count), 2)) if count > 1 else (0, 0)
        if a != b:
            rows.append((a, b, rng.uniform(0, 30)))
    result = cluster_records(count, _edges(rows))
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from((a, b) for a, b, _ in rows)
    assert _groups(result.cluster) == {frozenset(c) for c in nx.connected_components(graph)}
    # every identity is labelled by its smallest record, and its links form a spanning tree
    for group in _groups(result.cluster):
        assert all(result.cluster[n] == min(group) for n in group)
        attached = [n for n in group if n in result.parent]
        assert len(attached) == len(group) - 1
    assert result.skipped_links == 0


@settings(max_examples=60)
@given(st.integers(min_value=2, max_value=30), st.integers(min_value=0, max_value=2**32))
def test_cannot_link_pairs_are_never_in_one_identity(count: int, seed: int) -> None:
    rng = random.Random(seed)
    rows = [(a, b, rng.uniform(0, 30)) for a in range(count) for b in range(a + 1, count)
            if rng.random() < 0.3]  # fmt: skip
    cannot = [(a, b) for a in range(count) for b in range(a + 1, count) if rng.random() < 0.1]
    result = cluster_records(count, _edges(rows), _pairs(cannot))
    for a, b in cannot:
        assert result.cluster[a] != result.cluster[b]
    # nothing more is cut than needed: each identity is connected by accepted links
    for group in _groups(result.cluster):
        assert len([n for n in group if n in result.parent]) == len(group) - 1


def test_a_chain_through_a_third_record_does_not_join_twins() -> None:
    # 0 and 2 are twins; 1 is a record that looks like both
    result = cluster_records(3, _edges([(0, 1, 12.0), (1, 2, 9.0)]), _pairs([(0, 2)]))
    assert result.cluster[0] == result.cluster[1] != result.cluster[2]
    assert result.skipped_links == 1


def test_must_link_groups_stay_together_and_apart_groups_never_meet() -> None:
    edges = _edges([(0, 1, 10.0), (1, 2, 11.0), (2, 3, 10.0)])
    kept = cluster_records(5, edges, must_link=[[3, 4]])
    assert kept.cluster[3] == kept.cluster[4] == kept.cluster[0]
    apart = cluster_records(5, edges, must_link=[[0, 1], [2, 3]], apart=[[0, 1], [2, 3]])
    assert apart.cluster[0] == apart.cluster[1]
    assert apart.cluster[2] == apart.cluster[3]
    assert apart.cluster[0] != apart.cluster[2]


def test_a_split_wins_over_a_confirmation() -> None:
    result = cluster_records(3, _edges([(0, 1, 10.0)]), _pairs([(1, 2)]), must_link=[[0, 1, 2]])
    assert result.cluster[0] == result.cluster[1] != result.cluster[2]
