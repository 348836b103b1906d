"""Reading a user's network: every record through the Gate, identities, and the audit entry.

The records are read as the user, for the declared purpose, schema by schema, so each user's
network holds only what the agreements let that user see. The identity of a visible person
record is taken from the stored identities; other members of its identity that the user may not
see never enter the network. Building the network combines records into one picture, so the
build is written to the audit as a combination (user, purpose, justification and the records
whose relations were combined), as the linkage job writes its runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import polars as pl

from accord.model.codes import Purpose
from accord.policy import Action, Principal
from accord.services.context import Services
from accord.services.network_build import NETWORK_SCHEMATA, NetworkTables, build_tables
from accord.services.network_travel import RelationRules
from accord.store.audit import AuditEntry
from accord.store.gate import RecordQuery, parse_purpose
from accord.store.identities import IdentityStore
from accord.store.records import StoredRecord

__all__ = ["read_network"]

_PAGE = 100_000


def _visible(
    services: Services,
    user: Principal,
    purpose: str | Purpose | None,
    justification: str,
    action: Action,
) -> Iterator[StoredRecord]:
    for schema in NETWORK_SCHEMATA:
        offset = 0
        while True:
            query = RecordQuery(schema=schema, limit=_PAGE, offset=offset)
            page = services.gate.read(
                user, purpose, query, justification=justification, action=action
            )
            yield from page
            if len(page) < _PAGE:
                break
            offset += len(page)


def _identities(services: Services, record_ids: set[str]) -> dict[str, str]:
    with services.store.read() as conn:
        members = IdentityStore().assignment(conn)
    visible = members.filter(pl.col("record_id").is_in(list(record_ids)))
    return dict(zip(visible["record_id"].to_list(), visible["identity_id"].to_list(), strict=True))


def read_network(
    services: Services,
    user: Principal,
    purpose: str | Purpose | None,
    justification: str = "",
    rules: RelationRules | None = None,
    action: Action = Action.READ,
) -> NetworkTables:
    """The node and edge tables of what this user may see (see the module); with
    ``action=Action.EXPORT``, of what this user may take out of Accord in a file."""
    why = justification or "network analysis"
    wanted = parse_purpose(purpose)
    # the Gate refuses (and logs) a missing or unknown purpose on the first read
    started = time.perf_counter()
    records = list(_visible(services, user, purpose, why, action))
    persons = {r.id for r in records if r.schema == "Person"}
    identities = _identities(services, persons)
    read = time.perf_counter()
    tables = build_tables(records, identities, services.settings.id_key, rules)
    tables.seconds = {
        "read": round(read - started, 2),
        "build": round(time.perf_counter() - read, 2),
    }
    combined = sorted({r for r in tables.edges["record_id"].drop_nulls().to_list()})
    services.store.log(
        AuditEntry(
            actor=user.username,
            authority=user.authority,
            action="combination",
            purpose=wanted.value if wanted else str(purpose),
            refs=combined,
            detail={
                "why": "network of persons, things and their relations",
                "justification": why,
                "records_read": len(tables.records),
                "nodes": tables.nodes.height,
                "edges": tables.edges.height,
            },
        )
    )
    return tables
