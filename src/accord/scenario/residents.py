"""Residents of the region travelling across its borders, with families, twins and namesakes.

Residents are drawn per participant and community (census shares, [general] knowledge: Bosnia
and Herzegovina 2013 census Bosniaks 50%, Serbs 31%, Croats 15%; North Macedonia 2021 census
Macedonians 58%, Albanians 24%; Montenegro 2023 census; Kosovo* 2011 census), with first names
drawn for their birth cohort. Each makes one to three trips to a neighbour; the border police of
both sides record the crossings at their own rates. Households share a surname (with the female
forms of Macedonian surnames), twins share a birth date, and some residents are planted
namesakes of others: same name, another birth date (truth/hard_negatives.csv). Some report a
lost or stolen passport, some Albanians crossed to the UK by small boat in 2022 (12,301 that
year, 95% between May and October: BBC, gov.uk factsheet) and were returned after the UK-Albania
communiqué of 13 December 2022, a few go missing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from accord.scenario import documents, missing, noise
from accord.scenario.catalogue import POLICE_AUTHORITIES, convention
from accord.scenario.figures import REFERENCE_DATE
from accord.scenario.migration import Registrations, crossing_row
from accord.scenario.persons import TruePerson, country_code, new_person, person_fields
from accord.scenario.places import CITIES
from accord.scenario.returns import return_case
from accord.scenario.sink import Sink

__all__ = ["generate_residents"]

_HOMES = (
    ("RS", 0.30),
    ("BA", 0.16),
    ("AL", 0.16),
    ("XK", 0.10),
    ("MK", 0.12),
    ("ME", 0.05),
    ("HR", 0.05),
    ("GB", 0.06),
)
_COMMUNITIES = {
    "RS": (("sr", 0.90), ("bs", 0.04), ("xk", 0.03), ("hr", 0.03)),
    "BA": (("bs", 0.52), ("sr", 0.32), ("hr", 0.16)),
    "ME": (("me", 0.75), ("bs", 0.13), ("al", 0.07), ("hr", 0.05)),
    "MK": (("mk", 0.70), ("mk_sq", 0.30)),
    "AL": (("al", 1.0),),
    "XK": (("xk", 0.92), ("sr", 0.05), ("bs", 0.03)),
    "HR": (("hr", 0.90), ("sr", 0.10)),
    "GB": (("en", 0.90), ("al", 0.10)),
}
_NEIGHBOURS = {
    "RS": ("BA", "ME", "HR", "HU", "MK", "BG"),
    "BA": ("RS", "HR", "ME"),
    "ME": ("BA", "RS", "AL", "HR", "XK"),
    "MK": ("RS", "AL", "XK", "GR", "BG"),
    "AL": ("XK", "MK", "ME", "GR"),
    "XK": ("AL", "MK", "ME", "RS"),
    "HR": ("BA", "RS", "ME", "HU"),
    "GB": ("AL", "ME", "HR"),
}
_FIRST_DAY = date(2022, 1, 1)
_RECORDS = {"GR", "BG", "MK", "RS", "HU", "HR", "BA", "ME", "AL", "XK"}  # border datasets


def _pick(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    roll = rng.random()
    for value, weight in options:
        if roll < weight:
            return value
        roll -= weight
    return options[-1][0]


def _birth(rng: random.Random, low: int, high: int) -> date:
    return date(rng.randint(low, high), 1, 1) + timedelta(days=rng.randrange(365))


class _Household:
    """Draws the members of one household in a participant and community."""

    def __init__(self, rng: random.Random, home: str) -> None:
        self.rng = rng
        self.home = home
        self.community = _pick(rng, _COMMUNITIES[home])
        self.nationality = "AL" if home == "GB" and self.community == "al" else home
        self.city = rng.choice(CITIES[home])

    def member(
        self, uid_number: int, sex: str, born: date, family: TruePerson | None
    ) -> TruePerson:
        return new_person(
            self.rng,
            f"P-RES-{uid_number:09d}",
            uid_number,
            self.nationality,
            self.community,
            sex,
            born,
            family=family.family if family else None,
            home=self.home,
            passport_share=0.85,
            phone_share=0.8 if born.year < 2008 else 0.1,
            birth_place=self.city,
        )


def generate_residents(sink: Sink, rng: random.Random, start: int, count: int) -> None:
    """Residents numbered ``start`` .. ``start + count - 1`` (offset by 10**9) and their records."""
    number, end = start, start + count
    previous: TruePerson | None = None
    while number < end:
        home = _pick(rng, _HOMES)
        household = _Household(rng, home)
        size = 1 if rng.random() < 0.8 else min(rng.randint(2, 5), end - number)
        members: list[TruePerson] = []
        twins: date | None = None
        for index in range(size):
            uid_number = 10**9 + number + index
            if index == 0:
                sex = "M" if rng.random() < 0.5 else "F"
                born = _birth(rng, 1945, 2004) if size == 1 else _birth(rng, 1950, 1988)
            elif index == 1:
                sex = "F" if members[0].sex == "M" else "M"
                born = members[0].birth + timedelta(days=rng.randint(-2500, 2500))
            else:
                sex = "M" if rng.random() < 0.5 else "F"
                first_year = members[0].birth.year
                born = twins or _birth(rng, first_year + 20, min(first_year + 42, 2016))
                twins = born if twins is None and rng.random() < 0.06 else None
            person = household.member(uid_number, sex, born, members[0] if members else None)
            if index >= 2:
                person.father = members[0].given if members[0].sex == "M" else members[1].given
            members.append(person)
        if size == 1 and previous is not None and rng.random() < 0.02:
            _make_namesake(sink, members[0], previous)
        _family_truth(sink, members)
        for person in members:
            _live(sink, rng, person)
        previous = members[0]
        number += size


def _make_namesake(sink: Sink, person: TruePerson, other: TruePerson) -> None:
    """Give ``person`` the name of ``other`` (a hard negative for linkage and screening)."""
    if person.pool != other.pool or person.sex != other.sex or person.birth == other.birth:
        return
    person.given, person.family = other.given, other.family
    sink.truth("hard_negatives", other.uid, person.uid, "namesake")


def _family_truth(sink: Sink, members: list[TruePerson]) -> None:
    if len(members) < 2:
        return
    family_id = f"FAM-{members[0].uid}"
    for index, person in enumerate(members):
        role = ("parent", "parent")[index] if index < 2 else "child"
        sink.truth("families", family_id, person.uid, role)
    for index, person in enumerate(members):
        for other in members[index + 1 :]:
            kind = "twin" if person.birth == other.birth and index >= 2 else "family"
            sink.truth("hard_negatives", person.uid, other.uid, kind)


def _live(sink: Sink, rng: random.Random, person: TruePerson) -> None:
    """The person's trips and the events that befall some of them."""
    regs = Registrations(sink, rng, person, migrant=False)
    trips = 1 if rng.random() < 0.6 else (2 if rng.random() < 0.6 else 3)
    for _ in range(trips):
        neighbours = _NEIGHBOURS[person.home]
        destination = neighbours[int(rng.random() * len(neighbours))]
        leave = _FIRST_DAY + timedelta(days=int(rng.random() * 1390))
        back = leave + timedelta(days=1 + int(rng.random() * 14))
        section = (person.home, destination)
        if person.home in _RECORDS and rng.random() < 0.5:
            crossing_row(sink, regs, person.home, section, leave, "exit")
        if destination in _RECORDS and rng.random() < 0.85:
            crossing_row(sink, regs, destination, section, leave, "entry")
        if destination in _RECORDS and rng.random() < 0.3:
            crossing_row(sink, regs, destination, (destination, person.home), back, "exit")
        if person.home in _RECORDS and rng.random() < 0.5:
            crossing_row(sink, regs, person.home, (destination, person.home), back, "entry")
    age_2022 = 2022 - person.birth.year
    if person.home == "AL" and person.sex == "M" and 18 <= age_2022 <= 35 and rng.random() < 0.04:
        _small_boat(sink, rng, regs)
    if person.home in POLICE_AUTHORITIES and person.passport and rng.random() < 0.01:
        _lost_passport(sink, rng, person)
    if person.home in POLICE_AUTHORITIES and rng.random() < (0.004 if age_2022 < 16 else 0.0005):
        _gone_missing(sink, rng, regs)


