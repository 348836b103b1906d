"""A small flagged world for the screening tests: agreements, users and records of RS, XK and
ME written straight into the store (persons in Cyrillic, a missing child, victims that must
never be indexed, documents, a van, a firearm and a phone)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from accord.model.ids import content_hash
from accord.policy import Principal
from accord.services import Services
from accord.services.region import default_agreements, load_agreements
from accord.store import BatchMeta, Chunk

USERS = {
    "rs.officer": ("RS-MUP", "officer"),
    "rs.approver": ("RS-MUP", "approver"),
    "xk.officer": ("XK-KP", "officer"),
    "xk.analyst": ("XK-KP", "analyst"),
    "xk.approver": ("XK-KP", "approver"),
    "me.officer": ("ME-UP", "officer"),
    "hu.officer": ("HU-ORFK", "officer"),
    "xk.dpo": ("XK-KP", "dpo"),
}


@dataclass
class World:
    services: Services
    users: dict[str, Principal] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)


def add_records(
    services: Services,
    authority: str,
    dataset: str,
    schema: str,
    rows: dict[str, dict[str, list[str]]],
    *,
    subject: str = "suspect",
    alert: str | None = None,
    handling: str = "H0",
    purpose: str = "serious-crime",
    basis: str = "AGR-WB-SOC-2025",
    same_ids: dict[str, str] | None = None,
) -> dict[str, str]:
    """Store records (label -> properties) with one envelope; returns label -> record id.
    ``same_ids`` writes over stored records (label -> their id): a change of the record."""
    participant = authority.split("-")[0]
    eid = secrets.token_hex(8)
    envelope = (
        eid,
        participant,
        authority,
        dataset,
        handling,
        None,
        "B",
        "2",
        subject,
        "fact",
        purpose,
        basis,
        "2030-01-01",
        "2031-01-01",
        alert,
    )
    records, ids = [], {}
    for label, props in rows.items():
        rid = (same_ids or {}).get(label) or f"{participant.lower()}-{secrets.token_hex(12)}"
        text = json.dumps(props, ensure_ascii=False)
        caption = (props.get("name") or props.get("number") or [label])[0]
        records.append((rid, schema, caption, text, eid, content_hash([("p", text)])))
        ids[label] = rid
    meta = BatchMeta(
        id=f"b-{secrets.token_hex(6)}",
        participant=participant,
        authority=authority,
        dataset=dataset,
        source=f"{dataset}.csv",
        file_sha256="0" * 64,
        actor="cli:test",
        mapping="",
        purpose=purpose,
        started_at="2026-01-01T00:00:00+00:00",
    )
    chunk = Chunk(
        read=len(records),
        records=records,
        row_numbers=list(range(2, 2 + len(records))),
        envelopes={eid: envelope},
    )
    services.store.write_batch(meta, [chunk])
    return ids


def person(first: str, last: str, birth: str = "", **more: str) -> dict[str, list[str]]:
    props: dict[str, Any] = {"firstName": [first], "lastName": [last], "name": [f"{first} {last}"]}
    if birth:
        props["birthDate"] = [birth]
    for key, value in more.items():
        props[key] = [value]
    return props


def build_world(services: Services) -> World:
    load_agreements(services, default_agreements(), "cli:test")
    world = World(services)
    for username, (authority, roles) in USERS.items():
        world.users[username] = services.accounts.add_user(
            username, authority, roles, actor="cli:test"
        )
    world.ids.update(
        add_records(
            services,
            "RS-MUP",
            "police_persons",
            "Person",
            {
                "wanted": person(
                    "Петар",
                    "Петровић",
                    "1985-03-12",
                    nationality="rs",
                    gender="male",
                    passportNumber="012345678",
                    phone="+381641234567",
                ),
                "wanted2": person(
                    "Arben", "Krasniqi", "1979-11-05", nationality="xk", gender="male"
                ),
            },
            alert="wanted",
            handling="H0,H2",
        )
    )
    world.ids.update(
        add_records(
            services,
            "RS-MUP",
            "police_persons",
            "Person",
            {
                "unflagged": person("Marko", "Marković", "1970-02-03", nationality="rs"),
            },
        )
    )
    world.ids.update(
        add_records(
            services,
            "MK-MVR",
            "missing_persons",
            "Person",
            {
                "missing": person(
                    "Марија", "Јовановска", "2010-05-21", nationality="mk", gender="female"
                ),
            },
            subject="victim",
            alert="missing",
            handling="H0,H2",
            purpose="missing-persons",
        )
    )
    world.ids.update(
        add_records(
            services,
            "RS-MUP",
            "victims",
            "Person",
            {
                "victim": person("Ana", "Nikolić", "1995-06-14", nationality="rs", gender="female"),
            },
            subject="victim",
        )
    )
    world.ids.update(
        add_records(
            services,
            "RS-MUP",
            "victims_flagged",
            "Person",
            {
                "victim_wanted": person("Ivana", "Ilić", "1992-11-30", nationality="rs"),
            },
            subject="victim",
            alert="wanted",
        )
    )
    world.ids.update(
        add_records(
            services,
            "XK-KP",
            "lost_id_cards",
            "Passport",
            {
                "passport": {"number": ["KO1234567"], "holder": ["xk-holder"], "country": ["xk"]},
                "passport_b": {
                    "number": ["BS7654321"],
                    "holder": ["xk-holder2"],
                    "country": ["xk"],
                },
            },
            subject="other",
            alert="stolen",
            purpose="border-management",
            basis="AGR-WB-BORDER-2025",
        )
    )
    world.ids.update(
        add_records(
            services,
            "ME-UP",
            "police_vehicles",
            "Vehicle",
            {
                "van": {
                    "registrationNumber": ["PG AB 123"],
                    "description": ["VIN VF16EVRW6HY9CUV77"],
                },
            },
            alert="stolen",
        )
    )
    world.ids.update(
        add_records(
            services,
            "RS-MUP",
            "firearms",
            "Firearm",
            {
                "pistol": {"serialNumber": ["680335"], "make": ["Zastava"]},
            },
            subject="other",
            alert="stolen",
            purpose="firearms",
            basis="AGR-SALW-2025",
        )
    )
    return world
