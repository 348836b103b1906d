"""The migration dashboard: counts through the gate, never one below the threshold."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from accord.store.gate import RecordQuery
from accord.web.figures import migration_figures
from tests.web.conftest import load_datasets
from tests.web.helpers import Web

WHY = {"purpose": "border-management", "justification": "Monthly route analysis"}
_ROW = re.compile(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', re.S)
_CELL = re.compile(r"<td>(.*?)</td>", re.S)


def _table(html: str, table_id: str) -> dict[str, list[str]]:
    start = html.index(f'id="{table_id}"')
    body = html[start : html.index("</table>", start)]
    return {
        label: [re.sub(r"<[^>]+>", "", cell).replace("&lt;", "<") for cell in _CELL.findall(cells)]
        for label, cells in _ROW.findall(body)
    }


def _expected(web: Web, username: str) -> Counter[tuple[str, str]]:
    user = web.services.accounts.get(username)
    assert user is not None
    found = web.services.gate.read(
        user, "border-management", RecordQuery(schema="BorderCrossing", limit=10_000)
    )
    return Counter(
        (r.properties["borderSection"][0].upper(), r.properties["date"][0][:4])
        for r in found
        if r.properties.get("direction") == ["detection"] and r.properties.get("borderSection")
    )


def test_route_segments_show_exact_counts_at_or_above_the_threshold_only(
    web: Web, region: Path
) -> None:
    load_datasets(web.services, region, "RS", {"border_persons", "border_crossings"})
    threshold = web.services.settings.suppression_threshold
    web.login("rs.analyst")
    response = web.post("/dashboard", {"granularity": "year", **WHY})
    assert response.status_code == 200
    expected = _expected(web, "rs.analyst")
    assert max(expected.values()) >= threshold, "the region must give something to show"
    shown = _table(response.text, "segments-table")
    table = response.text.split('id="segments-table"')[1].split("</table>")[0]
    periods = re.findall(r'<th scope="col">(\d{4})</th>', table)
    for segment in {s for s, _ in expected}:
        counts = [expected[(segment, p)] for p in periods]
        if max(counts) < threshold:
            assert segment not in shown, f"{segment} has no count to show and must be left out"
            continue
        want = [str(c) if c >= threshold else f"<{threshold}" for c in counts]
        assert shown[segment] == want, segment
    for cells in _table(response.text, "nationalities-table").values():
        for cell in cells:
            assert cell == f"<{threshold}" or int(cell) >= threshold
    assert '<svg class="map"' in response.text and "MK-RS" in response.text
    assert '<script type="application/json" id="chart-data">' in response.text


def test_figures_never_hold_a_count_below_the_threshold(web: Web, region: Path) -> None:
    load_datasets(web.services, region, "RS", {"border_persons", "border_crossings"})
    user = web.services.accounts.get("rs.officer")
    assert user is not None
    for granularity in ("year", "quarter", "month"):
        figures = migration_figures(
            web.services, user, "border-management", "test", granularity, {}
        )
        values = [v for s in figures.segments + figures.nationalities for v in s.values]
        values += [p["count"] for p in figures.points] + [line["count"] for line in figures.lines]
        assert all(v is None or (isinstance(v, int) and v >= 5) for v in values), granularity


def test_another_participant_sees_no_figures_of_records_withheld_from_it(
    web: Web, region: Path
) -> None:
    load_datasets(web.services, region, "RS", {"border_persons", "border_crossings"})
    web.login("me.analyst")
    response = web.post("/dashboard", {"granularity": "year", **WHY})
    assert response.status_code == 200
    assert "No route segment or nationality reaches" in response.text
    assert 'id="segments-table"' not in response.text
    drawn = response.text.split('<svg class="map"')[1].split("</svg>")[0]
    assert "pt--counted" not in drawn and "seg--counted" not in drawn
