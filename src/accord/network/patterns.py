"""Payment patterns within a time window: fan-in and fan-out (many counterparties paying into or
out of one node, as money mules and collection accounts do) and structuring (several payments
each just under a reporting threshold that together pass it)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Literal

import numpy as np
import numpy.typing as npt

from accord.errors import InputError
from accord.network.adjacency import Adjacency
from accord.network.budget import Budget, check
from accord.network.evidence import edge_evidence
from accord.network.graph import Network
from accord.network.money import NO_TIME, Findings, FlowFinding, Payments, payments
from accord.network.reasons import reason

__all__ = ["REPORTING_THRESHOLD", "fan_patterns", "structuring"]

IntArray = npt.NDArray[np.int64]
# EUR. The EU's cash declaration threshold (Regulation (EU) 2018/1672); pass the threshold of
# the jurisdiction whose reporting rule is being dodged.
REPORTING_THRESHOLD = 10_000.0


def fan_patterns(
    network: Network,
    *,
    direction: Literal["in", "out"] = "in",
    min_counterparties: int = 5,
    window: timedelta = timedelta(days=7),
    limit: int = 100,
    budget: Budget | None = None,
) -> Findings:
    """Nodes paid by (``in``) or paying (``out``) at least ``min_counterparties`` distinct
    counterparties within ``window``; for each, the window with the most counterparties."""
    if direction not in ("in", "out"):
        raise InputError(f"direction must be 'in' or 'out', got {direction!r}")
    if min_counterparties < 2:
        raise InputError(f"min_counterparties must be at least 2, got {min_counterparties}")
    index = payments(network)
    links = index.into if direction == "in" else index.out
    other = index.payer if direction == "in" else index.payee
    span = int(window / timedelta(microseconds=1))
    found: list[tuple[int, FlowFinding]] = []
    for vertex in _busy(links, min_counterparties).tolist():
        check(budget, "fan patterns")
        positions = _timed(index, links, vertex)
        lo, hi, distinct = _widest(index.time[positions], other[positions], span)
        if distinct >= min_counterparties:
            chosen = positions[lo:hi]
            code = "fan_in" if direction == "in" else "fan_out"
            found.append((distinct, _finding(network, index, code, chosen, window, distinct)))
    found.sort(key=lambda pair: (-pair[0], pair[1].nodes[0]))
    kind = "fan_in" if direction == "in" else "fan_out"
    return Findings(kind, tuple(f for _, f in found[:limit]), truncated=len(found) > limit)


def structuring(
    network: Network,
    *,
    threshold: float = REPORTING_THRESHOLD,
    margin: float = 0.1,
    min_payments: int = 3,
    window: timedelta = timedelta(days=7),
    limit: int = 100,
    budget: Budget | None = None,
) -> Findings:
    """Payers who made at least ``min_payments`` payments in ``window``, each within ``margin``
    under ``threshold`` (e.g. 9,000-9,999.99 EUR for 10,000 and 10%), together at least
    ``threshold``; for each payer, the window with the most such payments."""
    if not threshold > 0 or not 0 < margin < 1:
        raise InputError(
            f"threshold must be above 0 and margin between 0 and 1, got {threshold}, {margin}"
        )
    if min_payments < 2:
        raise InputError(f"min_payments must be at least 2, got {min_payments}")
    index = payments(network)
    band = (index.amount >= threshold * (1 - margin)) & (index.amount < threshold)
    span = int(window / timedelta(microseconds=1))
    found: list[tuple[int, FlowFinding]] = []
    for vertex in _busy(index.out, min_payments).tolist():
        check(budget, "structuring")
        positions = _timed(index, index.out, vertex)
        positions = positions[band[positions]]
        if positions.size < min_payments:
            continue
        lo, hi, count = _widest(index.time[positions], positions, span)
        chosen = positions[lo:hi]
        if count >= min_payments and index.amount[chosen].sum() >= threshold:
            why_fields = {"threshold": threshold}
            finding = _finding(network, index, "structuring", chosen, window, count, why_fields)
            found.append((count, finding))
    found.sort(key=lambda pair: (-pair[0], pair[1].nodes[0]))
    return Findings("structuring", tuple(f for _, f in found[:limit]), len(found) > limit)


def _busy(links: Adjacency, minimum: int) -> IntArray:
    """Vertices with at least ``minimum`` payments in the given direction (a cheap first cut)."""
    found: IntArray = np.flatnonzero(np.diff(links.indptr) >= minimum)
    return found


def _timed(index: Payments, links: Adjacency, vertex: int) -> IntArray:
    positions = links.edges[links.indptr[vertex] : links.indptr[vertex + 1]]
    found: IntArray = positions[index.time[positions] != NO_TIME]
    return found


def _widest(times: IntArray, keys: IntArray, span: int) -> tuple[int, int, int]:
    """The slice lo:hi of time-sorted payments within ``span`` that has the most distinct keys
    (two pointers: each payment enters and leaves the window once)."""
    counts: Counter[int] = Counter()
    best = (0, 0, 0)
    lo = 0
    for hi, key in enumerate(keys.tolist()):
        counts[key] += 1
        while times[hi] - times[lo] > span:
            gone = int(keys[lo])
            counts[gone] -= 1
            if not counts[gone]:
                del counts[gone]
            lo += 1
        if len(counts) > best[2]:
            best = (lo, hi + 1, len(counts))
    return best


def _finding(
    network: Network,
    index: Payments,
    code: str,
    chosen: IntArray,
    window: timedelta,
    count: int,
    extra: dict[str, float] | None = None,
) -> FlowFinding:
    evidence = edge_evidence(network, [int(index.rows[p]) for p in chosen.tolist()])
    amounts = index.amount[chosen]
    total = float(np.nansum(amounts))
    days = max(1, round(window / timedelta(days=1)))
    fields: dict[str, object] = {"amount": total, "days": days, **(extra or {})}
    if code == "fan_in":
        centre, fields["senders"] = evidence[0].target, count
        others = [e.source for e in evidence]
    elif code == "fan_out":
        centre, fields["recipients"] = evidence[0].source, count
        others = [e.target for e in evidence]
    else:
        centre, fields["payments"] = evidence[0].source, count
        others = [e.target for e in evidence]
    why = reason(code, **fields)
    times = [e.time for e in evidence if e.time is not None]
    return FlowFinding(
        kind=code,
        nodes=tuple(dict.fromkeys([centre, *others])),
        edges=evidence,
        total_amount=total,
        first=min(times, default=None),
        last=max(times, default=None),
        reason=why.text,
        explanation=why,
    )
