"""The audit chain, for data-protection officers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from accord.api.errors import error_responses
from accord.api.models import AuditVerifyOut
from accord.api.security import require
from accord.api.state import api_state
from accord.policy import Principal, Role

__all__ = ["router"]

router = APIRouter(tags=["audit"])


@router.get(
    "/audit/verify",
    response_model=AuditVerifyOut,
    summary="Verify the hash chain and its signed checkpoints (data-protection officers)",
    responses=error_responses(401, 403),
)
def verify_audit(
    request: Request, user: Annotated[Principal, Depends(require(Role.DPO))]
) -> AuditVerifyOut:
    result = api_state(request).services.store.verify_audit()
    return AuditVerifyOut(
        ok=result.ok, entries=result.entries, first_bad=result.first_bad, reason=result.reason
    )
