"""POST /api/v1/screen and the step-2 endpoints, in-process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from accord.api import create_app
from accord.store.tables import audit_entries
from tests.api.conftest import assert_error
from tests.screening.world import World

PETAR = {"first_name": "Petar", "last_name": "Petrovic", "birth_date": "1985-03-12"}


class Client:
    def __init__(self, client: TestClient, world: World) -> None:
        self.client = client
        self.world = world
        self.tokens: dict[str, str] = {}

    def post(self, path: str, user: str, body: Any) -> Any:
        if user not in self.tokens:
            _, self.tokens[user] = self.world.services.accounts.issue_token(user)
        headers = {"Authorization": f"Bearer {self.tokens[user]}"}
        return self.client.post("/api/v1" + path, json=body, headers=headers)

    def get(self, path: str, user: str) -> Any:
        if user not in self.tokens:
            _, self.tokens[user] = self.world.services.accounts.issue_token(user)
        headers = {"Authorization": f"Bearer {self.tokens[user]}"}
        return self.client.get("/api/v1" + path, headers=headers)


@pytest.fixture
def api(world: World) -> Iterator[Client]:
    app = create_app(world.services, rate_per_minute=100_000)
    with TestClient(app) as client:
        yield Client(client, world)


def test_screen_one_and_a_batch(api: Client) -> None:
    one = api.post("/screen", "xk.officer", {"purpose": "serious-crime", "query": PETAR})
    assert one.status_code == 200, one.text
    (answer,) = one.json()["answers"]
    assert answer["result"] == "hit" and answer["hits"][0]["band"] == "review"
    batch = api.post(
        "/screen",
        "xk.officer",
        {
            "purpose": "serious-crime",
            "queries": [
                {**PETAR, "ref": "seat 12A"},
                {"name": "a", "ref": "seat 12B"},
                {"document": "ZZ9999999", "ref": "seat 12C"},
            ],
        },
    )
    assert batch.status_code == 200
    results = [(a["ref"], a["result"]) for a in batch.json()["answers"]]
    assert results == [("seat 12A", "hit"), ("seat 12B", "error"), ("seat 12C", "no-hit")]


def test_refused_and_no_hit_bodies_are_identical(api: Client) -> None:
    refused = api.post("/screen", "hu.officer", {"purpose": "serious-crime", "query": PETAR})
    nothing = api.post(
        "/screen",
        "hu.officer",
        {"purpose": "serious-crime", "query": {"name": "Nobody Unknownson"}},
    )
    assert refused.status_code == nothing.status_code == 200
    assert refused.content == nothing.content
    assert refused.headers["content-length"] == nothing.headers["content-length"]


def test_bad_requests(api: Client) -> None:
    assert_error(
        api.post("/screen", "xk.officer", {"purpose": "serious-crime", "query": {"name": "*"}}), 400
    )
    assert_error(api.post("/screen", "xk.officer", {"purpose": "serious-crime", "query": {}}), 400)
    assert_error(api.post("/screen", "xk.officer", {"purpose": "", "query": PETAR}), 400)
    big = {"purpose": "serious-crime", "query": {"name": "x" * 1_000_000}}
    assert api.post("/screen", "xk.officer", big).status_code in (413, 422)
    assert_error(
        api.post("/screen", "xk.approver", {"purpose": "serious-crime", "query": PETAR}), 403
    )
    assert_error(api.client.post("/api/v1/screen", json={"purpose": "x", "query": PETAR}), 401)


def test_step2_over_the_api(api: Client) -> None:
    hit = api.post("/screen", "xk.officer", {"purpose": "serious-crime", "query": PETAR})
    reference = hit.json()["answers"][0]["hits"][0]["reference"]
    made = api.post(
        "/step2",
        "xk.officer",
        {
            "hit": reference,
            "purpose": "serious-crime",
            "justification": "stopped at the border",
            "urgency": "urgent-indirect",
        },
    )
    assert made.status_code == 201, made.text
    request_id = made.json()["id"]
    inbox = api.get("/step2/inbox", "rs.approver")
    assert [r["id"] for r in inbox.json()] == [request_id]
    assert_error(api.post(f"/step2/{request_id}/approve", "xk.officer", {}), 403)
    done = api.post(f"/step2/{request_id}/approve", "rs.approver", {"note": "ok"})
    assert done.status_code == 200 and done.json()["status"] == "approved"
    record = done.json()["record"]
    seen = api.get(f"/records/{record}?purpose=serious-crime", "xk.officer")
    assert seen.status_code == 200 and seen.json()["id"] == record
    assert_error(api.get(f"/records/{record}?purpose=serious-crime", "me.officer"), 404)
    assert_error(api.post("/step2/s2-missing/refuse", "rs.approver", {"reason": "no"}), 404)


def test_a_server_with_a_writer_process_screens_and_releases_the_same(world: World) -> None:
    """``accord serve`` writes what its requests screened from a process of its own: the hit's
    reference is stored (step 2 finds it), the refusal of a bad token is logged, and the chain
    verifies with the entries of both processes."""
    from accord.store.audit_writer import group_commit

    app = create_app(world.services, rate_per_minute=100_000, writer_process=True)
    child = group_commit(world.services.store).process
    assert child is not None and child.running
    with TestClient(app) as client:
        api = Client(client, world)
        hit = api.post("/screen", "xk.officer", {"purpose": "serious-crime", "query": PETAR})
        assert hit.status_code == 200, hit.text
        reference = hit.json()["answers"][0]["hits"][0]["reference"]
        body = {"hit": reference, "purpose": "serious-crime",
                "justification": "stopped at the border", "urgency": "other"}  # fmt: skip
        assert api.post("/step2", "xk.officer", body).status_code == 201
        bad = client.post("/api/v1/screen", json={"purpose": "serious-crime", "query": PETAR},
                          headers={"Authorization": "Bearer acc_not-a-token"})  # fmt: skip
        assert bad.status_code == 401
    assert world.services.store.verify_audit().ok
    with world.services.store.read() as conn:
        actions = [row.action for row in conn.execute(select(audit_entries.c.action))]
    assert "screen" in actions and "refusal" in actions
    world.services.close()
    assert not child.running
