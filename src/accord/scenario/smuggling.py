"""Migrant-smuggling networks: organisers, recruiters, drivers, safe houses, phones, vehicles and
payments per leg.

Structure and prices follow domain-facts §6.3 (GI-TOC "Spot Prices" 2021, Europol/OCCRP 2024,
AP 2023): an organiser (often abroad), recruiters of the migrants' own community, local drivers
and safe-house keepers, a money handler holding payments until arrival (hawala-like), EUR
200-500 per border hop and up to EUR 5,000 for the crossing into Hungary. The investigating
participant's police hold the network; drivers are also caught at the EU border, the organiser
is wanted and known to Europol, and some vans are stolen - the cross-border truth to find.
"""

from __future__ import annotations

from datetime import date, timedelta

from accord.scenario import documents, figures, missing, noise
from accord.scenario.catalogue import BORDER, convention
from accord.scenario.migration import Registrations, crossing_row, new_journey, register_journey
from accord.scenario.persons import TruePerson, person_fields
from accord.scenario.places import CITIES
from accord.scenario.theme import Theme

__all__ = ["generate_smuggling"]

_PURPOSE = "migrant-smuggling"
_INVESTIGATORS = ("RS", "BA", "MK", "HR", "ME", "AL", "XK")
_ORGANISER_ORIGINS = ("AF", "SY", "MA", "TR", "PK")
_STREETS = (
    "Karađorđeva",
    "Ulica Maršala Tita",
    "Bulevar oslobođenja",
    "Njegoševa",
    "Rruga Dibrës",
    "Kralja Petra I",
    "Zmaja od Bosne",
    "Cara Dušana",
)


def generate_smuggling(theme: Theme, networks: int) -> None:
    for index in range(networks):
        _network(theme, f"NET-SMG-{index + 1:03d}")


def _network(theme: Theme, network_id: str) -> None:
    rng, sink = theme.rng, theme.sink
    where = rng.choice(_INVESTIGATORS)
    origin = rng.choice(_ORGANISER_ORIGINS)
    foreign = rng.random() < 0.6
    organiser = theme.person(origin) if foreign else theme.person(where, home=where)
    recruiters = [theme.person(origin, born=(1980, 2002)) for _ in range(rng.randint(1, 3))]
    handler = theme.person(origin, born=(1960, 1990))
    drivers = [theme.person(where, home=where, born=(1975, 2004)) for _ in range(rng.randint(2, 5))]
    keepers = [theme.person(where, home=where, born=(1955, 1995)) for _ in range(rng.randint(1, 2))]
    start = date(2022, 1, 1) + timedelta(days=rng.randrange(900))
    end = start + timedelta(days=rng.randint(90, 400))
    members = (
        [("organiser", organiser)]
        + [("recruiter", r) for r in recruiters]
        + [("money handler", handler)]
        + [("driver", d) for d in drivers]
        + [("safe-house keeper", k) for k in keepers]
    )
    keys: dict[str, tuple[str, str]] = {}
    wanted = rng.random() < 0.6
    for role, person in members:
        if role != "organiser" and rng.random() < 0.3:
            person.phone = theme.phone(where if person.home else "TR")
        key = theme.police_person(
            where,
            person,
            category="convicted" if role == "driver" and rng.random() < 0.2 else "suspect",
            purpose=_PURPOSE,
            alert="wanted" if role == "organiser" and wanted else "",
            nature="assessment" if role == "organiser" else "fact",
            accuracy="3" if role == "organiser" else "2",
        )
        keys[person.uid] = (key, person.phone)
        sink.truth("networks", network_id, "smuggling", person.uid, "person", role)
        if person.phone:
            sink.truth("networks", network_id, "smuggling", f"PHONE:{person.phone}", "phone", role)
    _calls(theme, where, members, keys, start, end)
    _relations(theme, where, organiser, recruiters, drivers, keys)
    houses = _safe_houses(theme, where, network_id, keepers, drivers, keys, start)
    vans = _vehicles(theme, where, network_id, drivers, keys)
    clients = _clients(theme, where, network_id, [*recruiters, handler], keys, start, end)
    _caught_drivers(theme, where, network_id, drivers, vans, start, end)
    _europol(theme, network_id, organiser, recruiters, handler, wanted)
    if wanted:
        _wanted_hit(theme, where, organiser, keys[organiser.uid][0])
    reasons = f"organiser; {len(drivers)} drivers, {len(houses)} safe houses, {clients} clients"
    sink.truth("high_value_targets", organiser.uid, network_id, "smuggling", 1, reasons)
    sink.truth(
        "high_value_targets",
        handler.uid,
        network_id,
        "smuggling",
        2,
        "holds the clients' payments until arrival",
    )