def _small_boat(sink: Sink, rng: random.Random, regs: Registrations) -> None:
    month = 5 + min(5, int(rng.random() * 6)) if rng.random() < 0.95 else rng.choice((1, 3, 11))
    arrival = date(2022, month, 1) + timedelta(days=rng.randrange(28))
    crossing_row(
        sink, regs, "GB", ("FR", "GB"), arrival, "detection", description="Small boat arrival"
    )
    if rng.random() < 0.6:
        opened = max(arrival + timedelta(days=rng.randint(20, 200)), date(2022, 12, 14))
        status = "executed" if rng.random() < 0.8 else "opened"
        return_case(
            sink,
            regs,
            "GB",
            return_type="forced" if rng.random() < 0.5 else "voluntary",
            status=status,
            requesting="GB",
            destination="AL",
            opened=opened,
        )
        if status == "executed":
            return_case(
                sink,
                regs,
                "AL",
                return_type="readmission",
                status="executed",
                requesting="GB",
                destination="AL",
                opened=opened,
            )
            crossing_row(
                sink,
                regs,
                "AL",
                ("AIR", "AL"),
                opened + timedelta(days=3),
                "entry",
                description="Returned from the United Kingdom",
            )


def _lost_passport(sink: Sink, rng: random.Random, person: TruePerson) -> None:
    """A lost or stolen passport; some are later presented by an impostor at another border."""
    authority = POLICE_AUTHORITIES[person.home]
    conv = convention(authority)
    persons = f"{person.home}/police_persons"
    row = person_fields(rng, person, conv)
    row.update(
        key=sink.key(persons, person.num),
        subject_category="other",
        purpose="border-management",
        legal_basis="AGR-WB-BORDER-2025",
        source_reliability="A",
        information_accuracy="1",
        nature="fact",
    )
    holder = sink.person(persons, row, person.uid)
    stolen = rng.random() < 0.4
    issued = date(2016, 1, 1) + timedelta(days=rng.randrange(2400))
    style = "dmy_dot" if conv.date_style == "dmy_dot_mixed" else conv.date_style
    id_card = rng.random() < 0.35  # identity cards are lost too; the region travels on them
    kind = "lost_id_cards" if id_card else "lost_documents"
    dataset = f"{person.home}/{kind}"
    key = sink.key(dataset, person.num)
    number = documents.passport_number(rng, person.home) if id_card else person.passport
    sink.add(
        dataset,
        {
            "key": key,
            "holder_ref": holder,
            "number": number,
            "country": country_code(person.home, conv),
            "doc_type": "identity card" if id_card else "passport",
            "issue_date": noise.date_text(issued, style),
            "expiry_date": noise.date_text(issued + timedelta(days=3652), style),
            "alert": "stolen" if stolen else "lost",
        },
    )
    if rng.random() < 0.3:
        if rng.random() < 0.3:
            number = noise.lookalike(rng, number)
        impostor = {
            "first_name": "",
            "last_name": "",
            "document_number": number,
            "nationality": country_code(person.home, conv),
        }
        missing.plant_hit(
            sink,
            f"Q-DOC-{person.uid}",
            rng.choice(("HR", "HU", "GB")),
            impostor,
            (person.home, authority, kind, key),
            "stolen" if stolen else "lost",
            "travel document reported lost or stolen presented at a border",
            kind="document",
            identifier=number,
        )


def _gone_missing(sink: Sink, rng: random.Random, regs: Registrations) -> None:
    person = regs.person
    since = date(2022, 3, 1) + timedelta(days=rng.randrange(1200))
    city = person.birth_place.native if person.birth_place else ""
    key = missing.missing_alert(sink, rng, person, person.home, since, city)
    target = (person.home, POLICE_AUTHORITIES[person.home], "missing_persons", key)
    if rng.random() < 0.5:
        seen = since + timedelta(days=rng.randint(2, 60))
        destination = rng.choice([n for n in _NEIGHBOURS[person.home] if n in _RECORDS] or ["HR"])
        if seen <= REFERENCE_DATE:
            crossing_row(sink, regs, destination, (person.home, destination), seen, "entry")
            missing.plant_hit(
                sink,
                f"Q-MIS-{person.uid}",
                destination,
                regs.fields[destination],
                target,
                "missing",
                "person reported missing, later seen crossing a border",
            )
