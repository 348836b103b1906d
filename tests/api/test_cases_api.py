"""Cases and messages over HTTP: a request's life, corrections, idempotency, and privacy."""

from __future__ import annotations

from tests.api.conftest import Api, assert_error
from tests.exchange.seed import audit_actions


def test_a_request_from_sending_to_answer(api: Api) -> None:
    case = api.open_case("rs.officer", "XK-KP")
    assert [p["authority"] for p in case["parties"]] == ["RS-MUP", "XK-KP"]
    sent = api.send(case["id"], urgency="urgent-direct", handling=["H0", "H2"])
    assert sent.status_code == 201
    request = sent.json()
    assert request["deadline"] == "2026-03-02T17:00:00.000000+00:00"
    assert (request["answered"], request["overdue"], request["delivery"]) == (False, False, None)

    inbox = api.get("/inbox", "xk.officer").json()["items"]
    assert [m["id"] for m in inbox] == [request["id"]]
    assert inbox[0]["delivery"]["authority"] == "XK-KP"
    assert inbox[0]["handling"] == ["H0", "H2"]

    api.clock.advance(hours=9)
    overdue = api.get("/inbox?status=overdue", "xk.officer").json()["items"]
    assert [m["id"] for m in overdue] == [request["id"]] and overdue[0]["overdue"]
    assert api.get("/inbox?status=unacknowledged", "xk.officer").json()["items"]

    ack = api.post(f"/messages/{request['id']}/acknowledge", "xk.officer")
    assert ack.status_code == 201 and ack.json()["kind"] == "acknowledgement"
    again = api.post(f"/messages/{request['id']}/acknowledge", "xk.officer")
    assert again.status_code == 200 and again.json()["id"] == ack.json()["id"]
    assert api.get("/inbox?status=unacknowledged", "xk.officer").json()["items"] == []

    api.clock.advance(minutes=30)
    reply = api.send(case["id"], "xk.officer", kind="reply", recipients=[], refers_to=request["id"])
    assert reply.status_code == 201, reply.text
    assert [r["authority"] for r in reply.json()["recipients"]] == ["RS-MUP"]
    seen = api.get(f"/messages/{request['id']}", "rs.officer").json()
    assert (seen["answered"], seen["overdue"]) == (True, False)
    assert seen["recipients"][0]["acknowledged_at"] is not None
    assert api.get("/inbox?status=open", "xk.officer").json()["items"] == []
    kinds = [
        m["kind"] for m in api.get(f"/cases/{case['id']}/messages", "rs.officer").json()["items"]
    ]
    assert kinds == ["request", "acknowledgement", "reply"]


def test_a_correction_reaches_every_recipient_of_the_original(api: Api) -> None:
    case = api.open_case("rs.officer", "XK-KP", "AL-ASP", "GB-NCA")
    original = api.send(
        case["id"], kind="information", recipients=["XK-KP", "AL-ASP", "GB-NCA"]
    ).json()
    correction = api.send(
        case["id"],
        kind="correction",
        recipients=["GB-NCA"],
        refers_to=original["id"],
        body="The date of birth is 1985-03-21, not 1985-03-12.",
    )
    assert correction.status_code == 201, correction.text
    fixed = correction.json()
    assert sorted(r["authority"] for r in fixed["recipients"]) == ["AL-ASP", "GB-NCA", "XK-KP"]
    for user in ("xk.officer", "al.officer", "gb.officer"):
        inbox = api.get("/inbox", user).json()["items"]
        assert fixed["id"] in [m["id"] for m in inbox]
        assert api.get(f"/messages/{original['id']}", user).json()["corrected_by"] == [fixed["id"]]


