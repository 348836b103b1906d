"""Money-flow tracing and the detectors, on payments whose answer is known."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import polars as pl
import pytest

from accord.errors import InputError, NotFound
from accord.network.circular import circular_flows
from accord.network.flows import trace_money
from accord.network.graph import Network, build_network
from accord.network.patterns import fan_patterns, structuring

DAY = timedelta(days=1)
T0 = datetime(2025, 3, 1, 9, 0)


def _payments(rows: Sequence[tuple[str, str, float, datetime | None]]) -> Network:
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows} | {"boss", "co"})
    kinds = ["person" if i == "boss" else "company" if i == "co" else "account" for i in ids]
    nodes = pl.DataFrame({"id": ids, "kind": kinds})
    edges = pl.DataFrame(
        {
            "source": ["boss", "co"] + [r[0] for r in rows],
            "target": ["co", rows[0][0]] + [r[1] for r in rows],
            "kind": ["ownership", "holds"] + ["payment"] * len(rows),
            "amount": [None, None] + [r[2] for r in rows],
            "time": [None, None] + [r[3] for r in rows],
            "record_id": [None, None] + [f"pay-{n}" for n in range(len(rows))],
        }
    )
    return build_network(nodes, edges)


def test_trace_respects_time_and_starts_from_what_a_person_controls() -> None:
    network = _payments(
        [
            ("a0", "a1", 10_000.0, T0),
            ("a1", "a2", 9_000.0, T0 + 2 * DAY),
            ("a1", "a3", 500.0, T0 - 30 * DAY),  # before the money arrived: not part of it
            ("a2", "a4", 8_000.0, T0 + 4 * DAY),
        ]
    )
    trace = trace_money(network, "boss")
    assert [p.nodes for p in trace.paths] == [("a0", "a1", "a2", "a4")]
    path = trace.paths[0]
    assert [e.record_id for e in path.edges] == ["pay-0", "pay-1", "pay-3"]
    assert path.total_amount == 10_000.0
    assert path.reason == (
        "3 payments in time order: 10,000 EUR set out, at most 8,000 EUR could have gone all "
        "the way"
    )
    back = trace_money(network, "a4", direction="in")
    assert back.paths[0].nodes == ("a4", "a2", "a1", "a0")
    gap = trace_money(network, "a0", max_gap=DAY)
    assert [p.nodes for p in gap.paths] == [("a0", "a1")]
    with pytest.raises(NotFound):
        trace_money(network, "nobody")
    with pytest.raises(InputError, match="direction"):
        trace_money(network, "a0", direction="sideways")  # type: ignore[arg-type]


def test_a_round_trip_is_found_once_with_its_payments() -> None:
    network = _payments(
        [
            ("a0", "a1", 50_000.0, T0),
            ("a1", "a2", 49_000.0, T0 + DAY),
            ("a2", "a0", 48_500.0, T0 + 3 * DAY),
            ("a2", "a0", 100.0, T0 + 4 * DAY),  # too small to be the same money
            ("a1", "a0", 45_000.0, T0 - DAY),  # before it set out
        ]
    )
    found = circular_flows(network)
    assert len(found.findings) == 1 and not found.truncated
    cycle = found.findings[0]
    assert cycle.nodes == ("a0", "a1", "a2")
    assert [e.record_id for e in cycle.edges] == ["pay-0", "pay-1", "pay-2"]
    assert cycle.reason == (
        "money went round 3 accounts and came back: 50,000 EUR between 2025-03-01 and 2025-03-04"
    )
    assert not circular_flows(network, window=2 * DAY).findings


def _brute_force_cycles(
    rows: list[tuple[int, int, float, int]], length: int, span: int
) -> set[frozenset[int]]:
    found: set[frozenset[int]] = set()
    for size in range(2, length + 1):
        for chosen in itertools.permutations(range(len(rows)), size):
            path = [rows[i] for i in chosen]
            if any(path[k][1] != path[k + 1][0] for k in range(size - 1)):
                continue
            if path[-1][1] != path[0][0]:
                continue
            if len({p[0] for p in path}) != size:
                continue
            times = [p[3] for p in path]
            if times != sorted(times) or times[-1] - times[0] > span:
                continue
            first = path[0][2]
            if any(p[2] < 1_000 or not 0.5 * first <= p[2] <= 1.1 * first for p in path):
                continue
            found.add(frozenset(chosen))
    return found


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_circular_flows_match_a_brute_force_search(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows = [
        (int(a), int(b), float(rng.choice([2_000.0, 2_100.0, 1_500.0, 900.0])), int(t))
        for a, b, t in zip(rng.integers(0, 5, 14), rng.integers(0, 5, 14),
                           rng.permutation(14), strict=True)
        if a != b
    ]  # fmt: skip
    network = _payments([(f"a{a}", f"a{b}", amount, T0 + t * DAY) for a, b, amount, t in rows])
    found = circular_flows(network, max_length=4, window=10 * DAY)
    ours = {frozenset(int(str(e.record_id)[4:]) for e in f.edges) for f in found.findings}
    assert ours == _brute_force_cycles(rows, 4, 10)


def test_fan_in_finds_the_collection_account_within_the_window() -> None:
    rows = [(f"s{n}", "hub", 900.0 + n, T0 + n * timedelta(hours=6)) for n in range(8)]
    rows += [("s0", "other", 50.0, T0), ("late", "hub", 10.0, T0 + 60 * DAY)]
    network = _payments(rows)
    found = fan_patterns(network, direction="in", min_counterparties=5)
    assert len(found.findings) == 1
    fan = found.findings[0]
    assert fan.nodes[0] == "hub" and len(fan.edges) == 8
    assert fan.reason == "8 senders paid 7,228 EUR into one node within 7 days"
    out = fan_patterns(network, direction="out", min_counterparties=2)
    assert [f.nodes for f in out.findings] == [("s0", "hub", "other")]
    assert fan_patterns(network, direction="out").findings == ()


def test_structuring_under_the_threshold() -> None:
    rows = [("smurf", f"r{n}", 9_500.0 + n, T0 + n * DAY) for n in range(4)]
    rows += [("honest", "r9", 9_900.0, T0), ("honest", "r8", 12_000.0, T0 + DAY)]
    network = _payments(rows)
    found = structuring(network)
    assert [f.nodes[0] for f in found.findings] == ["smurf"]
    assert found.findings[0].total_amount == pytest.approx(38_006.0)
    assert found.findings[0].reason == (
        "4 payments of 38,006 EUR in total, each just under the 10,000 EUR reporting "
        "threshold, within 7 days"
    )
    assert structuring(network, min_payments=5).findings == ()
    with pytest.raises(InputError, match="margin"):
        structuring(network, margin=2.0)
