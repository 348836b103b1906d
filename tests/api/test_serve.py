"""`accord serve` runs uvicorn on the app factory, on loopback unless told otherwise."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from accord.cli.main import app
from accord.settings import Settings
from tests.api.conftest import Api, assert_error


def test_serve_binds_to_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    ((args, kwargs),) = calls
    assert args == ("accord.site:create_site",) and kwargs["factory"] is True
    assert (kwargs["host"], kwargs["port"], kwargs["workers"]) == ("127.0.0.1", 8000, 1)
    result = CliRunner().invoke(
        app, ["serve", "--host", "0.0.0.0", "--port", "9000", "--workers", "3"]
    )
    assert result.exit_code == 0
    assert (calls[-1][1]["host"], calls[-1][1]["port"], calls[-1][1]["workers"]) == (
        "0.0.0.0",
        9000,
        3,
    )
    assert CliRunner().invoke(app, ["serve", "--port", "0"]).exit_code == 2


def test_the_factory_opens_its_own_services(accord_env: Settings) -> None:
    from fastapi.testclient import TestClient

    from accord.api import create_app

    with TestClient(create_app()) as client:
        assert client.get("/api/v1/health").json()["status"] == "ok"


def test_health_answers_503_when_the_store_is_down(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> Any:
        raise OSError("database server is gone")

    monkeypatch.setattr(api.services.store, "read", broken)
    response = api.client.get("/api/v1/health")
    body = assert_error(response, 503, "unavailable")
    assert "gone" not in body["message"]
