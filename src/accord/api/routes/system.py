"""Health, the current user, and the reference data: participants and authorities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy import text

from accord import __version__
from accord.api.errors import Unavailable, error_responses
from accord.api.models import AuthorityOut, HealthOut, MeOut, ParticipantOut
from accord.api.pagination import Page, Paging, page_of
from accord.api.security import CurrentUser
from accord.api.state import api_state
from accord.model.reference import authorities, participants

__all__ = ["router"]

router = APIRouter()


@router.get(
    "/health",
    response_model=HealthOut,
    tags=["system"],
    summary="Is the API up and its store reachable? (no authentication)",
    responses=error_responses(503),
)
def health(request: Request) -> HealthOut:
    store = api_state(request).services.store
    try:
        with store.read() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise Unavailable("The store is not reachable.", hint="Check the database server.") from exc
    return HealthOut(status="ok", version=__version__, store=store.dialect)


@router.get(
    "/me",
    response_model=MeOut,
    tags=["system"],
    summary="The user the token belongs to",
    responses=error_responses(401),
)
def me(user: CurrentUser) -> MeOut:
    found = authorities().get(user.authority)
    return MeOut(
        username=user.username,
        participant=user.participant,
        authority=user.authority,
        authority_name=found.name if found else user.authority,
        roles=sorted(user.roles),
    )


@router.get(
    "/participants",
    response_model=Page[ParticipantOut],
    tags=["reference"],
    summary="The parties to the cooperation",
    responses=error_responses(401),
)
def list_participants(user: CurrentUser, page: Paging) -> Page[ParticipantOut]:
    items = [
        ParticipantOut(code=p.code, name=p.name, kind=p.kind, region=p.region, note=p.note)
        for p in participants().values()
    ]
    return page_of(page.slice(items), page)


@router.get(
    "/authorities",
    response_model=Page[AuthorityOut],
    tags=["reference"],
    summary="The authorities of each participant",
    responses=error_responses(401),
)
def list_authorities(
    user: CurrentUser,
    page: Paging,
    participant: Annotated[
        str | None, Query(max_length=16, description="Only this participant's authorities.")
    ] = None,
) -> Page[AuthorityOut]:
    wanted = participant.strip().upper() if participant else None
    items = [
        AuthorityOut(id=a.id, participant=a.participant, name=a.name, kinds=list(a.kinds))
        for a in authorities().values()
        if wanted is None or a.participant == wanted
    ]
    return page_of(page.slice(items), page)
