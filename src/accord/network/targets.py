"""High-value targets: who organises, who brokers, where the money goes — ranked, with reasons.

A node's score mixes six signals, each brought to 0..1 among the candidates on a log scale
(log(1 + value) over its maximum):
PageRank (ties to well-connected nodes), betweenness (on the paths between others), the numbers
of distinct recipients paid from and payers paying into what it controls (itself, the companies
it owns or directs and the accounts they hold), the number of companies it controls, and the
number of communities it has ties into. The reasons name the signals that stand out, with their
figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from accord.network.brokers import bridging_counts
from accord.network.budget import Budget, check
from accord.network.centrality import betweenness, pagerank, sample_size
from accord.network.communities import Partition, detect_communities
from accord.network.control import ControlFigures, control_figures
from accord.network.graph import Network
from accord.network.reasons import Reason, reason

__all__ = ["WEIGHTS", "Target", "rank_targets", "target_table"]

WEIGHTS = {"pagerank": 0.25, "betweenness": 0.2, "recipients": 0.15, "payers": 0.15,
           "companies": 0.1, "groups": 0.15}  # fmt: skip
# A count reaches the top of its scale at its maximum among the candidates, but never below these
# floors: on a small network one payment or one company must not weigh like the busiest scheme.
FLOORS = {"recipients": 10, "payers": 10, "companies": 3, "groups": 3}
_TOP_PERCENTS = (1, 5, 10)


@dataclass(frozen=True)
class Target:
    """A ranked node: ``score`` in 0..1, ``reasons`` in words, ``explanations`` the same reasons
    as codes and fields for translation, ``figures`` the numbers behind them."""

    node_id: str
    label: str
    kind: str
    rank: int
    score: float
    community: int
    reasons: tuple[str, ...]
    explanations: tuple[Reason, ...]
    figures: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "label": self.label,
            "kind": self.kind,
            "rank": self.rank,
            "score": self.score,
            "community": self.community,
            "reasons": list(self.reasons),
            "explanations": [r.to_json() for r in self.explanations],
            "figures": dict(self.figures),
        }


def rank_targets(
    network: Network,
    *,
    partition: Partition | None = None,
    kinds: tuple[str, ...] = ("person", "company", "organization"),
    limit: int = 50,
    betweenness_samples: int | None = None,
    seed: int = 0,
    budget: Budget | None = None,
) -> tuple[Target, ...]:
    """The ``limit`` highest-scoring nodes of the given ``kinds``, best first. Betweenness is
    exact on small networks and otherwise estimated from ``betweenness_samples`` sources
    (default: see ``centrality.sample_size``)."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    partition = partition or detect_communities(network, seed=seed, budget=budget)
    rank = pagerank(network, budget=budget)
    samples = betweenness_samples or sample_size(network)
    between = betweenness(network, samples=samples, seed=seed, budget=budget)
    groups, _ = bridging_counts(network, partition)
    control = control_figures(network, budget=budget)
    check(budget, "ranking targets")
    candidates = np.flatnonzero(network.nodes.get_column("kind").is_in(kinds).to_numpy())
    if candidates.size == 0:
        return ()
    # The score reads the tail (where targets are) on a log scale; the reasons' "top n%" reads
    # ranks among the candidates.
    shares = {"pagerank": _percentile(rank[candidates]),
              "betweenness": _percentile(between[candidates])}  # fmt: skip
    parts = {
        "pagerank": _log_share(rank[candidates] * network.node_count),
        "betweenness": _log_share(between[candidates]),
        "recipients": _log_share(control.recipients[candidates], FLOORS["recipients"]),
        "payers": _log_share(control.payers[candidates], FLOORS["payers"]),
        "companies": _log_share(control.companies[candidates], FLOORS["companies"]),
        "groups": _log_share(groups[candidates] - 1, FLOORS["groups"]),
    }
    score = np.zeros(candidates.size)
    for name, values in parts.items():
        score += WEIGHTS[name] * values
    order = np.lexsort((candidates, -score))[:limit]
    contacts = network.simple.degree
    rows = network.nodes.select("id", "label", "kind")[candidates[order].tolist()]
    found = []
    for place, (position, row) in enumerate(zip(order.tolist(), rows.iter_rows(), strict=True)):
        vertex = int(candidates[position])
        why = _reasons(
            control,
            vertex,
            int(groups[vertex]),
            int(contacts[vertex]),
            float(shares["pagerank"][position]),
            float(shares["betweenness"][position]),
            candidates.size,
        )
        figures = {
            "pagerank": float(rank[vertex]),
            "betweenness": float(between[vertex]),
            "companies": int(control.companies[vertex]),
            "recipients": int(control.recipients[vertex]),
            "accounts": int(control.accounts[vertex]),
            "amount_out": float(control.amount[vertex]),
            "payments_out": int(control.payments[vertex]),
            "payers": int(control.payers[vertex]),
            "amount_in": float(control.amount_in[vertex]),
            "groups": int(groups[vertex]),
            "contacts": int(contacts[vertex]),
        }
        found.append(
            Target(
                node_id=row[0],
                label=row[1],
                kind=row[2],
                rank=place + 1,
                score=round(float(score[position]), 4),
                community=int(partition.membership[vertex]),
                reasons=tuple(r.text for r in why),
                explanations=why,
                figures=figures,
            )
        )
    return tuple(found)


