"""Migrants on the Western Balkan route: journeys, registrations and detections.

Each journey is anchored on the migrant's detection at an EU border (Hungary, Croatia or
Romania), drawn from Frontex's monthly figures for the year and its nationality mix
(:mod:`accord.scenario.figures`); the earlier legs are placed days to weeks before. Legs follow
the route segments of domain-facts §1.5: Greece or Bulgaria -> North Macedonia -> Serbia ->
Hungary, Croatia or Romania (or through Bosnia and Herzegovina to Croatia), the coastal route
Albania -> Montenegro -> Bosnia and Herzegovina -> Croatia, and in 2022 visa-free flights to
Belgrade followed by irregular onward movement. After the November 2023 Serbian police
operation at the Hungarian border, exits shift towards Bosnia and Herzegovina.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from accord.scenario import figures, returns
from accord.scenario.catalogue import BORDER, convention
from accord.scenario.conventions import Convention
from accord.scenario.namebank import Name, regional_name
from accord.scenario.names_foreign import POOL_OF_COUNTRY
from accord.scenario.noise import date_text
from accord.scenario.persons import (
    TruePerson,
    country_code,
    new_person,
    person_fields,
    place_text,
)
from accord.scenario.places import crossing_points, script_of
from accord.scenario.sink import Sink

__all__ = [
    "Journey",
    "Leg",
    "Registrations",
    "crossing_row",
    "generate_migrants",
    "new_journey",
    "register_journey",
]

_START = date(2022, 1, 1)
_CRACKDOWN = date(2023, 11, 1)

ENTRY_ROUTES = {
    "eastern": (("TR", "GR"), ("GR", "MK"), ("MK", "RS")),
    "bulgarian": (("TR", "BG"), ("BG", "RS")),
    "coastal": (("TR", "GR"), ("GR", "AL"), ("AL", "ME"), ("ME", "BA"), ("BA", "HR")),
    "air": (("AIR", "RS"),),
}
_EXITS = {
    "HU": (("RS", "HU"),),
    "HR": (("RS", "HR"),),
    "RO": (("RS", "RO"),),
    "BA": (("RS", "BA"), ("BA", "HR")),
}
_EXIT_WEIGHTS_BEFORE = (("HU", 0.60), ("HR", 0.10), ("RO", 0.12), ("BA", 0.18))
_EXIT_WEIGHTS_AFTER = (("HU", 0.15), ("HR", 0.15), ("RO", 0.15), ("BA", 0.55))

#: Which participants record a leg, and how often (the rest pass undetected or unregistered).
LEG_RECORDERS: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {
    ("TR", "GR"): (("GR", 0.45),),
    ("TR", "BG"): (("BG", 0.5),),
    ("GR", "MK"): (("MK", 0.55),),
    ("MK", "RS"): (("RS", 0.5), ("MK", 0.08)),
    ("BG", "RS"): (("RS", 0.5),),
    ("RS", "HU"): (("HU", 1.0), ("RS", 0.08)),
    ("RS", "HR"): (("HR", 1.0), ("RS", 0.08)),
    ("RS", "RO"): (("RS", 0.5),),
    ("RS", "BA"): (("BA", 0.55), ("RS", 0.05)),
    ("BA", "HR"): (("HR", 1.0), ("BA", 0.15)),
    ("GR", "AL"): (("AL", 0.55),),
    ("AL", "ME"): (("ME", 0.5), ("AL", 0.12)),
    ("ME", "BA"): (("BA", 0.55), ("ME", 0.08)),
    ("AIR", "RS"): (("RS", 1.0),),
}

_PASSPORT_SHARE = {
    "SY": 0.35,
    "IQ": 0.5,
    "AF": 0.2,
    "IR": 0.6,
    "TR": 0.9,
    "MA": 0.6,
    "TN": 0.8,
    "PK": 0.55,
    "BD": 0.7,
    "IN": 0.95,
    "BI": 0.95,
    "CU": 0.98,
}
_BIRTH_KNOWN = {"AF": 0.55, "SY": 0.7, "IQ": 0.8, "PK": 0.8, "BD": 0.8}


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


_YEARS = sorted(figures.YEARLY_DETECTIONS)
_YEAR_CUM = _cumulative([float(figures.YEARLY_DETECTIONS[year]) for year in _YEARS])
_MONTH_CUM = {
    year: _cumulative([float(v) for v in months])
    for year, months in figures.MONTHLY_DETECTIONS.items()
}
_NAT_CUM = {
    year: _cumulative(
        [float(figures.NATIONALITY_DETECTIONS[year][n]) for n in figures.MIGRANT_NATIONALITIES]
    )
    for year in _YEARS
}


def _draw(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect_right(cumulative, rng.random() * cumulative[-1])


@dataclass(slots=True)
class Leg:
    origin: str
    destination: str
    day: date
    recorders: tuple[str, ...]
    retries: int = 0  # earlier failed attempts detected (pushed back) on this leg


@dataclass(slots=True)
class Journey:
    nationality: str
    year: int
    route: str
    anchor: date
    legs: list[Leg] = field(default_factory=list)


def _anchor(rng: random.Random, year: int, nationality: str, air: bool) -> date:
    months = _MONTH_CUM[year]
    limit = figures.VISA_FREE_UNTIL.get(nationality) if air else None
    for _ in range(20):
        month = _draw(rng, months) + 1
        day = date(year, month, 1) + timedelta(days=rng.randrange(28))
        if limit is None or day <= limit + timedelta(days=30):
            return day
    return date(year, 1, 1) + timedelta(days=rng.randrange(28))


def new_journey(rng: random.Random, nationality: str | None = None) -> Journey:
    """A journey along the route, with its legs, dates and recording participants."""
    year = _YEARS[_draw(rng, _YEAR_CUM)]
    if nationality is None:
        nationality = figures.MIGRANT_NATIONALITIES[_draw(rng, _NAT_CUM[year])]
    visa_free = figures.VISA_FREE_UNTIL.get(nationality)
    air = visa_free is not None and rng.random() < (0.5 if nationality == "TR" else 0.9)
    anchor = _anchor(rng, year, nationality, air)
    if air and visa_free is not None and anchor - timedelta(days=30) > visa_free:
        air = False
    if air:
        route = "air"
    else:
        roll = rng.random()
        route = "eastern" if roll < 0.6 else ("bulgarian" if roll < 0.85 else "coastal")
    hops = list(ENTRY_ROUTES[route])
    if route != "coastal":
        exits = _EXIT_WEIGHTS_AFTER if anchor >= _CRACKDOWN else _EXIT_WEIGHTS_BEFORE
        roll, chosen = rng.random(), "HU"
        for name, weight in exits:
            if roll < weight:
                chosen = name
                break
            roll -= weight
        hops += _EXITS[chosen]
    journey = Journey(nationality, year, route, anchor)
    day = anchor
    for origin, destination in reversed(hops):
        recorders = tuple(
            who for who, share in LEG_RECORDERS[(origin, destination)] if rng.random() < share
        )
        retries = rng.randint(1, 3) if destination == "HU" and rng.random() < 0.35 else 0
        journey.legs.append(Leg(origin, destination, day, recorders, retries))
        day -= timedelta(days=2 + int(rng.random() * 19))
    journey.legs.reverse()
    return journey


def _family_members(
    rng: random.Random, journey: Journey, first: int, size: int
) -> list[TruePerson]:
    nationality = journey.nationality
    pool_id = POOL_OF_COUNTRY[nationality]
    passport = 1.0 if journey.route == "air" else _PASSPORT_SHARE.get(nationality, 0.6)
    known = rng.random() < _BIRTH_KNOWN.get(nationality, 0.9)
    no_surname = nationality == "AF" and rng.random() < 0.4
    year = journey.anchor.year
    people: list[TruePerson] = []
    family: Name | None = None
    twins_born: date | None = None
    for index in range(size):
        if size == 1:
            sex = "M" if rng.random() < 0.88 else "F"
            age = rng.randint(15, 17) if rng.random() < 0.07 else rng.randint(18, 45)
        elif index < 2:
            sex = "M" if index == 0 else "F"
            age = rng.randint(24, 50)
        else:
            sex = "M" if rng.random() < 0.5 else "F"
            age = rng.randint(0, 17)
        born = date(year - age, 1, 1) + timedelta(days=rng.randrange(365))
        if index >= 2 and twins_born is not None and rng.random() < 0.5:
            born = twins_born  # twins: same birth date, same surname, different first names
        elif index >= 2 and rng.random() < 0.08:
            twins_born = born
        person = new_person(
            rng,
            f"P-MIG-{first + index:09d}",
            first + index,
            nationality,
            pool_id,
            sex,
            born,
            family=family,
            passport_share=passport if age >= 16 else passport * 0.5,
            birth_known=known,
            no_surname=no_surname,
            phone_share=0.35 if age >= 16 else 0.0,
        )
        if family is None:
            family = person.family
        if index >= 2:
            person.father = people[0].given  # children carry their father's name
        people.append(person)
    return people


def _group_size(rng: random.Random) -> int:
    return 1 if rng.random() < 0.9 else rng.randint(3, 6)


def generate_migrants(sink: Sink, rng: random.Random, start: int, count: int) -> None:
    """Migrants numbered ``start`` .. ``start + count - 1``, with all their records."""
    number = start
    end = start + count
    while number < end:
        size = min(_group_size(rng), end - number)
        journey = new_journey(rng)
        members = _family_members(rng, journey, number, size)
        if size > 1:
            family_id = f"FAM-{members[0].uid}"
            for index, person in enumerate(members):
                role = ("father", "mother")[index] if index < 2 else "child"
                sink.truth("families", family_id, person.uid, role)
            _hard_negatives(sink, members)
        for person in members:
            register_journey(
                sink,
                rng,
                person,
                journey,
                unaccompanied=size == 1 and (journey.anchor.year - person.birth.year < 18),
            )
        number += size


def _hard_negatives(sink: Sink, members: list[TruePerson]) -> None:
    for index, person in enumerate(members):
        for other in members[index + 1 :]:
            kind = "twin" if person.birth == other.birth else "family"
            sink.truth("hard_negatives", person.uid, other.uid, kind)


class Registrations:
    """One person's records per participant within one journey: person keys and counters."""

    def __init__(
        self, sink: Sink, rng: random.Random, person: TruePerson, migrant: bool = True
    ) -> None:
        self.sink, self.rng, self.person, self.migrant = sink, rng, person, migrant
        self.keys: dict[str, str] = {}
        self.fields: dict[str, dict[str, str]] = {}
        self.seq: dict[str, int] = {}

    def person_key(self, participant: str, category: str = "other") -> str:
        key = self.keys.get(participant)
        duplicate = key is not None and self.rng.random() < 0.05
        if key is not None and not duplicate:
            return key
        authority = BORDER[participant]
        dataset = f"{participant}/border_persons"
        conv = convention(authority, migrants=self.migrant)
        row = person_fields(self.rng, self.person, conv)
        seq = self.next_seq(participant) if duplicate else 0
        row["key"] = self.sink.key(dataset, self.person.num, seq)
        row["subject_category"] = category
        new_key = self.sink.person(dataset, row, self.person.uid)
        if key is None:
            self.keys[participant] = new_key
            self.fields[participant] = row
        return new_key

    def next_seq(self, participant: str) -> int:
        self.seq[participant] = self.seq.get(participant, 0) + 1
        return self.seq[participant]


