"""Records to network tables, without a store: nodes per identity and per thing, the edges each
record states, and the relations derived from crossings and shared things."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import polars as pl
import pytest

from accord.errors import InputError
from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
)
from accord.model.envelope import Envelope
from accord.network.graph import build_network
from accord.policy import Principal, Role
from accord.services.network import MAX_LIMIT, NetworkView
from accord.services.network_build import build_tables
from accord.services.network_travel import RelationRules
from accord.store.records import StoredRecord

KEY = b"k" * 32
VIN = "VIN WVWZZZ7HZ8H012345"
PHONE_A, PHONE_B = "+381631234567", "+381641112223"


def _record(rid: str, schema: str, participant: str = "RS", **props: Any) -> StoredRecord:
    envelope = Envelope(
        participant, f"{participant}-MUP", "police", frozenset({HandlingCode.H0}),
        SourceReliability("B"), InformationAccuracy("2"), SubjectCategory("suspect"),
        Nature("fact"), Purpose.SERIOUS_CRIME, "AGR", date(2030, 1, 1), date(2031, 1, 1),
    )  # fmt: skip
    values = {k: v if isinstance(v, list) else [v] for k, v in props.items()}
    caption = (values.get("name") or values.get("registrationNumber") or [rid])[0]
    return StoredRecord(rid, schema, caption, values, envelope, "b", "t", "t")


def _kinds(tables: Any) -> dict[str, str]:
    return dict(zip(tables.nodes["id"].to_list(), tables.nodes["kind"].to_list(), strict=True))


def _edge_set(tables: Any) -> set[tuple[str, str, str]]:
    return set(tables.edges.select("source", "target", "kind").iter_rows())


def test_records_of_one_thing_are_one_node_across_spellings_and_participants() -> None:
    records = [
        _record("rs-v", "Vehicle", registrationNumber="BG 123-AB"),
        # Cyrillic look-alike letters and an O read for 0, as a Hungarian officer keyed it
        _record("hu-v", "Vehicle", "HU", registrationNumber="ВG 12З-АВ".replace("З", "3")),
        _record("me-v", "Vehicle", "ME", registrationNumber="XY999", description=VIN),
        _record("rs-v2", "Vehicle", registrationNumber="BG123AB", description=VIN),
        _record("rs-c", "Company", name="Delta d.o.o.", registrationNumber="0877.706.691"),
        _record("gb-c", "Company", "GB", name="DELTA DOO", registrationNumber="0877706691"),
    ]  # fmt: skip
    tables = build_tables(records, {}, KEY)
    kinds = _kinds(tables)
    assert sorted(kinds.values()) == ["company", "vehicle"]
    van = tables.nodes.filter(pl.col("kind") == "vehicle").row(0, named=True)
    assert van["record_ids"] == ["hu-v", "me-v", "rs-v", "rs-v2"]
    assert van["participants"] == "HU,ME,RS"
    # the id is a keyed hash: no plate in it, and the same whatever the order of reading
    assert "123" not in van["id"]
    again = build_tables(random.Random(3).sample(records, len(records)), {}, KEY)
    assert again.nodes.equals(tables.nodes)


def test_calls_payments_and_holders_give_their_edges() -> None:
    records = [
        _record("a", "Person", name="Arben", phone=PHONE_A),
        _record("b", "Person", name="Marko"),
        _record("acc-a", "BankAccount", iban="RS35105008123123123173"),
        _record("w", "CryptoWallet", cryptoAddress="bc1quqk7eqn945nepd65f0p2lk67fa7ny3k9",
                holder="b"),
        _record("call1", "Call", caller="a", receiver="b", callerNumber=PHONE_A,
                receiverNumber=PHONE_B, date="2024-01-02"),
        _record("call2", "Call", caller="b", receiver="a", callerNumber=PHONE_B,
                receiverNumber=PHONE_A, date="2024-01-03"),
        _record("dep", "Payment", payer="a", payerAccount="acc-a", beneficiary="a",
                beneficiaryAccount="acc-a", amount="14900.00", currency="EUR", date="2024-02-01"),
        _record("usd", "Payment", payer="a", beneficiary="b", amount="100", currency="USD"),
        _record("msg", "Message", sender="b", recipients=["a", "nobody"], date="2024-01-04"),
    ]  # fmt: skip
    tables = build_tables(records, {"a": "ID-a"}, KEY)
    kinds = _kinds(tables)
    phones = sorted(i for i, k in kinds.items() if k == "phone")
    account = next(i for i, k in kinds.items() if k == "account")
    wallet = next(i for i, k in kinds.items() if k == "wallet")
    edges = _edge_set(tables)
    assert len(phones) == 2
    assert ("ID-a", "b", "call") in edges and ("b", "ID-a", "call") in edges
    assert ("b", "ID-a", "message") in edges
    assert ("b", wallet, "holds") in edges
    assert ("ID-a", account, "holds") in edges
    # a cash deposit into one's own account is a payment into the account
    deposit = tables.edges.filter(pl.col("record_id") == "dep").filter(pl.col("kind") == "payment")
    assert deposit.row(0, named=True)["target"] == account
    assert deposit.row(0, named=True)["amount"] == 14900.0
    # an amount in another currency is not guessed in euro
    usd = tables.edges.filter(pl.col("record_id") == "usd").row(0, named=True)
    assert usd["amount"] is None
    # each person's use of a phone is one edge however many calls state it
    uses = tables.edges.filter(pl.col("kind") == "uses")
    assert uses.height == uses.select("source", "target").unique().height == 2


def _crossing(rid: str, person: str, day: str, direction: str, vehicle: str = "") -> StoredRecord:
    props: dict[str, Any] = {"person": person, "date": day, "crossingPoint": "Horgoš",
                             "direction": direction}  # fmt: skip
    if vehicle:
        props["vehicle"] = vehicle
    return _record(rid, "BorderCrossing", **props)


def test_travelling_together_needs_the_same_day_and_vehicle_or_repeated_crossings() -> None:
    persons = [_record(f"p{i}", "Person", name=f"P {i}") for i in range(20)]
    crossings = [
        _crossing("x0", "p0", "2024-03-05", "exit"),
        _crossing("x1", "p1", "2024-03-05", "exit"),
        _crossing("x2", "p2", "2024-03-06", "exit"),  # the next day
        _crossing("x3", "p3", "2024-03-05", "entry"),  # the other way
        _crossing("x4", "p4", "2024-03-05", "exit"),  # with p0 and p1 this once only
        # p0 and p1 again at the next border: a second crossing together
        _crossing("x5", "p0", "2024-03-09", "detection"),
        _crossing("x6", "p1", "2024-03-09", "detection"),
    ]
    tables = build_tables(persons + crossings, {}, KEY)
    together = tables.edges.filter(pl.col("kind") == "travel_together")
    assert together.select("source", "target", "weight").rows() == [("p0", "p1", 2.0)]
    once = build_tables(persons + crossings, {}, KEY, RelationRules(min_together=1))
    pairs = {(s, t) for s, t, k in _edge_set(once) if k == "travel_together"}
    assert pairs == {("p0", "p1"), ("p0", "p4"), ("p1", "p4")}
    # at a busy crossing point the direction alone links nobody; a shared van still does
    van = _record("van", "Vehicle", registrationNumber="NS 001-AA")
    busy = [_crossing(f"y{i}", f"p{i}", "2024-05-01", "detection") for i in range(14)]
    busy += [_crossing("y14", "p14", "2024-05-01", "detection", "van"),
             _crossing("y15", "p15", "2024-05-01", "detection", "van")]  # fmt: skip
    rules = RelationRules(max_group=12, min_together=1)
    edges = _edge_set(build_tables([*persons, van, *busy], {}, KEY, rules))
    together_pairs = {(s, t) for s, t, k in edges if k == "travel_together"}
    assert together_pairs == {("p14", "p15")}
    assert ("p14", "p15", "shared_vehicle") in edges


def test_times_closer_than_the_window_link_and_farther_ones_do_not() -> None:
    persons = [_record(f"p{i}", "Person", name=f"P {i}") for i in range(3)]
    crossings = [
        _crossing("x0", "p0", "2024-03-05T08:00:00", "exit"),
        _crossing("x1", "p1", "2024-03-05T09:30:00", "exit"),
        _crossing("x2", "p2", "2024-03-05T20:00:00", "exit"),
    ]
    rules = RelationRules(window_hours=2, min_together=1)
    edges = _edge_set(build_tables(persons + crossings, {}, KEY, rules))
    assert {(s, t) for s, t, k in edges if k == "travel_together"} == {("p0", "p1")}


def test_a_hub_shared_by_many_links_nobody_by_itself() -> None:
    shared = "Trg Republike 1, Beograd"
    persons = [_record(f"p{i}", "Person", name=f"P {i}", address=shared) for i in range(5)]
    few = build_tables(persons[:3], {}, KEY, RelationRules(max_shared=3))
    assert sum(k == "shared_address" for _s, _t, k in _edge_set(few)) == 3
    many = build_tables(persons, {}, KEY, RelationRules(max_shared=3))
    assert not any(k == "shared_address" for _s, _t, k in _edge_set(many))
    assert sum(k == "address" for _s, _t, k in _edge_set(many)) == 5


def test_a_reference_to_a_record_not_read_gives_no_edge_and_no_node() -> None:
    records = [
        _record("a", "Person", name="Arben"),
        _record("fam", "Family", person="a", relative="hidden"),
        _record("own", "Ownership", owner="hidden", asset="a"),
    ]
    tables = build_tables(records, {}, KEY)
    assert tables.nodes["id"].to_list() == ["a"]
    assert tables.edges.height == 0


def test_rules_out_of_range_are_refused_with_what_to_do() -> None:
    with pytest.raises(InputError, match="between 0 and 72"):
        RelationRules(window_hours=0)
    with pytest.raises(InputError, match="at least 2"):
        RelationRules(max_group=1)
    with pytest.raises(InputError, match="counts crossings"):
        RelationRules(min_together=0)


def test_a_part_cut_to_its_limit_never_points_outside_itself() -> None:
    hub = _record("hub", "Person", name="Hub")
    persons = [_record(f"p{i:04d}", "Person", name=f"P {i}") for i in range(1200)]
    links = [_record(f"a{i:04d}", "Associate", person="hub", associate=f"p{i:04d}")
             for i in range(1200)]  # fmt: skip
    tables = build_tables([hub, *persons, *links], {}, KEY)
    view = NetworkView(
        Principal("rs.analyst", "RS", "RS-MUP", frozenset({Role.ANALYST})),
        "serious-crime",
        tables,
        build_network(tables.nodes, tables.edges),
    )
    for part in (view.subgraph({"hub", *(p.id for p in persons)}), view.community_of("hub")):
        kept = {node["id"] for node in part["nodes"]}
        assert part["truncated"] and len(kept) == MAX_LIMIT
        assert part["edges"] and all(e["source"] in kept and e["target"] in kept
                                     for e in part["edges"])  # fmt: skip
