"""Money-flow tracing: time-respecting payment paths from (or into) an account or a person.

From a person or a company the trace starts at everything it controls (its accounts, the
companies it owns or directs and their accounts). Each next payment happens no earlier than the
one before it (forward) or no later (backward), optionally within ``max_gap`` of it; a path never
visits a node twice. Payments without a time are followed without constraining the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import numpy as np

from accord.errors import InputError
from accord.network.adjacency import Adjacency
from accord.network.budget import Budget, check
from accord.network.control import controlled_vertices
from accord.network.evidence import edge_evidence
from accord.network.graph import Network
from accord.network.money import NO_TIME, FlowFinding, Payments, micros, payments
from accord.network.reasons import reason

__all__ = ["MoneyTrace", "trace_money"]


@dataclass(frozen=True)
class MoneyTrace:
    """The paths found, longest walks first; ``truncated`` when ``max_paths`` cut the search."""

    origin: str
    direction: str
    paths: tuple[FlowFinding, ...]
    truncated: bool

    def to_json(self) -> dict[str, Any]:
        return {"origin": self.origin, "direction": self.direction, "truncated": self.truncated,
                "paths": [p.to_json() for p in self.paths]}  # fmt: skip


def trace_money(
    network: Network,
    origin: str,
    *,
    direction: Literal["out", "in"] = "out",
    max_hops: int = 4,
    start: datetime | None = None,
    end: datetime | None = None,
    max_gap: timedelta | None = None,
    min_amount: float = 0.0,
    max_paths: int = 200,
    budget: Budget | None = None,
) -> MoneyTrace:
    """Every maximal time-respecting payment path of up to ``max_hops`` payments, each of at
    least ``min_amount`` EUR (unknown amounts pass) and inside ``start``..``end``."""
    if direction not in ("out", "in"):
        raise InputError(f"direction must be 'out' or 'in', got {direction!r}")
    if not 1 <= max_hops <= 10:
        raise InputError(f"max_hops must be between 1 and 10, got {max_hops}")
    if max_paths < 1:
        raise InputError(f"max_paths must be at least 1, got {max_paths}")
    vertex = network.index(origin)
    index = payments(network)
    usable = _usable(index, start, end, min_amount)
    gap = None if max_gap is None else int(max_gap / timedelta(microseconds=1))
    forward = direction == "out"
    links = index.out if forward else index.into
    found: list[list[int]] = []
    truncated = False
    origins = controlled_vertices(network, vertex)
    starts = set(origins.tolist())
    # Depth-first with an explicit stack: (vertex, time of the last payment, path so far).
    stack: list[tuple[int, int | None, list[int]]] = [(int(v), None, []) for v in origins[::-1]]
    steps = 0
    while stack:
        here, last, path = stack.pop()
        steps += 1
        if steps % 1024 == 0:
            check(budget, "tracing money")
        nexts = (
            _next(index, links, here, last, gap, forward, usable) if len(path) < max_hops else []
        )
        visited = {int(index.payer[p]) for p in path} | {int(index.payee[p]) for p in path}
        extended = False
        for position in reversed(nexts):
            far = int(index.payee[position] if forward else index.payer[position])
            if far in visited or far in starts:
                continue
            time = int(index.time[position])
            stack.append((far, last if time == NO_TIME else time, [*path, position]))
            extended = True
        if not extended and path:
            found.append(path)
            if len(found) >= max_paths:
                truncated = bool(stack)
                break
    found.sort(key=len, reverse=True)
    paths = tuple(_finding(network, index, path, forward) for path in found)
    return MoneyTrace(origin, direction, paths, truncated)


def _usable(
    index: Payments, start: datetime | None, end: datetime | None, min_amount: float
) -> np.ndarray[Any, np.dtype[np.bool_]]:
    ok = ~(index.amount < min_amount)  # NaN (unknown amount) compares False, so it passes
    timed = index.time != NO_TIME
    if start is not None:
        ok &= ~timed | (index.time >= micros(start))
    if end is not None:
        ok &= ~timed | (index.time <= micros(end))
    return ok


def _next(
    index: Payments,
    links: Adjacency,
    vertex: int,
    last: int | None,
    gap: int | None,
    forward: bool,
    usable: np.ndarray[Any, np.dtype[np.bool_]],
) -> list[int]:
    positions = links.edges[links.indptr[vertex] : links.indptr[vertex + 1]]
    positions = positions[usable[positions]]
    if last is None:
        return positions.tolist()  # type: ignore[no-any-return]
    times = index.time[positions]
    untimed = times == NO_TIME
    if forward:
        ok = times >= last
        if gap is not None:
            ok &= times <= last + gap
    else:
        ok = times <= last
        if gap is not None:
            ok &= times >= last - gap
    return positions[untimed | ok].tolist()  # type: ignore[no-any-return]


def _finding(network: Network, index: Payments, path: list[int], forward: bool) -> FlowFinding:
    rows = [int(index.rows[p]) for p in path]
    evidence = edge_evidence(network, rows)
    amounts = [float(index.amount[p]) for p in path if not np.isnan(index.amount[p])]
    times = [e.time for e in evidence if e.time is not None]
    # In walking order: forward from the payer of the first payment, backward from its payee.
    nodes = [evidence[0].source if forward else evidence[0].target]
    nodes += [e.target if forward else e.source for e in evidence]
    set_out = amounts[0] if amounts else 0.0
    why = reason(
        "trace" if forward else "trace_in",
        hops=len(path),
        amount=set_out,
        carried=min(amounts, default=0.0),
    )
    return FlowFinding(
        kind="trace",
        nodes=tuple(nodes),
        edges=evidence,
        total_amount=set_out,
        first=min(times, default=None),
        last=max(times, default=None),
        reason=why.text,
        explanation=why,
    )
