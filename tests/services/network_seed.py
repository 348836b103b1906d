"""A small smuggling network of Serbia and Montenegro in a store, with one withheld branch.

Serbia's police hold an organiser (also known to Montenegro: one identity), a driver with a van,
a client who pays, their calls and crossings. Details cross a border only once released (step 2):
every record is released to Kosovo's police, and Montenegro's to Serbia's. A family link and a
payment of an informant carry the H3 restriction that the cooperation agreement cannot honour:
Serbian users see them, users of other participants never do, released or not.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from accord.model.ids import content_hash
from accord.policy import Principal, Role
from accord.store import BatchMeta, Chunk, Store
from accord.store.identities import IdentityStore
from accord.store.tables import releases

RS_ANALYST = Principal("rs.analyst", "RS", "RS-MUP", frozenset({Role.ANALYST}))
XK_ANALYST = Principal("xk.analyst", "XK", "XK-KP", frozenset({Role.ANALYST}))
HU_OFFICER = Principal("hu.officer", "HU", "HU-ORFK", frozenset({Role.OFFICER}))
PURPOSE = "migrant-smuggling"

#: The organiser's identity (Serbian and Montenegrin records).
ORGANISER = "ID-organiser"
WITHHELD = ("rs-e", "rs-fam", "rs-pay2")
WITHHELD_NAME = "Zoran Tajni"

_RS = [
    ("rs-a", "Person", "Arben Krasniqi", {"name": ["Arben Krasniqi"], "phone": ["+381631234567"]}),
    ("rs-b", "Person", "Marko Petrović", {"name": ["Marko Petrović"], "phone": ["+381641112223"]}),
    ("rs-c", "Person", "Ali Hassan", {"name": ["Ali Hassan"]}),
    ("rs-van", "Vehicle", "BG 123-AB", {
        "registrationNumber": ["BG 123-AB"], "owner": ["rs-b"],
        "description": ["VIN WVWZZZ7HZ8H012345"]}),
    ("rs-call", "Call", "call", {
        "caller": ["rs-a"], "receiver": ["rs-b"], "callerNumber": ["+381631234567"],
        "receiverNumber": ["+381641112223"], "date": ["2024-03-01"]}),
    ("rs-pay", "Payment", "500 EUR", {
        "payer": ["rs-c"], "beneficiary": ["rs-a"], "amount": ["500.00"], "currency": ["EUR"],
        "date": ["2024-03-02"]}),
    ("rs-assoc", "Associate", "associate", {"person": ["rs-a"], "associate": ["rs-c"]}),
    ("rs-x1", "BorderCrossing", "Horgoš", {
        "person": ["rs-b"], "vehicle": ["rs-van"], "date": ["2024-03-05"],
        "crossingPoint": ["Horgoš"], "direction": ["exit"]}),
    ("rs-x2", "BorderCrossing", "Horgoš", {
        "person": ["rs-c"], "vehicle": ["rs-van"], "date": ["2024-03-05"],
        "crossingPoint": ["Horgoš"], "direction": ["exit"]}),
]  # fmt: skip
_RS_H3 = [
    ("rs-e", "Person", WITHHELD_NAME, {"name": [WITHHELD_NAME], "phone": ["+381609998887"]}),
    ("rs-fam", "Family", "brother", {"person": ["rs-a"], "relative": ["rs-e"]}),
    ("rs-pay2", "Payment", "9000 EUR", {
        "payer": ["rs-e"], "beneficiary": ["rs-a"], "amount": ["9000.00"], "currency": ["EUR"],
        "date": ["2024-04-01"]}),
]  # fmt: skip
_ME = [
    ("me-a", "Person", "Arben Krasniqi", {"name": ["Arben Krasniqi"]}),
    ("me-co", "Company", "Jadran Voće d.o.o.", {
        "name": ["Jadran Voće d.o.o."], "registrationNumber": ["00427644"]}),
    ("me-dir", "Directorship", "director", {"director": ["me-a"], "organization": ["me-co"]}),
]  # fmt: skip


def _envelope(eid: str, authority: str, handling: str, note: str | None) -> tuple[Any, ...]:
    return (
        eid, authority.split("-")[0], authority, "police", handling, note, "B", "2", "suspect",
        "fact", PURPOSE, "AGR-WB-SOC-2025", "2030-01-01", "2031-01-01", None,
    )  # fmt: skip


def _batch(store: Store, authority: str, rows: list[Any], handling: str, note: str | None) -> None:
    eid = f"e-{authority}-{handling}"
    records = []
    for rid, schema, caption, props in rows:
        text = json.dumps(props, ensure_ascii=False, sort_keys=True)
        records.append((rid, schema, caption, text, eid, content_hash([("p", text)])))
    meta = BatchMeta(
        id=f"b-{authority}-{handling}", participant=authority.split("-")[0], authority=authority,
        dataset="police", source="police.csv", file_sha256="0" * 64, actor="cli:seed",
        mapping="", purpose=PURPOSE, started_at="2026-01-01T00:00:00+00:00",
    )  # fmt: skip
    chunk = Chunk(
        read=len(records),
        records=records,
        row_numbers=list(range(2, 2 + len(records))),
        envelopes={eid: _envelope(eid, authority, handling, note)},
    )
    store.write_batch(meta, [chunk])


def seed_network(store: Store) -> None:
    """Store the records and the organiser's identity."""
    _batch(store, "RS-MUP", _RS, "H0", None)
    _batch(store, "RS-MUP", _RS_H3, "H0,H3", "not to leave the Serbian police")
    _batch(store, "ME-UP", _ME, "H0", None)
    members = pl.DataFrame(
        {
            "record_id": ["rs-a", "me-a"], "identity_id": [ORGANISER, ORGANISER],
            "participant": ["RS", "ME"], "linked_to": [None, "rs-a"],
            "match_weight": [None, 12.0], "match_probability": [None, 0.999],
            "evidence": [None, "[]"],
        }
    )  # fmt: skip
    empty = members.clear()
    at = "2026-01-01T00:00:00+00:00"
    run = {
        "id": "RUN-seed", "actor": "system:linkage", "purpose": "serious-crime",
        "started_at": at, "finished_at": at, "records": 2, "identities": 1, "parameters": "{}",
    }  # fmt: skip
    released = [("XK-KP", rid) for rows in (_RS, _RS_H3, _ME) for rid, *_rest in rows]
    released += [("RS-MUP", rid) for rid, *_rest in _ME]
    with store.write() as conn:
        IdentityStore().write_run(conn, run, members, empty, at)
        conn.execute(
            releases.insert(),
            [
                {"record_id": rid, "authority": authority, "granted_at": at,
                 "granted_by": "approver", "reference": "S2-seed"}
                for authority, rid in released
            ],
        )  # fmt: skip
