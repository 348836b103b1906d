"""The node and edge tables of the network contract, from the records a user may see.

Pure: takes records already read through the Gate and the identity of each visible person record;
touches no store. Whatever the records are read in, the same tables come out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

from accord.network.tables import EDGE_SCHEMA, check_edges, check_nodes
from accord.services.network_edges import LINK_SCHEMATA, Edge, EdgeRules
from accord.services.network_keys import ENTITY_KINDS, PERSON_SCHEMATA
from accord.services.network_nodes import NodeBook
from accord.services.network_travel import RelationRules, shared_edges, travel_edges
from accord.store.records import StoredRecord

__all__ = ["NETWORK_SCHEMATA", "NetworkTables", "build_tables"]

#: Every schema whose records the network reads.
NETWORK_SCHEMATA = tuple(sorted({*PERSON_SCHEMATA, *ENTITY_KINDS, *LINK_SCHEMATA}))

#: Ties stated again by every call or payment of the same parties: kept once, with the
#: smallest record as evidence, so that a busy phone is not a heavier tie than an owned van.
_ONCE = frozenset({"uses", "holds", "address"})


@dataclass
class NetworkTables:
    """The two tables, the visible records read, and the node each node record became (a
    record that only mentions a phone or an address is behind that node too, but is not it)."""

    nodes: pl.DataFrame
    edges: pl.DataFrame
    records: dict[str, StoredRecord] = field(default_factory=dict)
    node_of: dict[str, str] = field(default_factory=dict)
    #: how long reading the records (through the Gate) and building the tables took
    seconds: dict[str, float] = field(default_factory=dict)

    def participants(self) -> list[str]:
        codes = {r.envelope.participant for r in self.records.values()}
        return sorted(codes)


def _dedupe(edges: list[Edge]) -> list[Edge]:
    kept: dict[tuple[str, str, str], Edge] = {}
    rest: list[Edge] = []
    for edge in edges:
        if edge.kind not in _ONCE:
            rest.append(edge)
            continue
        key = (edge.source, edge.target, edge.kind)
        found = kept.get(key)
        if found is None or (edge.record_id or "") < (found.record_id or ""):
            kept[key] = edge
    return rest + list(kept.values())


def build_tables(
    records: Iterable[StoredRecord],
    identity_of: Mapping[str, str],
    id_key: bytes,
    rules: RelationRules | None = None,
) -> NetworkTables:
    """Nodes and edges of the records (see :mod:`accord.services.network`)."""
    rules = rules or RelationRules()
    book = NodeBook(identity_of, id_key)
    edge_rules = EdgeRules(book)
    kept: dict[str, StoredRecord] = {}
    for record in records:
        if record.schema not in NETWORK_SCHEMATA or record.id in kept:
            continue
        kept[record.id] = record
        book.add(record)
        edge_rules.mentions(record)
    book.resolve()
    ordered = sorted(kept.values(), key=lambda r: r.id)
    for record in ordered:
        edge_rules.node_edges(record)
        edge_rules.link_edges(record)
    edges = _dedupe(edge_rules.edges)
    edges += travel_edges(book, (r for r in ordered if r.schema == "BorderCrossing"), rules)
    edges += shared_edges(book, edges, rules)
    edges.sort(key=lambda e: (e.source, e.target, e.kind, e.record_id or ""))
    nodes = check_nodes(book.frame())
    frame = pl.DataFrame(edges, schema=EDGE_SCHEMA, orient="row")
    node_of = {rid: node for rid in book.record_ids() if (node := book.node_of(rid))}
    return NetworkTables(nodes, check_edges(frame, nodes=nodes), kept, node_of)
