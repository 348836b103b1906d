"""docs/api.md documents every endpoint of the API's routers and every error code."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from accord.api.routes import agreements, audit, cases, records, system

DOC = Path(__file__).parents[2] / "docs" / "api.md"
ERROR_CODES = [
    "invalid_input",
    "unauthenticated",
    "forbidden",
    "flow_refused",
    "not_found",
    "method_not_allowed",
    "conflict",
    "too_large",
    "validation",
    "policy",
    "rate_limited",
    "internal",
    "unavailable",
]


def test_every_endpoint_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"`(GET|POST|PUT|PATCH|DELETE) (/[^ `?]*)", text))
    routes = [
        route
        for module in (system, records, agreements, audit, cases)
        for route in module.router.routes
        if isinstance(route, APIRoute)
    ]
    assert len(routes) >= 16
    for route in routes:
        path = re.sub(r"\{[^}]+\}", "{id}", route.path)
        for method in route.methods:
            assert (method, path) in documented, f"{method} {path} is not in docs/api.md"


def test_every_error_code_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for code in ERROR_CODES:
        assert f"`{code}`" in text, code
