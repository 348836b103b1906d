"""Log-in with password and one-time code, enrolment, lockout, sessions, CSRF and cookies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from fastapi.routing import APIRoute
from sqlalchemy import select

from accord.services.auth import hash_password
from accord.services.demo import DEMO_PASSWORD
from accord.settings import Settings
from accord.store.tables import audit_entries, users
from accord.web.app import ROUTERS
from accord.web.routes.login import safe_next
from accord.web.sessions import ABSOLUTE_SECONDS
from tests.exchange.seed import audit_actions
from tests.web.conftest import make_web
from tests.web.helpers import Web, hidden


def _refusal_reasons(web: Web) -> list[str]:
    return [
        str((e["detail"] or {}).get("reason")) for e in audit_actions(web.services.store, "refusal")
    ]


def test_pages_need_a_session_and_send_to_login_with_the_way_back(web: Web) -> None:
    for path in ("/", "/search", "/cases", "/dashboard", "/audit", "/inbox"):
        response = web.client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login")
    assert web.client.get("/cases", follow_redirects=False).headers["location"] == (
        "/login?next=/cases"
    )


def test_password_alone_does_not_log_in(web: Web) -> None:
    step = web.password_step("rs.officer")
    assert step.status_code == 303 and step.headers["location"].startswith("/login/enrol")
    assert web.client.get("/", follow_redirects=False).status_code == 303


def test_first_log_in_enrols_the_second_factor_then_shows_authority_and_roles(web: Web) -> None:
    web.login("al.analyst")
    home = web.client.get("/")
    assert home.status_code == 200
    assert "State Police" in home.text and "AL-ASP" in home.text
    assert "Analyst" in home.text and "Albania" in home.text
    row = web.services.accounts.row("al.analyst")
    assert row is not None and row["totp_secret"] == web.secrets["al.analyst"]
    assert "totp-enrolled" in [
        e["action"] for e in audit_actions(web.services.store, "totp-enrolled")
    ]
    # The next log-in asks for the code of the enrolled secret, with no new enrolment.
    web.client.cookies.clear()
    step = web.password_step("al.analyst")
    assert step.headers["location"].startswith("/login/code")
    web.login("al.analyst")
    assert web.client.get("/").status_code == 200


def test_a_forged_enrolment_secret_is_refused(web: Web) -> None:
    step = web.password_step("me.officer")
    page = web.client.get(step.headers["location"])
    response = web.client.post(
        "/login/enrol",
        data={
            "csrf_token": hidden(page.text, "csrf_token"),
            "secret": "A" * 32,
            "tag": hidden(page.text, "tag"),
            "code": "000000",
            "next": "/",
        },
    )
    assert response.status_code == 403
    assert web.services.accounts.row("me.officer")["totp_secret"] is None  # type: ignore[index]


def test_wrong_and_replayed_codes_are_refused(web: Web) -> None:
    web.login("rs.officer")
    web.client.cookies.clear()
    step = web.password_step("rs.officer")
    page = web.client.get(step.headers["location"])
    csrf = hidden(page.text, "csrf_token")
    wrong = f"{(int(web.code('rs.officer')) + 1) % 1_000_000:06d}"
    response = web.client.post("/login/code", data={"csrf_token": csrf, "code": wrong})
    assert response.status_code == 401 and "Wrong or already used code" in response.text
    # The code that logged in a moment ago (same time step) is not accepted twice.
    replay = web.client.post(
        "/login/code", data={"csrf_token": csrf, "code": web.code("rs.officer")}
    )
    assert replay.status_code == 401
    web.clock.advance(seconds=30)
    fresh = web.client.post(
        "/login/code",
        data={"csrf_token": csrf, "code": web.code("rs.officer")},
        follow_redirects=False,
    )
    assert fresh.status_code == 303 and fresh.headers["location"] == "/"


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(web: Web) -> None:
    for _ in range(5):
        assert web.password_step("xk.officer", "wrong password!").status_code == 401
    refused = web.password_step("xk.officer")
    assert refused.status_code == 401
    assert "locked" in refused.text
    row = web.services.accounts.row("xk.officer")
    assert row is not None and row["locked_until"]
    assert "login-refused" in {
        e["action"] for e in audit_actions(web.services.store, "login-refused")
    }


def test_five_wrong_codes_lock_the_account_across_password_attempts(web: Web) -> None:
    web.login("ba.officer")
    web.client.cookies.clear()
    right = web.code("ba.officer", offset_steps=5)
    wrong = f"{(int(right) + 7) % 1_000_000:06d}"
    for attempt in range(5):
        step = web.password_step("ba.officer")
        assert step.status_code == 303, f"attempt {attempt}: {step.text[:300]}"
        page = web.client.get(step.headers["location"])
        response = web.client.post(
            "/login/code", data={"csrf_token": hidden(page.text, "csrf_token"), "code": wrong}
        )
        assert response.status_code == 401
    row = web.services.accounts.row("ba.officer")
    assert row is not None and row["locked_until"], "five wrong codes lock the account"
    assert web.password_step("ba.officer").status_code == 401


def test_idle_sessions_end_after_the_configured_minutes(web: Web) -> None:
    web.login("rs.analyst")
    minutes = web.services.settings.session_minutes
    web.clock.advance(minutes=minutes - 1)
    assert web.client.get("/").status_code == 200  # activity renews the idle timer
    web.clock.advance(minutes=minutes - 1)
    assert web.client.get("/").status_code == 200
    web.clock.advance(minutes=minutes + 1)
    response = web.client.get("/search", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/search&ended=1"


def test_sessions_end_at_the_absolute_limit_however_active(web: Web) -> None:
    web.login("rs.analyst")
    step = timedelta(minutes=web.services.settings.session_minutes - 1)
    elapsed = timedelta()
    while elapsed.total_seconds() <= ABSOLUTE_SECONDS:
        web.clock.advance(seconds=step.total_seconds())
        elapsed += step
        response = web.client.get("/", follow_redirects=False)
    assert response.status_code == 303


def test_log_out_revokes_the_session_cookie_for_good(web: Web) -> None:
    web.login("gb.officer")
    stolen = web.client.cookies.get("accord_session")
    assert stolen
    out = web.post("/logout", {})
    assert out.status_code == 303 and out.headers["location"] == "/login?out=1"
    assert "accord_session=;" in out.headers["set-cookie"]
    web.client.cookies.clear()
    web.client.cookies.set("accord_session", stolen)
    assert web.client.get("/", follow_redirects=False).status_code == 303
    assert "logout" in {e["action"] for e in audit_actions(web.services.store, "logout")}


def test_forged_and_tampered_session_cookies_are_refused(web: Web) -> None:
    web.login("rs.officer")
    token = web.client.cookies.get("accord_session")
    assert token
    payload, signature = token.split(".")
    for forged in (payload + "." + signature[::-1], payload[:-2] + "AA." + signature, "x.y", ""):
        web.client.cookies.clear()
        web.client.cookies.set("accord_session", forged)
        assert web.client.get("/", follow_redirects=False).status_code == 303


def test_a_changed_password_ends_existing_sessions(web: Web) -> None:
    web.login("rs.approver")
    with web.services.store.write() as conn:
        conn.execute(
            users.update()
            .where(users.c.username == "rs.approver")
            .values(password_hash=hash_password("another long passphrase"))
        )
    assert web.client.get("/", follow_redirects=False).status_code == 303


def test_session_cookies_are_http_only_strict_and_secure_when_asked(
    accord_env: Settings,
) -> None:
    web_iter: Iterator[Web] = make_web(accord_env, secure_cookies=True)
    web = next(web_iter)
    try:
        web.client.base_url = web.client.base_url.copy_with(scheme="https")
        page = web.client.get("/login")
        cookie = page.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" in cookie
        step = web.password_step("rs.officer")
        session_cookie = step.headers["set-cookie"]
        assert session_cookie.startswith("accord_session=")
        assert "HttpOnly" in session_cookie and "SameSite=Strict" in session_cookie
        assert "Secure" in session_cookie
    finally:
        web_iter.close()


def _post_routes() -> list[str]:
    found = []
    for route in (r for module in ROUTERS for r in module.router.routes):
        if isinstance(route, APIRoute) and "POST" in route.methods:
            found.append(
                route.path.replace("{case_id}", "case-x")
                .replace("{record_id}", "rs-x")
                .replace("{message_id}", "msg-x")
            )
    return found


def test_every_form_post_without_the_csrf_token_is_refused(web: Web) -> None:
    web.services.accounts.add_user(
        "rs.everything",
        "RS-MUP",
        "officer,analyst,approver,dpo",
        password_hash=hash_password(DEMO_PASSWORD),
        actor="test",
    )
    web.login("rs.everything")
    paths = _post_routes()
    assert {"/login", "/logout", "/search", "/cases", "/export", "/dashboard"} <= set(paths)
    before = len(_refusal_reasons(web))
    for path in paths:
        if path.startswith("/login"):
            continue
        for token in (None, "forged-token"):
            data = {"purpose": "serious-crime", "justification": "testing CSRF"}
            if token:
                data["csrf_token"] = token
            response = web.client.post(path, data=data, follow_redirects=False)
            assert response.status_code == 403, (path, response.status_code)
    assert _refusal_reasons(web)[before:].count("CSRF token missing or wrong") == 2 * (
        len([p for p in paths if not p.startswith("/login")])
    )
    # Still logged in: a refused form does not end the session.
    assert web.client.get("/").status_code == 200


def test_log_in_forms_need_their_csrf_token_too(web: Web) -> None:
    web.client.get("/login")
    response = web.client.post("/login", data={"username": "rs.officer", "password": DEMO_PASSWORD})
    assert response.status_code == 403
    step = web.password_step("rs.officer")
    assert step.status_code == 303
    assert web.client.post("/login/enrol", data={"code": "123456"}).status_code == 403


def test_a_post_from_another_origin_is_refused_even_with_the_token(web: Web) -> None:
    web.login("rs.officer")
    csrf = web.csrf("/search")
    response = web.client.post(
        "/search",
        data={"csrf_token": csrf, "purpose": "serious-crime", "justification": "case 12/2025"},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


def test_the_way_back_after_log_in_stays_on_this_site() -> None:
    assert safe_next("/cases/case-1") == "/cases/case-1"
    for bad in (
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "",
        None,
        "/login/code",
        "javascript:alert(1)",
        "/x\r\nSet-Cookie: a=b",
    ):
        assert safe_next(bad) == "/"


def test_log_ins_and_refusals_are_audited_and_the_chain_verifies(web: Web) -> None:
    web.password_step("rs.officer", "not the password")
    web.login("rs.officer")
    with web.services.store.read() as conn:
        actions = [row.action for row in conn.execute(select(audit_entries.c.action))]
    assert "login-refused" in actions and "login" in actions and "totp-enrolled" in actions
    assert web.services.store.verify_audit().ok


def test_a_long_justification_in_any_script_keeps_the_session_cookie_small(web: Web) -> None:
    web.login("rs.officer")
    long = "Оперативна провера по предмету КТ-1234/2025, " * 12
    response = web.post(
        "/search", {"q": "x", "purpose": "serious-crime", "justification": long[:500]}
    )
    assert response.status_code == 200
    cookie = web.client.cookies.get("accord_session")
    assert cookie is not None and len(cookie) < 3800
    assert web.client.get("/").status_code == 200
