"""The start page: who the user is (authority, participant, roles) and where to go."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from accord.model.reference import get_authority, get_participant
from accord.web.guard import ViewerDep
from accord.web.render import page

__all__ = ["router"]

router = APIRouter()


@router.get("/", include_in_schema=False)
def home(request: Request, who: ViewerDep) -> Response:
    authority = get_authority(who.user.authority)
    participant = get_participant(who.user.participant)
    return page(
        request,
        "home.html",
        who,
        authority=authority,
        participant=participant,
        roles=sorted(r.value for r in who.user.roles),
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)
