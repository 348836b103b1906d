"""The network of what the caller may see: summary, nodes, neighbourhoods and communities.

Every call builds the caller's network from the records the agreements let them see, for the
declared purpose (logged as a combination); nothing of a withheld record can appear. Network
analysis is an analyst's work: other roles are refused (403) and the refusal is logged.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from accord.api.errors import error_responses
from accord.api.inputs import require_purpose
from accord.api.network_models import (
    CommunityOut,
    ExportOut,
    GraphOut,
    NetworkSummaryOut,
    NodeOut,
    PathOut,
    TargetOut,
    TraceOut,
)
from accord.api.pagination import Page, Paging, page_of
from accord.api.security import require
from accord.api.state import api_state
from accord.policy import Principal, Role
from accord.services.network import NetworkDesk, NetworkView, node_json

__all__ = ["router"]

router = APIRouter(tags=["network"])

#: The most nodes and edges an export answer holds (the command line writes any size to a file).
_EXPORT_LIMIT = 200_000

Analyst = Annotated[Principal, Depends(require(Role.ANALYST))]
PurposeParam = Annotated[
    str | None,
    Query(max_length=64, description="Required: why the network is built. Logged."),
]
Justification = Annotated[
    str, Query(max_length=500, description="The reason in words (case number...). Logged.")
]
NodeId = Annotated[str, Path(max_length=80, description="A node id from this network")]
Resolution = Annotated[
    float, Query(gt=0, le=10, description="Community resolution: higher, smaller communities")
]


def _view(
    request: Request,
    user: Principal,
    purpose: str | None,
    justification: str,
    terms: dict[str, str],
) -> NetworkView:
    wanted = require_purpose(request, user, purpose, {"network": terms})
    services = api_state(request).services
    return NetworkDesk(services).view(user, wanted, justification)


@router.get(
    "/network",
    response_model=NetworkSummaryOut,
    summary="What your network holds: nodes and edges by kind",
    responses=error_responses(400, 401, 403),
)
def network_summary(
    request: Request, user: Analyst, purpose: PurposeParam = None, justification: Justification = ""
) -> NetworkSummaryOut:
    view = _view(request, user, purpose, justification, {})
    return NetworkSummaryOut(**view.summary())


@router.get(
    "/network/nodes",
    response_model=Page[NodeOut],
    summary="The nodes of your network, by kind or label",
    responses=error_responses(400, 401, 403),
)
def network_nodes(
    request: Request,
    user: Analyst,
    page: Paging,
    purpose: PurposeParam = None,
    justification: Justification = "",
    kind: Annotated[str | None, Query(max_length=32, description="e.g. person")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the label")] = None,
) -> Page[NodeOut]:
    view = _view(request, user, purpose, justification, {"kind": kind or "", "q": q or ""})
    nodes = view.network.nodes
    if kind:
        nodes = nodes.filter(nodes["kind"] == kind.strip().lower())
    if q:
        nodes = nodes.filter(
            nodes["label"].str.to_lowercase().str.contains(q.lower(), literal=True)
        )
    window = nodes.slice(page.offset, page.limit)
    return page_of([NodeOut.of(node_json(r)) for r in window.iter_rows(named=True)], page)


@router.get(
    "/network/nodes/{node_id}",
    response_model=NodeOut,
    summary="One node of your network",
    responses=error_responses(400, 401, 403, 404),
)
def network_node(
    request: Request,
    user: Analyst,
    node_id: NodeId,
    purpose: PurposeParam = None,
    justification: Justification = "",
) -> NodeOut:
    """A node you may not see and one that does not exist answer the same: 404."""
    view = _view(request, user, purpose, justification, {"node": node_id})
    return NodeOut.of(view.node(node_id))


@router.get(
    "/network/nodes/{node_id}/community",
    response_model=GraphOut,
    summary="The community of a node: its members and the edges between them",
    responses=error_responses(400, 401, 403, 404),
)
def network_node_community(
    request: Request,
    user: Analyst,
    node_id: NodeId,
    purpose: PurposeParam = None,
    justification: Justification = "",
    resolution: Resolution = 1.0,
) -> GraphOut:
    view = _view(request, user, purpose, justification, {"community of": node_id})
    return GraphOut.of(view.community_of(node_id, resolution=resolution))


@router.get(
    "/network/communities",
    response_model=Page[CommunityOut],
    summary="Communities of your network (Leiden), largest first",
    responses=error_responses(400, 401, 403),
)
def network_communities(
    request: Request,
    user: Analyst,
    page: Paging,
    purpose: PurposeParam = None,
    justification: Justification = "",
    resolution: Resolution = 1.0,
    min_size: Annotated[int, Query(ge=1, le=1000, description="Smallest community")] = 3,
) -> Page[CommunityOut]:
    view = _view(request, user, purpose, justification, {"communities": str(resolution)})
    found = view.communities(
        resolution=resolution, min_size=min_size, limit=min(page.offset + page.limit, 1000)
    )["communities"][page.offset :]
    return page_of([CommunityOut(**c) for c in found], page)


@router.get(
    "/network/targets",
    response_model=list[TargetOut],
    summary="High-value targets of your network, ranked, with their reasons",
    responses=error_responses(400, 401, 403),
)
def network_targets(
    request: Request,
    user: Analyst,
    purpose: PurposeParam = None,
    justification: Justification = "",
    limit: Annotated[int, Query(ge=1, le=200, description="At most this many")] = 20,
    resolution: Resolution = 1.0,
) -> list[TargetOut]:
    """Ranked from your network alone: the reasons and figures count only what you may see."""
    view = _view(request, user, purpose, justification, {"targets": str(limit)})
    return [TargetOut(**t) for t in view.targets(limit=limit, resolution=resolution)]


@router.get(
    "/network/nodes/{node_id}/neighbourhood",
    response_model=GraphOut,
    summary="The nodes within a few relations of a node, and the edges among them",
    responses=error_responses(400, 401, 403, 404),
)
def network_neighbourhood(
    request: Request,
    user: Analyst,
    node_id: NodeId,
    purpose: PurposeParam = None,
    justification: Justification = "",
    hops: Annotated[int, Query(ge=1, le=4, description="Relations away from the node")] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=1000, description="Most nodes returned")] = 200,
) -> GraphOut:
    view = _view(request, user, purpose, justification, {"neighbourhood of": node_id})
    return GraphOut.of(view.neighbourhood(node_id, hops=hops, max_nodes=max_nodes))


@router.get(
    "/network/path",
    response_model=PathOut,
    summary="A shortest chain of relations between two nodes",
    responses=error_responses(400, 401, 403, 404),
)
def network_path(
    request: Request,
    user: Analyst,
    source: Annotated[str, Query(alias="from", max_length=80, description="Start node id")],
    target: Annotated[str, Query(alias="to", max_length=80, description="End node id")],
    purpose: PurposeParam = None,
    justification: Justification = "",
    max_hops: Annotated[int, Query(ge=1, le=10)] = 6,
) -> PathOut:
    """``found`` is false when no chain of at most ``max_hops`` relations joins them."""
    view = _view(request, user, purpose, justification, {"path": f"{source} {target}"})
    found = view.path(source, target, max_hops=max_hops)
    if found is None:
        return PathOut(found=False, hops=0, nodes=[], labels={}, edges=[])
    return PathOut(found=True, **found)


@router.get(
    "/network/nodes/{node_id}/trace",
    response_model=TraceOut,
    summary="Money-flow tracing: payment paths out of or into a node",
    responses=error_responses(400, 401, 403, 404),
)
def network_trace(
    request: Request,
    user: Analyst,
    node_id: NodeId,
    purpose: PurposeParam = None,
    justification: Justification = "",
    direction: Annotated[Literal["out", "in"], Query(description="out or in")] = "out",
    max_hops: Annotated[int, Query(ge=1, le=10)] = 4,
    min_amount: Annotated[float, Query(ge=0, le=1e12, description="EUR")] = 0.0,
) -> TraceOut:
    view = _view(request, user, purpose, justification, {"trace": node_id})
    found = view.trace(node_id, direction=direction, max_hops=max_hops, min_amount=min_amount)
    return TraceOut(**found)


@router.get(
    "/network/export",
    response_model=ExportOut,
    summary="Your network as a file: FtM entities, GraphML, GEXF or Cytoscape JSON",
    responses=error_responses(400, 401, 403),
)
def network_export(
    request: Request,
    user: Analyst,
    fmt: Annotated[
        Literal["ftm", "graphml", "gexf", "cytoscape"],
        Query(alias="format", description="The file format"),
    ] = "graphml",
    purpose: PurposeParam = None,
    justification: Justification = "",
) -> ExportOut:
    """Built from the records you may export (logged as an export), marked with you and every
    restriction of the records behind it. Up to 200,000 nodes and edges; larger networks are
    exported to a file with the command line."""
    from accord.services.network_export import export_network

    wanted = require_purpose(request, user, purpose, {"network export": fmt})
    services = api_state(request).services
    marking, text = export_network(
        services, user, wanted, fmt, justification=justification, max_elements=_EXPORT_LIMIT
    )
    return ExportOut(format=fmt, marking=marking, content=text or "")
