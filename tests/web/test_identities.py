"""Identities in the pages: members cut to what the user may see, evidence of each link,
confirm and split by analysts."""

from __future__ import annotations

import re
from pathlib import Path

from accord.services.identities import IdentityDesk
from accord.store.gate import RecordQuery
from tests.exchange.seed import audit_actions
from tests.web.conftest import load_datasets
from tests.web.helpers import Web

WHY = {"purpose": "border-management", "justification": "Irregular route, file 31/2025"}


def _linked(web: Web, region: Path) -> tuple[str, str]:
    """A record of Serbia's border police in an identity with another record it may see."""
    load_datasets(
        web.services, region, "RS", {"border_persons", "police_persons", "missing_persons"}
    )
    desk = IdentityDesk(web.services)
    desk.run_linkage(purpose="border-management")
    user = web.services.accounts.get("rs.analyst")
    assert user is not None
    people = web.services.gate.read(
        user, "border-management", RecordQuery(schema="Person", participant="RS", limit=500)
    )
    for person in people:
        view = desk.identity_of(user, "border-management", person.id, "test")
        if len(view.members) >= 2 and any(m.linked_to for m in view.members):
            return person.id, view.id
    raise AssertionError("the region has no identity of two linked Serbian records")


def test_an_identity_shows_the_members_the_user_may_see_with_their_evidence(
    web: Web, region: Path
) -> None:
    record, identity = _linked(web, region)
    web.login("rs.analyst")
    page = web.post(f"/identities/of/{record}", WHY)
    assert page.status_code == 200
    assert f"Identity {identity}" in page.text
    assert "Linked to" in page.text and "because:" in page.text
    assert '<script type="application/json" id="graph-data">' in page.text
    web.login("mk.analyst")
    hidden = web.post(f"/identities/{identity}", WHY)
    missing = web.post("/identities/ID-00000000000000000000", WHY)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.text.replace(identity, "").count("RS-GP") == 0


def test_analysts_confirm_and_split_identities_others_may_not(web: Web, region: Path) -> None:
    _record, identity = _linked(web, region)
    web.login("rs.officer")
    page = web.post(f"/identities/{identity}", WHY)
    assert page.status_code == 200 and "Confirm this identity" not in page.text
    assert web.post(f"/identities/{identity}/judge", WHY).status_code == 403
    web.login("rs.analyst")
    confirmed = web.post(f"/identities/{identity}/judge", WHY)
    assert confirmed.status_code == 200
    assert "The identity is confirmed" in confirmed.text
    member = re.findall(r'name="record_id" value="([^"]+)"', confirmed.text)[0]
    split = web.post(f"/identities/{identity}/judge", {**WHY, "record_id": member})
    assert split.status_code == 200
    assert "The record now forms identity ID-" in split.text
    assert f'id="member-{member}"' not in split.text
    judgements = audit_actions(web.services.store, "judgement")
    assert [j["detail"]["judgement"] for j in judgements] == ["confirm", "split"]  # type: ignore[index]
