"""The network view: the analyst's network of persons, things and relations, built from the
records they may see for the purpose they give (each view is logged as a combination).

``/network`` shows the high-value targets with their reasons and the largest communities;
``/network/nodes/{id}`` draws a node's direct relations, or its community, with the targets among
them highlighted. Every node and relation drawn is also listed in tables, which keyboard and
screen-reader users work with; the graph adds nothing the tables do not hold.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from accord.errors import NotFound
from accord.network.reasons import render
from accord.policy import Role
from accord.services.network import NetworkDesk, NetworkView
from accord.web.guard import Viewer, ViewerDep, checked_form, remember, require_roles, text
from accord.web.i18n import N_, catalogue
from accord.web.reasons import Reason, reason_from, reason_page
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["router"]

router = APIRouter()

_NOT_ANALYST = N_("Network analysis is for analysts.")
_NOT_FOUND = N_("There is no node with this reference in the network you may see.")
_TARGETS = 15
#: The views of a node, by the ``show`` field of the form.
VIEWS = {
    "relations": N_("Its direct relations"),
    "two": N_("Within two relations"),
    "community": N_("Its community"),
    "money": N_("Its money: payments out and in"),
}
_COMMUNITIES = 10
NodeId = Annotated[str, PathParam(max_length=80)]

#: The engine's reasons by code, in words for the catalogue (the engine's own English text is
#: used for a code not listed here).
REASONS = {
    "controls_companies": N_(
        "controls {companies:,} {companies|company|companies} paying {recipients:,} {recipients|recipient|recipients}"  # noqa: E501  (one literal: the catalogue reads it whole)
    ),
    "controls_companies_only": N_("controls {companies:,} {companies|company|companies}"),
    "pays_recipients": N_(
        "pays {recipients:,} {recipients|recipient|recipients} through {accounts:,} {accounts|account|accounts}"  # noqa: E501  (one literal: the catalogue reads it whole)
    ),
    "money_out": N_("{amount:,.0f} EUR paid out in {payments:,} {payments|payment|payments}"),
    "broker": N_("broker between {groups:,} groups"),
    "pagerank": N_("among the top {percent}% by PageRank (ties to well-connected nodes)"),
    "betweenness": N_("among the top {percent}% on shortest paths between others"),
    "contacts": N_("{contacts:,} direct {contacts|contact|contacts}"),
}
#: Node and relation kinds in words.
KINDS = {
    "person": N_("person"), "company": N_("company"), "phone": N_("phone"),
    "vehicle": N_("vehicle"), "vessel": N_("vessel"), "account": N_("account"),
    "wallet": N_("wallet"), "address": N_("address"), "shipment": N_("shipment"),
    "real_estate": N_("real estate"), "firearm": N_("firearm"),
    "ownership": N_("owns"), "directorship": N_("directs"), "family": N_("family"),
    "association": N_("associate"), "employment": N_("works for"), "call": N_("called"),
    "message": N_("wrote to"), "payment": N_("paid"), "holds": N_("holds"), "uses": N_("uses"),
    "shared_address": N_("shares an address"),
    "shared_phone": N_("shares a phone"), "shared_vehicle": N_("shares a vehicle"),
    "travel_together": N_("travelled together"), "shipper": N_("shipped"),
    "consignee": N_("received by"), "carrier": N_("carried"), "origin": N_("from port"),
    "destination": N_("to port"),
}  # fmt: skip


def _reason_texts(target: dict[str, Any]) -> list[str]:
    words = catalogue()
    found = []
    for explanation in target["explanations"]:
        template = REASONS.get(explanation["code"])
        if template is None:
            found.append(explanation["text"])
        else:
            found.append(render(words.gettext(template), explanation["fields"]))
    return found


def _graph_json(part: dict[str, Any], targets: dict[str, list[str]], focus: str) -> str:
    """Nodes and edges for the graph script; the tables on the page hold the same."""
    data = {
        "focus": focus,
        "nodes": [
            {"id": n["id"], "label": n["label"], "kind": n["kind"], "target": n["id"] in targets}
            for n in part["nodes"]
        ],
        "edges": [
            {"source": e["source"], "target": e["target"], "kind": e["kind"]} for e in part["edges"]
        ],
    }
    return json.dumps(data, ensure_ascii=True).replace("</", "<\\/")


def _ask(
    request: Request, who: Viewer, action: str, reason: Reason | None, status: int = 200
) -> Response:
    return reason_page(request, "network_reason.html", who, action, reason, status)


async def _reasoned(request: Request, who: Viewer, action: str) -> tuple[Reason, str] | Response:
    require_roles(request, who, {Role.ANALYST}, _NOT_ANALYST)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    reason = reason_from(form)
    if not reason.ok:
        return _ask(request, who, action, reason, status=400)
    remember(request, reason.purpose, reason.justification)
    return reason, text(form, "show", 16)


def _view(request: Request, who: Viewer, reason: Reason) -> NetworkView:
    desk = NetworkDesk(web_state(request).services)
    return desk.view(who.user, reason.purpose, reason.justification)


def _targets(view: NetworkView) -> list[dict[str, Any]]:
    found = view.targets(limit=_TARGETS * 2)
    for target in found:
        target["why"] = _reason_texts(target)
    return found


@router.get("/network", include_in_schema=False)
def network_form(request: Request, who: ViewerDep) -> Response:
    require_roles(request, who, {Role.ANALYST}, _NOT_ANALYST)
    return _ask(request, who, "/network", None)


@router.post("/network", include_in_schema=False)
async def network_overview(request: Request, who: ViewerDep) -> Response:
    """The targets with their reasons and the largest communities."""
    found = await _reasoned(request, who, "/network")
    if isinstance(found, Response):
        return found
    reason, _show = found
    view = _view(request, who, reason)
    communities = view.communities(min_size=3, limit=_COMMUNITIES)["communities"]
    return page(
        request,
        "network.html",
        who,
        summary=view.summary(),
        targets=_targets(view)[:_TARGETS],
        communities=communities,
        kinds=KINDS,
        purpose=reason.purpose,
        justification=reason.justification,
        focus=None,
    )


@router.get("/network/nodes/{node_id}", include_in_schema=False)
def node_form(request: Request, who: ViewerDep, node_id: NodeId) -> Response:
    require_roles(request, who, {Role.ANALYST}, _NOT_ANALYST)
    return _ask(request, who, f"/network/nodes/{node_id}", None)


@router.post("/network/nodes/{node_id}", include_in_schema=False)
async def node_view(request: Request, who: ViewerDep, node_id: NodeId) -> Response:
    """A node's direct relations, or (``show``) those within two, its community or its money,
    drawn and listed."""
    found = await _reasoned(request, who, f"/network/nodes/{node_id}")
    if isinstance(found, Response):
        return found
    reason, show = found
    view = _view(request, who, reason)
    show = show if show in VIEWS else "relations"
    try:
        node = view.node(node_id)
        if show == "community":
            part = view.community_of(node_id)
        elif show == "money":
            part = view.money(node_id)
        else:
            part = view.neighbourhood(node_id, hops=2 if show == "two" else 1)
    except NotFound:
        raise NotFound(_NOT_FOUND) from None
    targets = {t["node_id"]: t["why"] for t in _targets(view)}
    labels = {n["id"]: n["label"] for n in part["nodes"]}
    return page(
        request,
        "network.html",
        who,
        summary=view.summary(),
        focus=node,
        show=show,
        views=VIEWS,
        part=part,
        labels=labels,
        reasons=targets,
        kinds=KINDS,
        graph=_graph_json(part, targets, node_id),
        purpose=reason.purpose,
        justification=reason.justification,
    )
