"""Property-based checks of the whole API against its own OpenAPI document (schemathesis):
no input, valid or not, makes a server error, and every answer matches the schema.

The schema's operations are driven one by one with Hypothesis, a bounded number of examples
each, in process (schemathesis' pytest loader for fixtures does not run on pytest 9 yet)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accord.settings import Settings
from tests.api.conftest import Api, make_api

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: examples per operation and mode; raise it for a deeper run (ACCORD_FUZZ_EXAMPLES=500)
EXAMPLES = int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "12"))


@pytest.fixture
def fuzz_api(accord_env: Settings) -> Iterator[Api]:
    for api in make_api(accord_env):
        # one user with every role, so that every operation gets past the role checks
        api.services.accounts.add_user("fuzz", "RS-MUP", "officer,analyst,approver,dpo,admin")
        api.open_case("rs.officer", "XK-KP")
        yield api


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_conforms_to_its_schema(fuzz_api: Api, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", fuzz_api.app)
    headers = fuzz_api.auth("fuzz")
    tried = []
    statuses: set[int] = set()
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize="ACCORD_FUZZ_EXAMPLES" not in os.environ,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            statuses.add(response.status_code)

        try:
            run()
        except Unsatisfiable:
            # an operation without parameters or body has no invalid input to make
            assert mode is GenerationMode.NEGATIVE, operation.label
            continue
        tried.append(operation.label)
    assert len(tried) >= 10, tried
    if mode is GenerationMode.POSITIVE:
        assert 401 not in statuses  # valid requests got past authentication
        assert 200 in statuses
