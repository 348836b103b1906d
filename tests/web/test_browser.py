"""The pages in a real browser: Debian's Chromium, driven by Playwright, against a uvicorn
server on a free loopback port serving a small generated region (seed 7, scale 300) with the
default agreements and the demo users.

Set ACCORD_SCREENSHOTS to a folder (docs/screenshots for the documentation) to keep
screenshots of the main pages at 1366x768; otherwise they go to a temporary folder.
"""

from __future__ import annotations

import csv
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from accord.api import create_app
from accord.errors import NotFound
from accord.model.ids import record_id
from accord.services import Services, open_services
from accord.services.demo import DEMO_PARTICIPANTS, DEMO_PASSWORD, create_demo_users
from accord.services.identities import IdentityDesk
from accord.services.region import default_agreements, load_agreements, load_region
from accord.settings import get_settings, reset_settings
from accord.store.gate import RecordQuery
from accord.web import create_site
from accord.web.totp import PERIOD, code_at

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 768}
WHY = "Operation Adriatic, file 2025/311"


@dataclass
class Planted:
    """A person planted by the generator in the Serbian police's records."""

    record_id: str
    caption: str
    holders: set[str]


@dataclass
class Live:
    url: str
    services: Services
    planted: Planted
    shots: Path
    secrets: dict[str, str] = field(default_factory=dict)
    last_step: dict[str, int] = field(default_factory=dict)
    #: the session cookies of users already logged in, reused by later tests
    cookies: dict[str, list[Any]] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _planted(services: Services, region: Path) -> Planted:
    rows = list(csv.DictReader((region / "truth" / "identities.csv").open(encoding="utf-8")))
    chosen = next(
        r for r in rows if r["authority"] == "RS-MUP" and r["dataset"] == "police_persons"
    )
    key = services.settings.id_key
    rid = record_id(
        key, chosen["participant"], chosen["authority"], chosen["dataset"], chosen["key"]
    )
    with services.store.read() as conn:
        found = services.store.get_records(conn, [rid])[rid]
    holders = {r["participant"] for r in rows if r["person_uid"] == chosen["person_uid"]}
    return Planted(rid, found.caption, holders)


