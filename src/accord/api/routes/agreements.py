"""Agreements: who may receive which data, for what, under which restrictions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, status

from accord.api.errors import error_responses
from accord.api.models import AgreementIn, AgreementOut
from accord.api.pagination import Page, Paging, page_of
from accord.api.security import CurrentUser, require
from accord.api.state import api_state
from accord.errors import InputError, NotFound
from accord.exchange import Conflict
from accord.policy import Agreement, Principal, Role

__all__ = ["router"]

router = APIRouter(tags=["agreements"])

Admin = Annotated[Principal, Depends(require(Role.ADMIN))]


def _out(agreement: Agreement) -> AgreementOut:
    today = datetime.now(UTC).date()
    return AgreementOut.model_validate(agreement.to_dict() | {"in_force": agreement.active(today)})


@router.get(
    "/agreements",
    response_model=Page[AgreementOut],
    summary="The agreements, in force or not",
    responses=error_responses(401),
)
def list_agreements(request: Request, user: CurrentUser, page: Paging) -> Page[AgreementOut]:
    found = api_state(request).services.agreements.all()
    return page_of([_out(a) for a in page.slice(found)], page)


@router.get(
    "/agreements/{agreement_id}",
    response_model=AgreementOut,
    summary="One agreement",
    responses=error_responses(401, 404),
)
def get_agreement(
    request: Request,
    user: CurrentUser,
    agreement_id: Annotated[str, Path(max_length=64)],
) -> AgreementOut:
    for agreement in api_state(request).services.agreements.all():
        if agreement.id == agreement_id:
            return _out(agreement)
    raise NotFound(f"No agreement {agreement_id!r}.", hint="GET /api/v1/agreements lists them.")


@router.post(
    "/agreements",
    response_model=AgreementOut,
    status_code=status.HTTP_201_CREATED,
    summary="Add an agreement (administrators)",
    responses=error_responses(401, 403, 409, 413),
)
def add_agreement(request: Request, user: Admin, body: AgreementIn) -> AgreementOut:
    """Checked in full before it is stored; adding the same agreement again changes nothing.
    An agreement with the same id and other terms is a conflict: end it and add a new one."""
    book = api_state(request).services.agreements
    existed = any(a.id == body.id for a in book.all())
    try:
        agreement = book.add(body.model_dump(mode="json", exclude_none=True), actor=user.username)
    except InputError as exc:
        if existed:
            raise Conflict(exc.message, hint=exc.hint) from None
        raise
    return _out(agreement)
