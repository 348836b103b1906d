"""An API on a fresh embedded store, seeded with agreements, users of every role and records;
the case clock is a fake the tests move."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.api import create_app
from accord.services import Services, open_services
from accord.settings import Settings
from tests.exchange.seed import FakeClock, Seeded, audit_actions, seed

ERROR_KEYS = {"error", "status", "message", "hint"}


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The one error shape, with the status both in the answer and in the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    assert body["hint"] is None or isinstance(body["hint"], str)
    if code is not None:
        assert body["error"] == code
    return body


@dataclass
class Api:
    app: FastAPI
    client: TestClient
    services: Services
    seeded: Seeded
    clock: FakeClock
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, username: str) -> str:
        if username not in self.tokens:
            _, self.tokens[username] = self.services.accounts.issue_token(username)
        return self.tokens[username]

    def auth(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(username)}"}

    def get(self, path: str, user: str | None = None, **kwargs: Any) -> httpx.Response:
        headers = self.auth(user) if user else {}
        return self.client.get("/api/v1" + path, headers=headers, **kwargs)

    def post(
        self, path: str, user: str | None = None, json: Any = None, **kwargs: Any
    ) -> httpx.Response:
        headers = {**(self.auth(user) if user else {}), **kwargs.pop("headers", {})}
        return self.client.post("/api/v1" + path, headers=headers, json=json, **kwargs)

    def refusals(self) -> list[dict[str, Any]]:
        return audit_actions(self.services.store, "refusal")

    def open_case(self, user: str = "rs.officer", *others: str) -> dict[str, Any]:
        body = {
            "title": "Cocaine in banana containers",
            "purpose": "drug-trafficking",
            "legal_basis": "AGR-SOC",
            "authorities": list(others or ("XK-KP",)),
        }
        response = self.post("/cases", user, body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def send(
        self,
        case_id: str,
        user: str = "rs.officer",
        headers: dict[str, str] | None = None,
        **fields: Any,
    ) -> httpx.Response:
        body: dict[str, Any] = {
            "kind": "request",
            "subject": "Owner of vessel MSC Bar",
            "handling": ["H0"],
            "source_reliability": "B",
            "information_accuracy": "2",
            "recipients": ["XK-KP"],
        }
        body.update(fields)
        return self.post(f"/cases/{case_id}/messages", user, body, headers=headers or {})


def make_api(settings: Settings, **options: Any) -> Iterator[Api]:
    services = open_services(settings)
    clock = FakeClock()
    seeded = seed(services.store)
    options.setdefault("rate_per_minute", 100_000)
    app = create_app(services, clock=clock, **options)
    try:
        with TestClient(app) as client:
            yield Api(app, client, services, seeded, clock)
    finally:
        services.close()


@pytest.fixture
def api(accord_env: Settings) -> Iterator[Api]:
    yield from make_api(accord_env)
