"""Hit/no-hit screening and step 2. A screening answer gives references only (originator,
kind, band and the reasons in words), never personal data; the details come when the
originating authority approves a step-2 request, and the record then opens through the gate.
A hit is not a finding: it goes to the person who asked, with its reasons."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from accord.errors import AccordError
from accord.exchange import Urgency
from accord.policy import ACTION_ROLES, Action, Role
from accord.screening import ScreenQuery
from accord.services.screening import screening_desk
from accord.services.step2 import Step2Desk
from accord.web.guard import Viewer, ViewerDep, checked_form, remember, require_roles, text
from accord.web.i18n import N_, catalogue
from accord.web.reasons import Reason, default_purpose, reason_from
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["FIELDS", "router"]

router = APIRouter()

#: The fields of a screening query the form offers, with their labels.
FIELDS = (
    ("name", N_("Full name")),
    ("birth_date", N_("Date of birth")),
    ("nationality", N_("Nationality")),
    ("document", N_("Travel or identity document number")),
    ("vehicle", N_("Vehicle plate or VIN")),
    ("firearm", N_("Firearm serial number")),
    ("phone", N_("Phone number")),
)
_SCREENERS = ACTION_ROLES[Action.SCREEN]
_STEP2_READERS = frozenset({Role.OFFICER, Role.ANALYST, Role.APPROVER})
_BOXES = ("inbox", "outbox")
_STATUSES = ("open", "overdue", "approved", "refused")
RequestId = Annotated[str, PathParam(max_length=64)]


def _error_text(exc: AccordError) -> str:
    words = catalogue()
    return words.gettext(exc.message) + (f" {words.gettext(exc.hint)}" if exc.hint else "")


def _screen_page(
    request: Request,
    who: Viewer,
    values: dict[str, str],
    reason: Reason | None,
    answer: dict[str, Any] | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    return page(
        request,
        "screen.html",
        who,
        status=status,
        fields=FIELDS,
        values=values,
        purpose=reason.purpose if reason else default_purpose(who),
        justification=reason.justification if reason else who.session.justification,
        errors=reason.errors if reason else {},
        answer=answer,
        error=error,
        urgencies=[u.value for u in Urgency],
        can_request=who.has(Role.OFFICER, Role.ANALYST),
    )


@router.get("/screen", include_in_schema=False)
def screen_form(request: Request, who: ViewerDep) -> Response:
    require_roles(request, who, _SCREENERS, N_("Your roles do not allow screening."))
    return _screen_page(request, who, {name: "" for name, _ in FIELDS}, None)


def _values(form: FormData) -> dict[str, str]:
    return {name: text(form, name, 200) for name, _ in FIELDS}


@router.post("/screen", include_in_schema=False)
async def screen(request: Request, who: ViewerDep) -> Response:
    require_roles(request, who, _SCREENERS, N_("Your roles do not allow screening."))
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    values = _values(form)
    reason = reason_from(form)
    if not reason.ok:
        return _screen_page(request, who, values, reason, status=400)
    desk = screening_desk(web_state(request).services)
    try:
        answer = desk.screen_one(
            who.user, reason.purpose, ScreenQuery(**values), reason.justification
        )
    except AccordError as exc:
        status = exc.status if 400 <= exc.status < 500 else 400
        return _screen_page(request, who, values, reason, None, _error_text(exc), status)
    remember(request, reason.purpose, reason.justification)
    return _screen_page(request, who, values, reason, answer)


def _step2(request: Request) -> Step2Desk:
    state = web_state(request)
    return Step2Desk(state.services, state.clock)


def _step2_page(
    request: Request,
    who: Viewer,
    box: str,
    status: str,
    error: str | None = None,
    http_status: int = 200,
) -> Response:
    wanted_box = box if box in _BOXES else "inbox"
    wanted_status = status if status in _STATUSES else ""
    found = _step2(request).list(who.user, wanted_box, wanted_status or None, 100, 0)
    return page(
        request,
        "step2.html",
        who,
        status=http_status,
        requests=found,
        box=wanted_box,
        boxes=_BOXES,
        filter_status=wanted_status,
        statuses=_STATUSES,
        can_decide=who.has(Role.APPROVER),
        error=error,
    )


@router.get("/step2", include_in_schema=False)
def step2_list(
    request: Request,
    who: ViewerDep,
    box: Annotated[str, Query(max_length=16)] = "inbox",
    status: Annotated[str, Query(max_length=16)] = "",
) -> Response:
    require_roles(
        request, who, _STEP2_READERS, N_("Your roles do not allow you to read step-2 requests.")
    )
    return _step2_page(request, who, box, status)


@router.post("/step2", include_in_schema=False)
async def step2_request(request: Request, who: ViewerDep) -> Response:
    """Ask the originator of a hit for the record's details."""
    require_roles(
        request,
        who,
        {Role.OFFICER, Role.ANALYST},
        N_("Your roles do not allow you to request step-2 releases."),
    )
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    reason = reason_from(form)
    if not reason.ok:
        return _screen_page(request, who, _values(form), reason, status=400)
    try:
        _step2(request).request(
            who.user,
            text(form, "hit", 64),
            reason.purpose,
            reason.justification,
            text(form, "urgency", 32) or "other",
        )
    except AccordError as exc:
        status = exc.status if 400 <= exc.status < 500 else 400
        return _screen_page(request, who, _values(form), reason, None, _error_text(exc), status)
    return RedirectResponse("/step2?box=outbox", status_code=303)


@router.post("/step2/{request_id}/decide", include_in_schema=False)
async def step2_decide(request: Request, who: ViewerDep, request_id: RequestId) -> Response:
    """Approve (release the record to the requesting authority) or refuse, with a reason."""
    require_roles(request, who, {Role.APPROVER}, N_("Only an approver decides step-2 requests."))
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    desk = _step2(request)
    try:
        if text(form, "decision", 16) == "approve":
            desk.approve(who.user, request_id, text(form, "note", 2000))
        else:
            desk.refuse(who.user, request_id, text(form, "note", 2000))
    except AccordError as exc:
        status = exc.status if 400 <= exc.status < 500 else 400
        return _step2_page(request, who, "inbox", "", _error_text(exc), status)
    return RedirectResponse("/step2?box=inbox", status_code=303)
