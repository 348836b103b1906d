"""Asset declarations of public officials and the registries of another participant, with
planted discrepancies: property, vehicles or company shares held abroad and not declared, or
declared far below their registered value.

Model (domain-facts §4): the RAI treaty on exchange of data for the verification of asset
declarations lets a participant's integrity body ask another's for data from its registries
(real estate, vehicles, companies, accounts). Each participant's integrity body publishes its
officials' declarations and holds the domestic registry extracts it would answer with.
"""

from __future__ import annotations

from datetime import date, timedelta

from accord.scenario import documents
from accord.scenario.catalogue import INTEGRITY, convention
from accord.scenario.persons import TruePerson, person_fields
from accord.scenario.places import CITIES
from accord.scenario.theme import Theme

__all__ = ["generate_integrity"]

_NEAR = {
    "RS": ("ME", "BA", "MK"),
    "ME": ("RS", "BA", "AL"),
    "BA": ("RS", "ME"),
    "MK": ("RS", "AL", "XK"),
    "AL": ("XK", "ME", "MK"),
    "XK": ("AL", "MK", "ME"),
}
_POSITIONS = (
    "Judge, Basic Court",
    "Head of Customs Office",
    "Member of Parliament",
    "Mayor",
    "Police Director",
    "Deputy Minister",
    "Public Prosecutor",
    "Director, Land Registry",
    "Head of Border Police Station",
    "Member of the Tax Administration Board",
)
_DISCREPANCIES = (
    ("undeclared real estate", 0.35),
    ("undervalued real estate", 0.2),
    ("undeclared vehicle", 0.25),
    ("undeclared company share", 0.2),
)
_CARS = ("Audi Q7", "Range Rover Sport", "Mercedes-Benz G 500", "BMW X6", "Porsche Cayenne")


def generate_integrity(theme: Theme, officials: int) -> None:
    for _ in range(officials):
        _official(theme)


def _official(theme: Theme) -> None:
    rng, sink = theme.rng, theme.sink
    home = rng.choice(sorted(INTEGRITY))
    abroad = rng.choice(_NEAR[home])
    person = theme.person(home, home=home, born=(1958, 1985))
    position = rng.choice(_POSITIONS)
    dataset = f"{home}/declarants"
    row = person_fields(rng, person, convention(INTEGRITY[home]))
    row.update(key=sink.key(dataset, person.num), position=position)
    declarant = sink.person(dataset, row, person.uid)
    planted = rng.random() < 0.6
    kind = _pick(theme) if planted else "consistent"
    registry_person = _registry_person(theme, abroad, person)
    home_flat = rng.randint(60, 220) * 1000
    savings = rng.randint(5, 80) * 1000
    foreign_value = rng.randint(90, 450) * 1000
    acquired = date(2021, 1, 1) + timedelta(days=rng.randrange(900))
    registry_key, registry_dataset, registry_value = _registry_asset(
        theme, abroad, registry_person, kind, foreign_value, acquired
    )
    declared_foreign = kind in ("consistent", "undervalued real estate")
    declared_value = foreign_value if kind == "consistent" else foreign_value // rng.randint(3, 5)
    last_key = ""
    for year in (2022, 2023, 2024):
        items = [
            (
                "real-estate",
                f"apartment, {person.birth_place.native if person.birth_place else ''}",
                home,
                home_flat,
                "",
            )
        ]
        items.append(("bank-account", "savings", home, savings + (year - 2022) * 3000, ""))
        if declared_foreign and acquired.year <= year:
            items.append(
                (
                    "real-estate",
                    f"apartment in {abroad}",
                    abroad,
                    declared_value,
                    registry_reference(registry_key),
                )
            )
        last_key = _declaration(theme, home, person, declarant, year, position, items)
    if kind != "consistent":
        sink.truth(
            "asset_discrepancies",
            person.uid,
            home,
            INTEGRITY[home],
            last_key,
            kind.split(" ", 1)[1],
            declared_value if declared_foreign else "",
            abroad,
            INTEGRITY[abroad],
            registry_dataset,
            registry_key,
            registry_value,
            kind,
        )


def registry_reference(key: str) -> str:
    return f"REG-{key}"