def _calls(
    theme: Theme,
    where: str,
    members: list[tuple[str, TruePerson]],
    keys: dict[str, tuple[str, str]],
    start: date,
    end: date,
) -> None:
    """Calls along the chain of command: organiser-recruiters-handler, recruiters-drivers,
    drivers-keepers."""
    rng = theme.rng
    by_role: dict[str, list[TruePerson]] = {}
    for role, person in members:
        by_role.setdefault(role, []).append(person)
    pairs = [
        ("organiser", "recruiter"),
        ("organiser", "money handler"),
        ("recruiter", "driver"),
        ("driver", "safe-house keeper"),
        ("organiser", "driver"),
    ]
    for high, low in pairs:
        for caller in by_role.get(high, []):
            for receiver in by_role.get(low, []):
                if not keys[caller.uid][1] or not keys[receiver.uid][1]:
                    continue
                for _ in range(rng.randint(1, 6 if high == "organiser" else 3)):
                    a, b = keys[caller.uid], keys[receiver.uid]
                    if rng.random() < 0.4:
                        a, b = b, a
                    theme.call(where, a, b, theme.day_between(start, end), _PURPOSE)


def _relations(
    theme: Theme,
    where: str,
    organiser: TruePerson,
    recruiters: list[TruePerson],
    drivers: list[TruePerson],
    keys: dict[str, tuple[str, str]],
) -> None:
    for recruiter in recruiters:
        theme.relation(
            where,
            "associates",
            {
                "person_ref": keys[organiser.uid][0],
                "associate_ref": keys[recruiter.uid][0],
                "relationship": "co-offender",
            },
            _PURPOSE,
        )
    if len(drivers) >= 2 and theme.rng.random() < 0.3:
        theme.relation(
            where,
            "relatives",
            {
                "person_ref": keys[drivers[0].uid][0],
                "relative_ref": keys[drivers[1].uid][0],
                "relationship": "brother",
            },
            _PURPOSE,
        )


def _safe_houses(
    theme: Theme,
    where: str,
    network_id: str,
    keepers: list[TruePerson],
    drivers: list[TruePerson],
    keys: dict[str, tuple[str, str]],
    start: date,
) -> list[str]:
    rng = theme.rng
    houses = []
    for keeper in keepers:
        uid = theme.entity_uid(theme.entity_number())
        city = rng.choice(CITIES.get(where, ("Beograd",)))
        street = f"{rng.choice(_STREETS)} {rng.randint(1, 140)}"
        key = theme.entity(
            where,
            "addresses",
            {
                "full": f"{street}, {city}",
                "street": street,
                "city": city,
                "postal_code": str(rng.randint(10000, 38000)),
                "country": theme.country(where, where),
                "purpose": _PURPOSE,
            },
            uid,
            "address",
        )
        houses.append(key)
        sink = theme.sink
        sink.truth("networks", network_id, "smuggling", uid, "address", "safe house")
        theme.relation(
            where,
            "address_links",
            {
                "subject_ref": keys[keeper.uid][0],
                "object_ref": key,
                "role": "safe house keeper",
                "start_date": theme.date_of(where, start),
            },
            _PURPOSE,
        )
        for driver in drivers[:2]:
            theme.relation(
                where,
                "address_links",
                {
                    "subject_ref": keys[driver.uid][0],
                    "object_ref": key,
                    "role": "pick-up point",
                    "start_date": theme.date_of(where, start),
                },
                _PURPOSE,
            )
    return houses


def _vehicles(
    theme: Theme,
    where: str,
    network_id: str,
    drivers: list[TruePerson],
    keys: dict[str, tuple[str, str]],
) -> list[tuple[str, str, str, str]]:
    """Vans of the network: (uid, plate, police key, alert)."""
    rng = theme.rng
    vans = []
    for driver in drivers[: rng.randint(1, len(drivers))]:
        uid = theme.entity_uid(theme.entity_number())
        plate = documents.plate(rng, where if where != "XK" else "XK")
        alert = "stolen" if rng.random() < 0.25 else ""
        key = theme.entity(
            where,
            "police_vehicles",
            {
                "plate": plate,
                "model": rng.choice(
                    (
                        "Ford Transit",
                        "Mercedes-Benz Sprinter",
                        "Renault Master",
                        "VW Transporter",
                        "Škoda Octavia",
                    )
                ),
                "vehicle_type": "van",
                "country": theme.country(where, where),
                "description": f"VIN {documents.vin(rng)}",
                "owner_ref": keys[driver.uid][0],
                "alert": alert,
                "purpose": _PURPOSE,
                "subject_category": "suspect",
            },
            uid,
            "vehicle",
        )
        theme.sink.truth("networks", network_id, "smuggling", uid, "vehicle", "transport")
        vans.append((uid, plate, key, alert))
    return vans


