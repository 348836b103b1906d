"""Cocaine supply chains: Balkan clans, brokers in Ecuador, front companies, reefer containers
from Guayaquil to Antwerp, Rotterdam, Bar and Durrës, payments and high-value targets.

Following domain-facts §6.1 (Europol "Decoding the EU's most threatening criminal networks"
2024; EMCDDA European Drug Report 2022; GI-TOC 2020; OCCRP/KRIK): clans of Montenegro, Serbia,
Bosnia and Herzegovina and Albanian-speaking networks control supply; emissaries settled near
Guayaquil; cocaine hidden in banana and fruit containers bound for the EU mega-ports and the
Adriatic ports; 86% of networks use legal business structures; wholesale EUR 35,000-38,000 per
kg in the Western Balkans. Seizures mirror the public exemplars (Bar 1.4 t 2021, Durrës 143 kg).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from accord.scenario import documents, figures, missing
from accord.scenario.catalogue import BORDER, FIU, convention
from accord.scenario.persons import TruePerson, person_fields
from accord.scenario.places import PORTS
from accord.scenario.theme import Theme

__all__ = ["generate_cocaine"]

_PURPOSE = "drug-trafficking"
_CLAN_HOMES = (("ME", 0.35), ("AL", 0.30), ("RS", 0.20), ("BA", 0.15))
_IMPORTER_NAMES = {
    "ME": ("Adriatic Fresh d.o.o.", "Jadran Voće d.o.o.", "Primorje Trade d.o.o."),
    "AL": ("Fruta e Freskët sh.p.k.", "Adriatik Import sh.p.k.", "Durrës Agro sh.p.k."),
    "RS": ("Balkan Fruit Trade d.o.o.", "Voćar Import d.o.o.", "Dunav Agrar d.o.o."),
    "BA": ("Neretva Voće d.o.o.", "Bosna Fresh d.o.o.", "Herceg Trade d.o.o."),
}
_EXPORTERS = (
    "Exportadora Bananera del Pacífico S.A.",
    "Frutas Tropicales Guayas S.A.",
    "Agroexportadora Costa Verde S.A.",
    "Banano Real del Ecuador S.A.",
)
_LOGISTICS = ("Noordzee Reefer Logistics BV", "Scheldt Cold Chain NV", "Maas Fruit Forwarding BV")
_SHELLS = (("Meridian Capital Holdings Ltd", "CY"), ("Silverline Trading FZE", "AE"))
_VESSELS = ("Pacific Meridian", "Andes Reefer", "Cap Esmeralda", "Adriatic Star", "Santa Elena")


def generate_cocaine(theme: Theme, chains: int) -> None:
    for index in range(chains):
        _chain(theme, f"NET-COC-{index + 1:03d}")


def _pick(theme: Theme, options: tuple[tuple[str, float], ...]) -> str:
    roll = theme.rng.random()
    for value, weight in options:
        if roll < weight:
            return value
        roll -= weight
    return options[-1][0]


def _chain(theme: Theme, network_id: str) -> None:
    rng, sink = theme.rng, theme.sink
    home = _pick(theme, _CLAN_HOMES)
    port_home = "Luka Bar" if home in ("ME", "RS", "BA") else "Porti i Durrësit"
    boss = theme.person(home, home=home, born=(1970, 1988))
    lieutenants = [theme.person(home, home=home, born=(1980, 1995)) for _ in range(2)]
    emissary = theme.person(home, home=home, born=(1982, 1996))
    broker = theme.person("EC", born=(1970, 1990))
    broker.phone = theme.phone("EC")
    eu_port = rng.choice(("Port of Antwerp-Bruges", "Port of Rotterdam"))
    insider = theme.person("BE" if "Antwerp" in eu_port else "NL", born=(1975, 1995))
    insider.phone = theme.phone("BE" if "Antwerp" in eu_port else "NL")
    launderer = theme.person(home, home=home, born=(1965, 1985))
    people = [
        ("boss", boss),
        ("lieutenant", lieutenants[0]),
        ("lieutenant", lieutenants[1]),
        ("emissary in Ecuador", emissary),
        ("broker", broker),
        ("port insider", insider),
        ("money launderer", launderer),
    ]
    wanted = rng.random() < 0.5
    keys: dict[str, tuple[str, str]] = {}
    for role, person in people:
        key = theme.police_person(
            home,
            person,
            category="suspect",
            purpose=_PURPOSE,
            alert="wanted" if role == "boss" and wanted else "",
            nature="assessment" if role == "boss" else "fact",
        )
        keys[person.uid] = (key, person.phone)
        sink.truth("networks", network_id, "cocaine", person.uid, "person", role)
    companies = _companies(theme, home, network_id, boss, lieutenants[0], launderer, keys)
    vessels = _vessels(theme, home, network_id)
    ports = {
        name: _port(theme, home, name, country)
        for name, country in PORTS
        if name in ("Puerto de Guayaquil", eu_port, port_home)
    }
    start = date(2022, 1, 1) + timedelta(days=rng.randrange(800))
    seized_kg = _shipments(
        theme, home, network_id, companies, vessels, ports, eu_port, port_home, start
    )
    for _ in range(rng.randint(6, 20)):
        caller, receiver = rng.sample(people, 2)
        if caller[1].phone and receiver[1].phone:
            theme.call(
                home,
                keys[caller[1].uid],
                keys[receiver[1].uid],
                theme.day_between(start, start + timedelta(days=500)),
                _PURPOSE,
            )
    for person, low, high in ((insider, 10_000, 50_000), (broker, 50_000, 400_000)):
        theme.relation(
            home,
            "payments",
            {
                "payer_ref": keys[launderer.uid][0],
                "beneficiary_ref": keys[person.uid][0],
                "amount": f"{rng.randint(low, high) // 1000 * 1000}.00",
                "currency": "EUR",
                "date": theme.date_of(home, theme.day_between(start, start + timedelta(days=400))),
                "purpose_text": "cash handed over",
            },
            _PURPOSE,
        )
    _fiu_flows(theme, home, companies, start)
    _europol(theme, boss, broker, insider, companies)
    if wanted:
        screener = rng.choice([p for p in BORDER if p not in (home, "GR", "BG")])
        query = person_fields(rng, boss, convention(BORDER[screener]))
        target = (
            home,
            sink.spec(f"{home}/police_persons").authority,
            "police_persons",
            keys[boss.uid][0],
        )
        missing.plant_hit(
            sink,
            f"Q-WNT-{boss.uid}",
            screener,
            query,
            target,
            "wanted",
            "wanted head of a cocaine-trafficking clan",
        )
    value = seized_kg * sum(figures.COCAINE_EUR_PER_KG) // 2
    sink.truth(
        "high_value_targets",
        boss.uid,
        network_id,
        "cocaine",
        1,
        f"controls front companies; {seized_kg} kg seized (about EUR {value:,})",
    )
    sink.truth(
        "high_value_targets", broker.uid, network_id, "cocaine", 2, "supplier's broker in Guayaquil"
    )
    sink.truth(
        "high_value_targets",
        launderer.uid,
        network_id,
        "cocaine",
        3,
        "moves the proceeds through shell companies",
    )


def _companies(
    theme: Theme,
    home: str,
    network_id: str,
    boss: TruePerson,
    lieutenant: TruePerson,
    launderer: TruePerson,
    keys: dict[str, tuple[str, str]],
) -> dict[str, tuple[str, str, str]]:
    """Front companies: role -> (uid, name, country); with directors and owners."""
    rng = theme.rng
    specs = {
        "importer": (rng.choice(_IMPORTER_NAMES[home]), home),
        "exporter": (rng.choice(_EXPORTERS), "EC"),
        "logistics": (rng.choice(_LOGISTICS), rng.choice(("NL", "BE"))),
        "shell": rng.choice(_SHELLS),
    }
    companies = {}
    for role, (name, country) in specs.items():
        uid = theme.entity_uid(theme.entity_number())
        companies[role] = (uid, name, country)
        theme.sink.truth("networks", network_id, "cocaine", uid, "company", role)
        key = _company(theme, home, uid, name, country, role)
        if role == "importer":
            theme.relation(
                home,
                "directorships",
                {
                    "director_ref": keys[lieutenant.uid][0],
                    "organization_ref": key,
                    "role": "director",
                    "start_date": theme.date_of(home, date(2020, 3, 1)),
                },
                _PURPOSE,
            )
        if role in ("importer", "shell"):
            owner = boss if role == "shell" else launderer
            theme.relation(
                home,
                "shareholdings",
                {
                    "owner_ref": keys[owner.uid][0],
                    "asset_ref": key,
                    "percentage": "100" if role == "shell" else "51",
                    "start_date": theme.date_of(home, date(2019, 6, 1)),
                },
                _PURPOSE,
            )
    return companies


def _company(theme: Theme, participant: str, uid: str, name: str, country: str, role: str) -> str:
    number = int(uid.rsplit("-", 1)[1])
    # Seeded by the company's number: every authority records the same registration number.
    registration = documents.company_number(random.Random(number), country)
    return theme.entity(
        participant,
        "companies",
        {
            "name": name,
            "registration_number": registration,
            "jurisdiction": theme.country(participant, country),
            "incorporation_date": theme.date_of(
                participant, date(2015, 1, 1) + timedelta(days=number * 7919 % 2500)
            ),
            "sector": {
                "importer": "fruit wholesale",
                "exporter": "banana export",
                "logistics": "reefer logistics",
                "shell": "holding",
            }[role],
            "purpose": _PURPOSE,
        },
        uid,
        "company",
    )


def _vessels(theme: Theme, home: str, network_id: str) -> list[str]:
    rng = theme.rng
    keys = []
    for _ in range(rng.randint(1, 2)):
        uid = theme.entity_uid(theme.entity_number())
        keys.append(
            theme.entity(
                home,
                "vessels",
                {
                    "name": rng.choice(_VESSELS),
                    "imo": documents.imo_number(rng),
                    "flag": rng.choice(("LR", "PA", "MT", "MH")),
                    "vessel_type": "reefer container ship",
                    "purpose": _PURPOSE,
                },
                uid,
                "vessel",
            )
        )
        theme.sink.truth("networks", network_id, "cocaine", uid, "vessel", "carrier")
    return keys


_PORT_UIDS = {name: f"E-PORT-{90_000_000 + index:08d}" for index, (name, _) in enumerate(PORTS)}


def _port(theme: Theme, participant: str, name: str, country: str) -> str:
    uid = _PORT_UIDS[name]
    return theme.entity(
        participant,
        "ports",
        {
            "full": name,
            "city": name.split()[-1],
            "country": theme.country(participant, country),
            "purpose": _PURPOSE,
        },
        uid,
        "port",
    )


def _shipments(
    theme: Theme,
    home: str,
    network_id: str,
    companies: dict[str, tuple[str, str, str]],
    vessels: list[str],
    ports: dict[str, str],
    eu_port: str,
    port_home: str,
    start: date,
) -> int:
    """Reefer containers from Guayaquil; returns the kilograms seized."""
    rng = theme.rng
    seized_total = 0
    exporter = theme.entity(home, "companies", {}, companies["exporter"][0], "company")
    importer = theme.entity(home, "companies", {}, companies["importer"][0], "company")
    for _ in range(rng.randint(3, 8)):
        departure = theme.day_between(start, start + timedelta(days=600))
        arrival = departure + timedelta(days=rng.randint(18, 30))
        container = documents.container_number(rng)
        destination = ports[eu_port] if rng.random() < 0.5 else ports[port_home]
        description = f"bananas, {rng.randint(18, 22)} reefer pallets"
        if rng.random() < 0.25:
            kilograms = rng.choice((143, 200, 300, 412, 500, 700, 1400))
            seized_total += kilograms
            description += f"; seized: {kilograms} kg of cocaine in the banana boxes"
        theme.relation(
            home,
            "shipments",
            {
                "name": container,
                "vessel_ref": rng.choice(vessels),
                "origin_ref": ports["Puerto de Guayaquil"],
                "destination_ref": destination,
                "shipper_ref": exporter,
                "consignee_ref": importer,
                "departure": theme.date_of(home, departure),
                "arrival": theme.date_of(home, arrival),
                "description": description,
            },
            _PURPOSE,
        )
        theme.sink.truth(
            "networks", network_id, "cocaine", f"CONTAINER:{container}", "shipment", "shipment"
        )
    return seized_total


def _fiu_flows(
    theme: Theme, home: str, companies: dict[str, tuple[str, str, str]], start: date
) -> None:
    """Invoices for fruit from the importer to the exporter, and 'consulting' to the shell, as
    the home FIU sees them."""
    from accord.scenario.finance import fiu_company, transfer

    if home not in FIU:
        return
    rng = theme.rng
    importer = fiu_company(theme, home, *companies["importer"])
    exporter = fiu_company(theme, home, *companies["exporter"])
    shell = fiu_company(theme, home, *companies["shell"])
    for _ in range(rng.randint(3, 8)):
        day = theme.day_between(start, start + timedelta(days=500))
        transfer(theme, home, importer, exporter, rng.randint(20_000, 90_000), day, "fruit invoice")
    for _ in range(rng.randint(2, 5)):
        day = theme.day_between(start, start + timedelta(days=500))
        transfer(
            theme, home, importer, shell, rng.randint(50_000, 250_000), day, "consulting services"
        )


def _europol(
    theme: Theme,
    boss: TruePerson,
    broker: TruePerson,
    insider: TruePerson,
    companies: dict[str, tuple[str, str, str]],
) -> None:
    for person in (boss, broker, insider):
        theme.police_person(
            "EUROPOL",
            person,
            category="suspect",
            purpose=_PURPOSE,
            nature="assessment",
            accuracy="3",
        )
    for role in ("exporter", "logistics", "importer"):
        uid, name, country = companies[role]
        _company(theme, "EUROPOL", uid, name, country, role)
