"""Seed data shared by the exchange and API tests: agreements, users of every role, a few
records of three authorities, and a clock the tests move by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from accord.model.ids import content_hash
from accord.policy import Principal
from accord.store import BatchMeta, Chunk, Store
from accord.store.accounts import Accounts
from accord.store.agreement_book import AgreementBook
from accord.store.tables import audit_entries, audit_values

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

AGREEMENTS: list[dict[str, Any]] = [
    {
        "id": "AGR-SOC",
        "title": "Serious and organised crime exchange",
        "providers": ["RS", "XK", "AL", "GB"],
        "recipients": ["RS", "XK", "AL", "GB"],
        "schemata": ["*"],
        "purposes": ["serious-crime", "drug-trafficking"],
        "handling": ["H0", "H1", "H2"],
        "valid_from": "2025-01-01",
        "valid_to": "2030-12-31",
    },
    {
        # one way: Serbia provides to Montenegro, not the other way round
        "id": "AGR-ONEWAY",
        "title": "Border information from Serbia to Montenegro",
        "providers": ["RS"],
        "recipients": ["ME"],
        "purposes": ["border-management"],
        "handling": ["H0"],
        "valid_from": "2025-01-01",
    },
    {
        "id": "AGR-FUTURE",
        "title": "Not yet in force",
        "providers": ["RS", "XK"],
        "recipients": ["RS", "XK"],
        "purposes": ["firearms"],
        "handling": ["H0"],
        "valid_from": "2029-01-01",
    },
]

#: username -> (authority, roles)
USERS = {
    "rs.officer": ("RS-MUP", "officer"),
    "rs.analyst": ("RS-MUP", "analyst"),
    "rs.approver": ("RS-MUP", "approver"),
    "rs.dpo": ("RS-MUP", "dpo"),
    "rs.admin": ("RS-MUP", "admin"),
    "rs.border": ("RS-GP", "officer"),
    "xk.officer": ("XK-KP", "officer"),
    "xk.dpo": ("XK-KP", "dpo"),
    "al.officer": ("AL-ASP", "officer"),
    "me.officer": ("ME-UP", "officer"),
    "gb.officer": ("GB-NCA", "officer"),
}
ROLES = ("officer", "analyst", "approver", "dpo", "admin")


@dataclass
class FakeClock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Seeded:
    users: dict[str, Principal] = field(default_factory=dict)
    records: dict[str, list[str]] = field(default_factory=dict)


def _envelope(eid: str, authority: str, handling: str, note: str | None) -> tuple[Any, ...]:
    participant = authority.split("-")[0]
    return (
        eid, participant, authority, "persons", handling, note, "B", "2", "suspect", "fact",
        "serious-crime", "AGR-SOC", "2027-01-01", "2028-01-01", None,
    )  # fmt: skip


def _records(store: Store, authority: str, names: list[str], handling: str = "H0") -> list[str]:
    participant = authority.split("-")[0]
    note = "Not to be shown to the suspect's employer" if "H3" in handling else None
    eid = f"e-{authority}-{handling}".replace(",", "")
    rows, ids = [], []
    for number, name in enumerate(names, start=1):
        rid = f"{participant.lower()}-{authority.lower()}-{handling.replace(',', '')}-{number}"
        props = json.dumps({"name": [name]})
        rows.append((rid, "Person", name, props, eid, content_hash([("properties", props)])))
        ids.append(rid)
    meta = BatchMeta(
        id=f"b-{eid}",
        participant=participant,
        authority=authority,
        dataset="persons",
        source="persons.csv",
        file_sha256="0" * 64,
        actor="cli:seed",
        mapping="",
        purpose="serious-crime",
        started_at="2026-01-01T00:00:00+00:00",
    )
    chunk = Chunk(
        read=len(rows),
        records=rows,
        row_numbers=list(range(2, 2 + len(rows))),
        envelopes={eid: _envelope(eid, authority, handling, note)},
    )
    store.write_batch(meta, [chunk])
    return ids


def seed(store: Store) -> Seeded:
    book = AgreementBook(store)
    for body in AGREEMENTS:
        book.add(body, actor="cli:seed")
    accounts = Accounts(store)
    found = Seeded()
    for username, (authority, roles) in USERS.items():
        found.users[username] = accounts.add_user(username, authority, roles, actor="cli:seed")
    found.records["RS-MUP"] = _records(store, "RS-MUP", ["Petar Petrović", "Marko Marković"])
    found.records["RS-MUP-H3"] = _records(store, "RS-MUP", ["Jovan Jovanović"], "H0,H3")
    found.records["XK-KP"] = _records(store, "XK-KP", ["Arben Krasniqi", "Besnik Berisha"])
    return found


def audit_actions(store: Store, action: str | None = None) -> list[dict[str, Any]]:
    """The audit entries (with their details), oldest first, optionally of one action."""
    query = select(audit_entries, audit_values.c.detail).outerjoin(
        audit_values, audit_values.c.seq == audit_entries.c.seq
    )
    if action:
        query = query.where(audit_entries.c.action == action)
    with store.read() as conn:
        rows = conn.execute(query.order_by(audit_entries.c.seq)).mappings().all()
    return [
        dict(row)
        | {
            "refs": json.loads(row["refs"]),
            "detail": json.loads(row["detail"]) if row["detail"] else {},
        }
        for row in rows
    ]


def count_rows(store: Store, table: Any) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
