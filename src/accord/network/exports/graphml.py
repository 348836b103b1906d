"""GraphML and GEXF files: the whole network with node and edge attributes, for Gephi, yEd,
Cytoscape desktop and networkx. Written as a stream, so a large network never sits in memory as
XML."""

from __future__ import annotations

from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from accord.network.budget import Budget
from accord.network.exports.columns import (
    EDGE_ATTRIBUTES,
    NODE_ATTRIBUTES,
    Annotations,
    annotation_types,
    edge_rows,
    node_rows,
)
from accord.network.graph import Network

__all__ = ["write_gexf", "write_graphml"]

_GRAPHML_TYPES = {"string": "string", "double": "double", "long": "long"}
_GEXF_TYPES = {"string": "string", "double": "double", "long": "long"}


def write_graphml(
    network: Network,
    out: IO[str],
    *,
    annotations: Annotations | None = None,
    budget: Budget | None = None,
) -> None:
    """A directed GraphML graph; missing values are left out of their element."""
    node_types = {**NODE_ATTRIBUTES, **annotation_types(network, annotations)}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, kind in node_types.items():
        out.write(f'  <key id="n_{name}" for="node" attr.name={quoteattr(name)} '
                  f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n')  # fmt: skip
    for name, kind in EDGE_ATTRIBUTES.items():
        out.write(f'  <key id="e_{name}" for="edge" attr.name={quoteattr(name)} '
                  f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n')  # fmt: skip
    out.write('  <graph id="accord" edgedefault="directed">\n')
    for node_id, values in node_rows(network, annotations, budget):
        out.write(f"    <node id={quoteattr(node_id)}>{_data('n', values)}</node>\n")
    for number, (source, target, values) in enumerate(edge_rows(network, budget)):
        out.write(f'    <edge id="e{number}" source={quoteattr(source)} '
                  f"target={quoteattr(target)}>{_data('e', values)}</edge>\n")  # fmt: skip
    out.write("  </graph>\n</graphml>\n")


def write_gexf(
    network: Network,
    out: IO[str],
    *,
    annotations: Annotations | None = None,
    budget: Budget | None = None,
) -> None:
    """A directed GEXF 1.3 graph (Gephi's own format); edge weight in the ``weight`` attribute
    of each edge, the other values as declared attributes."""
    node_types = {**NODE_ATTRIBUTES, **annotation_types(network, annotations)}
    node_types.pop("label")  # GEXF has a label of its own
    edge_types = {k: v for k, v in EDGE_ATTRIBUTES.items() if k != "weight"}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<gexf xmlns="http://gexf.net/1.3" version="1.3">\n')
    out.write('  <graph defaultedgetype="directed" mode="static">\n')
    _gexf_attributes(out, "node", node_types)
    _gexf_attributes(out, "edge", edge_types)
    out.write("    <nodes>\n")
    for node_id, values in node_rows(network, annotations, budget):
        label = values.pop("label")
        out.write(f"      <node id={quoteattr(node_id)} label={quoteattr(label)}>"
                  f"{_attvalues(node_types, values)}</node>\n")  # fmt: skip
    out.write("    </nodes>\n    <edges>\n")
    for number, (source, target, values) in enumerate(edge_rows(network, budget)):
        weight = values.pop("weight")
        out.write(f'      <edge id="{number}" source={quoteattr(source)} '
                  f'target={quoteattr(target)} weight="{weight!r}">'
                  f"{_attvalues(edge_types, values)}</edge>\n")  # fmt: skip
    out.write("    </edges>\n  </graph>\n</gexf>\n")


def _data(prefix: str, values: dict[str, Any]) -> str:
    return "".join(
        f'<data key="{prefix}_{name}">{escape(_text(value))}</data>'
        for name, value in values.items()
        if value is not None and value != ""
    )


def _gexf_attributes(out: IO[str], kind: str, types: dict[str, str]) -> None:
    out.write(f'    <attributes class="{kind}">\n')
    for name, value_type in types.items():
        out.write(f'      <attribute id={quoteattr(name)} title={quoteattr(name)} '
                  f'type="{_GEXF_TYPES[value_type]}"/>\n')  # fmt: skip
    out.write("    </attributes>\n")


def _attvalues(types: dict[str, str], values: dict[str, Any]) -> str:
    inner = "".join(
        f"<attvalue for={quoteattr(name)} value={quoteattr(_text(values[name]))}/>"
        for name in types
        if values.get(name) is not None and values.get(name) != ""
    )
    return f"<attvalues>{inner}</attvalues>" if inner else ""


def _text(value: Any) -> str:
    return repr(value) if isinstance(value, float) else str(value)