@cache
def _border(participant: str) -> tuple[Convention, str, str]:
    """A participant's border conventions, crossing date style and crossings dataset."""
    conv = convention(BORDER[participant])
    style = "dmy_dot" if conv.date_style == "dmy_dot_mixed" else conv.date_style
    return conv, style, f"{participant}/border_crossings"


@cache
def _points(leg: tuple[str, str], participant: str) -> tuple[Name, ...]:
    script = script_of(participant)
    return tuple(regional_name(point, script) for point in crossing_points(leg, participant))


def crossing_row(
    sink: Sink,
    regs: Registrations,
    participant: str,
    leg: tuple[str, str],
    day: date,
    direction: str,
    *,
    category: str = "other",
    vehicle_key: str = "",
    description: str = "",
) -> str:
    """Append one border-crossing record of ``participant`` for a person; returns its key."""
    person_key = regs.person_key(participant, category)
    origin, destination = leg
    conv, style, dataset = _border(participant)
    rng = regs.rng
    points = _points(leg, participant)
    cyrillic = conv.cyrillic > 0 and rng.random() < conv.cyrillic
    point = place_text(points[int(rng.random() * len(points))], conv, cyrillic, True)
    row = {
        "key": sink.key(dataset, regs.person.num, regs.next_seq(participant)),
        "person_ref": person_key,
        "date": date_text(day, style),
        "crossing_point": point,
        "border_section": "" if origin == "AIR" else f"{origin}-{destination}",
        "direction": direction,
        "from_country": country_code(origin if origin != "AIR" else regs.person.nationality, conv),
        "to_country": country_code(destination, conv),
        "document_number": regs.fields[participant]["document_number"],
        "vehicle_ref": vehicle_key,
        "description": description,
        "subject_category": category,
    }
    return sink.add(dataset, row)