def _clients(
    theme: Theme,
    where: str,
    network_id: str,
    collectors: list[TruePerson],
    keys: dict[str, tuple[str, str]],
    start: date,
    end: date,
) -> int:
    """Migrants moved by the network: their border records, and their payments per leg."""
    rng, sink = theme.rng, theme.sink
    count = rng.randint(5, 20)
    for _ in range(count):
        journey = new_journey(rng)
        person = theme.person(journey.nationality, born=(1985, 2005))
        person.phone = theme.phone("TR") if rng.random() < 0.5 else ""
        register_journey(sink, rng, person, journey)
        key = theme.police_person(
            where, person, category="witness", purpose=_PURPOSE, reliability="B", accuracy="3"
        )
        sink.truth("networks", network_id, "smuggling", person.uid, "person", "client")
        for leg in journey.legs:
            price = figures.LEG_PRICES_EUR.get((leg.origin, leg.destination))
            if price is None or rng.random() < 0.4:
                continue
            collector = rng.choice(collectors)
            theme.relation(
                where,
                "payments",
                {
                    "payer_ref": key,
                    "beneficiary_ref": keys[collector.uid][0],
                    "amount": f"{rng.randint(*price) // 50 * 50}.00",
                    "currency": "EUR",
                    "date": theme.date_of(where, theme.day_between(start, end)),
                    "purpose_text": f"transport {leg.origin}-{leg.destination}",
                },
                _PURPOSE,
            )
    return count


def _caught_drivers(
    theme: Theme,
    where: str,
    network_id: str,
    drivers: list[TruePerson],
    vans: list[tuple[str, str, str, str]],
    start: date,
    end: date,
) -> None:
    """Drivers stopped at the Hungarian or Croatian border with migrants in their van."""
    rng, sink = theme.rng, theme.sink
    for driver, van in zip(drivers, vans, strict=False):
        if rng.random() < 0.5:
            continue
        catcher = rng.choice(("HU", "HR"))
        regs = Registrations(sink, rng, driver, migrant=False)
        uid, plate, police_key, alert = van
        seen_plate = plate if rng.random() < 0.7 else noise.lookalike(rng, plate)
        vehicle_key = theme.entity(
            catcher,
            "border_vehicles",
            {
                "plate": seen_plate,
                "model": "van",
                "vehicle_type": "van",
                "country": "",
                "subject_category": "suspect",
            },
            uid,
            "vehicle",
        )
        day = theme.day_between(start, end)
        crossing_row(
            sink,
            regs,
            catcher,
            ("RS", catcher),
            day,
            "detection",
            category="suspect",
            vehicle_key=vehicle_key,
            description=f"driver; {rng.randint(4, 19)} migrants found in the vehicle",
        )
        if alert:
            target = (
                where,
                sink.spec(f"{where}/police_vehicles").authority,
                "police_vehicles",
                police_key,
            )
            missing.plant_hit(
                sink,
                f"Q-VEH-{uid}",
                catcher,
                {},
                target,
                alert,
                "stolen van used for smuggling stopped at the border",
                kind="vehicle",
                identifier=seen_plate,
            )
        sink.truth("networks", network_id, "smuggling", driver.uid, "person", "driver")


def _europol(
    theme: Theme,
    network_id: str,
    organiser: TruePerson,
    recruiters: list[TruePerson],
    handler: TruePerson,
    wanted: bool,
) -> None:
    """Europol's analysis file knows the organiser and his closest associates."""
    keys = {}
    for person in [organiser, handler, *recruiters[:1]]:
        keys[person.uid] = theme.police_person(
            "EUROPOL",
            person,
            category="suspect",
            purpose=_PURPOSE,
            accuracy="3",
            nature="assessment",
        )
    theme.relation(
        "EUROPOL",
        "associates",
        {
            "person_ref": keys[organiser.uid],
            "associate_ref": keys[handler.uid],
            "relationship": "financier",
        },
        _PURPOSE,
    )


def _wanted_hit(theme: Theme, where: str, organiser: TruePerson, key: str) -> None:
    """A border officer elsewhere screens the wanted organiser, and a namesake who is not him."""
    rng, sink = theme.rng, theme.sink
    screener = rng.choice([p for p in BORDER if p not in (where, "GR", "BG")])
    query = person_fields(rng, organiser, convention(BORDER[screener]))
    target = (where, theme.sink.spec(f"{where}/police_persons").authority, "police_persons", key)
    missing.plant_hit(
        sink,
        f"Q-WNT-{organiser.uid}",
        screener,
        query,
        target,
        "wanted",
        "wanted organiser of a smuggling network",
    )
    namesake = dict(query, document_number="")
    born = organiser.birth
    other = date(born.year + rng.choice((-9, -6, 7, 11)), born.month, min(born.day, 28))
    namesake["birth_date"] = other.isoformat()
    missing.plant_hit(
        sink,
        f"Q-NEG-{organiser.uid}",
        screener,
        namesake,
        ("", "", "", ""),
        "",
        "namesake of a wanted person, other birth date: must not hit",
        expect_hit=False,
    )
