"""The network is read through the Gate: each user's graph holds only what that user may see.

Runs on both backends (the ``store`` fixture)."""

from __future__ import annotations

import json

import polars as pl
import pytest
from sqlalchemy import select

from accord.errors import AccessDenied
from accord.services import Services
from accord.services.network_read import read_network
from accord.services.region import default_agreements, load_agreements
from accord.settings import Settings
from accord.store import Store
from accord.store.tables import audit_entries
from tests.services.network_seed import (
    HU_OFFICER,
    ORGANISER,
    PURPOSE,
    RS_ANALYST,
    WITHHELD,
    WITHHELD_NAME,
    XK_ANALYST,
    seed_network,
)


@pytest.fixture
def services(store: Store, store_settings: Settings) -> Services:
    opened = Services(settings=store_settings, store=store)
    load_agreements(opened, default_agreements(), "test")
    seed_network(store)
    return opened


def _edges(frame: pl.DataFrame) -> set[tuple[str, str, str]]:
    return {(r["source"], r["target"], r["kind"]) for r in frame.iter_rows(named=True)}


def _everything(tables: object) -> str:
    nodes, edges = tables.nodes, tables.edges  # type: ignore[attr-defined]
    return json.dumps([nodes.to_dicts(), edges.to_dicts()], default=str, ensure_ascii=False)


def test_the_originator_sees_its_whole_network_with_one_node_per_identity(
    services: Services,
) -> None:
    tables = read_network(services, RS_ANALYST, PURPOSE)
    nodes = {row["id"]: row for row in tables.nodes.iter_rows(named=True)}
    organiser = nodes[ORGANISER]
    assert organiser["kind"] == "person"
    assert organiser["record_ids"] == ["me-a", "rs-a"]
    assert organiser["participants"] == "ME,RS"
    edges = _edges(tables.edges)
    company = next(i for i, n in nodes.items() if n["kind"] == "company")
    van = next(i for i, n in nodes.items() if n["kind"] == "vehicle")
    assert (ORGANISER, "rs-b", "call") in edges
    assert ("rs-c", ORGANISER, "payment") in edges
    assert (ORGANISER, "rs-c", "association") in edges
    assert (ORGANISER, company, "directorship") in edges
    assert ("rs-b", van, "ownership") in edges
    assert ("rs-b", "rs-c", "travel_together") in edges
    assert ("rs-b", "rs-c", "shared_vehicle") in edges
    assert (ORGANISER, "rs-e", "family") in edges
    payment = tables.edges.filter(pl.col("record_id") == "rs-pay").row(0, named=True)
    assert payment["amount"] == 500.0 and payment["time"].isoformat() == "2024-03-02T00:00:00"


def test_a_user_of_another_participant_never_meets_a_withheld_record(services: Services) -> None:
    tables = read_network(services, XK_ANALYST, PURPOSE)
    ids = set(tables.nodes["id"].to_list())
    assert ORGANISER in ids and "rs-b" in ids
    assert "rs-e" not in ids
    text = _everything(tables)
    for record_id in WITHHELD:
        assert record_id not in text
    assert WITHHELD_NAME not in text
    assert "+381609998887" not in text  # the withheld person's phone makes no node either
    assert not any(kind == "family" for _s, _t, kind in _edges(tables.edges))
    amounts = tables.edges.filter(pl.col("kind") == "payment")["amount"].to_list()
    assert amounts == [500.0]


def test_a_participant_outside_every_agreement_sees_nothing(services: Services) -> None:
    tables = read_network(services, HU_OFFICER, PURPOSE)
    assert tables.nodes.height == 0 and tables.edges.height == 0
    assert ORGANISER not in _everything(tables)


def test_the_build_is_logged_as_a_combination_and_a_purpose_is_required(
    services: Services,
) -> None:
    read_network(services, XK_ANALYST, PURPOSE, justification="case 2024/17")
    with services.store.read() as conn:
        row = conn.execute(
            select(audit_entries).where(audit_entries.c.action == "combination")
        ).first()
    assert row is not None and row.actor == "xk.analyst" and row.purpose == PURPOSE
    with pytest.raises(AccessDenied):
        read_network(services, XK_ANALYST, "curiosity")
    assert services.store.verify_audit().ok
