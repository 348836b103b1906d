"""Templates (Jinja2, autoescaped, every text through ``_()``) and the page responses."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from accord.model.reference import authorities, participants
from accord.policy import Role
from accord.web import labels
from accord.web.guard import Viewer
from accord.web.i18n import N_, Catalogue, catalogue
from accord.web.state import web_state

__all__ = ["STATIC", "NavItem", "make_environment", "page"]

#: The pages' own styles and scripts, and (git-ignored) the libraries of scripts/web-assets.sh.
STATIC = Path(__file__).parent / "static"


def _when(value: str | None) -> str:
    """An ISO timestamp as ``2026-03-02 09:00 UTC``."""
    if not value:
        return ""
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return value
    return at.strftime("%Y-%m-%d %H:%M UTC")


def _authority_name(code: str) -> str:
    found = authorities().get(code)
    return found.name if found else code


def _participant_name(code: str) -> str:
    found = participants().get(code)
    return found.name if found else code


def make_environment(language: Catalogue | None = None) -> Environment:
    words = language or catalogue()
    env = Environment(
        loader=PackageLoader("accord.web", "templates"),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        words.gettext, words.ngettext, newstyle=True
    )
    env.globals.update(
        language=words.language,
        labels=labels,
        authority_name=_authority_name,
        participant_name=_participant_name,
    )
    # The libraries of scripts/web-assets.sh: pages work without them (tables show the same).
    env.globals["charts"] = (STATIC / "vendor" / "uplot" / "uPlot.iife.min.js").exists()
    env.globals["graphs"] = (STATIC / "vendor" / "cytoscape" / "cytoscape.min.js").exists()
    env.filters["when"] = _when
    return env


class NavItem:
    def __init__(self, href: str, label: str, roles: frozenset[Role] | None = None) -> None:
        self.href = href
        self.label = label
        self.roles = roles


_READERS = frozenset({Role.OFFICER, Role.ANALYST, Role.APPROVER, Role.DPO})
NAVIGATION = (
    NavItem("/", N_("Home")),
    NavItem("/search", N_("Search"), _READERS),
    NavItem("/screen", N_("Screening"), frozenset({Role.OFFICER, Role.ANALYST})),
    NavItem("/step2", N_("Step 2"), frozenset({Role.OFFICER, Role.ANALYST, Role.APPROVER})),
    NavItem("/cases", N_("Cases"), _READERS),
    NavItem("/inbox", N_("Inbox"), _READERS),
    NavItem("/dashboard", N_("Dashboard"), _READERS),
    NavItem("/network", N_("Network"), frozenset({Role.ANALYST})),
    NavItem("/audit", N_("Audit"), frozenset({Role.DPO})),
)


def _nav(who: Viewer | None, path: str) -> list[dict[str, Any]]:
    if who is None:
        return []
    items = []
    for item in NAVIGATION:
        if item.roles is not None and not who.user.roles & item.roles:
            continue
        current = path == item.href or (item.href != "/" and path.startswith(item.href + "/"))
        items.append({"href": item.href, "label": item.label, "current": current})
    return items


def page(
    request: Request,
    template: str,
    who: Viewer | None,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    state = web_state(request)
    values = {
        "request": request,
        "who": who,
        "csrf": who.csrf if who else context.pop("csrf", ""),
        "nav": _nav(who, request.url.path),
        "session_minutes": state.services.settings.session_minutes,
        **context,
    }
    html = state.templates.get_template(template).render(values)
    return HTMLResponse(html, status_code=status)
