"""Which edges and nodes a traversal may use: edge kinds, node kinds and a time window."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
import polars as pl

from accord.errors import InputError
from accord.network.graph import Network

__all__ = ["Filter"]

BoolArray = npt.NDArray[np.bool_]
_KIND = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class Filter:
    """Edges of ``edge_kinds`` (None: all) between nodes of ``node_kinds`` (None: all) whose time
    falls in ``start``..``end`` (both inclusive). An edge without a time (ownership, family) is a
    standing relation and passes any window unless ``timed_only``."""

    edge_kinds: frozenset[str] | None = None
    node_kinds: frozenset[str] | None = None
    start: datetime | None = None
    end: datetime | None = None
    timed_only: bool = False

    @classmethod
    def of(
        cls,
        *,
        edge_kinds: Iterable[str] | None = None,
        node_kinds: Iterable[str] | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        timed_only: bool = False,
    ) -> Filter:
        """A checked filter: kinds are lower-case words, the window runs forward."""
        edges = _kinds("edge kind", edge_kinds)
        nodes = _kinds("node kind", node_kinds)
        if start is not None and end is not None and start > end:
            raise InputError(
                f"the time window starts {start.isoformat()} after it ends {end.isoformat()}",
                hint="give the earlier time as the start",
            )
        return cls(edges, nodes, _naive(start), _naive(end), timed_only)

    def edge_mask(self, network: Network) -> BoolArray:
        """True for the edge rows this filter lets through (node kinds included)."""
        condition = pl.lit(True)
        if self.edge_kinds is not None:
            condition = condition & pl.col("kind").is_in(sorted(self.edge_kinds))
        time = pl.col("time")
        if self.timed_only:
            condition = condition & time.is_not_null()
        if self.start is not None:
            condition = condition & (time.is_null() | (time >= self.start))
        if self.end is not None:
            condition = condition & (time.is_null() | (time <= self.end))
        # with_columns broadcasts a bare literal to every row; select would not.
        ok = network.edges.select("kind", "time").with_columns(condition.alias("ok"))
        mask: BoolArray = ok.get_column("ok").to_numpy()
        if self.node_kinds is not None:
            nodes = self.node_mask(network)
            mask = mask & nodes[network.sources] & nodes[network.targets]
        return mask

    def node_mask(self, network: Network) -> BoolArray:
        """True for the vertices of an allowed kind."""
        if self.node_kinds is None:
            return np.ones(network.node_count, dtype=bool)
        kinds = network.nodes.get_column("kind")
        found: BoolArray = np.array(kinds.is_in(sorted(self.node_kinds)).to_numpy(), copy=True)
        return found


def _kinds(what: str, kinds: Iterable[str] | None) -> frozenset[str] | None:
    if kinds is None:
        return None
    chosen = frozenset(kinds)
    for kind in sorted(chosen):
        if not _KIND.match(kind):
            raise InputError(
                f"{what} {kind!r} is not a lower-case word",
                hint=f"give {what}s such as payment, call, ownership (letters, digits and _)",
            )
    return chosen


def _naive(moment: datetime | None) -> datetime | None:
    # Edge times are UTC wall-clock without a zone (see tables); compare like with like.
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
