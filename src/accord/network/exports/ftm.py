"""The network as a FollowTheMoney entity stream (one JSON entity a line, ready for Aleph).

Nodes become Person, Company, BankAccount, Vehicle, ... entities; edges become the matching FtM
interval entities (Ownership, Directorship, Family, Associate, Employment, Payment, Call). An edge
whose ends do not fit the FtM schema (a family tie to a company, say) or whose kind FtM has no
schema for becomes an UnknownLink whose role names the kind, so that nothing is dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema

from accord.model.schemata import get_schema, make_entity
from accord.network.budget import Budget, check
from accord.network.graph import Network

__all__ = ["EDGE_SCHEMATA", "NODE_SCHEMATA", "ftm_entities", "write_ftm"]

NODE_SCHEMATA = {
    "person": "Person", "company": "Company", "organization": "Organization",
    "account": "BankAccount", "wallet": "CryptoWallet", "phone": "UserAccount",
    "email": "UserAccount", "vehicle": "Vehicle", "vessel": "Vessel", "address": "Address",
    "shipment": "Asset", "real_estate": "RealEstate", "firearm": "Firearm",
}  # fmt: skip
_DEFAULT_NODE_SCHEMA = "LegalEntity"

# Edge kind -> (schema, properties for the source end, for the target end, role); the first
# property whose range fits the end's schema is used.
EDGE_SCHEMATA: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str | None]] = {
    "ownership": ("Ownership", ("owner",), ("asset",), None),
    "holds": ("Ownership", ("owner",), ("asset",), "account holder"),
    "directorship": ("Directorship", ("director",), ("organization",), None),
    "family": ("Family", ("person",), ("relative",), None),
    "association": ("Associate", ("person",), ("associate",), None),
    "employment": ("Employment", ("employee",), ("employer",), None),
    "payment": ("Payment", ("payer", "payerAccount"), ("beneficiary", "beneficiaryAccount"), None),
    "transfer": ("Payment", ("payer", "payerAccount"), ("beneficiary", "beneficiaryAccount"),
                 None),
    "call": ("Call", ("caller",), ("receiver",), None),
}  # fmt: skip
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,200}$")
_EVERY = 10_000  # entities between budget checks


def ftm_entities(network: Network, *, budget: Budget | None = None) -> Iterator[EntityProxy]:
    """Every node, then every edge, as an entity of the merged FtM model."""
    schemata: list[Schema] = []
    for count, (node_id, kind, label) in enumerate(
        network.nodes.select("id", "kind", "label").iter_rows()
    ):
        if count % _EVERY == 0:
            check(budget, "FtM export")
        proxy = _node(node_id, kind, label)
        schemata.append(proxy.schema)
        yield proxy
    ids = network.ids
    labels = network.nodes.get_column("label").to_list()
    columns = network.edges.select("kind", "amount", "time", "record_id")
    for row, (kind, amount, time, record_id) in enumerate(columns.iter_rows()):
        if row % _EVERY == 0:
            check(budget, "FtM export")
        source, target = int(network.sources[row]), int(network.targets[row])
        ends = (_entity_id(ids[source]), _entity_id(ids[target]))
        edge_id = _hashed("edge", kind, ids[source], ids[target], record_id or "", str(row))
        properties: dict[str, Any] = {}
        if time is not None:
            properties["date"] = time.isoformat(timespec="seconds")
        schema, source_props, target_props, role = EDGE_SCHEMATA.get(kind, ("", (), (), None))
        source_prop = _fitting(schema, source_props, schemata[source])
        target_prop = _fitting(schema, target_props, schemata[target])
        fits = source_prop is not None and target_prop is not None
        phones = {schemata[source].name, schemata[target].name} == {"UserAccount"}
        if kind == "call" and not fits and phones:
            # Calls between phone numbers: FtM records the numbers themselves.
            properties.update(callerNumber=labels[source], receiverNumber=labels[target])
            yield make_entity("Call", edge_id, properties)
            continue
        if source_prop is None or target_prop is None:
            schema, source_prop, target_prop = "UnknownLink", "subject", "object"
            role = kind.replace("_", " ")
        properties.update({source_prop: ends[0], target_prop: ends[1]})
        if role:
            properties["role"] = role
        if schema == "Payment" and amount is not None:
            properties.update(amount=f"{amount:.2f}", currency="EUR")
        yield make_entity(schema, edge_id, properties)


def write_ftm(network: Network, out: IO[str], *, budget: Budget | None = None) -> int:
    """Write the entities to ``out`` as JSON lines; return how many were written."""
    written = 0
    for proxy in ftm_entities(network, budget=budget):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")
        written += 1
    return written


def _node(node_id: str, kind: str, label: str) -> EntityProxy:
    schema = NODE_SCHEMATA.get(kind, _DEFAULT_NODE_SCHEMA)
    properties: dict[str, Any] = {"full" if schema == "Address" else "name": label}
    if kind == "phone":
        properties.update(phone=label, service="phone")
    elif kind == "email":
        properties.update(email=label, service="email")
    return make_entity(schema, _entity_id(node_id), properties)


def _fitting(schema: str, props: tuple[str, ...], end: Schema) -> str | None:
    for prop in props:
        expected = get_schema(schema).properties[prop].range
        if isinstance(expected, Schema) and end.is_a(expected):
            return prop
    return None


def _entity_id(node_id: str) -> str:
    # Node ids pass through when FtM-safe, so that exports of the same network line up.
    return node_id if _SAFE_ID.match(node_id) else _hashed("node", node_id)


def _hashed(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
