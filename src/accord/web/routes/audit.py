"""The audit viewer of data-protection officers: whether the chain verifies, the entries of
their own participant's authorities, and who consulted a record. Everyone else is refused
(and the refusal logged)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accord.errors import AccordError
from accord.model.reference import authorities
from accord.policy import Role
from accord.services.supervision import who_consulted
from accord.store.audit import AuditEntry
from accord.store.audit_queries import entries_between
from accord.web.guard import Viewer, ViewerDep, checked_form, require_roles, text
from accord.web.i18n import N_, catalogue
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["router"]

router = APIRouter()

PAGE = 100
MAX_DAYS = 366
_NOT_DPO = N_("Only a data-protection officer may view the audit log.")


def _day(value: str, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


def _summary(entry: dict[str, Any]) -> str:
    detail = entry.get("detail") or {}
    for key in ("justification", "reason"):
        if detail.get(key):
            return str(detail[key])[:200]
    if detail.get("query"):
        return ", ".join(f"{k}={v}" for k, v in sorted(detail["query"].items()))[:200]
    return ""


def _audit_page(
    request: Request,
    who: Viewer,
    start: date,
    end: date,
    offset: int,
    consulted: list[dict[str, Any]] | None = None,
    record_id: str = "",
    error: str | None = None,
    status: int = 200,
) -> Response:
    services = web_state(request).services
    own = sorted(a.id for a in authorities().values() if a.participant == who.user.participant)
    with services.store.read() as conn:
        found = entries_between(conn, start.isoformat(), end.isoformat(), own)
    found.reverse()  # newest first
    shown = found[offset : offset + PAGE]
    services.store.log(
        AuditEntry(
            who.user.username,
            who.user.authority,
            "audit-view",
            "supervision",
            detail={
                "from": start.isoformat(),
                "to": end.isoformat(),
                "offset": offset,
                "entries": len(shown),
                "interface": "web",
            },
        )
    )
    return page(
        request,
        "audit.html",
        who,
        status=status,
        verification=services.store.verify_audit(),
        entries=[entry | {"summary": _summary(entry)} for entry in shown],
        total=len(found),
        start=start.isoformat(),
        end=end.isoformat(),
        offset=offset,
        page_size=PAGE,
        authorities=own,
        consulted=consulted,
        record_id=record_id,
        error=error,
    )


def _today() -> date:
    # The audit log is stamped by the real clock, whatever clock drives sessions and cases.
    return datetime.now(UTC).date()


def _range(start_text: str, end_text: str, today: date) -> tuple[date, date]:
    end = _day(end_text, today)
    start = _day(start_text, end - timedelta(days=7))
    if start > end:
        start, end = end, start
    return max(start, end - timedelta(days=MAX_DAYS)), end


@router.get("/audit", include_in_schema=False)
def audit_view(
    request: Request, who: ViewerDep, start: str = "", end: str = "", offset: int = 0
) -> Response:
    require_roles(request, who, {Role.DPO}, _NOT_DPO)
    first, last = _range(start[:10], end[:10], _today())
    return _audit_page(request, who, first, last, max(0, min(offset, 10_000_000)))


@router.post("/audit/consulted", include_in_schema=False)
async def consulted(request: Request, who: ViewerDep) -> Response:
    """Who read, exported or combined a record of the DPO's own participant."""
    require_roles(request, who, {Role.DPO}, _NOT_DPO)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    record_id = text(form, "record_id", 64)
    first, last = _range("", "", _today())
    try:
        found = who_consulted(web_state(request).services, who.user, record_id)
    except AccordError as exc:
        message = catalogue().gettext(exc.message)
        return _audit_page(request, who, first, last, 0, None, record_id, message, exc.status)
    return _audit_page(request, who, first, last, 0, found, record_id)
