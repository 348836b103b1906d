"""The migration dashboard: detections over time by route segment and nationality, and a map
of the route, from the records the user may see; every count suppressed below the threshold."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import Response
from followthemoney.types import registry

from accord.model.reference import participants
from accord.policy import ACTION_ROLES, Action, Role
from accord.web.figures import GRANULARITIES, MigrationFigures, migration_figures
from accord.web.guard import Viewer, ViewerDep, checked_form, remember, require_roles, text
from accord.web.i18n import N_, catalogue
from accord.web.reasons import Reason, default_purpose, reason_from
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["router"]

router = APIRouter()

_READERS = ACTION_ROLES[Action.READ] | {Role.DPO}
_NOT_READER = N_("Your roles do not allow you to read records.")


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {"?": "?"}
    for code, label in registry.country.names.items():
        names[code.upper()] = str(label)
    for code, participant in participants().items():
        if participant.kind == "state":
            names[code] = participant.name
    return names


def _chart_data(figures: MigrationFigures) -> str:
    """The series for the chart script; the tables beside it hold the same numbers."""
    words = catalogue()
    data = {
        "labels": {"period": words.gettext(N_("Period")), "axis": words.gettext(N_("Detections"))},
        "periods": figures.periods,
        "threshold": figures.threshold,
        "segments": [{"label": s.label, "values": s.values} for s in figures.segments],
        "nationalities": [{"label": s.label, "values": s.values} for s in figures.nationalities],
    }
    # Safe inside <script type="application/json">: no "</" can close the element.
    return json.dumps(data, ensure_ascii=True).replace("</", "<\\/")


def _dashboard(
    request: Request,
    who: Viewer,
    reason: Reason | None,
    granularity: str,
    figures: MigrationFigures | None,
    status: int = 200,
) -> Response:
    return page(
        request,
        "dashboard.html",
        who,
        status=status,
        purpose=reason.purpose if reason else (default_purpose(who) or "border-management"),
        justification=reason.justification if reason else who.session.justification,
        errors=reason.errors if reason else {},
        granularity=granularity,
        granularities=GRANULARITIES,
        threshold=web_state(request).services.settings.suppression_threshold,
        figures=figures,
        chart_data=_chart_data(figures) if figures else "",
    )


@router.get("/dashboard", include_in_schema=False)
def dashboard_form(request: Request, who: ViewerDep) -> Response:
    require_roles(request, who, _READERS, _NOT_READER)
    return _dashboard(request, who, None, "quarter", None)


@router.post("/dashboard", include_in_schema=False)
async def dashboard(request: Request, who: ViewerDep) -> Response:
    require_roles(request, who, _READERS, _NOT_READER)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    granularity = text(form, "granularity", 16)
    if granularity not in GRANULARITIES:
        granularity = "quarter"
    reason = reason_from(form)
    if not reason.ok:
        return _dashboard(request, who, reason, granularity, None, status=400)
    figures = migration_figures(
        web_state(request).services,
        who.user,
        reason.purpose,
        reason.justification,
        granularity,
        _country_names(),
    )
    remember(request, reason.purpose, reason.justification)
    return _dashboard(request, who, reason, granularity, figures)