def test_a_message_resent_with_its_key_is_stored_once(api: Api) -> None:
    case = api.open_case()
    headers = {"Idempotency-Key": "rs-2026-0001"}
    first = api.send(case["id"], headers=headers)
    again = api.send(case["id"], headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    via_body = api.send(case["id"], idempotency_key="rs-2026-0001")
    assert via_body.status_code == 200 and via_body.json()["id"] == first.json()["id"]
    other = api.send(case["id"], headers=headers, subject="Another subject")
    assert_error(other, 409, "conflict")
    both = api.send(case["id"], headers=headers, idempotency_key="different")
    assert_error(both, 400, "invalid_input")
    listed = api.get(f"/cases/{case['id']}/messages", "xk.officer").json()["items"]
    assert len(listed) == 1
    assert len(audit_actions(api.services.store, "disclosure")) == 1


def test_a_case_is_invisible_to_authorities_not_party_to_it(api: Api) -> None:
    case = api.open_case("rs.officer", "XK-KP")
    message = api.send(case["id"]).json()
    missing_case, missing_message = "case-0123456789abcdef", "msg-0123456789abcdef0123"
    pairs = [
        (f"/cases/{case['id']}", f"/cases/{missing_case}"),
        (f"/cases/{case['id']}/messages", f"/cases/{missing_case}/messages"),
        (f"/messages/{message['id']}", f"/messages/{missing_message}"),
    ]
    for user in ("al.officer", "gb.officer", "rs.border"):
        for hidden_path, missing_path in pairs:
            hidden = assert_error(api.get(hidden_path, user), 404, "not_found")
            missing = assert_error(api.get(missing_path, user), 404, "not_found")
            assert hidden["message"].replace(case["id"], "ID").replace(
                message["id"], "ID"
            ) == missing["message"].replace(missing_case, "ID").replace(missing_message, "ID")
        assert api.get("/cases", user).json()["items"] == []
        assert api.get("/inbox", user).json()["items"] == []
        assert_error(api.send(case["id"], user, recipients=["RS-MUP"]), 404, "not_found")
        assert_error(api.post(f"/messages/{message['id']}/acknowledge", user), 404)


def test_bad_messages_are_refused_with_the_reason(api: Api) -> None:
    case = api.open_case("rs.officer", "XK-KP")
    request = api.send(case["id"]).json()
    checks = [
        ({"kind": "refusal", "refers_to": request["id"]}, 400, "needs its reason"),
        ({"handling": ["H3"]}, 400, "H3 needs its restriction"),
        ({"kind": "gossip"}, 422, "body field 'kind'"),
        ({"source_reliability": "E"}, 422, "source_reliability"),
        ({"information_accuracy": "9"}, 422, "information_accuracy"),
        ({"recipients": ["GB-NCA"]}, 400, "not a party"),
        ({"urgency": "yesterday"}, 422, "urgency"),
        ({"kind": "correction"}, 400, "must refer to an earlier message"),
        ({"subject": ""}, 422, "subject"),
        ({"body": "x\u0000y"}, 422, "control characters"),
        ({"records": ["xk-xk-kp-H0-1"]}, 400, "only the authority that provided"),
    ]
    for fields, status, words in checks:
        body = assert_error(api.send(case["id"], **fields), status)
        assert words in body["message"], (fields, body)
    refused = api.send(case["id"], handling=["H0", "H3"], handling_note="Not for the courts")
    body = assert_error(refused, 403, "flow_refused")
    assert "XK-KP" in body["message"] and "H3" in body["message"]


def test_a_case_without_a_covering_agreement_is_refused(api: Api) -> None:
    body = {
        "title": "Smuggling across the Drina",
        "purpose": "serious-crime",
        "legal_basis": "AGR-SOC",
        "authorities": ["ME-UP"],
    }
    found = assert_error(api.post("/cases", "rs.officer", body), 403, "flow_refused")
    assert "RS and ME" in found["message"]
    unknown = assert_error(
        api.post("/cases", "rs.officer", body | {"authorities": ["ZZ-TOP"]}), 400
    )
    assert "Unknown authority 'ZZ-TOP'" in unknown["message"]


def test_case_lists_are_paged(api: Api) -> None:
    ids = [api.open_case("rs.officer", "XK-KP")["id"] for _ in range(3)]
    page = api.get("/cases?limit=2", "xk.officer").json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    rest = api.get("/cases?limit=2&offset=2", "xk.officer").json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    assert sorted(c["id"] for c in page["items"] + rest["items"]) == sorted(ids)
    assert_error(api.get("/inbox?status=late", "xk.officer"), 422, "validation")