@pytest.fixture(scope="module")
def live(region: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run `bash scripts/chromium.sh` (as root) first.")
    folder = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACCORD_DATA_DIR", str(folder / "var"))
        patch.delenv("ACCORD_DATABASE_URL", raising=False)
        patch.delenv("ACCORD_KEY_FILE", raising=False)
        reset_settings()
        services = open_services(get_settings())
        load_agreements(services, default_agreements(), "test")
        create_demo_users(services, "test")
        load_region(services, region, "test")
        IdentityDesk(services).run_linkage(purpose="serious-crime")
        site = create_site(services, api=lambda svc, clk: create_app(svc, clock=clk))
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(site, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        shots = Path(os.environ.get("ACCORD_SCREENSHOTS") or folder / "screenshots")
        shots.mkdir(parents=True, exist_ok=True)
        try:
            yield Live(f"http://127.0.0.1:{port}", services, _planted(services, region), shots)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            services.close()
            reset_settings()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def browser_errors() -> list[str]:
    """What the browser reports as errors; a test that expects one (a 404 page) removes it."""
    return []


@pytest.fixture
def page(browser: Browser, browser_errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    opened = context.new_page()
    errors = browser_errors
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


def shoot(live: Live, page: Page, name: str) -> None:
    page.screenshot(path=str(live.shots / f"{name}.png"), full_page=True)


def _code(live: Live, username: str) -> str:
    """A code of a time step not used before by this user (a code is accepted once)."""
    step = int(time.time() // PERIOD)
    if live.last_step.get(username, -1) >= step:
        time.sleep((step + 1) * PERIOD - time.time() + 0.2)
        step += 1
    live.last_step[username] = step
    return code_at(live.secrets[username], step * PERIOD + 1)


def nav(page: Page, name: str) -> None:
    """Follow a link of the main navigation."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def login(live: Live, page: Page, username: str, shots: bool = False) -> None:
    """Log in with both factors, or reuse the session this user opened in an earlier test
    (a one-time code is accepted once: a new log-in could wait up to 30 s for the next)."""
    page.context.clear_cookies()
    if username in live.cookies and not shots:
        page.context.add_cookies(live.cookies[username])
        page.goto(live.url + "/")
        if page.url == live.url + "/":
            return
    page.goto(live.url + "/")
    expect(page).to_have_url(live.url + "/login")
    if shots:
        shoot(live, page, "01-login")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    if "/login/enrol" in page.url:
        live.secrets[username] = page.locator("input[name=secret]").input_value()
        expect(page.locator("#secret")).to_contain_text(live.secrets[username][:4])
        if shots:
            shoot(live, page, "02-enrol-second-factor")
        button = "Confirm and log in"
    else:
        expect(page).to_have_url(f"{live.url}/login/code?next=/")
        button = "Log in"
    page.get_by_label("Six-digit code").fill(_code(live, username))
    page.get_by_role("button", name=button).click()
    expect(page).to_have_url(live.url + "/")
    live.cookies[username] = page.context.cookies()  # type: ignore[assignment]


def test_log_in_with_both_factors_shows_authority_and_roles(live: Live, page: Page) -> None:
    login(live, page, "rs.officer", shots=True)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    expect(page.locator("#roles")).to_have_text("Officer")
    expect(page.locator(".identity")).to_contain_text("Border Police Administration (RS-GP)")
    expect(page.locator(".identity")).to_contain_text("Serbia")
    shoot(live, page, "03-start")
    # Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def _search(page: Page, live: Live, text: str) -> None:
    nav(page, "Search")
    page.get_by_label("Name or text").fill(text)
    page.get_by_label("Purpose").select_option("serious-crime")
    page.get_by_label("Justification").fill(WHY)
    page.get_by_role("button", name="Search", exact=True).click()


def test_search_a_planted_person_and_open_the_record(live: Live, page: Page) -> None:
    login(live, page, "rs.officer")
    surname = live.planted.caption.split()[-1]
    _search(page, live, surname)
    result = page.get_by_role("button", name=live.planted.caption)
    expect(result.first).to_be_visible()
    shoot(live, page, "04-search")
    result.first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(live.planted.caption)
    expect(page.locator(".restrictions")).to_contain_text("H0")
    expect(page.locator(".columns__side")).to_contain_text("RS-MUP")
    expect(page.locator(".columns__side")).to_contain_text(WHY)
    shoot(live, page, "05-record")


def test_a_user_of_another_participant_sees_nothing_of_what_is_withheld(
    live: Live, page: Page, browser_errors: list[str]
) -> None:
    outsider = next(p for p in DEMO_PARTICIPANTS if p not in live.planted.holders and p != "RS")
    login(live, page, f"{outsider.lower()}.analyst")
    _search(page, live, live.planted.caption)
    results = page.locator(".results")
    expect(results).to_contain_text("No records that you may see")
    assert live.planted.caption not in results.inner_text()
    expect(results.locator("table")).to_have_count(0)
    page.goto(f"{live.url}/records/{live.planted.record_id}")
    page.get_by_label("Purpose").select_option("serious-crime")
    page.get_by_label("Justification").fill(WHY)
    page.get_by_role("button", name="Open the record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    assert live.planted.caption not in page.content()
    assert browser_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    browser_errors.clear()


def _linked_person(live: Live) -> tuple[str, str]:
    """An analyst and a person record of their participant whose identity shows a link
    between two records the analyst may see (links through records withheld from them are
    not shown, so not every identity has one)."""
    desk = IdentityDesk(live.services)
    for participant in DEMO_PARTICIPANTS:
        username = f"{participant.lower()}.analyst"
        user = live.services.accounts.get(username)
        assert user is not None
        query = RecordQuery(schema="Person", participant=participant, limit=5000)
        for person in live.services.gate.read(user, "serious-crime", query, justification="test"):
            try:
                view = desk.identity_of(user, "serious-crime", person.id, "test")
            except NotFound:
                continue
            if any(m.linked_to for m in view.members):
                return username, person.id
    raise AssertionError("no identity with a link that its participant's analyst may see")


def test_an_identity_shows_its_records_their_links_and_a_graph(live: Live, page: Page) -> None:
    analyst, person = _linked_person(live)
    login(live, page, analyst)
    page.goto(f"{live.url}/records/{person}")
    page.get_by_label("Purpose").select_option("serious-crime")
    page.get_by_label("Justification").fill(WHY)
    page.get_by_role("button", name="Open the record").click()
    page.get_by_role("button", name="Show the identity of this person").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Identity ID-")
    expect(page.locator(".message").filter(has_text="Linked to").first).to_contain_text("because:")
    vendor = Path(__file__).parents[2] / "src/accord/web/static/vendor/cytoscape/cytoscape.min.js"
    if vendor.exists():  # scripts/web-assets.sh installed the graph library
        expect(page.locator("#identity-graph canvas").first).to_be_attached()
    shoot(live, page, "13-identity")


def test_send_a_message_in_a_case_and_the_recipient_acknowledges_it(
    live: Live, browser: Browser, page: Page
) -> None:
    login(live, page, "rs.analyst")
    nav(page, "Cases")
    page.get_by_label("Title", exact=True).fill("Cocaine in banana containers, Bar port")
    page.get_by_label("Purpose").select_option("drug-trafficking")
    page.get_by_label("Legal basis (agreement in force)").select_option("AGR-WB-SOC-2025")
    page.get_by_role("checkbox", name="Kosovo Police (XK-KP)").check()
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cocaine in banana containers, Bar port"
    )
    page.get_by_label("Urgency (requests)").select_option("urgent-indirect")
    page.get_by_role("checkbox", name="Kosovo Police (XK-KP)").check()
    page.get_by_label("Subject").fill("Consignee of container MSCU 123456-5")
    page.get_by_label("Message", exact=True).fill("Please check the consignee's company records.")
    page.get_by_role("checkbox", name="H2").check()
    page.get_by_role("button", name="Send").click()
    message = page.locator(".message").filter(has_text="Consignee of container")
    expect(message).to_contain_text("Reply due by")
    expect(message.locator(".badge--h2")).to_be_visible()
    case_url = page.url.split("#")[0]
    shoot(live, page, "06-case")
    nav(page, "Cases")
    shoot(live, page, "07-cases")

    recipient = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    other = recipient.new_page()
    try:
        login(live, other, "xk.officer")
        nav(other, "Inbox")
        row = other.locator("tr").filter(has_text="Consignee of container")
        expect(row).to_contain_text("RS-MUP")
        shoot(live, other, "08-inbox")
        row.get_by_role("button", name="Acknowledge").click()
        expect(other.locator("tr").filter(has_text="Consignee of container")).to_contain_text(
            "Acknowledged"
        )
    finally:
        recipient.close()
    page.goto(case_url)
    expect(page.locator(".message").filter(has_text="Consignee of container")).to_contain_text(
        "acknowledged"
    )


def test_the_dashboard_shows_suppressed_figures_a_chart_and_the_map(live: Live, page: Page) -> None:
    login(live, page, "rs.approver")
    nav(page, "Dashboard")
    page.get_by_label("Period").select_option("year")
    page.get_by_label("Purpose").select_option("border-management")
    page.get_by_label("Justification").fill("Quarterly route report to the ministers")
    page.get_by_role("button", name="Show the figures").click()
    table = page.locator("#segments-table")
    expect(table).to_be_visible()
    for cell in table.locator("td").all_inner_texts():
        assert cell == "<5" or int(cell) >= 5
    expect(page.locator("svg.map")).to_be_visible()
    expect(page.locator("svg.map .seg--counted").first).to_be_attached()
    vendor = Path(__file__).parents[2] / "src/accord/web/static/vendor/uplot/uPlot.iife.min.js"
    if vendor.exists():  # scripts/web-assets.sh installed the chart library
        expect(page.locator("#chart-segments canvas").first).to_be_visible()
    shoot(live, page, "09-dashboard")


def _wanted(live: Live, region: Path) -> dict[str, str]:
    """A planted screening query that must hit a wanted person of Serbia's police."""
    rows = csv.DictReader((region / "truth" / "screening_hits.csv").open(encoding="utf-8"))
    return next(
        r
        for r in rows
        if r["expect_hit"] == "true"
        and r["kind"] == "person"
        and r["participant"] == "RS"
        and r["screening_participant"] in DEMO_PARTICIPANTS
        and r["screening_participant"] != "RS"
    )


def test_a_hit_then_step_two_releases_the_record_to_the_asking_authority(
    live: Live, page: Page, region: Path
) -> None:
    wanted = _wanted(live, region)
    asker = f"{wanted['screening_participant'].lower()}.officer"
    key = live.services.settings.id_key
    rid = record_id(
        key, wanted["participant"], wanted["authority"], wanted["dataset"], wanted["key"]
    )
    login(live, page, asker)
    nav(page, "Screening")
    page.get_by_label("Full name").fill(f"{wanted['first_name']} {wanted['last_name']}")
    page.get_by_label("Date of birth").fill(wanted["birth_date"])
    page.get_by_label("Purpose").select_option("serious-crime")
    page.get_by_label("Justification").fill("Wanted-person check at the border, file 88/2025")
    page.get_by_role("button", name="Check").click()
    answer = page.locator("#answer")
    expect(answer).to_contain_text("1 hit")
    expect(answer).to_contain_text(wanted["authority"])
    with live.services.store.read() as conn:
        caption = live.services.store.get_records(conn, [rid])[rid].caption
    assert caption not in answer.inner_text()
    shoot(live, page, "11-screening")
    answer.get_by_label("Urgency").select_option("urgent-direct")
    answer.get_by_role("button", name="Ask for the details").click()
    expect(page.locator(".message").first).to_contain_text("open")

    login(live, page, "rs.approver")
    nav(page, "Step 2")
    request = page.locator(".message").filter(has_text="file 88/2025")
    expect(request).to_contain_text("name matches")
    shoot(live, page, "12-step2")
    request.get_by_role("button", name="Approve and release").click()
    expect(page.locator(".message").filter(has_text="file 88/2025")).to_contain_text("approved")

    login(live, page, asker)
    nav(page, "Step 2")
    page.get_by_role("link", name="From your authority").click()
    page.get_by_role("link", name="Open the record").first.click()
    page.get_by_label("Purpose").select_option("serious-crime")
    page.get_by_label("Justification").fill("Wanted-person check at the border, file 88/2025")
    page.get_by_role("button", name="Open the record").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(caption)


def test_the_dpo_sees_the_audit_chain_and_who_consulted_a_record(
    live: Live, page: Page, browser_errors: list[str]
) -> None:
    login(live, page, "rs.dpo")
    nav(page, "Audit")
    expect(page.locator("#verify-heading + p")).to_contain_text("The audit chain verifies.")
    page.get_by_label("Record reference (of your participant)").fill(live.planted.record_id)
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.locator("#consulted")).to_contain_text("rs.officer")
    expect(page.locator("#consulted")).to_contain_text(WHY)
    shoot(live, page, "10-audit")
    page.get_by_role("button", name="Log out").click()
    expect(page.locator(".notice")).to_contain_text("You have logged out.")
    page.goto(live.url + "/audit")
    expect(page).to_have_url(f"{live.url}/login?next=/audit")
    login(live, page, "rs.officer")
    page.goto(live.url + "/audit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Not allowed")
    assert browser_errors == [
        "Failed to load resource: the server responded with a status of 403 (Forbidden)"
    ]
    browser_errors.clear()
