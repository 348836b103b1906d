"""Cytoscape.js JSON: ``{"elements": {"nodes": [...], "edges": [...]}}`` with each element's
values under ``data``, as the web view and Cytoscape desktop read it."""

from __future__ import annotations

from typing import Any

from accord.errors import InputError
from accord.network.budget import Budget
from accord.network.exports.columns import Annotations, annotation_types, edge_rows, node_rows
from accord.network.graph import Network

__all__ = ["CYTOSCAPE_LIMIT", "cytoscape_json"]

# A browser draws a few thousand elements comfortably; beyond that, export a neighbourhood or a
# community instead of the whole network.
CYTOSCAPE_LIMIT = 20_000


def cytoscape_json(
    network: Network,
    *,
    annotations: Annotations | None = None,
    limit: int = CYTOSCAPE_LIMIT,
    budget: Budget | None = None,
) -> dict[str, Any]:
    """The network as Cytoscape.js elements; InputError above ``limit`` nodes plus edges."""
    size = network.node_count + network.edge_count
    if size > limit:
        raise InputError(
            f"the network has {network.node_count:,} nodes and {network.edge_count:,} edges, "
            f"more than {limit:,} elements to draw",
            hint="export a neighbourhood or a community, or use GraphML/GEXF for the whole",
        )
    annotation_types(network, annotations)
    nodes = [{"data": {"id": node_id, **values}}
             for node_id, values in node_rows(network, annotations, budget)]  # fmt: skip
    edges = [
        {"data": {"id": f"e{number}", "source": source, "target": target, **values}}
        for number, (source, target, values) in enumerate(edge_rows(network, budget))
    ]
    return {"elements": {"nodes": nodes, "edges": edges}}
