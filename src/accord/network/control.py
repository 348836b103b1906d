"""Who controls what, and whom the controlled money reaches.

A node controls itself, the companies it owns or directs (``ownership``/``directorship`` edges
from it to a company or organisation), the accounts and wallets it holds, and the accounts held by
the companies it controls. A company with more than MAX_CONTROLLERS owners and directors, or an
account with more than MAX_HOLDERS holders, is controlled by none of them.

A node's recipients are the distinct ends of payments out of anything it controls, leaving out
payments between things it controls (moving money between its own accounts pays nobody).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from accord.network.adjacency import Adjacency
from accord.network.budget import Budget, check
from accord.network.graph import Network
from accord.network.tables import MONEY_EDGE_KINDS

__all__ = [
    "MAX_CONTROLLERS",
    "MAX_HOLDERS",
    "ControlFigures",
    "control_figures",
    "controlled_vertices",
]

IntArray = npt.NDArray[np.int64]

_CONTROL_KINDS = ("ownership", "directorship")
_COMPANY_KINDS = ("company", "organization")
_HOLDING_KINDS = ("holds",)
_ACCOUNT_KINDS = ("account", "wallet")
# A company with more owners and directors than this is controlled by none of them; an account
# with more holders than this is held by none of them.
MAX_CONTROLLERS = 10
MAX_HOLDERS = 5


@dataclass(frozen=True, eq=False)
class ControlFigures:
    """Per vertex: companies controlled, distinct recipients paid, own accounts that paid,
    total amount paid out (EUR, payments without an amount count as 0), payments made, distinct
    payers paying in and the amount they paid in."""

    companies: IntArray
    recipients: IntArray
    accounts: IntArray
    amount: npt.NDArray[np.float64]
    payments: IntArray
    payers: IntArray
    amount_in: npt.NDArray[np.float64]


def _few(relation: pl.DataFrame, most: int) -> pl.DataFrame:
    """The distinct (controller, held) pairs, leaving out what has more than ``most``
    controllers: nobody controls a company with hundreds of shareholders, and keeping such
    hubs would multiply the joins below by their fan-in."""
    pairs = relation.unique()
    return pairs.filter(pl.len().over("held") <= most)


def control_figures(network: Network, *, budget: Budget | None = None) -> ControlFigures:
    """Control and money-out figures for every vertex of ``network``."""
    check(budget, "control figures")
    kind = network.nodes.get_column("kind")
    company = kind.is_in(_COMPANY_KINDS).to_numpy()
    account = kind.is_in(_ACCOUNT_KINDS).to_numpy()
    edges = pl.DataFrame(
        {
            "source": network.sources,
            "target": network.targets,
            "kind": network.edges.get_column("kind"),
            "amount": network.edges.get_column("amount").fill_null(0.0),
        }
    )
    src, dst = network.sources, network.targets
    is_control = edges.get_column("kind").is_in(_CONTROL_KINDS).to_numpy() & company[dst]
    owns = _few(pl.DataFrame({"controller": src[is_control], "held": dst[is_control]}),
                MAX_CONTROLLERS)  # fmt: skip
    holding = edges.get_column("kind").is_in(_HOLDING_KINDS).to_numpy()
    # A holding edge is read from holder to account whichever way round it was recorded.
    forward = holding & account[dst] & ~account[src]
    backward = holding & account[src] & ~account[dst]
    holds = _few(
        pl.DataFrame(
            {
                "controller": np.concatenate((src[forward], dst[backward])),
                "held": np.concatenate((dst[forward], src[backward])),
            }
        ),
        MAX_HOLDERS,
    )
    everyone = np.arange(network.node_count, dtype=np.int64)
    controls = pl.concat(
        [
            pl.DataFrame({"controller": everyone, "held": everyone}),
            owns,
            holds,
            owns.join(holds, left_on="held", right_on="controller").select(
                "controller", pl.col("held_right").alias("held")
            ),
        ]
    ).unique()
    check(budget, "control figures")
    payments = edges.filter(pl.col("kind").is_in(list(MONEY_EDGE_KINDS)))
    paid = (
        controls.join(payments, left_on="held", right_on="source")
        .rename({"target": "recipient"})
        .join(
            controls,
            left_on=["controller", "recipient"],
            right_on=["controller", "held"],
            how="anti",
        )
    )
    paid = paid.with_columns(pl.Series("from_account", account[paid.get_column("held")]))
    per_controller = paid.group_by("controller").agg(
        pl.col("recipient").n_unique().alias("recipients"),
        pl.col("held").filter(pl.col("from_account")).n_unique().alias("accounts"),
        pl.col("amount").sum().alias("amount"),
        pl.len().alias("payments"),
    )
    received = (
        controls.join(payments, left_on="held", right_on="target")
        .rename({"source": "payer"})
        .join(controls, left_on=["controller", "payer"], right_on=["controller", "held"],
              how="anti")
        .group_by("controller")
        .agg(pl.col("payer").n_unique().alias("payers"), pl.col("amount").sum().alias("in"))
    )  # fmt: skip
    check(budget, "control figures")
    figures = ControlFigures(
        companies=np.bincount(owns.get_column("controller").to_numpy(), minlength=everyone.size),
        recipients=np.zeros(everyone.size, dtype=np.int64),
        accounts=np.zeros(everyone.size, dtype=np.int64),
        amount=np.zeros(everyone.size),
        payments=np.zeros(everyone.size, dtype=np.int64),
        payers=np.zeros(everyone.size, dtype=np.int64),
        amount_in=np.zeros(everyone.size),
    )
    where = received.get_column("controller").to_numpy()
    figures.payers[where] = received.get_column("payers").to_numpy()
    figures.amount_in[where] = received.get_column("in").to_numpy()
    where = per_controller.get_column("controller").to_numpy()
    figures.recipients[where] = per_controller.get_column("recipients").to_numpy()
    figures.accounts[where] = per_controller.get_column("accounts").to_numpy()
    figures.amount[where] = per_controller.get_column("amount").to_numpy()
    figures.payments[where] = per_controller.get_column("payments").to_numpy()
    return figures


def controlled_vertices(network: Network, vertex: int) -> IntArray:
    """``vertex`` and what it controls, by the rules of :func:`control_figures`: the companies
    it owns or directs, the accounts and wallets held by it or by those companies (``vertex``
    first, then in vertex order)."""
    kind = network.nodes.get_column("kind")
    company = kind.is_in(_COMPANY_KINDS).to_numpy()
    account = kind.is_in(_ACCOUNT_KINDS).to_numpy()
    edge_kind = network.edges.get_column("kind")
    control = edge_kind.is_in(_CONTROL_KINDS).to_numpy()
    holding = edge_kind.is_in(_HOLDING_KINDS).to_numpy()
    start = np.array([vertex], dtype=np.int64)
    _, far, rows = network.out_edges.gather(start)
    companies = np.unique(far[control[rows] & company[far]])
    companies = companies[_distinct_ends(network.in_edges, companies, control) <= MAX_CONTROLLERS]
    holders = np.concatenate((start, companies))
    _, held_out, out_rows = network.out_edges.gather(holders)
    _, held_in, in_rows = network.in_edges.gather(holders)
    accounts = np.unique(
        np.concatenate(
            (
                held_out[holding[out_rows] & account[held_out]],
                held_in[holding[in_rows] & account[held_in]],
            )
        )
    )
    holder_counts = _distinct_ends(network.in_edges, accounts, holding & ~account[network.sources])
    holder_counts += _distinct_ends(
        network.out_edges, accounts, holding & ~account[network.targets]
    )
    accounts = accounts[holder_counts <= MAX_HOLDERS]
    rest = np.setdiff1d(np.concatenate((companies, accounts)), start)
    return np.concatenate((start, rest))


def _distinct_ends(links: Adjacency, vertices: IntArray, usable: npt.NDArray[np.bool_]) -> IntArray:
    """For each of ``vertices``, how many distinct far ends its usable edges in ``links`` have."""
    origin, far, rows = links.gather(vertices)
    keep = usable[rows]
    pairs = np.unique(np.column_stack((origin[keep], far[keep])), axis=0)
    found: IntArray = np.zeros(vertices.size, dtype=np.int64)
    if pairs.size:
        found += np.bincount(np.searchsorted(vertices, pairs[:, 0]), minlength=vertices.size)
    return found
