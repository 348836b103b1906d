"""Exports of a user's network: FollowTheMoney entities (Aleph), GraphML and GEXF (Gephi) and
Cytoscape JSON, marked with the user and every restriction of the records behind them.

The network is built from the records this user may *export* (the policy's export decision, not
only its read decision), and the export is logged as such by the Gate. The marking names the
union of the handling restrictions of every record behind a node or an edge: the file carries
them all as a whole.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import IO, Any

from accord.errors import InputError
from accord.model.codes import Purpose, format_handling
from accord.network.exports.cytoscape import cytoscape_json
from accord.network.exports.ftm import write_ftm
from accord.network.exports.graphml import write_gexf, write_graphml
from accord.policy import Action, Principal, combined_handling
from accord.services.context import Services
from accord.services.network import NetworkDesk, NetworkView

__all__ = ["EXPORT_FORMATS", "export_network", "network_marking"]

EXPORT_FORMATS = ("ftm", "graphml", "gexf", "cytoscape")


def network_marking(view: NetworkView) -> dict[str, Any]:
    """Who exported the network, for what, and every restriction it carries."""
    records = view.tables.records.values()
    restrictions = combined_handling(r.envelope for r in records)
    notes = sorted({r.envelope.handling_note for r in records if r.envelope.handling_note})
    return {
        "exported_by": view.user.username,
        "authority": view.user.authority,
        "purpose": view.purpose,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "nodes": view.network.node_count,
        "edges": view.network.edge_count,
        "records": len(view.tables.records),
        "handling": format_handling(restrictions) if restrictions else "",
        "handling_notes": notes,
        "notice": "Every restriction of every record behind the network applies to this file "
        "as a whole.",
    }


def _write(view: NetworkView, fmt: str, out: IO[str]) -> None:
    if fmt == "ftm":
        write_ftm(view.network, out)
        return
    # graph tools colour by community: each node carries its Leiden community
    annotations = {"community": view.partition().membership}
    if fmt == "graphml":
        write_graphml(view.network, out, annotations=annotations)
    elif fmt == "gexf":
        write_gexf(view.network, out, annotations=annotations)
    else:
        json.dump(cytoscape_json(view.network, annotations=annotations), out, ensure_ascii=False)


def export_network(
    services: Services,
    user: Principal,
    purpose: str | Purpose | None,
    fmt: str,
    out: IO[str] | None = None,
    justification: str = "",
    max_elements: int | None = None,
) -> tuple[dict[str, Any], str | None]:
    """Write the network this user may export in ``fmt`` to ``out`` (or return it as text when
    ``out`` is None); returns the marking and the text. A network of more than
    ``max_elements`` nodes and edges is refused."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(
            f"Unknown network export format {fmt!r}.", hint="Use " + ", ".join(EXPORT_FORMATS) + "."
        )
    view = NetworkDesk(services).view(user, purpose, justification, action=Action.EXPORT)
    marking = network_marking(view)
    size = view.network.node_count + view.network.edge_count
    if max_elements is not None and size > max_elements:
        raise InputError(
            f"The network has {size:,} nodes and edges, more than {max_elements:,} to export "
            "in one answer.",
            hint="Export it to a file with `accord network export --out FILE`.",
        )
    if out is not None:
        _write(view, fmt, out)
        return marking, None
    buffer = io.StringIO()
    _write(view, fmt, buffer)
    return marking, buffer.getvalue()
