"""The network pages in process: analysts only, a reason for every view, the graph with its
tables, and nothing of a withheld record for a user of another participant."""

from __future__ import annotations

import json
import re

import pytest

from accord.network.reasons import TEMPLATES
from accord.web.routes.network import REASONS
from tests.services.network_seed import ORGANISER, WITHHELD, WITHHELD_NAME, seed_network
from tests.web.helpers import Web

WHY = {"purpose": "migrant-smuggling", "justification": "Operation Drina, file 2024/17"}


@pytest.fixture
def net_web(web: Web) -> Web:
    seed_network(web.services.store)
    return web


def _graph(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html)
    assert found is not None
    return dict(json.loads(found.group(1).replace("<\\/", "</")))


def test_analysts_see_targets_communities_and_a_node_with_its_relations(net_web: Web) -> None:
    net_web.login("rs.analyst")
    start = net_web.client.get("/")
    assert 'href="/network"' in start.text
    assert "Why do you consult these data?" in net_web.client.get("/network").text
    overview = net_web.post("/network", WHY)
    assert overview.status_code == 200, overview.text
    assert "High-value targets" in overview.text and "Arben Krasniqi" in overview.text
    node = net_web.post(f"/network/nodes/{ORGANISER}", WHY)
    assert node.status_code == 200, node.text
    graph = _graph(node.text)
    assert graph["focus"] == ORGANISER
    ids = {n["id"] for n in graph["nodes"]}  # type: ignore[attr-defined]
    assert {ORGANISER, "rs-b", "rs-c", "rs-e"} <= ids
    # every node and relation of the graph is in the tables too
    assert "Marko Petrović" in node.text and "called" in node.text and "family" in node.text
    assert node.text.count("<tr") >= len(ids) + len(graph["edges"])  # type: ignore[arg-type]
    community = net_web.post(f"/network/nodes/{ORGANISER}", {**WHY, "show": "community"})
    assert community.status_code == 200 and "Its community" in community.text
    money = net_web.post(f"/network/nodes/{ORGANISER}", {**WHY, "show": "money"})
    assert money.status_code == 200, money.text
    assert {e["kind"] for e in _graph(money.text)["edges"]} == {"payment"}  # type: ignore[attr-defined]
    assert "9,000" in money.text and "500" in money.text
    two = net_web.post("/network/nodes/rs-c", {**WHY, "show": "two"})
    assert "rs-b" in {n["id"] for n in _graph(two.text)["nodes"]}  # type: ignore[attr-defined]


def test_another_participant_never_meets_the_withheld_branch(net_web: Web) -> None:
    net_web.login("xk.analyst")
    for page in (net_web.post("/network", WHY), net_web.post(f"/network/nodes/{ORGANISER}", WHY)):
        assert page.status_code == 200, page.text
        assert WITHHELD_NAME not in page.text
        assert not any(record_id in page.text for record_id in WITHHELD)
    money = net_web.post(f"/network/nodes/{ORGANISER}", {**WHY, "show": "money"})
    assert "9,000" not in money.text and "500" in money.text
    hidden = net_web.post("/network/nodes/rs-e", WHY)
    missing = net_web.post("/network/nodes/no-such-node", WHY)
    assert hidden.status_code == missing.status_code == 404
    assert WITHHELD_NAME not in hidden.text


def test_other_roles_are_refused_and_a_reason_is_required(net_web: Web) -> None:
    net_web.login("rs.officer")
    assert 'href="/network"' not in net_web.client.get("/").text
    assert net_web.client.get("/network").status_code == 403
    net_web.login("rs.analyst")
    refused = net_web.post("/network", {"purpose": "migrant-smuggling", "justification": ""})
    assert refused.status_code == 400 and "Give the reason in words" in refused.text


def test_the_identity_page_links_to_the_network(net_web: Web) -> None:
    net_web.login("rs.analyst")
    page = net_web.post(f"/identities/{ORGANISER}", WHY)
    assert page.status_code == 200, page.text
    assert f'action="/network/nodes/{ORGANISER}"' in page.text


def test_the_reasons_in_the_catalogue_are_the_engines_words() -> None:
    # the page translates the engine's reasons by code; its English must be the engine's
    assert all(TEMPLATES[code] == text for code, text in REASONS.items())
