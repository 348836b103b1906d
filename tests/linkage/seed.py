"""Person records of several participants in a store, for the linkage-over-the-store tests."""

from __future__ import annotations

import json
from typing import Any

from accord.model.ids import content_hash
from accord.policy import Principal, Role
from accord.store import BatchMeta, Chunk, Store

#: (record id, authority, firstName, lastName, birthDate, gender, nationality, idNumber, fatherName)
PEOPLE: list[tuple[str, ...]] = [
    # one person seen by Serbia, Kosovo and the UK
    ("rs-arben", "RS-MUP", "Арбен", "Краснићи", "1975-06-07", "male", "xk", "", "Бајрам"),
    ("xk-arben", "XK-KP", "Arben", "Krasniqi", "1975-06-07", "male", "xk", "1234567890", "Bajram"),
    ("gb-arben", "GB-NCA", "ARBEN", "KRASNIQI", "1975-06-07", "male", "xk", "1234567890", ""),
    # one person seen by Serbia only
    (
        "rs-petar",
        "RS-MUP",
        "Петар",
        "Петровић",
        "1980-05-12",
        "male",
        "rs",
        "1205980710012",
        "Јован",
    ),
    ("rs-petar-2", "RS-MUP", "Petar", "Petrović", "1980-05-12", "male", "rs", "", "Jovan"),
    # twins in Serbia and Kosovo
    ("rs-nikola", "RS-MUP", "Nikola", "Jovanović", "1995-03-04", "male", "rs", "", "Zoran"),
    ("xk-marko", "XK-KP", "Marko", "Jovanović", "1995-03-04", "male", "rs", "", "Zoran"),
    # a sister and brother
    ("xk-fatmire", "XK-KP", "Fatmire", "Gashi", "1983-02-11", "female", "xk", "", "Ramadan"),
    ("xk-fatmir", "XK-KP", "Fatmir", "Gashi", "1979-09-30", "male", "xk", "", "Ramadan"),
]

FIELDS = ("firstName", "lastName", "birthDate", "gender", "nationality", "idNumber", "fatherName")

RS_ANALYST = Principal("rs.analyst", "RS", "RS-MUP", frozenset({Role.ANALYST}))
RS_OFFICER = Principal("rs.officer", "RS", "RS-MUP", frozenset({Role.OFFICER}))
XK_ANALYST = Principal("xk.analyst", "XK", "XK-KP", frozenset({Role.ANALYST}))
GB_ANALYST = Principal("gb.analyst", "GB", "GB-NCA", frozenset({Role.ANALYST}))


def _envelope(eid: str, authority: str) -> tuple[Any, ...]:
    participant = authority.split("-")[0]
    return (
        eid, participant, authority, "persons", "H0", None, "B", "2", "suspect", "fact",
        "serious-crime", "AGR-SOC", "2030-01-01", "2031-01-01", None,
    )  # fmt: skip


def seed_people(
    store: Store, people: list[tuple[str, ...]] | None = None, batch: str = "1"
) -> None:
    """Store the people, one batch per authority."""
    by_authority: dict[str, list[tuple[str, ...]]] = {}
    for person in people or PEOPLE:
        by_authority.setdefault(person[1], []).append(person)
    for authority, rows in by_authority.items():
        eid = f"e-{authority}"
        records = []
        for rid, _, *values in rows:
            props = {name: [value] for name, value in zip(FIELDS, values, strict=True) if value}
            props["name"] = [f"{props['firstName'][0]} {props['lastName'][0]}"]
            text = json.dumps(props, ensure_ascii=False, sort_keys=True)
            records.append(
                (rid, "Person", props["name"][0], text, eid, content_hash([("p", text)]))
            )
        meta = BatchMeta(
            id=f"b-{authority}-{batch}", participant=authority.split("-")[0], authority=authority,
            dataset="persons", source="persons.csv", file_sha256="0" * 64, actor="cli:seed",
            mapping="", purpose="serious-crime", started_at="2026-01-01T00:00:00+00:00",
        )  # fmt: skip
        chunk = Chunk(
            read=len(records),
            records=records,
            row_numbers=list(range(2, 2 + len(records))),
            envelopes={eid: _envelope(eid, authority)},
        )
        store.write_batch(meta, [chunk])
