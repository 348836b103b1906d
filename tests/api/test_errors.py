"""One JSON error shape for every error, pinned."""

from __future__ import annotations

from accord.errors import InputError
from tests.api.conftest import Api, assert_error


def test_the_error_shape_is_pinned(api: Api) -> None:
    body = assert_error(api.get("/me"), 401, "unauthenticated")
    assert list(body) == ["error", "status", "message", "hint"]


def test_accord_errors_keep_their_status_and_code(api: Api) -> None:
    body = assert_error(api.get("/records", "rs.officer"), 400, "invalid_input")
    assert "purpose" in body["message"] and "serious-crime" in body["hint"]
    assert_error(api.get("/audit/verify", "rs.officer"), 403, "forbidden")
    assert_error(api.get("/cases/case-nope", "rs.officer"), 404, "not_found")


def test_validation_errors_name_the_field(api: Api) -> None:
    body = assert_error(api.get("/cases?limit=501", "rs.officer"), 422, "validation")
    assert "query parameter 'limit'" in body["message"]
    response = api.post("/cases", "rs.officer", {"title": "T", "purpose": "serious-crime"})
    body = assert_error(response, 422, "validation")
    assert "body field 'legal_basis'" in body["message"]
    body = assert_error(
        api.post("/cases", "rs.officer", content=b"{not json", headers={"content-type": "x"}),
        422,
        "validation",
    )


def test_unknown_routes_and_methods_answer_in_the_shape(api: Api) -> None:
    body = assert_error(api.client.get("/api/v1/nowhere"), 404, "not_found")
    assert "/api/v1/nowhere" in body["message"]
    assert_error(api.client.get("/"), 404, "not_found")
    response = api.client.delete("/api/v1/me")
    assert_error(response, 405, "method_not_allowed")
    assert "GET" in response.headers["allow"]


def test_an_unexpected_error_is_a_500_without_a_traceback(api: Api) -> None:
    def explode() -> None:
        raise RuntimeError("secret internals: /srv/accord/db password=hunter2")

    def refuse() -> None:
        raise InputError("Bad value 'x' in field 'y'.", hint="Use z.")

    api.app.add_api_route("/api/v1/test-explode", explode)
    api.app.add_api_route("/api/v1/test-refuse", refuse)
    response = api.client.get("/api/v1/test-explode")
    body = assert_error(response, 500, "internal")
    assert "hunter2" not in response.text and "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    body = assert_error(api.client.get("/api/v1/test-refuse"), 400, "invalid_input")
    assert body == {
        "error": "invalid_input",
        "status": 400,
        "message": "Bad value 'x' in field 'y'.",
        "hint": "Use z.",
    }


def test_control_characters_in_parameters_are_bad_input(api: Api) -> None:
    for path in (
        "/records?purpose=serious-crime&q=a%00b",
        "/cases/case-%00",
        "/authorities?participant=%01",
    ):
        assert_error(api.get(path, "rs.officer"), 400, "invalid_input")


def test_answers_are_not_cached(api: Api) -> None:
    for response in (api.get("/me", "rs.officer"), api.get("/me"), api.client.get("/nowhere")):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
