"""Hit/no-hit screening and step 2: ``POST /screen``, ``POST /step2``, ``GET /step2/inbox``,
``POST /step2/{id}/approve`` and ``POST /step2/{id}/refuse``."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from accord.api.errors import error_responses
from accord.api.security import TOKEN_SECURITY, require, require_async
from accord.api.state import api_state
from accord.errors import InputError
from accord.policy import Principal, Role
from accord.screening import ScreenQuery
from accord.services.screening import MAX_BATCH, screening_desk
from accord.services.step2 import Step2Desk

__all__ = ["router"]

router = APIRouter(tags=["screening"])

Screener = Annotated[Principal, Depends(require(Role.OFFICER, Role.ANALYST))]
# POST /screen runs on the event loop: the same checks, as one dependency that needs no thread
ScreenerNow = Annotated[Principal, Depends(require_async(Role.OFFICER, Role.ANALYST))]
Step2User = Annotated[Principal, Depends(require(Role.OFFICER, Role.ANALYST, Role.APPROVER))]
Approver = Annotated[Principal, Depends(require(Role.APPROVER))]
RequestId = Annotated[str, Path(max_length=64)]
_FIELD = 400


class QueryIn(BaseModel):
    """One query: a person (name, best with date of birth) or identifiers."""

    model_config = ConfigDict(extra="forbid")

    ref: str = Field("", max_length=64, description="Your label of the query, echoed back.")
    name: str = Field("", max_length=_FIELD, description="Full name, any script.")
    first_name: str = Field("", max_length=_FIELD)
    last_name: str = Field("", max_length=_FIELD)
    birth_date: str = Field("", max_length=40, description="YYYY-MM-DD, YYYY or DD.MM.YYYY")
    nationality: str = Field("", max_length=8, description="ISO code (XK for Kosovo)")
    sex: str = Field("", max_length=8)
    document: str = Field("", max_length=_FIELD)
    vehicle: str = Field("", max_length=_FIELD)
    firearm: str = Field("", max_length=_FIELD)
    phone: str = Field("", max_length=_FIELD)
    iban: str = Field("", max_length=_FIELD)
    wallet: str = Field("", max_length=_FIELD)

    def query(self) -> ScreenQuery:
        return ScreenQuery(**self.model_dump())


class ScreenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    purpose: str = Field(max_length=64, description="e.g. border-management (logged)")
    justification: str = Field("", max_length=1000, description="The reason in words (logged)")
    query: QueryIn | None = Field(None, description="One query (bad input answers 400)")
    queries: list[QueryIn] | None = Field(
        None, max_length=MAX_BATCH, description="A batch; a bad query answers result=error"
    )


class HitOut(BaseModel):
    reference: str
    participant: str
    authority: str
    kind: str
    band: str
    reasons: list[str]


class AnswerOut(BaseModel):
    ref: str
    result: str
    hits: list[HitOut]
    error: str | None = None
    hint: str | None = None


class ScreenOut(BaseModel):
    answers: list[AnswerOut]


class Step2In(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hit: str = Field(max_length=64, description="The hit reference")
    purpose: str = Field(max_length=64)
    justification: str = Field(max_length=2000)
    urgency: str = Field(
        "other",
        max_length=32,
        description="urgent-direct (8 h), urgent-indirect (3 days), other (7 days)",
    )


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field("", max_length=2000)
    reason: str = Field("", max_length=2000)


class Step2Out(BaseModel):
    id: str
    hit: str
    status: str
    overdue: bool
    purpose: str
    justification: str
    urgency: str
    requested_at: str
    deadline: str
    requester: str
    requester_authority: str
    originator_authority: str
    decided_at: str | None
    decided_by: str | None
    reason: str | None
    legal_basis: str | None
    record: str | None
    band: str | None = None
    kind: str | None = None
    why_it_matched: list[str] | None = None


def _step2(request: Request) -> Step2Desk:
    state = api_state(request)
    return Step2Desk(state.services, clock=state.desk.exchange.now)


@router.post(
    "/screen",
    response_model=None,
    summary="Hit/no-hit screening of one query or a batch",
    responses={
        200: {"model": ScreenOut, "description": "One answer per query, in order"},
        **error_responses(401, 403, 413),
    },
    openapi_extra=TOKEN_SECURITY,
)
async def screen(request: Request, user: ScreenerNow, body: ScreenIn) -> Response:
    """A hit gives a reference, the originator, the kind of record, the band and the reasons;
    never the record. A query your agreements do not cover answers exactly like a no-hit."""
    if (body.query is None) == (body.queries is None):
        raise InputError("Give either 'query' (one) or 'queries' (a batch).")
    desk = screening_desk(api_state(request).services)
    answers: list[dict[str, Any]]
    if body.query is not None:
        query = body.query.query()
        answers = [await desk.screen_one_async(user, body.purpose, query, body.justification)]
    else:
        queries = [q.query() for q in body.queries or []]
        answers = await desk.screen_async(user, body.purpose, queries, body.justification)
    # built here in the documented shape (ScreenOut), so not validated again by the framework
    content = {"answers": [_answer_out(answer) for answer in answers]}
    return Response(orjson.dumps(content), media_type="application/json")


def _answer_out(answer: dict[str, Any]) -> dict[str, Any]:
    """The fields of :class:`AnswerOut` and :class:`HitOut`, and no others."""
    out = {
        "ref": answer["ref"],
        "result": answer["result"],
        "hits": [{key: hit[key] for key in _HIT_FIELDS} for hit in answer["hits"]],
    }
    if answer["result"] == "error":
        out["error"] = answer["error"]
        out["hint"] = answer.get("hint")
    return out


_HIT_FIELDS = tuple(HitOut.model_fields)


@router.post(
    "/step2",
    response_model=Step2Out,
    status_code=status.HTTP_201_CREATED,
    summary="Ask the originator of a hit for the details (step 2)",
    responses=error_responses(401, 403, 404),
)
def request_step2(request: Request, user: Screener, body: Step2In) -> Step2Out:
    found = _step2(request).request(user, body.hit, body.purpose, body.justification, body.urgency)
    return Step2Out.model_validate(found)


@router.get(
    "/step2/inbox",
    response_model=list[Step2Out],
    summary="Step-2 requests to (or from) your authority, by deadline",
    responses=error_responses(401, 403),
)
def step2_inbox(
    request: Request,
    user: Step2User,
    box: Annotated[str, Query(max_length=16, description="inbox, outbox or all")] = "inbox",
    state: Annotated[
        str | None,
        Query(alias="status", max_length=16, description="open, approved, refused, overdue"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[Step2Out]:
    found = _step2(request).list(user, box, state, limit, offset)
    return [Step2Out.model_validate(r) for r in found]


@router.post(
    "/step2/{request_id}/approve",
    response_model=Step2Out,
    summary="Release the record to the requesting authority",
    responses=error_responses(401, 403, 404),
)
def approve_step2(
    request: Request, user: Approver, request_id: RequestId, body: DecisionIn | None = None
) -> Step2Out:
    found = _step2(request).approve(user, request_id, body.note if body else "")
    return Step2Out.model_validate(found)


@router.post(
    "/step2/{request_id}/refuse",
    response_model=Step2Out,
    summary="Refuse a step-2 request with a reason",
    responses=error_responses(401, 403, 404),
)
def refuse_step2(
    request: Request, user: Approver, request_id: RequestId, body: DecisionIn
) -> Step2Out:
    found = _step2(request).refuse(user, request_id, body.reason)
    return Step2Out.model_validate(found)
