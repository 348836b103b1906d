"""The network endpoints, in process: analysts only, a purpose required, one error shape, and
nothing of a record the agreements withhold in any answer."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from tests.api.conftest import Api, assert_error
from tests.exchange.seed import ROLES, audit_actions
from tests.services.network_seed import ORGANISER, WITHHELD, WITHHELD_NAME, seed_network

Q = "purpose=serious-crime&justification=case%2017"

#: name -> the call (the network seed's organiser is a node of every analyst who sees him)
ENDPOINTS: dict[str, Callable[[Api, str], httpx.Response]] = {
    "summary": lambda a, u: a.get(f"/network?{Q}", u),
    "nodes": lambda a, u: a.get(f"/network/nodes?{Q}&kind=person", u),
    "node": lambda a, u: a.get(f"/network/nodes/{ORGANISER}?{Q}", u),
    "community": lambda a, u: a.get(f"/network/nodes/{ORGANISER}/community?{Q}", u),
    "communities": lambda a, u: a.get(f"/network/communities?{Q}&min_size=2", u),
    "targets": lambda a, u: a.get(f"/network/targets?{Q}&limit=10", u),
    "neighbourhood": lambda a, u: a.get(f"/network/nodes/{ORGANISER}/neighbourhood?{Q}&hops=2", u),
    "path": lambda a, u: a.get(f"/network/path?from=rs-c&to=rs-b&{Q}", u),
    "trace": lambda a, u: a.get(f"/network/nodes/{ORGANISER}/trace?{Q}&direction=in", u),
    "export": lambda a, u: a.get(f"/network/export?{Q}&format=cytoscape", u),
}


@pytest.fixture
def net_api(api: Api) -> Api:
    seed_network(api.services.store)
    api.services.accounts.add_user("xk.analyst", "XK-KP", "analyst")
    return api


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_each_endpoint_is_for_analysts_and_refusals_are_logged(net_api: Api, name: str) -> None:
    call = ENDPOINTS[name]
    for role in ROLES:
        user = f"rs.{role}"
        before = len(net_api.refusals())
        response = call(net_api, user)
        if role == "analyst":
            assert response.status_code == 200, response.text
        else:
            assert_error(response, 403, "forbidden")
            assert len(net_api.refusals()) == before + 1
    assert_error(net_api.client.get("/api/v1/network?purpose=serious-crime"), 401)


def test_a_purpose_is_required_and_logged(net_api: Api) -> None:
    before = len(net_api.refusals())
    assert_error(net_api.get("/network", "rs.analyst"), 400, "invalid_input")
    assert_error(net_api.get("/network?purpose=curiosity", "rs.analyst"), 400, "invalid_input")
    assert len(net_api.refusals()) == before + 2


def test_the_originator_sees_the_organiser_with_his_relations(net_api: Api) -> None:
    summary = net_api.get(f"/network?{Q}", "rs.analyst").json()
    assert summary["edges_by_kind"]["family"] == 1 and summary["participants"] == ["RS"]
    node = net_api.get(f"/network/nodes/{ORGANISER}?{Q}", "rs.analyst").json()
    assert node["kind"] == "person" and node["record_ids"] == ["rs-a"]
    community = net_api.get(f"/network/nodes/{ORGANISER}/community?{Q}", "rs.analyst").json()
    members = {n["id"] for n in community["nodes"]}
    assert ORGANISER in members and community["edges"]
    assert all(e["source"] in members and e["target"] in members for e in community["edges"])
    targets = net_api.get(f"/network/targets?{Q}", "rs.analyst").json()
    assert targets[0]["rank"] == 1 and targets[0]["reasons"]
    assert ORGANISER in {t["node_id"] for t in targets}
    assert all(t["kind"] in ("person", "company") for t in targets)
    page = net_api.get(f"/network/nodes?{Q}&kind=person&limit=2", "rs.analyst").json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2


def test_another_participant_never_meets_a_withheld_record_in_any_answer(net_api: Api) -> None:
    answers = [call(net_api, "xk.analyst") for call in ENDPOINTS.values()]
    answers.append(net_api.get(f"/network/nodes?{Q}&limit=500", "xk.analyst"))
    for response in answers:
        assert response.status_code == 200, response.text
        text = json.dumps(response.json(), ensure_ascii=False)
        assert WITHHELD_NAME not in text
        assert not any(record_id in text for record_id in WITHHELD)
    hidden = net_api.get(f"/network/nodes/rs-e?{Q}", "xk.analyst")
    missing = net_api.get(f"/network/nodes/no-such-node?{Q}", "xk.analyst")
    assert_error(hidden, 404, "not_found")
    assert_error(missing, 404, "not_found")
    assert hidden.json()["message"].replace("rs-e", "X") == missing.json()["message"].replace(
        "no-such-node", "X"
    )
    # the Serbian analyst sees the withheld branch: it is the agreement, not the data, that cuts
    serbian = net_api.get(f"/network/nodes?{Q}&limit=500", "rs.analyst").text
    assert WITHHELD_NAME in serbian


def test_paths_and_money_traces_follow_only_what_the_user_may_see(net_api: Api) -> None:
    path = net_api.get(f"/network/path?from=rs-c&to=rs-b&{Q}", "xk.analyst").json()
    assert path["found"] and path["nodes"][0] == "rs-c" and path["nodes"][-1] == "rs-b"
    assert all(e["record_id"] for e in path["edges"])
    trace = f"/network/nodes/{ORGANISER}/trace?{Q}&direction=in"
    serbian = net_api.get(trace, "rs.analyst").json()
    kosovar = net_api.get(trace, "xk.analyst").json()
    assert sorted(p["total_amount"] for p in serbian["paths"]) == [500.0, 9000.0]
    assert [p["total_amount"] for p in kosovar["paths"]] == [500.0]
    assert "rs-e" not in json.dumps(kosovar)
    none = net_api.get(f"/network/path?from=rs-c&to=rs-e&{Q}", "xk.analyst")
    assert_error(none, 404, "not_found")
    bad = net_api.get(f"/network/nodes/{ORGANISER}/trace?{Q}&direction=sideways", "rs.analyst")
    assert_error(bad, 422)


@pytest.mark.parametrize("fmt", ["ftm", "graphml", "gexf", "cytoscape"])
def test_no_export_holds_a_withheld_record_and_each_is_marked(net_api: Api, fmt: str) -> None:
    answer = net_api.get(f"/network/export?{Q}&format={fmt}", "xk.analyst")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert "Arben Krasniqi" in body["content"]
    assert WITHHELD_NAME not in body["content"]
    assert not any(record_id in body["content"] for record_id in WITHHELD)
    assert body["marking"]["exported_by"] == "xk.analyst"
    assert "H3" not in body["marking"]["handling"]
    serbian = net_api.get(f"/network/export?{Q}&format={fmt}", "rs.analyst").json()
    assert WITHHELD_NAME in serbian["content"] and "H3" in serbian["marking"]["handling"]
    exports = [e for e in audit_actions(net_api.services.store, "export")
               if e["actor"] == "xk.analyst"]  # fmt: skip
    assert exports
