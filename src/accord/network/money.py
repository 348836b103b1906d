"""The payments of a network, indexed for time-respecting walks, and the finding type that
money-flow tracing and the detectors return."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from accord.network.adjacency import Adjacency, adjacency
from accord.network.evidence import EdgeEvidence
from accord.network.graph import Network
from accord.network.reasons import Reason
from accord.network.tables import MONEY_EDGE_KINDS

__all__ = ["NO_TIME", "Findings", "FlowFinding", "Payments", "micros", "payments"]

IntArray = npt.NDArray[np.int64]
# Payments without a time sort first and are never ruled out by time order.
NO_TIME = np.iinfo(np.int64).min

_CACHE: weakref.WeakKeyDictionary[Network, Payments] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, eq=False)
class Payments:
    """The money edges: ``rows`` (edge rows), ``payer``/``payee`` (vertices), ``time``
    (microseconds since 1970, NO_TIME when unknown) and ``amount`` (NaN when unknown), sorted by
    time; ``out``/``into`` index them by payer/payee, each vertex's list in time order."""

    rows: IntArray
    payer: IntArray
    payee: IntArray
    time: IntArray
    amount: npt.NDArray[np.float64]
    out: Adjacency
    into: Adjacency

    @property
    def count(self) -> int:
        return int(self.rows.size)


def payments(network: Network) -> Payments:
    """The payment index of ``network`` (built once per network)."""
    found = _CACHE.get(network)
    if found is None:
        found = _index(network)
        _CACHE[network] = found
    return found


def _index(network: Network) -> Payments:
    money = (
        network.edges.select(
            pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
            pl.col("kind").is_in(sorted(MONEY_EDGE_KINDS)).alias("money"),
            pl.col("time").dt.epoch("us").fill_null(NO_TIME).alias("time"),
            pl.col("amount").fill_null(float("nan")).alias("amount"),
        )
        .filter(pl.col("money"))
        .sort("time", "row")
    )
    rows = money.get_column("row").to_numpy()
    payer, payee = network.sources[rows], network.targets[rows]
    # CSR "edges" below are positions in these sorted arrays, so each vertex's slice keeps
    # the time order (the CSR sort is stable).
    out = adjacency(network.node_count, payer, payee, directed=True)
    into = adjacency(network.node_count, payee, payer, directed=True)
    return Payments(
        rows=rows,
        payer=payer,
        payee=payee,
        time=money.get_column("time").to_numpy(),
        amount=money.get_column("amount").to_numpy(),
        out=out,
        into=into,
    )


def micros(moment: datetime) -> int:
    """Microseconds since 1970 of ``moment`` (UTC wall-clock when it carries no zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment - datetime(1970, 1, 1)) // timedelta(microseconds=1)


@dataclass(frozen=True)
class FlowFinding:
    """A money-flow finding: ``kind`` (trace, circular_flow, fan_in, fan_out, structuring), the
    nodes involved, the payments behind it, their total in EUR (for a circular flow: the amount
    that set out) and the reason in words (with its code and fields in ``explanation``)."""

    kind: str
    nodes: tuple[str, ...]
    edges: tuple[EdgeEvidence, ...]
    total_amount: float
    first: datetime | None
    last: datetime | None
    reason: str
    explanation: Reason | None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "nodes": list(self.nodes),
            "edges": [e.to_json() for e in self.edges],
            "total_amount": self.total_amount,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "reason": self.reason,
            "explanation": self.explanation.to_json() if self.explanation else None,
        }


@dataclass(frozen=True)
class Findings:
    """What one detector found; ``truncated`` when its limit or step bound stopped it early."""

    kind: str
    findings: tuple[FlowFinding, ...]
    truncated: bool

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "truncated": self.truncated,
                "findings": [f.to_json() for f in self.findings]}  # fmt: skip
