"""Bounded resources: body size (413) and per-user rate limits (429 with Retry-After)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.api.limits import RateLimiter
from accord.settings import Settings
from tests.api.conftest import Api, assert_error, make_api


@pytest.fixture
def small_api(accord_env: Settings) -> Iterator[Api]:
    yield from make_api(accord_env, rate_per_minute=5, max_body_bytes=2048)


def test_an_announced_oversized_body_is_refused(small_api: Api) -> None:
    body = {"title": "x" * 5000, "purpose": "serious-crime", "legal_basis": "AGR-SOC"}
    response = small_api.post("/cases", "rs.officer", body)
    assert_error(response, 413, "too_large")


def test_a_streamed_oversized_body_is_refused(small_api: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"title": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}'

    response = small_api.client.post(
        "/api/v1/cases",
        content=chunks(),
        headers={**small_api.auth("rs.officer"), "content-type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert_error(response, 413, "too_large")


def test_the_default_body_limit_is_one_mebibyte(api: Api) -> None:
    response = api.post("/cases", "rs.officer", content=b"x" * (1024 * 1024 + 1))
    assert_error(response, 413, "too_large")
    response = api.post(
        "/cases",
        "rs.officer",
        content=b" " * (1024 * 1024 - 2) + b"{}",
        headers={"content-type": "application/json"},
    )
    assert_error(response, 422, "validation")  # within the limit: read and checked


def test_a_burst_is_limited_per_user_and_logged_once(small_api: Api) -> None:
    statuses = [small_api.get("/me", "rs.officer").status_code for _ in range(8)]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429] * 3
    response = small_api.get("/me", "rs.officer")
    assert_error(response, 429, "rate_limited")
    assert 1 <= int(response.headers["retry-after"]) <= 12
    assert small_api.get("/me", "xk.officer").status_code == 200  # buckets are per user
    limited = [r for r in small_api.refusals() if r["detail"]["reason"] == "rate limit reached"]
    assert [r["actor"] for r in limited] == ["rs.officer"]


def test_failed_authentication_is_limited_per_client(small_api: Api) -> None:
    bad = {"Authorization": "Bearer acc_forged"}
    statuses = [small_api.client.get("/api/v1/me", headers=bad).status_code for _ in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    assert small_api.get("/me", "rs.officer").status_code == 200


def test_a_token_bucket_refills_over_the_minute() -> None:
    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])
    assert all(limiter.take("u") is None for _ in range(60))
    wait = limiter.take("u")
    assert wait is not None and 0.9 < wait <= 1.0
    now[0] += 1.0
    assert limiter.take("u") is None
    assert limiter.take("u") is not None
    now[0] += 3600
    assert all(limiter.take("u") is None for _ in range(60))  # never more than the burst
    assert limiter.take("u") is not None
    assert limiter.first_refusal("u") and not limiter.first_refusal("u")
    now[0] += 61
    assert limiter.first_refusal("u")
