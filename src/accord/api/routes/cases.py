"""Cases between authorities and the messages in them; the inbox."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from accord.api.case_models import CaseIn, CaseOut, MessageIn, MessageOut
from accord.api.errors import error_responses
from accord.api.pagination import Page, Paging, page_of
from accord.api.security import CurrentUser
from accord.api.state import api_state
from accord.errors import InputError
from accord.exchange import InboxStatus, MessageView

__all__ = ["router"]

router = APIRouter(tags=["cases"])

CaseId = Annotated[str, Path(max_length=64)]
MessageId = Annotated[str, Path(max_length=64)]


def _message(view: MessageView) -> MessageOut:
    return MessageOut.model_validate(view.to_dict())


@router.post(
    "/cases",
    response_model=CaseOut,
    status_code=status.HTTP_201_CREATED,
    summary="Open a case with other authorities",
    responses=error_responses(401, 403, 413),
)
def open_case(request: Request, user: CurrentUser, body: CaseIn) -> CaseOut:
    """The legal basis must be an agreement in force that covers the purpose and exchanges
    between your participant and each party's."""
    view = api_state(request).desk.open_case(
        user,
        title=body.title,
        purpose=body.purpose.value,
        legal_basis=body.legal_basis,
        authorities=body.authorities,
    )
    return CaseOut.model_validate(view.to_dict())


@router.get(
    "/cases",
    response_model=Page[CaseOut],
    summary="The cases your authority is party to",
    responses=error_responses(401, 403),
)
def list_cases(request: Request, user: CurrentUser, page: Paging) -> Page[CaseOut]:
    found = api_state(request).desk.list_cases(user, page.limit, page.offset)
    return page_of([CaseOut.model_validate(c.to_dict()) for c in found], page)


@router.get(
    "/cases/{case_id}",
    response_model=CaseOut,
    summary="One case (404 unless your authority is party to it)",
    responses=error_responses(401, 403, 404),
)
def get_case(request: Request, user: CurrentUser, case_id: CaseId) -> CaseOut:
    view = api_state(request).desk.get_case(user, case_id)
    return CaseOut.model_validate(view.to_dict())


@router.post(
    "/cases/{case_id}/messages",
    response_model=MessageOut,
    status_code=status.HTTP_201_CREATED,
    summary="Send a message in a case",
    responses={
        200: {"model": MessageOut, "description": "A repeat of a message sent before"},
        **error_responses(401, 403, 404, 409, 413),
    },
)
def send_message(
    request: Request,
    response: Response,
    user: CurrentUser,
    case_id: CaseId,
    body: MessageIn,
    idempotency_key: Annotated[
        str | None,
        Header(
            max_length=128,
            description="Sending again with the same key and content stores nothing new.",
        ),
    ] = None,
) -> MessageOut:
    """Each recipient must be party to the case, and an agreement in force must let the
    message flow to its participant for the case's purpose with every handling code it
    carries. Records attached are released to the recipients."""
    if idempotency_key and body.idempotency_key and idempotency_key != body.idempotency_key:
        raise InputError(
            "The Idempotency-Key header and the body's idempotency_key differ.",
            hint="Give the key once.",
        )
    key = idempotency_key or body.idempotency_key
    view, created = api_state(request).desk.send_message(user, case_id, body.draft(key))
    if not created:
        response.status_code = status.HTTP_200_OK
    return _message(view)


@router.get(
    "/cases/{case_id}/messages",
    response_model=Page[MessageOut],
    summary="The messages of a case that your authority sent or received",
    responses=error_responses(401, 403, 404),
)
def list_messages(
    request: Request, user: CurrentUser, case_id: CaseId, page: Paging
) -> Page[MessageOut]:
    found = api_state(request).desk.list_messages(user, case_id, page.limit, page.offset)
    return page_of([_message(m) for m in found], page)


@router.get(
    "/messages/{message_id}",
    response_model=MessageOut,
    summary="One message your authority sent or received",
    responses=error_responses(401, 403, 404),
)
def get_message(request: Request, user: CurrentUser, message_id: MessageId) -> MessageOut:
    return _message(api_state(request).desk.get_message(user, message_id))


@router.post(
    "/messages/{message_id}/acknowledge",
    response_model=MessageOut,
    status_code=status.HTTP_201_CREATED,
    summary="Acknowledge receipt of a message your authority received",
    responses={
        200: {"model": MessageOut, "description": "The message was acknowledged before"},
        **error_responses(401, 403, 404),
    },
)
def acknowledge(
    request: Request, response: Response, user: CurrentUser, message_id: MessageId
) -> MessageOut:
    """Records the receipt and sends an acknowledgement to the sender; returns it."""
    view, created = api_state(request).desk.acknowledge(user, message_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    return _message(view)


@router.get(
    "/inbox",
    response_model=Page[MessageOut],
    summary="Messages delivered to your authority, with deadlines and overdue flags",
    responses=error_responses(401, 403),
)
def inbox(
    request: Request,
    user: CurrentUser,
    page: Paging,
    status_filter: Annotated[
        InboxStatus,
        Query(
            alias="status",
            description="all; unacknowledged; open (requests not answered); overdue.",
        ),
    ] = InboxStatus.ALL,
) -> Page[MessageOut]:
    found = api_state(request).desk.inbox(user, status_filter.value, page.limit, page.offset)
    return page_of([_message(m) for m in found], page)
