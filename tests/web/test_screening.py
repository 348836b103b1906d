"""Hit/no-hit screening and step 2 in the pages: references only, until the holder releases."""

from __future__ import annotations

import re

from accord.model.ids import record_id
from tests.exchange.seed import audit_actions
from tests.web.helpers import Web, hidden

WHY = {"purpose": "serious-crime", "justification": "Wanted person check, Dover, file 77/2025"}
PETAR = {"name": "Petar Petrović", "birth_date": "1985-03-12"}


def test_a_hit_gives_a_reference_and_reasons_never_the_record(web: Web) -> None:
    web.login("gb.officer")
    answer = web.post("/screen", {**PETAR, **WHY})
    assert answer.status_code == 200
    assert "1 hit" in answer.text and "RS-MUP" in answer.text
    assert "hit-" in hidden(answer.text, "hit")
    for detail in ("Петар", "Петровић", "012345678", "+381641234567"):
        assert detail not in answer.text.split('id="answer"')[1]
    assert audit_actions(web.services.store, "screen")
    nothing = web.post("/screen", {"name": "Nobody Known", "birth_date": "1950-01-01", **WHY})
    assert "No hit." in nothing.text


def test_screening_needs_a_screening_role(web: Web) -> None:
    web.login("rs.approver")
    assert web.client.get("/screen").status_code == 403
    assert 'href="/screen"' not in web.client.get("/").text


def test_step_two_releases_the_record_to_the_requesting_authority(web: Web) -> None:
    rid = record_id(web.services.settings.id_key, "RS", "RS-MUP", "persons", "P1")
    web.login("gb.officer")
    before = web.post(f"/records/{rid}", WHY)
    assert before.status_code == 404
    answer = web.post("/screen", {**PETAR, **WHY})
    asked = web.post(
        "/step2", {"hit": hidden(answer.text, "hit"), "urgency": "urgent-direct", **WHY}
    )
    assert asked.status_code == 303 and asked.headers["location"] == "/step2?box=outbox"
    outbox = web.client.get("/step2?box=outbox")
    assert "open" in outbox.text and WHY["justification"] in outbox.text
    assert rid not in outbox.text  # no record reference before the release

    web.login("rs.approver")
    inbox = web.client.get("/step2?box=inbox")
    request_id = re.findall(r"/step2/([^/]+)/decide", inbox.text)[0]
    refused = web.post(f"/step2/{request_id}/decide", {"decision": "refuse", "note": ""})
    assert refused.status_code == 400 and "reason is required" in refused.text
    approved = web.post(f"/step2/{request_id}/decide", {"decision": "approve", "note": "ok"})
    assert approved.status_code == 303
    assert audit_actions(web.services.store, "disclosure")

    web.login("gb.officer")
    assert rid in web.client.get("/step2?box=outbox").text
    after = web.post(f"/records/{rid}", WHY)
    assert after.status_code == 200 and "Петар Петровић" in after.text