def _pick(theme: Theme) -> str:
    roll = theme.rng.random()
    for kind, weight in _DISCREPANCIES:
        if roll < weight:
            return kind
        roll -= weight
    return _DISCREPANCIES[-1][0]


def _registry_person(theme: Theme, participant: str, person: TruePerson) -> str:
    """The official as the other participant's registries know them (their spelling)."""
    dataset = f"{participant}/registry_persons"
    row = person_fields(theme.rng, person, convention(INTEGRITY[participant]))
    row["key"] = theme.sink.key(dataset, person.num)
    return theme.sink.person(dataset, row, person.uid)


def _registry_asset(
    theme: Theme, where: str, owner: str, kind: str, value: int, acquired: date
) -> tuple[str, str, int]:
    """The asset in ``where``'s registry: (key, dataset, registered value)."""
    rng = theme.rng
    uid = theme.entity_uid(theme.entity_number())
    day = theme.date_of(where, acquired)
    if kind == "undeclared vehicle":
        value = rng.randint(40, 120) * 1000
        key = theme.entity(
            where,
            "registry_vehicles",
            {
                "plate": documents.plate(rng, where),
                "model": rng.choice(_CARS),
                "vehicle_type": "car",
                "country": theme.country(where, where),
                "owner_ref": owner,
                "registration_date": day,
                "amount": f"{value}.00",
                "currency": "EUR",
                "description": f"VIN {documents.vin(rng)}",
            },
            uid,
            "vehicle",
        )
        return key, "registry_vehicles", value
    if kind == "undeclared company share":
        company = theme.entity(
            where,
            "registry_companies",
            {
                "name": f"{rng.choice(('Gradnja', 'Invest', 'Turist', 'Nekretnine'))} Plus d.o.o.",
                "registration_number": documents.company_number(rng, where),
                "jurisdiction": theme.country(where, where),
                "incorporation_date": day,
                "sector": "construction",
            },
            uid,
            "company",
        )
        theme.relation(
            where,
            "registry_shareholdings",
            {
                "owner_ref": owner,
                "asset_ref": company,
                "percentage": str(rng.choice((25, 33, 50))),
                "start_date": day,
            },
            "integrity",
        )
        return company, "registry_companies", value
    city = rng.choice(CITIES.get(where, ("Budva",)))
    estate = theme.entity(
        where,
        "registry_real_estate",
        {
            "cadastral_code": f"{rng.randint(100, 999)}/{rng.randint(1, 9000)}",
            "address": f"{city}, apartment {rng.randint(1, 60)}",
            "country": theme.country(where, where),
            "area": str(rng.randint(50, 200)),
            "property_type": "apartment",
            "amount": f"{value}.00",
            "currency": "EUR",
        },
        uid,
        "real estate",
    )
    theme.relation(
        where,
        "registry_estate_owners",
        {
            "owner_ref": owner,
            "asset_ref": estate,
            "percentage": "100",
            "start_date": day,
        },
        "integrity",
    )
    return estate, "registry_real_estate", value


def _declaration(
    theme: Theme,
    home: str,
    person: TruePerson,
    declarant: str,
    year: int,
    position: str,
    items: list[tuple[str, str, str, int, str]],
) -> str:
    """One yearly declaration with its items; returns its key."""
    sink = theme.sink
    dataset = f"{home}/declarations"
    key = sink.key(dataset, person.num, year - 2021)
    filed = date(year + 1, 3, 1) + timedelta(days=theme.rng.randrange(30))
    sink.add(
        dataset,
        {
            "key": key,
            "declarant_ref": declarant,
            "declaration_year": str(year),
            "position": position,
            "country": theme.country(home, home),
            "total_value": f"{sum(item[3] for item in items)}.00",
            "filed": theme.date_of(home, filed),
        },
    )
    for index, (item_type, description, country, amount, reference) in enumerate(items, start=1):
        items_id = f"{home}/declared_items"
        sink.add(
            items_id,
            {
                "key": sink.key(items_id, person.num, (year - 2021) * 10 + index),
                "declaration_ref": key,
                "item_type": item_type,
                "description": description,
                "country": theme.country(home, country),
                "amount": f"{amount}.00",
                "currency": "EUR",
                "registry_reference": reference,
            },
        )
    return key
