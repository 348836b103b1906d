"""The table contract: defaults, types and clear errors for bad tables."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import polars as pl
import pytest

from accord.errors import AccordError, InputError
from accord.network.budget import Budget, BudgetExceeded, Cancelled
from accord.network.tables import EDGE_SCHEMA, NODE_SCHEMA, check_edges, check_nodes


def _nodes() -> pl.DataFrame:
    return check_nodes(pl.DataFrame({"id": ["a", "b"], "kind": ["person", "company"]}))


def test_missing_optional_columns_get_defaults() -> None:
    nodes = _nodes()
    assert nodes.schema == NODE_SCHEMA
    assert nodes["label"].to_list() == ["a", "b"]
    assert nodes["record_ids"].to_list() == [[], []]
    edges = check_edges(
        pl.DataFrame({"source": ["a"], "target": ["b"], "kind": ["ownership"], "weight": [3]}),
        nodes=nodes,
    )
    assert edges.schema == EDGE_SCHEMA
    assert edges["weight"].to_list() == [3.0]
    assert edges["amount"].to_list() == [None]


def test_aware_times_are_read_as_utc() -> None:
    when = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    edges = check_edges(
        pl.DataFrame({"source": ["a"], "target": ["b"], "kind": ["payment"], "time": [when]})
    )
    assert edges["time"].to_list() == [datetime(2025, 3, 1, 12, 0)]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"id": ["a", "a"], "kind": ["person", "person"]}, "row 1: id 'a' appears more than once"),
        ({"id": ["a", " "], "kind": ["person", "person"]}, "row 1: id is empty"),
        ({"id": ["a"], "kind": ["Person"]}, "kind 'Person' is not a lower-case word"),
        ({"id": ["a"]}, "missing column(s) kind"),
        ({"id": ["a"], "kind": ["person"], "colour": ["red"]}, "unknown column(s) colour"),
        ({"id": [1], "kind": ["person"]}, "column id has type Int64"),
    ],
)
def test_bad_nodes_are_named(table: dict[str, list[object]], message: str) -> None:
    with pytest.raises(InputError) as raised:
        check_nodes(pl.DataFrame(table))
    assert message in str(raised.value)
    assert raised.value.hint


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"source": ["a"], "target": ["x"], "kind": ["call"]}, "row 0: target 'x' is not a node"),
        ({"source": ["a"], "target": ["b"], "kind": ["call"], "weight": [0.0]}, "weight 0.0"),
        (
            {"source": ["a"], "target": ["b"], "kind": ["payment"], "amount": [-5.0]},
            "amount -5.0 is negative",
        ),
        ({"source": [None], "target": ["b"], "kind": ["call"]}, "row 0: source is empty"),
    ],
)
def test_bad_edges_are_named(table: dict[str, list[object]], message: str) -> None:
    with pytest.raises(InputError) as raised:
        check_edges(pl.DataFrame(table), nodes=_nodes())
    assert message in str(raised.value)


def test_not_a_dataframe() -> None:
    with pytest.raises(AccordError, match="expected a polars DataFrame"):
        check_nodes({"id": ["a"]})  # type: ignore[arg-type]


def test_budget_cancel_and_timeout() -> None:
    cancel = threading.Event()
    budget = Budget(cancel=cancel)
    budget.check("communities")
    cancel.set()
    with pytest.raises(Cancelled, match="communities: cancelled"):
        budget.check("communities")
    expired = Budget(seconds=0.001, started=0.0)
    with pytest.raises(BudgetExceeded, match="over the limit"):
        expired.check("pagerank")
    with pytest.raises(ValueError):
        Budget(seconds=0)
