"""Records through the read gate: purpose required, withheld looks missing, no injection."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.api.conftest import Api, assert_error
from tests.exchange.seed import audit_actions

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE records; --",
    '" OR ""="',
    "%' OR 1=1 --",
    "x' UNION SELECT id, schema, caption, properties FROM records --",
    "\\' OR 1=1 #",
    "%",
    "_",
    "*",
    "RS' --",
    "1; SELECT pg_sleep(1)",
    "ʼ OR 1=1",
]


def _ids(response_json: dict[str, object]) -> list[str]:
    items = response_json["items"]
    assert isinstance(items, list)
    return [item["id"] for item in items]


def test_a_search_returns_what_the_user_may_see(api: Api) -> None:
    response = api.get("/records?purpose=serious-crime&justification=case%2042", "rs.officer")
    assert response.status_code == 200
    body = response.json()
    rs_records = api.seeded.records["RS-MUP"] + api.seeded.records["RS-MUP-H3"]
    assert sorted(_ids(body)) == sorted(rs_records)
    assert (body["limit"], body["offset"], body["next_offset"]) == (50, 0, None)
    first = body["items"][0]
    assert first["schema"] == "Person" and first["envelope"]["participant"] == "RS"
    assert first["envelope"]["legal_basis"] == "AGR-SOC"
    read = audit_actions(api.services.store, "consultation")[-1]
    assert read["actor"] == "rs.officer" and read["detail"]["justification"] == "case 42"
    # Kosovo's officer sees only Kosovo's records (nothing of Serbia's was released)
    response = api.get("/records?purpose=serious-crime", "xk.officer")
    assert sorted(_ids(response.json())) == sorted(api.seeded.records["XK-KP"])


def test_pages_point_at_the_next_page_and_never_count(api: Api) -> None:
    page1 = api.get("/records?purpose=serious-crime&limit=2", "rs.officer").json()
    assert len(page1["items"]) == 2 and page1["next_offset"] == 2
    assert set(page1) == {"items", "limit", "offset", "next_offset"}
    page2 = api.get("/records?purpose=serious-crime&limit=2&offset=2", "rs.officer").json()
    assert len(page2["items"]) == 1 and page2["next_offset"] is None
    assert not set(_ids(page1)) & set(_ids(page2))
    for bad in ("limit=0", "limit=501", "offset=-1", "limit=abc"):
        body = assert_error(api.get(f"/records?purpose=serious-crime&{bad}", "rs.officer"), 422)
        assert bad.split("=")[0] in body["message"]


@pytest.mark.parametrize("purpose", [None, "", "gossip", "SERIOUS CRIME", "' OR 1=1 --"])
def test_a_missing_or_unknown_purpose_is_refused_and_logged(api: Api, purpose: str | None) -> None:
    before = len(api.refusals())
    query = "" if purpose is None else f"?purpose={quote(purpose)}"
    body = assert_error(api.get("/records" + query, "rs.analyst"), 400, "invalid_input")
    assert "purpose" in body["message"].lower()
    record = api.seeded.records["RS-MUP"][0]
    assert_error(api.get(f"/records/{record}" + query, "rs.analyst"), 400, "invalid_input")
    refusals = api.refusals()
    assert len(refusals) == before + 2
    assert refusals[-1]["actor"] == "rs.analyst" and "purpose" in refusals[-1]["detail"]["reason"]


@pytest.mark.parametrize("field", ["q", "schema", "dataset", "participant"])
def test_injection_strings_in_every_text_filter_find_nothing(api: Api, field: str) -> None:
    for text in INJECTIONS:
        response = api.get(f"/records?purpose=serious-crime&{field}={quote(text)}", "xk.officer")
        assert response.status_code in (200, 400), (text, response.text)
        if response.status_code == 200:
            assert _ids(response.json()) == [], text
        else:
            assert_error(response, 400)
    # the tables are intact and the user's own data is still there
    response = api.get("/records?purpose=serious-crime", "xk.officer")
    assert sorted(_ids(response.json())) == sorted(api.seeded.records["XK-KP"])


def test_text_filters_work(api: Api) -> None:
    def found(query: str) -> list[str]:
        return _ids(api.get(f"/records?purpose=serious-crime&{query}", "rs.officer").json())

    assert found("q=petrovi") == [api.seeded.records["RS-MUP"][0]]
    assert len(found("schema=Person")) == 3 and found("schema=Vehicle") == []
    assert len(found("participant=rs")) == 3 and found("participant=XK") == []
    assert len(found("dataset=persons")) == 3 and found("dataset=other") == []
    assert_error(api.get("/records?purpose=serious-crime&participant=ZZ", "rs.officer"), 400)
    assert_error(api.get("/records?purpose=serious-crime&q=" + "x" * 201, "rs.officer"), 422)


def test_withheld_and_missing_records_look_the_same(api: Api) -> None:
    record = api.seeded.records["RS-MUP"][0]
    assert api.get(f"/records/{record}?purpose=serious-crime", "rs.officer").status_code == 200
    withheld = api.get(f"/records/{record}?purpose=serious-crime", "xk.officer")
    missing = api.get("/records/rs-does-not-exist?purpose=serious-crime", "xk.officer")
    assert_error(withheld, 404, "not_found")
    assert_error(missing, 404, "not_found")
    assert withheld.json()["message"].replace(record, "ID") == missing.json()["message"].replace(
        "rs-does-not-exist", "ID"
    )
    assert withheld.headers.keys() == missing.headers.keys()


def test_a_released_record_becomes_visible_to_the_recipient(api: Api) -> None:
    record = api.seeded.records["RS-MUP"][0]
    case = api.open_case("rs.officer", "XK-KP")
    url = f"/records/{record}?purpose=drug-trafficking"
    assert api.get(url, "xk.officer").status_code == 404
    response = api.send(case["id"], kind="information", records=[record])
    assert response.status_code == 201, response.text
    shown = api.get(url, "xk.officer")
    assert shown.status_code == 200 and shown.json()["id"] == record
    assert api.get(url, "al.officer").status_code == 404


def test_supervision_reads_are_for_data_protection_officers(api: Api) -> None:
    record = api.seeded.records["RS-MUP"][0]
    url = f"/records/{record}?purpose=supervision"
    assert api.get(url, "rs.dpo").status_code == 200
    assert api.get(url, "rs.officer").status_code == 404
    assert api.get(url, "xk.dpo").status_code == 404
    assert api.get(f"/records/{record}?purpose=serious-crime", "rs.dpo").status_code == 404
