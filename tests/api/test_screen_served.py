"""POST /screen is served on the event loop: the same refusals (each logged), limits, token
revocation, error shape and OpenAPI schema as the thread-pool endpoints, and every query's
audit entry committed before its answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.settings import Settings
from tests.api.conftest import Api, assert_error, make_api
from tests.exchange.seed import audit_actions

_QUERY = {"purpose": "serious-crime", "query": {"name": "Petar Petrović"}}


def _reasons(api: Api) -> list[str]:
    return [entry["detail"]["reason"] for entry in api.refusals()]


def test_each_answer_follows_its_committed_audit_entry(api: Api) -> None:
    for number in range(1, 4):
        response = api.post("/screen", "rs.officer", _QUERY)
        assert response.status_code == 200, response.text
        assert response.headers["cache-control"] == "no-store"
        (answer,) = response.json()["answers"]
        assert set(answer) == {"ref", "result", "hits"}
        # read from another connection as soon as the answer is in: already committed
        assert len(audit_actions(api.services.store, "screen")) == number


def test_a_batch_answers_bad_queries_in_the_documented_shape(api: Api) -> None:
    body = {"purpose": "serious-crime", "queries": [{"name": "Petar Petrović"}, {"name": "a"}]}
    response = api.post("/screen", "rs.officer", body)
    assert response.status_code == 200, response.text
    good, bad = response.json()["answers"]
    assert good["result"] in {"hit", "no-hit"} and "error" not in good
    assert bad["result"] == "error" and bad["hits"] == []
    assert isinstance(bad["error"], str) and "hint" in bad


def test_refusals_answer_in_the_error_shape_and_are_logged(api: Api) -> None:
    assert_error(api.client.post("/api/v1/screen", json=_QUERY), 401, "unauthenticated")
    forged = {"Authorization": "Bearer acc_forged"}
    assert_error(api.client.post("/api/v1/screen", json=_QUERY, headers=forged), 401)
    basic = {"Authorization": "Basic cnMub2ZmaWNlcjpzZWNyZXQ="}
    assert_error(api.client.post("/api/v1/screen", json=_QUERY, headers=basic), 401)
    assert_error(api.post("/screen", "rs.approver", _QUERY), 403, "forbidden")
    bad_purpose = {**_QUERY, "purpose": "gossip"}
    assert_error(api.post("/screen", "rs.officer", bad_purpose), 400, "invalid_input")
    reasons = _reasons(api)
    assert reasons[:3] == [
        "no bearer token",
        "token refused: The token is not valid.",
        "no bearer token",
    ]
    assert reasons[3:] == ["role", "no valid purpose for screening"]


def test_a_token_revoked_in_the_process_stops_at_once(api: Api) -> None:
    token_id, token = api.services.accounts.issue_token("rs.officer")
    headers = {"Authorization": f"Bearer {token}"}
    assert api.client.post("/api/v1/screen", json=_QUERY, headers=headers).status_code == 200
    api.services.accounts.revoke_token(token_id)
    refused = api.client.post("/api/v1/screen", json=_QUERY, headers=headers)
    assert "revoked" in assert_error(refused, 401, "unauthenticated")["message"]


@pytest.fixture
def slow_api(accord_env: Settings) -> Iterator[Api]:
    yield from make_api(accord_env, rate_per_minute=2)


def test_the_rate_limit_refuses_with_retry_after_and_logs_once(slow_api: Api) -> None:
    assert slow_api.post("/screen", "rs.officer", _QUERY).status_code == 200
    assert slow_api.post("/screen", "rs.officer", _QUERY).status_code == 200
    for _ in range(3):
        refused = slow_api.post("/screen", "rs.officer", _QUERY)
        assert_error(refused, 429, "rate_limited")
        assert int(refused.headers["retry-after"]) >= 1
    assert _reasons(slow_api) == ["rate limit reached"]


def test_the_openapi_schema_documents_the_answer_and_the_token(api: Api) -> None:
    schema = api.client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/screen"]["post"]
    assert operation["security"] == [{"token": []}]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/ScreenOut"}
    assert {"401", "403", "413", "422", "429"} <= set(operation["responses"])
    assert "token" in schema["components"]["securitySchemes"]