def register_journey(
    sink: Sink,
    rng: random.Random,
    person: TruePerson,
    journey: Journey,
    *,
    unaccompanied: bool = False,
) -> Registrations:
    """Write every record the route's participants make of ``person`` on ``journey``."""
    regs = Registrations(sink, rng, person)
    for leg in journey.legs:
        hop = (leg.origin, leg.destination)
        for participant in leg.recorders:
            if leg.day < _START:
                continue
            if leg.origin == "AIR":
                crossing_row(sink, regs, participant, hop, leg.day, "entry")
                returns.visa_free_entry(sink, regs, leg.day)
                continue
            for retry in range(leg.retries if participant == "HU" else 0, 0, -1):
                earlier = leg.day - timedelta(days=4 * retry + rng.randint(0, 3))
                if earlier >= _START:
                    crossing_row(sink, regs, participant, hop, earlier, "detection")
                    _count(sink, journey, hop, participant, earlier)
            crossing_row(sink, regs, participant, hop, leg.day, "detection")
            _count(sink, journey, hop, participant, leg.day)
    returns.after_journey(sink, rng, regs, journey, unaccompanied=unaccompanied)
    return regs


def _count(sink: Sink, journey: Journey, hop: tuple[str, str], reporter: str, day: date) -> None:
    sink.counters[(day.year, day.month, journey.route, hop, reporter, journey.nationality)] += 1
