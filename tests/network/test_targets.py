"""Targets and brokers on small networks whose answer is known."""

from __future__ import annotations

import polars as pl
import pytest

from accord.network.brokers import find_brokers
from accord.network.communities import detect_communities
from accord.network.control import MAX_CONTROLLERS, control_figures
from accord.network.flows import trace_money
from accord.network.graph import build_network
from accord.network.reasons import TEMPLATES, reason
from accord.network.targets import rank_targets, target_table


def _scheme() -> tuple[pl.DataFrame, pl.DataFrame]:
    """A person controls two companies whose accounts pay six mules; a relative on the side."""
    mules = [f"m{i}" for i in range(6)]
    nodes = pl.DataFrame(
        {
            "id": ["boss", "co1", "co2", "acc1", "acc2", *mules, "cousin", "friend"],
            "kind": ["person", "company", "company", "account", "account"]
            + ["account"] * 6
            + ["person", "person"],
        }
    )
    edges = pl.DataFrame(
        {
            "source": ["boss", "boss", "co1", "acc2", "acc1", "acc1", "acc1", "acc2", "acc2",
                       "acc2", "acc1", "cousin", "friend"],
            "target": ["co1", "co2", "acc1", "co2", "m0", "m1", "m2", "m3", "m4", "m5", "acc2",
                       "friend", "boss"],
            "kind": ["ownership", "directorship", "holds", "holds"] + ["payment"] * 7
            + ["family", "association"],
            "amount": [None] * 4 + [9000.0, 9500.0, 9900.0, 5000.0, 5000.0, 5000.0, 100.0]
            + [None, None],
        }
    )  # fmt: skip
    return nodes, edges


def test_control_reaches_companies_accounts_and_recipients() -> None:
    network = build_network(*_scheme())
    figures = control_figures(network)
    boss = network.index("boss")
    assert figures.companies[boss] == 2
    # The 100 EUR between its own two accounts pays nobody; the holds edge recorded the other
    # way round (account -> company) still counts.
    assert figures.recipients[boss] == 6
    assert figures.accounts[boss] == 2
    assert figures.amount[boss] == pytest.approx(43_400.0)
    assert figures.payments[boss] == 6
    co1 = network.index("co1")
    assert (figures.companies[co1], figures.recipients[co1]) == (0, 4)
    # Money in: the mule accounts were each paid by one account; the boss by nobody outside.
    assert figures.payers[network.index("m0")] == 1
    assert figures.amount_in[network.index("m0")] == pytest.approx(9_000.0)
    assert figures.payers[boss] == 0


def test_the_organiser_ranks_first_with_reasons() -> None:
    network = build_network(*_scheme())
    targets = rank_targets(network)
    first = targets[0]
    assert (first.node_id, first.rank) == ("boss", 1)
    assert first.reasons[0] == "controls 2 companies paying 6 recipients"
    assert "43,400 EUR paid out in 6 payments" in first.reasons
    assert first.explanations[0].template == TEMPLATES["controls_companies"]
    assert first.to_json()["explanations"][0]["fields"] == {"companies": 2, "recipients": 6}
    assert [t.score for t in targets] == sorted((t.score for t in targets), reverse=True)
    assert {t.kind for t in targets} <= {"person", "company"}
    table = target_table(targets)
    assert table["id"].to_list()[0] == "boss" and table.height == len(targets)


def test_reasons_check_their_fields() -> None:
    with pytest.raises(KeyError):
        reason("broker", group=2)
    assert str(reason("broker", groups=2)) == "broker between 2 groups"
    one = reason("controls_companies", companies=1, recipients=1)
    assert one.text == "controls 1 company paying 1 recipient"
    assert "{companies|company|companies}" in one.template


def _two_groups_and_a_go_between() -> pl.DataFrame:
    left = [("a1", "a2"), ("a1", "a3"), ("a2", "a3"), ("a3", "a4"), ("a1", "a4"), ("a2", "a4")]
    right = [("b1", "b2"), ("b1", "b3"), ("b2", "b3"), ("b3", "b4"), ("b1", "b4"), ("b2", "b4")]
    bridge = [("fixer", "a1"), ("fixer", "a2"), ("fixer", "b1"), ("fixer", "b2")]
    pairs = left + right + bridge
    return pl.DataFrame(
        {"source": [a for a, _ in pairs], "target": [b for _, b in pairs],
         "kind": ["association"] * len(pairs)}
    )  # fmt: skip


def test_the_go_between_is_the_broker() -> None:
    ids = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "fixer"]
    nodes = pl.DataFrame({"id": ids, "kind": ["person"] * len(ids)})
    network = build_network(nodes, _two_groups_and_a_go_between())
    partition = detect_communities(network, seed=2)
    brokers = find_brokers(network, partition)
    assert brokers[0].node_id == "fixer"
    assert brokers[0].groups == 2
    assert brokers[0].reasons == ("broker between 2 groups",)
    targets = rank_targets(network, partition=partition)
    assert targets[0].node_id == "fixer"
    assert "broker between 2 groups" in targets[0].reasons


def test_no_candidates_no_targets() -> None:
    nodes = pl.DataFrame({"id": ["p1", "p2"], "kind": ["phone", "phone"]})
    edges = pl.DataFrame({"source": ["p1"], "target": ["p2"], "kind": ["call"]})
    assert rank_targets(build_network(nodes, edges)) == ()


def test_nobody_controls_a_company_with_many_owners() -> None:
    owners = [f"o{i}" for i in range(MAX_CONTROLLERS + 1)]
    nodes = pl.DataFrame(
        {"id": [*owners, "listed", "acc", "payee"],
         "kind": ["person"] * len(owners) + ["company", "account", "account"]}
    )  # fmt: skip
    edges = pl.DataFrame(
        {"source": [*owners, "listed", "acc"],
         "target": ["listed"] * len(owners) + ["acc", "payee"],
         "kind": ["ownership"] * len(owners) + ["holds", "payment"]}
    )  # fmt: skip
    network = build_network(nodes, edges)
    figures = control_figures(network)
    assert figures.companies[network.index("o0")] == 0
    assert figures.recipients[network.index("o0")] == 0
    assert figures.recipients[network.index("listed")] == 1
    assert trace_money(network, "o0").paths == ()
    assert [p.nodes for p in trace_money(network, "listed").paths] == [("acc", "payee")]
