"""Exports read back: GraphML and GEXF by networkx, FtM entities by followthemoney."""

from __future__ import annotations

import io
import json
from datetime import datetime

import networkx as nx
import numpy as np
import polars as pl
import pytest
from followthemoney import model

from accord.errors import InputError
from accord.network.budget import Budget, Cancelled
from accord.network.exports.cytoscape import cytoscape_json
from accord.network.exports.ftm import write_ftm
from accord.network.exports.graphml import write_gexf, write_graphml
from accord.network.graph import Network, build_network


def _network() -> Network:
    nodes = pl.DataFrame(
        {
            "id": ["p1", "p2", "c1", "a1", "a2", "ph1", "ph2", "v1"],
            "kind": ["person", "person", "company", "account", "account", "phone", "phone",
                     "vessel"],
            "label": ["Ana Petrović", "Marko <Jovanović> & Co", "Bora DOO", "RS35 1234",
                      "ME25 5678", "+381641234567", "+38267123456", "Sea Star"],
            "participants": ["RS", "RS,ME", "RS", "RS", "ME", "RS", "ME", "ME"],
        }
    )  # fmt: skip
    edges = pl.DataFrame(
        {
            "source": ["p1", "p1", "p1", "a1", "ph1", "p2", "p1", "c1", "p2"],
            "target": ["c1", "p2", "a1", "a2", "ph2", "c1", "ph1", "v1", "p1"],
            "kind": ["ownership", "family", "holds", "payment", "call", "family", "uses",
                     "ownership", "payment"],
            "weight": [1.0, 1.0, 1.0, 1.0, 12.0, 1.0, 1.0, 1.0, 1.0],
            "amount": [None, None, None, 9500.0, None, None, None, None, 120.5],
            "time": [None, None, None, datetime(2025, 1, 2, 3, 4, 5), datetime(2025, 1, 3),
                     None, None, None, datetime(2025, 2, 1)],
            "record_id": [None, None, None, "r1", "r2", None, None, "r3", "r4"],
        }
    )  # fmt: skip
    return build_network(nodes, edges)


def test_graphml_reads_back_in_networkx() -> None:
    network = _network()
    out = io.StringIO()
    write_graphml(network, out, annotations={"community": np.arange(8), "rank": np.ones(8) / 8})
    graph = nx.read_graphml(io.StringIO(out.getvalue()))
    assert set(graph.nodes) == set(network.ids)
    assert graph.number_of_edges() == network.edge_count
    assert graph.nodes["p2"]["label"] == "Marko <Jovanović> & Co"
    assert graph.nodes["p2"]["participants"] == "RS,ME"
    assert graph.nodes["c1"]["community"] == 2 and graph.nodes["c1"]["rank"] == 0.125
    payment = next(d for _, _, d in graph.edges("a1", data=True))
    assert payment == {"id": "e3", "kind": "payment", "weight": 1.0, "amount": 9500.0,
                       "time": "2025-01-02T03:04:05", "record_id": "r1"}  # fmt: skip


def test_gexf_reads_back_in_networkx() -> None:
    network = _network()
    out = io.StringIO()
    write_gexf(network, out, annotations={"community": np.arange(8)})
    graph = nx.read_gexf(io.StringIO(out.getvalue()))
    assert set(graph.nodes) == set(network.ids)
    assert graph.number_of_edges() == network.edge_count
    assert graph.nodes["p1"]["label"] == "Ana Petrović"
    assert graph.nodes["p1"]["kind"] == "person" and graph.nodes["p1"]["community"] == 0
    call = next(d for _, _, d in graph.edges("ph1", data=True))
    assert call["weight"] == 12.0 and call["kind"] == "call" and call["record_id"] == "r2"


def test_ftm_entities_are_valid_and_linked() -> None:
    out = io.StringIO()
    written = write_ftm(_network(), out)
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    assert written == len(entities) == 8 + 9
    proxies = {e["id"]: model.get_proxy(e) for e in entities}
    by_schema: dict[str, list[dict[str, object]]] = {}
    for entity in entities:
        by_schema.setdefault(entity["schema"], []).append(entity["properties"])
    assert proxies["p1"].schema.name == "Person" and proxies["a1"].schema.name == "BankAccount"
    assert proxies["v1"].schema.name == "Vessel"
    assert {"owner": ["p1"], "asset": ["c1"]} in by_schema["Ownership"]
    assert {"owner": ["c1"], "asset": ["v1"]} in by_schema["Ownership"]
    assert {"owner": ["p1"], "asset": ["a1"], "role": ["account holder"]} in by_schema["Ownership"]
    payments = sorted(by_schema["Payment"], key=lambda p: str(p["amount"]))
    assert payments[0]["payer"] == ["p2"] and payments[0]["beneficiary"] == ["p1"]
    assert payments[1]["payerAccount"] == ["a1"] and payments[1]["amount"] == ["9500.00"]
    assert payments[1]["currency"] == ["EUR"]
    assert by_schema["Call"][0]["callerNumber"] == ["+381641234567"]
    # A family tie to a company fits no FtM schema: kept as an UnknownLink naming the kind.
    assert {"subject": ["p2"], "object": ["c1"], "role": ["family"]} in by_schema["UnknownLink"]
    for proxy in proxies.values():
        for prop, values in proxy.properties.items():
            if proxy.schema.properties[prop].type.name == "entity":
                assert all(v in proxies for v in values)


def test_cytoscape_elements_and_limits() -> None:
    network = _network()
    drawn = cytoscape_json(network, annotations={"community": [0] * 8})
    nodes, edges = drawn["elements"]["nodes"], drawn["elements"]["edges"]
    assert [n["data"]["id"] for n in nodes] == network.ids
    assert nodes[0]["data"] == {"id": "p1", "label": "Ana Petrović", "kind": "person",
                                "participants": "RS", "community": 0}  # fmt: skip
    assert edges[3]["data"]["source"] == "a1" and edges[3]["data"]["amount"] == 9500.0
    json.dumps(drawn)
    with pytest.raises(InputError, match="more than 10 elements"):
        cytoscape_json(network, limit=10)
    with pytest.raises(InputError, match="has 3 values for 8 nodes"):
        cytoscape_json(network, annotations={"community": [1, 2, 3]})


def test_exports_stop_when_cancelled() -> None:
    budget = Budget()
    budget.cancel.set()
    with pytest.raises(Cancelled):
        write_graphml(_network(), io.StringIO(), budget=budget)