def target_table(targets: tuple[Target, ...]) -> pl.DataFrame:
    """The targets as a table: id, label, kind, rank, score, community, reasons."""
    return pl.DataFrame(
        {
            "id": [t.node_id for t in targets],
            "label": [t.label for t in targets],
            "kind": [t.kind for t in targets],
            "rank": [t.rank for t in targets],
            "score": [t.score for t in targets],
            "community": [t.community for t in targets],
            "reasons": [list(t.reasons) for t in targets],
        },
        schema={"id": pl.Utf8, "label": pl.Utf8, "kind": pl.Utf8, "rank": pl.Int64,
                "score": pl.Float64, "community": pl.Int64, "reasons": pl.List(pl.Utf8)},
    )  # fmt: skip


def _reasons(
    control: ControlFigures,
    vertex: int,
    groups: int,
    contacts: int,
    pagerank_share: float,
    betweenness_share: float,
    candidates: int,
) -> tuple[Reason, ...]:
    found: list[Reason] = []
    companies, recipients = int(control.companies[vertex]), int(control.recipients[vertex])
    if companies and recipients:
        found.append(reason("controls_companies", companies=companies, recipients=recipients))
    elif companies:
        found.append(reason("controls_companies_only", companies=companies))
    elif recipients >= 3:
        accounts = int(control.accounts[vertex])
        found.append(reason("pays_recipients", recipients=recipients, accounts=accounts))
    if control.payments[vertex]:
        found.append(
            reason(
                "money_out",
                amount=float(control.amount[vertex]),
                payments=int(control.payments[vertex]),
            )
        )
    payers = int(control.payers[vertex])
    if payers >= 3:
        found.append(reason("collects", payers=payers, amount=float(control.amount_in[vertex])))
    if groups >= 2:
        found.append(reason("broker", groups=groups))
    for code, share in (("pagerank", pagerank_share), ("betweenness", betweenness_share)):
        percent = _top_percent(share, candidates)
        if percent is not None:
            found.append(reason(code, percent=percent))
    if contacts >= 10:
        found.append(reason("contacts", contacts=contacts))
    return tuple(found)


def _percentile(values: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """Share of candidates with a lower value (ties share their average rank); 0 when all equal."""
    if values.size < 2 or np.all(values == values[0]):
        return np.zeros(values.size)
    ranks = pl.Series(values).rank("average").to_numpy()
    shares: npt.NDArray[np.float64] = (ranks - 1) / (values.size - 1)
    return shares


def _log_share(values: npt.NDArray[Any], floor: float = 0.0) -> npt.NDArray[np.float64]:
    """log(1 + value) over log(1 + the maximum, or ``floor`` if higher): a hundred recipients
    count for more than ten, but not ten times more."""
    logged = np.log1p(np.maximum(values, 0).astype(np.float64))
    top = max(float(logged.max(initial=0.0)), float(np.log1p(floor)))
    return logged / top if top > 0 else np.zeros(values.size)


def _top_percent(share: float, candidates: int) -> int | None:
    """The smallest of 1, 5, 10 % that ``share`` reaches, counting only shares that hold at
    least one candidate (on 30 candidates "top 1%" would mean nothing)."""
    for percent in _TOP_PERCENTS:
        if candidates * percent >= 100 and share >= 1 - percent / 100:
            return percent
    return None
