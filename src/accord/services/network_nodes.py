"""The nodes of a user's network: one per identity, one per thing, from the records they see.

Person records of one identity cluster become one person node (the identity's id); a person
record in no identity is a node of its own (its record id). Records of things that share a key
(:mod:`accord.services.network_keys`) become one node, and so do the phone numbers and addresses
that person records and calls mention. A thing's node id is a keyed hash of its smallest key, so
that it is stable from one build to the next and does not spell out a phone or account number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

from accord.model.ids import keyed_hash
from accord.network.tables import NODE_SCHEMA
from accord.services.network_keys import ENTITY_KINDS, PERSON_SCHEMATA, entity_keys
from accord.store.records import StoredRecord

__all__ = ["NodeBook"]

_RECORD = "record:"


@dataclass
class _Node:
    kind: str
    label: str
    participants: set[str] = field(default_factory=set)
    record_ids: list[str] = field(default_factory=list)
    label_record: str = ""


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        root = item
        while parent != root:
            root, parent = parent, self.parent[parent]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller token becomes the root, so a component's root is its smallest token
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass(frozen=True)
class _Mention:
    key: str
    kind: str
    label: str
    record: StoredRecord


class NodeBook:
    """Collects the nodes while the records are read; :meth:`resolve` then fixes their ids."""

    def __init__(self, identity_of: Mapping[str, str], id_key: bytes) -> None:
        self._identity_of = identity_of
        self._id_key = id_key
        self._persons: dict[str, _Node] = {}
        self._entities: list[tuple[StoredRecord, list[str]]] = []
        self._mentions: list[_Mention] = []
        self._links = _UnionFind()
        self._node_of: dict[str, str] = {}
        self._things: dict[str, _Node] = {}
        self._key_node: dict[str, str] = {}

    # -- while reading ---------------------------------------------------------------------

    def add(self, record: StoredRecord) -> bool:
        """Take a node record (person or thing); False when its schema is not a node's."""
        if record.schema in PERSON_SCHEMATA:
            node_id = self._identity_of.get(record.id, record.id)
            node = self._persons.get(node_id)
            if node is None:
                node = self._persons[node_id] = _Node("person", record.caption or node_id)
            _attach(node, record)
            self._node_of[record.id] = node_id
            return True
        if record.schema in ENTITY_KINDS:
            keys = entity_keys(record)
            self._entities.append((record, keys))
            token = _RECORD + record.id
            self._links.find(token)
            for key in keys:
                self._links.union(token, key)
            return True
        return False

    def mention(self, key: str | None, kind: str, label: str, record: StoredRecord) -> str | None:
        """A thing named inside a record (a phone number, an address); returns its key."""
        if key is None:
            return None
        self._mentions.append(_Mention(key, kind, label, record))
        self._links.find(key)
        return key

    # -- afterwards ------------------------------------------------------------------------

    def resolve(self) -> None:
        """Give every thing its node id (call once, after every record was added)."""
        basis: dict[str, str] = {}
        for key in [k for _record, keys in self._entities for k in keys] + [
            m.key for m in self._mentions
        ]:
            root = self._links.find(key)
            if root not in basis or key < basis[root]:
                basis[root] = key
        roots: dict[str, str] = {}
        for record, _keys in self._entities:
            root = self._links.find(_RECORD + record.id)
            kind = ENTITY_KINDS[record.schema]
            node = self._thing(roots, root, kind, basis.get(root, root), record.caption)
            _attach(node, record)
            self._node_of[record.id] = roots[root]
        for mention in self._mentions:
            root = self._links.find(mention.key)
            node = self._thing(roots, root, mention.kind, basis[root], mention.label)
            _attach(node, mention.record, mention.label)
            self._key_node[mention.key] = roots[root]

    def _thing(self, roots: dict[str, str], root: str, kind: str, basis: str, label: str) -> _Node:
        node_id = roots.get(root)
        if node_id is None:
            # the component's smallest key (its record id when it has none) names the node, so
            # the id stays the same while the thing keeps its identifiers
            node_id = roots[root] = f"{kind}-" + keyed_hash(self._id_key, "node", basis)[:20]
        node = self._things.get(node_id)
        if node is None:
            node = self._things[node_id] = _Node(kind, label or kind)
        return node

    def node_of(self, record_id: str) -> str | None:
        """The node of a node record this user sees, or None."""
        return self._node_of.get(record_id)

    def node_of_key(self, key: str | None) -> str | None:
        return None if key is None else self._key_node.get(key)

    def kind_of(self, node_id: str) -> str | None:
        found = self._persons.get(node_id) or self._things.get(node_id)
        return None if found is None else found.kind

    def frame(self) -> pl.DataFrame:
        """The node table of the network contract, by id."""
        items = sorted([*self._persons.items(), *self._things.items()], key=lambda item: item[0])
        ids = [node_id for node_id, _node in items]
        # the lists of record ids are built by one group-by: a list per row from Python is slow
        behind = (
            pl.DataFrame(
                {
                    "id": [node_id for node_id, node in items for _r in node.record_ids],
                    "record_ids": [r for _id, node in items for r in node.record_ids],
                },
                schema={"id": pl.Utf8, "record_ids": pl.Utf8},
            )
            .group_by("id")
            .agg(pl.col("record_ids").unique().sort())
        )
        table = pl.DataFrame(
            {
                "id": ids,
                "kind": [node.kind for _id, node in items],
                "label": [node.label for _id, node in items],
                "participants": [",".join(sorted(node.participants)) for _id, node in items],
            },
            schema={"id": pl.Utf8, "kind": pl.Utf8, "label": pl.Utf8, "participants": pl.Utf8},
        )
        joined = table.join(behind, on="id", how="left", maintain_order="left")
        return joined.with_columns(
            pl.col("record_ids").fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))
        ).select(NODE_SCHEMA.names())

    def record_ids(self) -> Iterable[str]:
        return self._node_of.keys()


def _attach(node: _Node, record: StoredRecord, label: str | None = None) -> None:
    """Put a record behind a node; ``label`` names a thing the record mentions."""
    node.participants.add(record.envelope.participant)
    node.record_ids.append(record.id)
    caption = label if label is not None else record.caption
    # the label comes from the smallest record id: stable whatever the reading order
    if caption and (not node.label_record or record.id < node.label_record):
        node.label, node.label_record = caption, record.id
