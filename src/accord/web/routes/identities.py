"""Identities: the records the linkage judged to be one person, as far as the user may see
them (members withheld from the user are neither shown nor counted), with the evidence of
each link; an analyst confirms the identity or splits a member out. Every read goes through
the gate with the purpose and justification the user gives."""

from __future__ import annotations

import contextlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from accord.errors import AccordError, NotFound
from accord.model.schemata import get_schema
from accord.policy import ACTION_ROLES, Action, Role
from accord.services.identities import IdentityDesk, IdentityView
from accord.web.guard import Viewer, ViewerDep, checked_form, remember, require_roles, text
from accord.web.i18n import N_, catalogue
from accord.web.reasons import Reason, reason_from, reason_page
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["router"]

router = APIRouter()

_READERS = ACTION_ROLES[Action.READ] | {Role.DPO}
_NOT_READER = N_("Your roles do not allow you to read records.")
_NOT_FOUND = N_("There is no identity with this reference that you may see.")
#: The properties shown beside each member, that a person compares at a glance.
_FACTS = ("birthDate", "nationality", "gender", "passportNumber", "idNumber", "fatherName")
IdentityId = Annotated[str, PathParam(max_length=64)]


def _desk(request: Request) -> IdentityDesk:
    return IdentityDesk(web_state(request).services)


def _graph(view: IdentityView) -> str:
    """Nodes and edges for the graph script; the table on the page holds the same."""
    data = {
        "nodes": [
            {"id": m.record_id, "label": m.caption or m.record_id, "participant": m.participant}
            for m in view.members
        ],
        "edges": [
            {"source": m.record_id, "target": m.linked_to, "p": m.match_probability}
            for m in view.members
            if m.linked_to
        ],
    }
    return json.dumps(data, ensure_ascii=True).replace("</", "<\\/")


def _identity_page(
    request: Request,
    who: Viewer,
    view: IdentityView,
    reason: Reason,
    error: str | None = None,
    status: int = 200,
    notice: str | None = None,
) -> Response:
    captions = {m.record_id: m.caption for m in view.members}
    schema = get_schema("Person")
    facts = {
        m.record_id: [
            (prop.label, ", ".join(prop.type.caption(v) or v for v in m.properties[name] if v))
            for name in _FACTS
            if (prop := schema.get(name)) is not None and any(m.properties.get(name, []))
        ]
        for m in view.members
    }
    return page(
        request,
        "identity.html",
        who,
        status=status,
        identity=view,
        captions=captions,
        facts=facts,
        purpose=reason.purpose,
        justification=reason.justification,
        graph=_graph(view),
        can_judge=who.has(Role.ANALYST),
        error=error,
        notice=notice,
    )


def _ask_page(
    request: Request, who: Viewer, action: str, reason: Reason | None, status: int = 200
) -> Response:
    return reason_page(request, "identity_reason.html", who, action, reason, status)


async def _reason(request: Request, who: Viewer) -> tuple[Reason, Any]:
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    return reason_from(form), form


@router.post("/identities/of/{record_id}", include_in_schema=False)
async def identity_of(request: Request, who: ViewerDep, record_id: IdentityId) -> Response:
    """The identity of a record the user may see."""
    require_roles(request, who, _READERS, _NOT_READER)
    reason, _form = await _reason(request, who)
    if not reason.ok:
        return _ask_page(request, who, f"/identities/of/{record_id}", reason, status=400)
    try:
        view = _desk(request).identity_of(who.user, reason.purpose, record_id, reason.justification)
    except NotFound:
        raise NotFound(_NOT_FOUND) from None
    remember(request, reason.purpose, reason.justification)
    return _identity_page(request, who, view, reason)


@router.get("/identities/{identity_id}", include_in_schema=False)
def identity_form(request: Request, who: ViewerDep, identity_id: IdentityId) -> Response:
    require_roles(request, who, _READERS, _NOT_READER)
    return _ask_page(request, who, f"/identities/{identity_id}", None)


@router.post("/identities/{identity_id}", include_in_schema=False)
async def identity(request: Request, who: ViewerDep, identity_id: IdentityId) -> Response:
    require_roles(request, who, _READERS, _NOT_READER)
    reason, _form = await _reason(request, who)
    if not reason.ok:
        return _ask_page(request, who, f"/identities/{identity_id}", reason, status=400)
    try:
        view = _desk(request).show(who.user, reason.purpose, identity_id, reason.justification)
    except NotFound:
        raise NotFound(_NOT_FOUND) from None
    remember(request, reason.purpose, reason.justification)
    return _identity_page(request, who, view, reason)


@router.post("/identities/{identity_id}/judge", include_in_schema=False)
async def judge(request: Request, who: ViewerDep, identity_id: IdentityId) -> Response:
    """An analyst confirms the identity, or splits one member out of it."""
    require_roles(request, who, {Role.ANALYST}, N_("Only analysts confirm or split identities."))
    reason, form = await _reason(request, who)
    if not reason.ok:
        return _ask_page(request, who, f"/identities/{identity_id}", reason, status=400)
    desk = _desk(request)
    member = text(form, "record_id", 64)
    words = catalogue()
    try:
        if member:
            new_id, view = desk.split(
                who.user, reason.purpose, identity_id, member, reason.justification
            )
            notice = words(N_("The record now forms identity %(id)s."), id=new_id)
            # back to the identity the record left, while the user may still see any of it
            with contextlib.suppress(NotFound):
                view = desk.show(who.user, reason.purpose, identity_id, reason.justification)
        else:
            view = desk.confirm(who.user, reason.purpose, identity_id, reason.justification)
            notice = words.gettext(N_("The identity is confirmed: its records stay together."))
    except NotFound:
        raise NotFound(_NOT_FOUND) from None
    except AccordError as exc:
        view = desk.show(who.user, reason.purpose, identity_id, reason.justification)
        return _identity_page(request, who, view, reason, words.gettext(exc.message), exc.status)
    return _identity_page(request, who, view, reason, notice=notice)
