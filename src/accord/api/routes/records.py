"""Records: search and fetch through the read gate, with a declared purpose."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from accord.api.errors import error_responses
from accord.api.inputs import require_purpose
from accord.api.models import RecordOut
from accord.api.pagination import Page, Paging, page_of
from accord.api.security import require
from accord.api.state import api_state
from accord.errors import InputError, NotFound
from accord.model.reference import participants
from accord.policy import ACTION_ROLES, Action, Principal, Role
from accord.store.gate import RecordQuery

__all__ = ["router"]

router = APIRouter(tags=["records"])

#: Who reads records at all: the roles that may read, and data-protection officers, who read
#: their own participant's records for supervision. The agreements then decide per record.
_READERS = require(*ACTION_ROLES[Action.READ], Role.DPO)
Reader = Annotated[Principal, Depends(_READERS)]
PurposeParam = Annotated[
    str | None,
    Query(
        max_length=64,
        description="Required: why the records are read (e.g. serious-crime). Logged.",
    ),
]
Justification = Annotated[
    str, Query(max_length=500, description="The reason in words (case number...). Logged.")
]


@router.get(
    "/records",
    response_model=Page[RecordOut],
    summary="Search the records you may see",
    responses=error_responses(401, 403),
)
def search_records(
    request: Request,
    user: Reader,
    page: Paging,
    purpose: PurposeParam = None,
    justification: Justification = "",
    schema: Annotated[str | None, Query(max_length=200, description="e.g. Person")] = None,
    participant: Annotated[
        str | None, Query(max_length=200, description="Originating participant (code)")
    ] = None,
    dataset: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the caption")] = None,
) -> Page[RecordOut]:
    """Records matching the filters that the agreements let you see, decided one by one.
    What is withheld is neither returned nor counted."""
    query = RecordQuery(
        schema=schema or None,
        participant=participant.strip().upper() if participant else None,
        dataset=dataset or None,
        text=q or None,
        limit=page.limit,
        offset=page.offset,
    )
    wanted = require_purpose(request, user, purpose, query.terms())
    if query.participant and query.participant not in participants():
        raise InputError(
            f"Unknown participant {participant!r}.",
            hint="GET /api/v1/participants lists the codes.",
        )
    gate = api_state(request).services.gate
    found = gate.read(user, wanted, query, justification=justification)
    return page_of([RecordOut.of(r) for r in found], page)


@router.get(
    "/records/{record_id}",
    response_model=RecordOut,
    summary="One record, if you may see it",
    responses=error_responses(401, 403, 404),
)
def get_record(
    request: Request,
    user: Reader,
    record_id: Annotated[str, Path(max_length=64)],
    purpose: PurposeParam = None,
    justification: Justification = "",
) -> RecordOut:
    """A record that does not exist and one you may not see answer the same: 404."""
    wanted = require_purpose(request, user, purpose, {"id": record_id})
    gate = api_state(request).services.gate
    try:
        found = gate.get(user, wanted, record_id, justification)
    except NotFound:
        raise NotFound(f"No record {record_id!r}.") from None
    return RecordOut.of(found)
