"""Every endpoint for every role: allowed answers 2xx, refused answers 403 in the error shape
and is logged. The users are all of one authority (RS-MUP), one per role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.api.conftest import Api, assert_error
from tests.exchange.seed import ROLES

Call = Callable[[Api, str, dict[str, Any]], httpx.Response]


def _fixtures(api: Api) -> dict[str, Any]:
    """A case RS-MUP is party to, with a message it received from Kosovo."""
    case = api.open_case("xk.officer", "RS-MUP")
    received = api.send(case["id"], "xk.officer", kind="information", recipients=["RS-MUP"])
    assert received.status_code == 201, received.text
    return {
        "case": case["id"],
        "message": received.json()["id"],
        "record": api.seeded.records["RS-MUP"][0],
    }


def _message(api: Api, user: str, ids: dict[str, Any]) -> httpx.Response:
    return api.send(ids["case"], user, kind="information", recipients=["XK-KP"])


def _case(api: Api, user: str, ids: dict[str, Any]) -> httpx.Response:
    body = {
        "title": "T",
        "purpose": "serious-crime",
        "legal_basis": "AGR-SOC",
        "authorities": ["XK-KP"],
    }
    return api.post("/cases", user, body)


def _agreement(api: Api, user: str, ids: dict[str, Any]) -> httpx.Response:
    body = {
        "id": f"AGR-{user}",
        "providers": ["RS"],
        "recipients": ["ME"],
        "purposes": ["returns"],
        "handling": ["H0"],
    }
    return api.post("/agreements", user, body)


def _record(api: Api, user: str, ids: dict[str, Any]) -> httpx.Response:
    # data-protection officers read their participant's records for supervision only
    purpose = "supervision" if user.endswith(".dpo") else "serious-crime"
    return api.get(f"/records/{ids['record']}?purpose={purpose}", user)


OPERATIONAL = {"officer", "analyst", "approver"}
READERS = OPERATIONAL | {"dpo"}
EVERYONE = set(ROLES)

#: name -> (call, the roles allowed, the statuses of an allowed call)
ENDPOINTS: dict[str, tuple[Call, set[str], set[int]]] = {
    "me": (lambda a, u, i: a.get("/me", u), EVERYONE, {200}),
    "participants": (lambda a, u, i: a.get("/participants", u), EVERYONE, {200}),
    "authorities": (lambda a, u, i: a.get("/authorities", u), EVERYONE, {200}),
    "agreements": (lambda a, u, i: a.get("/agreements", u), EVERYONE, {200}),
    "agreement": (lambda a, u, i: a.get("/agreements/AGR-SOC", u), EVERYONE, {200}),
    "add agreement": (_agreement, {"admin"}, {201}),
    "audit verify": (lambda a, u, i: a.get("/audit/verify", u), {"dpo"}, {200}),
    "records": (lambda a, u, i: a.get("/records?purpose=serious-crime", u), READERS, {200}),
    "record": (_record, READERS, {200}),
    "open case": (_case, OPERATIONAL, {201}),
    "cases": (lambda a, u, i: a.get("/cases", u), READERS, {200}),
    "case": (lambda a, u, i: a.get(f"/cases/{i['case']}", u), READERS, {200}),
    "send": (_message, OPERATIONAL, {201}),
    "messages": (lambda a, u, i: a.get(f"/cases/{i['case']}/messages", u), READERS, {200}),
    "message": (lambda a, u, i: a.get(f"/messages/{i['message']}", u), READERS, {200}),
    "acknowledge": (
        lambda a, u, i: a.post(f"/messages/{i['message']}/acknowledge", u),
        OPERATIONAL,
        {200, 201},
    ),
    "inbox": (lambda a, u, i: a.get("/inbox", u), READERS, {200}),
}


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_each_role_is_allowed_or_refused(api: Api, name: str) -> None:
    call, allowed, ok = ENDPOINTS[name]
    ids = _fixtures(api)
    for role in ROLES:
        user = f"rs.{role}"
        before = len(api.refusals())
        response = call(api, user, ids)
        if role in allowed:
            assert response.status_code in ok, (role, response.text)
        else:
            assert_error(response, 403, "forbidden")
            refusals = api.refusals()
            assert len(refusals) == before + 1, role
            assert refusals[-1]["actor"] == user
