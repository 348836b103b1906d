"""Missing persons, above all missing children, as alerts their originators publish.

A missing person is the only kind of victim that appears by identity in the scenario: a record
in the originator's police ``missing_persons`` dataset with subject category ``victim`` and
alert ``missing``, handled H0+H2 (children H0+H2+H3: contact the originator before any action).
Where the person is later registered elsewhere, the scenario plants the screening query that
should hit the alert (truth/screening_hits.csv).
"""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.catalogue import POLICE_AUTHORITIES, convention
from accord.scenario.noise import date_text
from accord.scenario.persons import TruePerson, person_fields
from accord.scenario.sink import Sink

__all__ = ["missing_alert", "plant_hit"]

_CHILD_NOTE = "Missing child: contact the originating authority before any action."


def missing_alert(
    sink: Sink,
    rng: random.Random,
    person: TruePerson,
    participant: str,
    since: date,
    place: str,
) -> str:
    """Publish a missing-person alert of ``participant``'s police; returns its key."""
    authority = POLICE_AUTHORITIES[participant]
    dataset = f"{participant}/missing_persons"
    conv = convention(authority)
    row = person_fields(rng, person, conv)
    minor = (since - person.birth).days < 18 * 365
    row["key"] = sink.key(dataset, person.num)
    row["notes"] = f"Missing since {date_text(since, 'iso')}; last seen: {place}." + (
        " Unaccompanied minor." if minor and not person.home else ""
    )
    row["handling"] = "H0,H2,H3" if minor else "H0,H2"
    row["handling_note"] = _CHILD_NOTE if minor else ""
    return sink.person(dataset, row, person.uid)


def plant_hit(
    sink: Sink,
    query_id: str,
    screening_participant: str,
    fields: dict[str, str],
    target: tuple[str, str, str, str],
    alert: str,
    note: str,
    *,
    kind: str = "person",
    identifier: str = "",
    expect_hit: bool = True,
) -> None:
    """Record a query a border officer of ``screening_participant`` might run, and the
    (participant, authority, dataset, key) of the flagged record it should hit."""
    participant, authority, dataset, key = target
    sink.truth(
        "screening_hits",
        query_id,
        screening_participant,
        kind,
        fields.get("first_name", ""),
        fields.get("last_name", ""),
        fields.get("birth_date", ""),
        fields.get("nationality", ""),
        fields.get("document_number", ""),
        identifier,
        "true" if expect_hit else "false",
        participant,
        authority,
        dataset,
        key,
        alert,
        note,
    )
