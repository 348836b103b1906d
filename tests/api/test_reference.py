"""Reference data, agreements and the audit check."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from accord.store.tables import audit_entries
from tests.api.conftest import Api, assert_error

NEW_AGREEMENT: dict[str, Any] = {
    "id": "AGR-TEST-1",
    "title": "Firearms tracing between Albania and Montenegro",
    "providers": ["AL", "ME"],
    "recipients": ["al", "ME"],
    "purposes": ["firearms"],
    "handling": ["H0", "H1"],
    "valid_from": "2026-01-01",
}


def test_participants_and_authorities_are_paged(api: Api) -> None:
    body = api.get("/participants?limit=500", "rs.officer").json()
    codes = [p["code"] for p in body["items"]]
    assert {"GB", "AL", "BA", "XK", "ME", "MK", "RS", "EU"} <= set(codes)
    kosovo = next(p for p in body["items"] if p["code"] == "XK")
    assert "UNSCR 1244/1999" in kosovo["note"]
    page = api.get("/participants?limit=3&offset=3", "rs.officer").json()
    assert [p["code"] for p in page["items"]] == codes[3:6] and page["next_offset"] == 6
    serbia = api.get("/authorities?participant=rs", "rs.officer").json()["items"]
    assert {a["id"] for a in serbia} == {"RS-MUP", "RS-GP", "RS-APML", "RS-ACAS"}
    assert api.get("/authorities?participant=ZZ", "rs.officer").json()["items"] == []


def test_agreements_are_listed_and_shown(api: Api) -> None:
    body = api.get("/agreements", "xk.officer").json()
    assert [a["id"] for a in body["items"]] == ["AGR-FUTURE", "AGR-ONEWAY", "AGR-SOC"]
    soc = api.get("/agreements/AGR-SOC", "xk.officer").json()
    assert soc["in_force"] and soc["handling"] == ["H0", "H1", "H2"]
    assert not api.get("/agreements/AGR-FUTURE", "xk.officer").json()["in_force"]
    assert_error(api.get("/agreements/AGR-NONE", "xk.officer"), 404, "not_found")


def test_an_administrator_adds_an_agreement_once(api: Api) -> None:
    response = api.post("/agreements", "rs.admin", NEW_AGREEMENT)
    assert response.status_code == 201, response.text
    assert response.json()["recipients"] == ["AL", "ME"]
    again = api.post("/agreements", "rs.admin", NEW_AGREEMENT)
    assert again.status_code == 201 and again.json() == response.json()
    changed = api.post("/agreements", "rs.admin", NEW_AGREEMENT | {"handling": ["H0"]})
    assert_error(changed, 409, "conflict")
    assert api.get("/agreements/AGR-TEST-1", "rs.officer").status_code == 200


def test_a_bad_agreement_is_refused_with_its_field(api: Api) -> None:
    cases = [
        (NEW_AGREEMENT | {"providers": ["QQ"]}, 422, "unknown participant 'QQ'"),
        (NEW_AGREEMENT | {"purposes": ["gossip"]}, 422, "purposes"),
        (NEW_AGREEMENT | {"handling": []}, 422, "handling"),
        (NEW_AGREEMENT | {"id": "bad id!"}, 422, "'id'"),
        (NEW_AGREEMENT | {"valid_to": "2020-01-01"}, 422, "valid_to is before valid_from"),
        (NEW_AGREEMENT | {"extra": 1}, 422, "extra"),
        (NEW_AGREEMENT | {"title": "a\u0000b"}, 422, "control characters"),
    ]
    for body, status, words in cases:
        found = assert_error(api.post("/agreements", "rs.admin", body), status)
        assert words in found["message"], found


def test_only_administrators_add_agreements(api: Api) -> None:
    for name in ("rs.officer", "rs.analyst", "rs.approver", "rs.dpo"):
        assert_error(api.post("/agreements", name, NEW_AGREEMENT), 403, "forbidden")
    assert_error(api.get("/agreements/AGR-TEST-1", "rs.admin"), 404)


def test_the_audit_check_is_for_data_protection_officers(api: Api) -> None:
    body = api.get("/audit/verify", "rs.dpo").json()
    assert body["ok"] and body["entries"] > 0 and body["first_bad"] is None
    with api.services.store.write() as conn:
        conn.execute(update(audit_entries).where(audit_entries.c.seq == 2).values(actor="x"))
    body = api.get("/audit/verify", "xk.dpo").json()
    assert (body["ok"], body["first_bad"]) == (False, 2) and body["reason"]
    before = len(api.refusals())
    for name in ("rs.officer", "rs.analyst", "rs.approver", "rs.admin"):
        assert_error(api.get("/audit/verify", name), 403, "forbidden")
    assert len(api.refusals()) == before + 4
