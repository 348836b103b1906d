"""Circular flows: money that leaves a node and comes back to it through others, each payment
after the one before and the whole round within a time window (round-tripping, layering)."""

from __future__ import annotations

from datetime import timedelta

import igraph as ig
import numpy as np
import numpy.typing as npt

from accord.errors import InputError
from accord.network.budget import Budget, check
from accord.network.evidence import edge_evidence
from accord.network.graph import Network
from accord.network.money import NO_TIME, Findings, FlowFinding, Payments, payments
from accord.network.reasons import reason

__all__ = ["circular_flows"]

IntArray = npt.NDArray[np.int64]
_HEADROOM = 1.1  # a hop may add up to 10% (other money joining) and still count as the same flow


def circular_flows(
    network: Network,
    *,
    max_length: int = 6,
    window: timedelta = timedelta(days=30),
    min_amount: float = 1_000.0,
    min_retained: float = 0.5,
    limit: int = 100,
    max_steps: int = 2_000_000,
    budget: Budget | None = None,
) -> Findings:
    """Cycles of 2..``max_length`` timed payments of at least ``min_amount`` EUR, each hop
    carrying between ``min_retained`` and 110% of the first payment, closed within ``window``.
    Each cycle is reported once, from its earliest payment; ``max_steps`` bounds the search."""
    if not 2 <= max_length <= 10:
        raise InputError(f"max_length must be between 2 and 10, got {max_length}")
    if not 0 < min_retained <= 1:
        raise InputError(f"min_retained must be in (0, 1], got {min_retained}")
    index = payments(network)
    candidates = _in_cycles(network, index, min_amount)
    span = int(window / timedelta(microseconds=1))
    seen: set[frozenset[int]] = set()
    found: list[FlowFinding] = []
    steps = 0
    for first in candidates.tolist():
        check(budget, "circular flows")
        home, start = int(index.payer[first]), int(index.time[first])
        low, high = min_retained * index.amount[first], _HEADROOM * index.amount[first]
        stack: list[tuple[int, int, list[int]]] = [(int(index.payee[first]), start, [first])]
        while stack and steps < max_steps and len(found) < limit:
            here, last, path = stack.pop()
            steps += 1
            if steps % 4096 == 0:
                check(budget, "circular flows")
            for position in _onward(index, here, last, start + span, low, high).tolist():
                far = int(index.payee[position])
                if far == home:
                    cycle = frozenset((*path, position))
                    if cycle not in seen:
                        seen.add(cycle)
                        found.append(_finding(network, index, [*path, position]))
                elif len(path) + 1 < max_length and far not in _visited(index, path):
                    stack.append((far, int(index.time[position]), [*path, position]))
        if steps >= max_steps or len(found) >= limit:
            return Findings("circular_flow", tuple(found), truncated=True)
    return Findings("circular_flow", tuple(found), truncated=False)


def _in_cycles(network: Network, index: Payments, min_amount: float) -> IntArray:
    """Positions of the timed payments of at least ``min_amount`` whose two ends lie in the same
    strongly connected part of the payment graph: no other payment can be on a cycle."""
    usable = (index.time != NO_TIME) & (index.amount >= min_amount)
    positions = np.flatnonzero(usable)
    if positions.size == 0:
        return positions
    graph = ig.Graph(
        n=network.node_count,
        edges=np.column_stack((index.payer[positions], index.payee[positions])).tolist(),
        directed=True,
    )
    part = np.asarray(graph.connected_components(mode="strong").membership)
    inside = part[index.payer[positions]] == part[index.payee[positions]]
    found: IntArray = positions[inside]
    return found


def _onward(
    index: Payments, vertex: int, after: int, until: int, low: float, high: float
) -> IntArray:
    links = index.out
    positions = links.edges[links.indptr[vertex] : links.indptr[vertex + 1]]
    times = index.time[positions]  # ascending: the payment index is sorted by time
    lo, hi = np.searchsorted(times, after, "left"), np.searchsorted(times, until, "right")
    window = positions[lo:hi]
    amounts = index.amount[window]
    found: IntArray = window[(amounts >= low) & (amounts <= high)]
    return found


def _visited(index: Payments, path: list[int]) -> set[int]:
    return {int(index.payer[p]) for p in path}


def _finding(network: Network, index: Payments, path: list[int]) -> FlowFinding:
    evidence = edge_evidence(network, [int(index.rows[p]) for p in path])
    first, last = evidence[0].time, evidence[-1].time
    assert first is not None and last is not None
    amount = float(index.amount[path[0]])
    why = reason("circular_flow", hops=len(path), amount=amount,
                 first=first.date().isoformat(), last=last.date().isoformat())  # fmt: skip
    return FlowFinding(
        kind="circular_flow",
        nodes=tuple(e.source for e in evidence),
        edges=evidence,
        total_amount=amount,
        first=first,
        last=last,
        reason=why.text,
        explanation=why,
    )
