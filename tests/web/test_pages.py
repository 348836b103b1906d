"""The pages: role refusals, search and records through the gate, exports, cases and the
inbox, the audit viewer, security headers and the API beside the pages."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from accord.model.ids import record_id
from accord.services.ingest import ingest_path
from tests.exchange.seed import audit_actions
from tests.web.helpers import Web, hidden

PETAR = "Петар Петровић"
WHY = {"purpose": "serious-crime", "justification": "Operation Drina, file 114/2025"}


def _petar_id(web: Web) -> str:
    return record_id(web.services.settings.id_key, "RS", "RS-MUP", "persons", "P1")


def _captions(html: str) -> list[str]:
    return re.findall(r'<button type="submit" class="linklike">([^<]*)</button>', html)


def _refusals(web: Web) -> list[dict[str, object]]:
    return audit_actions(web.services.store, "refusal")


def test_roles_that_may_not_use_a_page_are_refused_and_the_refusal_logged(web: Web) -> None:
    web.login("admin")
    for path in ("/search", "/cases", "/inbox", "/dashboard", "/audit"):
        response = web.client.get(path)
        assert response.status_code == 403, path
        assert "Not allowed" in response.text
    home = web.client.get("/")
    assert 'href="/search"' not in home.text and "Administrator" in home.text
    web.login("rs.officer")
    assert web.client.get("/audit").status_code == 403
    assert web.post("/export", {**WHY, "format": "csv"}).status_code == 403
    reasons = [e["detail"]["reason"] for e in _refusals(web)]  # type: ignore[index]
    assert reasons.count("role") == 7
    web.login("rs.dpo")
    assert web.client.get("/audit").status_code == 200
    case = web.client.get("/cases")
    assert case.status_code == 200 and 'action="/cases"' not in case.text  # reads, never sends


def test_search_needs_a_purpose_and_a_justification(web: Web) -> None:
    web.login("rs.officer")
    response = web.post("/search", {"q": "Петар", "purpose": "", "justification": "x"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert "Choose the purpose of this consultation." in response.text
    assert PETAR not in response.text
    assert not audit_actions(web.services.store, "consultation")


def test_search_finds_a_person_in_either_script_and_logs_purpose_and_justification(
    web: Web,
) -> None:
    web.login("rs.officer")
    for typed in ("Петар", "petrović", "Petrovi"):
        response = web.post("/search", {"q": typed, **WHY})
        assert response.status_code == 200
        assert PETAR in _captions(response.text), typed
    logged = audit_actions(web.services.store, "consultation")[-1]
    assert logged["actor"] == "rs.officer" and logged["purpose"] == "serious-crime"
    assert logged["detail"]["justification"] == WHY["justification"]  # type: ignore[index]
    # The next form offers the purpose and justification just given.
    again = web.client.get("/search")
    assert WHY["justification"] in again.text


def test_the_record_page_shows_the_entity_the_envelope_and_its_restrictions(
    web: Web, tmp_path: Path
) -> None:
    (tmp_path / "p.csv").write_text("id,first,last\nW1,Ardit,Duka\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(
        "schema: Person\nkey: [id]\nproperties:\n  firstName: {column: first}\n"
        "  lastName: {column: last}\n  name: {template: '{first} {last}'}\n"
        "envelope:\n  handling: [H0, H2, H3]\n"
        "  handling_note: Not to be shown to the suspect's lawyer before 1 June 2026\n"
        "  source_reliability: B\n  information_accuracy: '3'\n  subject_category: suspect\n"
        "  nature: assessment\n  purpose: migrant-smuggling\n  legal_basis: AGR-WB-SOC-2025\n",
        encoding="utf-8",
    )
    ingest_path(
        web.services,
        tmp_path / "p.csv",
        participant="AL",
        authority="AL-ASP",
        dataset="intel",
        mapping=tmp_path / "p.yaml",
        actor="test",
    )
    web.login("al.analyst")
    rid = record_id(web.services.settings.id_key, "AL", "AL-ASP", "intel", "W1")
    form = web.client.get(f"/records/{rid}")
    assert form.status_code == 200 and 'name="justification"' in form.text
    response = web.post(
        f"/records/{rid}", {"purpose": "migrant-smuggling", "justification": "Smuggling ring TIR-7"}
    )
    assert response.status_code == 200
    html = response.text
    restrictions = html[html.index('class="restrictions"') : html.index('class="columns"')]
    for text in (
        "H0",
        "H2",
        "H3",
        "Not to be disseminated further without the provider",
        "Not to be shown to the suspect&#39;s lawyer before 1 June 2026",
    ):
        assert text in restrictions, text
    for text in (
        "Ardit Duka",
        "State Police",
        "AL-ASP",
        "intel",
        "B3",
        "Suspect",
        "Assessment",
        "AGR-WB-SOC-2025",
        "Migrant smuggling",
    ):
        assert text in html, text


def test_another_participant_sees_nothing_of_a_record_not_released_to_it(web: Web) -> None:
    web.login("xk.analyst")
    response = web.post("/search", {"q": "Петар", **WHY})
    assert response.status_code == 200
    assert PETAR not in response.text and "Петровић" not in response.text
    assert "No records that you may see match this search." in response.text
    hidden_record = web.post(f"/records/{_petar_id(web)}", WHY)
    missing_record = web.post("/records/rs-0000000000000000", WHY)
    assert hidden_record.status_code == missing_record.status_code == 404
    assert PETAR not in hidden_record.text
    strip = re.compile(r'value="[^"]*"|rs-[0-9a-f]+')
    assert strip.sub("", hidden_record.text) == strip.sub("", missing_record.text)


def test_an_analyst_exports_a_search_marked_with_user_and_restrictions(web: Web) -> None:
    web.login("rs.analyst")
    response = web.post("/export", {"q": "Петар", "format": "csv", **WHY})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    bundle = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(bundle.namelist())
    assert names == ["accord-export.csv", "accord-export.csv.marking.json"]
    assert PETAR.split()[0] in bundle.read("accord-export.csv").decode("utf-8")
    marking = json.loads(bundle.read("accord-export.csv.marking.json"))
    assert marking["exported_by"] == "rs.analyst" and marking["handling"] == "H0"
    assert audit_actions(web.services.store, "export")


def test_cases_messages_inbox_deadlines_and_acknowledgement(web: Web) -> None:
    web.login("rs.officer")
    opened = web.post(
        "/cases",
        {
            "title": "Vans stolen for smuggling",
            "purpose": "serious-crime",
            "legal_basis": "AGR-WB-SOC-2025",
            "authorities": ["XK-KP"],
        },
    )
    assert opened.status_code == 303, opened.text
    case_path = opened.headers["location"]
    page = web.client.get(case_path)
    assert "Vans stolen for smuggling" in page.text and "XK-KP" in page.text
    sent = web.post(
        f"{case_path}/messages",
        {
            "kind": "request",
            "subject": "Owner of van NI 901 KM",
            "body": "Who holds it?",
            "recipients": ["XK-KP"],
            "handling": ["H0", "H2"],
            "source_reliability": "B",
            "information_accuracy": "2",
            "urgency": "urgent-direct",
            "idempotency_key": "k-1",
        },
    )
    assert sent.status_code == 303, sent.text
    case_page = web.client.get(case_path)
    assert "Owner of van NI 901 KM" in case_page.text and "badge--h2" in case_page.text
    assert "Reply due by" in case_page.text

    web.login("xk.officer")
    inbox = web.client.get("/inbox?status=unacknowledged")
    assert "Owner of van NI 901 KM" in inbox.text and "badge--overdue" not in inbox.text
    web.clock.advance(hours=9)
    web.login("xk.officer")
    overdue = web.client.get("/inbox?status=overdue")
    assert "Owner of van NI 901 KM" in overdue.text and "badge--overdue" in overdue.text
    message_id = (
        hidden(overdue.text, "status")
        and re.findall(r"/messages/([^/]+)/acknowledge", overdue.text)[0]
    )
    ack = web.post(f"/messages/{message_id}/acknowledge", {"back": "inbox", "status": "all"})
    assert ack.status_code == 303 and ack.headers["location"] == "/inbox?status=all"
    assert "Owner of van NI 901 KM" not in web.client.get("/inbox?status=unacknowledged").text

    web.login("rs.officer")
    assert "acknowledged" in web.client.get(case_path).text


def test_a_message_the_agreements_do_not_carry_is_refused_with_the_reason(web: Web) -> None:
    web.login("rs.officer")
    opened = web.post(
        "/cases",
        {
            "title": "Firearms trace",
            "purpose": "firearms",
            "legal_basis": "AGR-SALW-2025",
            "authorities": ["AL-ASP"],
        },
    )
    assert opened.status_code == 303, opened.text
    sent = web.post(
        f"{opened.headers['location']}/messages",
        {
            "kind": "information",
            "subject": "Serial 70555",
            "recipients": ["AL-ASP"],
            "handling": ["H0", "H3"],
            "handling_note": "Not for court",
            "source_reliability": "A",
            "information_accuracy": "1",
        },
    )
    assert sent.status_code == 403
    assert "cannot honour the handling code(s) H3" in sent.text
    assert 'value="Serial 70555"' in sent.text  # the form keeps what was typed


def test_the_dpo_audit_viewer_verifies_the_chain_and_shows_who_consulted(web: Web) -> None:
    web.login("rs.officer")
    web.post(f"/records/{_petar_id(web)}", WHY)
    web.login("rs.dpo")
    page = web.client.get("/audit")
    assert "The audit chain verifies." in page.text
    assert "rs.officer" in page.text and WHY["justification"] in page.text
    consulted = web.post("/audit/consulted", {"record_id": _petar_id(web)})
    assert consulted.status_code == 200
    table = consulted.text[consulted.text.index('id="consulted"') :]
    assert "rs.officer" in table and WHY["justification"] in table
    web.login("xk.dpo")
    refused = web.post("/audit/consulted", {"record_id": _petar_id(web)})
    assert refused.status_code == 404 and "rs.officer" not in refused.text.split('id="entries"')[0]


def test_pages_carry_a_strict_security_policy_and_are_not_cached(web: Web) -> None:
    page = web.client.get("/login")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["cache-control"] == "no-store"
    assert web.client.get("/static/css/accord.css").status_code == 200


def test_the_api_answers_beside_the_pages_with_its_own_error_shape(web: Web) -> None:
    health = web.client.get("/api/v1/health")
    assert health.status_code == 200 and health.headers["content-type"] == "application/json"
    missing = web.client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    page = web.client.get("/nothing-here")
    assert page.status_code == 404 and "There is no page at this address." in page.text
