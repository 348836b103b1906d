"""A seeded synthetic network for the network benchmark, generated with numpy.

The shape follows what investigations find: many small groups and a few large ones (community
sizes drawn from a power law), a heavy-tailed number of ties per node (a few hubs, many leaves),
most ties inside a group and some between groups. Nodes are persons, companies, accounts, phones
and so on; an edge's kind follows from the kinds of its ends (account to account is a payment,
with an amount and a time; person to company is ownership or directorship; ...).
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import numpy.typing as npt
import polars as pl

__all__ = ["synthetic_network"]

IntArray = npt.NDArray[np.int64]

_KINDS = ("person", "company", "account", "phone", "vehicle", "address", "vessel", "wallet")
_KIND_SHARE = (0.55, 0.10, 0.15, 0.12, 0.03, 0.03, 0.01, 0.01)
_PERSON, _COMPANY, _ACCOUNT, _PHONE, _VEHICLE, _ADDRESS, _VESSEL, _WALLET = range(8)
_MIXING = 0.12  # share of edges that leave their community
_START = datetime(2024, 1, 1)
_SPAN_SECONDS = 2 * 365 * 86_400


def synthetic_network(
    nodes: int, edges: int, *, seed: int = 7
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Node and edge tables (the columns of accord.network.tables) with exactly ``nodes`` nodes
    and ``edges`` edges, no self-loops; the same arguments give the same tables."""
    if nodes < 2 or edges < 0:
        raise ValueError(f"need at least 2 nodes and no negative edge count, got {nodes}, {edges}")
    rng = np.random.default_rng(seed)
    community = _communities(rng, nodes)
    propensity = np.minimum(rng.pareto(1.3, nodes) + 1.0, 5_000.0)
    sources, targets = _ends(rng, community, propensity, edges)
    node_kind = rng.choice(len(_KINDS), size=nodes, p=_KIND_SHARE)
    node_table = pl.DataFrame(
        {
            "id": _ids("n", np.arange(nodes)),
            "kind": pl.Series(np.array(_KINDS)[node_kind]),
        }
    )
    return node_table, _edge_table(rng, sources, targets, node_kind)


def _communities(rng: np.random.Generator, nodes: int) -> IntArray:
    """Community of each vertex; communities are contiguous vertex ranges."""
    sizes = np.clip((rng.pareto(1.5, nodes // 8 + 1) + 1.0) * 8, 8, 5_000).astype(np.int64)
    ends = np.cumsum(sizes)
    count = int(np.searchsorted(ends, nodes)) + 1
    sizes = sizes[:count]
    sizes[-1] -= int(sizes.sum()) - nodes
    return np.repeat(np.arange(count), sizes)


def _ends(
    rng: np.random.Generator, community: IntArray, propensity: npt.NDArray[np.float64], edges: int
) -> tuple[IntArray, IntArray]:
    cumulative = np.cumsum(propensity)
    total = cumulative[-1]
    starts = np.searchsorted(community, np.arange(community[-1] + 1))
    stops = np.append(starts[1:], community.size)
    before = np.concatenate(([0.0], cumulative))
    last = community.size - 1
    sources, targets = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # Hubs in small communities draw themselves now and then; such self-loops are dropped and
    # the shortfall drawn again until there are exactly ``edges`` edges.
    while sources.size < edges:
        wanted = int((edges - sources.size) * 1.1) + 16
        drawn = np.searchsorted(cumulative, rng.random(wanted) * total, side="right")
        group = community[np.minimum(drawn, last)]
        low, high = before[starts[group]], before[stops[group]]
        far = np.searchsorted(cumulative, low + rng.random(wanted) * (high - low), side="right")
        leaving = rng.random(wanted) < _MIXING
        far[leaving] = np.searchsorted(cumulative, rng.random(int(leaving.sum())) * total, "right")
        drawn, far = np.minimum(drawn, last), np.minimum(far, last)
        keep = drawn != far
        sources = np.concatenate((sources, drawn[keep].astype(np.int64)))
        targets = np.concatenate((targets, far[keep].astype(np.int64)))
    return sources[:edges], targets[:edges]


def _edge_table(
    rng: np.random.Generator, sources: IntArray, targets: IntArray, node_kind: IntArray
) -> pl.DataFrame:
    count = sources.size
    a, b = node_kind[sources], node_kind[targets]

    def pair(x: int, y: int) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = ((a == x) & (b == y)) | ((a == y) & (b == x))
        return found

    money = np.isin(a, (_ACCOUNT, _WALLET)) & np.isin(b, (_ACCOUNT, _WALLET))
    coin = rng.random(count)
    kind = np.select(
        [
            money,
            pair(_PERSON, _COMPANY) & (coin < 0.6),
            pair(_PERSON, _COMPANY),
            np.isin(a, (_ACCOUNT, _WALLET)) | np.isin(b, (_ACCOUNT, _WALLET)),
            pair(_PHONE, _PHONE),
            (a == _PHONE) | (b == _PHONE),
            pair(_PERSON, _PERSON) & (coin < 0.15),
            pair(_PERSON, _PERSON) & (coin < 0.3),
            np.isin(a, (_VEHICLE, _VESSEL)) | np.isin(b, (_VEHICLE, _VESSEL)),
            (a == _ADDRESS) | (b == _ADDRESS),
        ],
        ["payment", "ownership", "directorship", "holds", "call", "uses", "family",
         "travel_together", "uses", "registered"],
        default="association",
    )  # fmt: skip
    # Owner before asset: a person owns a company, holds an account, uses a phone; the lower
    # kind number in _KINDS is the controlling end.
    flip = np.isin(kind, ("ownership", "directorship", "holds", "uses", "registered")) & (a > b)
    sources, targets = np.where(flip, targets, sources), np.where(flip, sources, targets)
    calls = kind == "call"
    weight = np.where(calls, rng.geometric(0.2, count), 1).astype(np.float64)
    amount = np.round(rng.lognormal(8.0, 1.3, count), 2)
    seconds = rng.integers(0, _SPAN_SECONDS, count)
    timed = money | calls
    times = np.datetime64(_START, "us") + (seconds * 1_000_000).astype("timedelta64[us]")
    return pl.DataFrame(
        {
            "source": _ids("n", sources),
            "target": _ids("n", targets),
            "kind": pl.Series(kind),
            "weight": weight,
            "amount": amount,
            "time": times,
            "record_id": _ids("r", np.arange(count)),
        }
    ).with_columns(
        pl.when(pl.lit(pl.Series(money))).then(pl.col("amount")).otherwise(None),
        pl.when(pl.lit(pl.Series(timed))).then(pl.col("time")).otherwise(None),
    )


def _ids(prefix: str, numbers: IntArray) -> pl.Series:
    digits = pl.Series(numbers).cast(pl.Utf8).str.zfill(8)
    return pl.select(pl.concat_str(pl.lit(prefix), digits)).to_series()
