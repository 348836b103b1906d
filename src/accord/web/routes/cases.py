"""Cases between authorities and their messages: the list, a case with its messages and the
form to send one, the inbox with deadlines and overdue flags, acknowledgements. The exchange
desk decides who sees and sends what, and writes every step to the audit log."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse, Response

from accord.errors import AccordError, InputError
from accord.exchange import CaseView, InboxStatus, MessageDraft, MessageKind, Urgency
from accord.exchange.kinds import READ_ROLES, SEND_ROLES
from accord.model.codes import HandlingCode, InformationAccuracy, Purpose, SourceReliability
from accord.model.reference import authorities, participants
from accord.web.guard import Viewer, ViewerDep, checked_form, require_roles, text, texts
from accord.web.i18n import N_, catalogue
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["router"]

router = APIRouter()

PAGE = 50
MESSAGES = 200
CaseId = Annotated[str, PathParam(max_length=64)]
_NOT_READER = N_("Your roles do not allow you to read cases.")
_NOT_SENDER = N_("Your roles do not allow you to open cases or send messages.")
#: The kinds a person writes; acknowledgements have their own button.
_WRITTEN_KINDS = [k.value for k in MessageKind if k is not MessageKind.ACKNOWLEDGEMENT]


def _message_text(exc: AccordError) -> str:
    words = catalogue()
    hint = f" {words.gettext(exc.hint)}" if exc.hint else ""
    return words.gettext(exc.message) + hint


def _agreements_for(request: Request, who: Viewer) -> list[Any]:
    today = web_state(request).now().date()
    return [
        a
        for a in web_state(request).services.agreements.all()
        if a.active(today) and who.user.participant in a.providers | a.recipients
    ]


def _authority_groups(who: Viewer) -> list[tuple[str, list[Any]]]:
    """Other authorities by participant: the user's own first, then the region (the UK and
    the Western Balkans Six), then the others."""
    groups: dict[str, list[Any]] = {}
    for authority in authorities().values():
        if authority.id != who.user.authority:
            groups.setdefault(authority.participant, []).append(authority)
    known = participants()

    def order(code: str) -> tuple[int, str]:
        found = known.get(code)
        region = code == "GB" or (found is not None and found.region == "WB6")
        return (0 if code == who.user.participant else 1 if region else 2, code)

    return sorted(groups.items(), key=lambda item: order(item[0]))


def _cases_page(
    request: Request,
    who: Viewer,
    offset: int,
    form: dict[str, Any] | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    desk = web_state(request).desk
    found = desk.list_cases(who.user, PAGE, offset)
    return page(
        request,
        "cases.html",
        who,
        status=status,
        cases=found,
        offset=offset,
        page_size=PAGE,
        can_send=who.has(*SEND_ROLES),
        agreements=_agreements_for(request, who),
        groups=_authority_groups(who),
        purposes=[p.value for p in Purpose if p is not Purpose.SUPERVISION],
        form=form or {"title": "", "purpose": "", "legal_basis": "", "authorities": []},
        error=error,
    )


@router.get("/cases", include_in_schema=False)
def case_list(
    request: Request, who: ViewerDep, offset: Annotated[int, Query(ge=0, le=100_000)] = 0
) -> Response:
    require_roles(request, who, READ_ROLES, _NOT_READER)
    return _cases_page(request, who, offset)


@router.post("/cases", include_in_schema=False)
async def open_case(request: Request, who: ViewerDep) -> Response:
    require_roles(request, who, SEND_ROLES, _NOT_SENDER)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    values: dict[str, Any] = {
        "title": text(form, "title", 300),
        "purpose": text(form, "purpose", 64),
        "legal_basis": text(form, "legal_basis", 64),
        "authorities": texts(form, "authorities", 32)[:40],
    }
    try:
        if not values["authorities"]:
            raise InputError(N_("Choose at least one other authority for the case."))
        case = web_state(request).desk.open_case(who.user, **values)
    except AccordError as exc:
        status = exc.status if 400 <= exc.status < 500 else 400
        return _cases_page(request, who, 0, values, _message_text(exc), status)
    return RedirectResponse(f"/cases/{case.id}", status_code=303)


def _case_page(
    request: Request,
    who: Viewer,
    case: CaseView,
    draft: dict[str, Any] | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    desk = web_state(request).desk
    messages = desk.list_messages(who.user, case.id, MESSAGES, 0)
    others = [p for p in case.parties if p.authority != who.user.authority]
    empty = {
        "kind": "request",
        "subject": "",
        "body": "",
        "recipients": [],
        "handling": ["H0"],
        "handling_note": "",
        "source_reliability": "B",
        "information_accuracy": "2",
        "urgency": "other",
        "refers_to": "",
        "reason": "",
        "records": "",
    }
    return page(
        request,
        "case.html",
        who,
        status=status,
        case=case,
        messages=messages,
        others=others,
        can_send=who.has(*SEND_ROLES),
        kinds=_WRITTEN_KINDS,
        handling_codes=[h.value for h in HandlingCode],
        reliabilities=[r.value for r in SourceReliability],
        accuracies=[a.value for a in InformationAccuracy],
        urgencies=[u.value for u in Urgency],
        draft=draft or empty,
        idempotency_key=secrets.token_hex(16),
        error=error,
    )


@router.get("/cases/{case_id}", include_in_schema=False)
def case_page(request: Request, who: ViewerDep, case_id: CaseId) -> Response:
    require_roles(request, who, READ_ROLES, _NOT_READER)
    case = web_state(request).desk.get_case(who.user, case_id)
    return _case_page(request, who, case)


@router.post("/cases/{case_id}/messages", include_in_schema=False)
async def send_message(request: Request, who: ViewerDep, case_id: CaseId) -> Response:
    require_roles(request, who, SEND_ROLES, _NOT_SENDER)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    desk = web_state(request).desk
    case = desk.get_case(who.user, case_id)
    values: dict[str, Any] = {
        "kind": text(form, "kind", 32),
        "subject": text(form, "subject", 300),
        "body": text(form, "body", 100_000),
        "recipients": texts(form, "recipients", 32)[:40],
        "handling": texts(form, "handling", 4)[:4],
        "handling_note": text(form, "handling_note", 1200),
        "source_reliability": text(form, "source_reliability", 2),
        "information_accuracy": text(form, "information_accuracy", 2),
        "urgency": text(form, "urgency", 32),
        "refers_to": text(form, "refers_to", 64),
        "reason": text(form, "reason", 1200),
        "records": text(form, "records", 7000),
    }
    records = tuple(r for r in values["records"].replace(",", " ").split() if r)
    draft = MessageDraft(
        kind=values["kind"],
        subject=values["subject"],
        body=values["body"],
        handling=tuple(values["handling"]),
        handling_note=values["handling_note"] or None,
        source_reliability=values["source_reliability"],
        information_accuracy=values["information_accuracy"],
        recipients=tuple(values["recipients"]),
        refers_to=values["refers_to"] or None,
        urgency=values["urgency"] if values["kind"] == MessageKind.REQUEST else None,
        reason=values["reason"] or None,
        records=records,
        idempotency_key=text(form, "idempotency_key", 128) or None,
    )
    try:
        sent, _new = desk.send_message(who.user, case.id, draft)
    except AccordError as exc:
        status = exc.status if 400 <= exc.status < 500 else 400
        return _case_page(request, who, case, values, _message_text(exc), status)
    return RedirectResponse(f"/cases/{case.id}#msg-{sent.id}", status_code=303)


@router.post("/messages/{message_id}/acknowledge", include_in_schema=False)
async def acknowledge(request: Request, who: ViewerDep, message_id: CaseId) -> Response:
    require_roles(request, who, SEND_ROLES, _NOT_SENDER)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    message, _new = web_state(request).desk.acknowledge(who.user, message_id)
    if text(form, "back", 16) == "inbox":
        status = text(form, "status", 32)
        wanted = status if status in {s.value for s in InboxStatus} else "all"
        return RedirectResponse(f"/inbox?status={wanted}", status_code=303)
    return RedirectResponse(f"/cases/{message.case_id}#msg-{message.refers_to}", status_code=303)


@router.get("/inbox", include_in_schema=False)
def inbox(
    request: Request,
    who: ViewerDep,
    status: Annotated[str, Query(max_length=32)] = "all",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    require_roles(request, who, READ_ROLES, _NOT_READER)
    wanted = status if status in {s.value for s in InboxStatus} else "all"
    found = web_state(request).desk.inbox(who.user, wanted, PAGE, offset)
    return page(
        request,
        "inbox.html",
        who,
        messages=found,
        inbox_status=wanted,
        statuses=[s.value for s in InboxStatus],
        offset=offset,
        page_size=PAGE,
        can_send=who.has(*SEND_ROLES),
    )
