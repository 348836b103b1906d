"""Edge evidence: an edge row with its ends' ids and the record it comes from, so that every
path or finding can be traced back to records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from accord.network.graph import Network

__all__ = ["EdgeEvidence", "edge_evidence"]


@dataclass(frozen=True)
class EdgeEvidence:
    """One edge: ends, kind, weight, amount (EUR), time and the record behind it."""

    source: str
    target: str
    kind: str
    weight: float
    amount: float | None
    time: datetime | None
    record_id: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "weight": self.weight,
            "amount": self.amount,
            "time": self.time.isoformat() if self.time else None,
            "record_id": self.record_id,
        }


def edge_evidence(network: Network, rows: Sequence[int]) -> tuple[EdgeEvidence, ...]:
    """The evidence of edge rows ``rows``, in that order."""
    if not rows:
        return ()
    table = network.edges.select("kind", "weight", "amount", "time", "record_id")[list(rows)]
    ids = network.nodes.get_column("id")
    sources = ids.gather(network.sources[list(rows)]).to_list()
    targets = ids.gather(network.targets[list(rows)]).to_list()
    return tuple(
        EdgeEvidence(source, target, kind, weight, amount, time, record_id)
        for source, target, (kind, weight, amount, time, record_id) in zip(
            sources, targets, table.iter_rows(), strict=True
        )
    )
