"""The attributes written with each node and edge by the graph-file exports, and the values
that annotate nodes (community, PageRank, ...) passed in by the caller."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from accord.errors import InputError
from accord.network.budget import Budget, check
from accord.network.graph import Network

__all__ = [
    "EDGE_ATTRIBUTES",
    "NODE_ATTRIBUTES",
    "Annotations",
    "annotation_types",
    "edge_rows",
    "node_rows",
]

# name -> type ("string", "double", "long"), in output order.
NODE_ATTRIBUTES = {"label": "string", "kind": "string", "participants": "string"}
EDGE_ATTRIBUTES = {"kind": "string", "weight": "double", "amount": "double", "time": "string",
                   "record_id": "string"}  # fmt: skip

Annotations = Mapping[str, "npt.NDArray[Any] | Sequence[Any]"]
_EVERY = 50_000


def annotation_types(network: Network, annotations: Annotations | None) -> dict[str, str]:
    """The type of each annotation column; each must hold one value per node."""
    types: dict[str, str] = {}
    for name, values in (annotations or {}).items():
        if name in NODE_ATTRIBUTES or name == "id":
            raise InputError(f"annotation {name!r} would replace a node attribute",
                             hint="give the annotation another name")  # fmt: skip
        if len(values) != network.node_count:
            raise InputError(
                f"annotation {name!r} has {len(values)} values for {network.node_count} nodes",
                hint="give one value per node, in the network's node order",
            )
        dtype = np.asarray(values).dtype
        types[name] = "string"
        if np.issubdtype(dtype, np.integer):
            types[name] = "long"
        elif np.issubdtype(dtype, np.floating):
            types[name] = "double"
    return types


def node_rows(
    network: Network, annotations: Annotations | None, budget: Budget | None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, attributes) for every node, annotations included."""
    extra = {name: np.asarray(values).tolist() for name, values in (annotations or {}).items()}
    columns = network.nodes.select("id", *NODE_ATTRIBUTES)
    for vertex, row in enumerate(columns.iter_rows(named=True)):
        if vertex % _EVERY == 0:
            check(budget, "export")
        node_id = row.pop("id")
        row.update({name: values[vertex] for name, values in extra.items()})
        yield node_id, row


def edge_rows(network: Network, budget: Budget | None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(source id, target id, attributes) for every edge; times as ISO 8601."""
    ids = network.ids
    columns = network.edges.select(*EDGE_ATTRIBUTES)
    for row_number, row in enumerate(columns.iter_rows(named=True)):
        if row_number % _EVERY == 0:
            check(budget, "export")
        if row["time"] is not None:
            row["time"] = row["time"].isoformat()
        source = ids[int(network.sources[row_number])]
        target = ids[int(network.targets[row_number])]
        yield source, target, row
