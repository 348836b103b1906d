"""The network view in a real browser (Chromium through Playwright) at 1366x768, on the small
generated region the other browser tests serve: the navigation leads to it, the graph is drawn,
the tables hold the same nodes, and the keyboard moves from node to node."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.web import test_browser as _browser
from tests.web.test_browser import WHY, Live, login, nav, shoot

pytestmark = pytest.mark.browser

# the live server, Chromium and its page, as the other browser tests have them
live = _browser.live
browser = _browser.browser
browser_errors = _browser.browser_errors
page = _browser.page


def test_the_network_view_draws_a_node_and_lists_it_for_the_keyboard(
    live: Live, page: Page
) -> None:
    login(live, page, "rs.analyst")
    nav(page, "Network")
    page.get_by_label("Purpose").select_option("migrant-smuggling")
    page.get_by_label("Justification").fill(WHY)
    page.get_by_role("button", name="Show the network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your network")
    targets = page.locator("#targets-heading + .table-scroll tbody tr")
    expect(targets.first).to_be_visible()
    shoot(live, page, "14-network")
    first = targets.first.get_by_role("button")
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    # the graph library drew into its container (canvas layers), beside the tables
    expect(page.locator("#network-graph canvas").first).to_be_attached()
    nodes = page.locator("#nodes-heading + .table-scroll tbody tr")
    expect(nodes.first).to_be_visible()
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, "the page scrolls sideways at 1366x768"
    shoot(live, page, "15-network-node")
    # keyboard only: focus the first other node's name in the table and press Enter
    # (a ranked target has relations, so its table lists other nodes)
    others = page.locator("#nodes-heading + .table-scroll tbody th button")
    assert others.count() > 0
    other = others.first.inner_text()
    others.first.focus()
    expect(others.first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(other)
    page.get_by_role("button", name="Show: Its community").click()
    expect(page.get_by_role("heading", level=2, name="Its community")).to_be_visible()
