"""Illicit finance as the FIUs see it: money mules structuring cash just under the reporting
threshold, shell companies with nominee directors, circular flows across three FIUs, real estate
bought with cash, and cash couriers at the border.

Typologies follow domain-facts §6.2 (GI-TOC "Spot Prices" 2021 and "Dirty money" 2024, MONEYVAL
Albania 2018, Europol "The Other Side of the Coin" 2023): real estate on the coast and in the
capitals, smurfing through personal accounts, shell companies, cash couriers. The cash-reporting
threshold is EUR 15,000 (figures.CASH_THRESHOLD_EUR); structured deposits fall between 80% and
99.9% of it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from accord.scenario import documents
from accord.scenario.catalogue import FIU
from accord.scenario.figures import CASH_THRESHOLD_EUR
from accord.scenario.migration import Registrations, crossing_row
from accord.scenario.persons import TruePerson
from accord.scenario.theme import Theme

__all__ = ["fiu_company", "generate_finance", "transfer"]

_PURPOSE = "illicit-finance"
_BANKS = {
    "RS": "Banka Intesa",
    "ME": "Crnogorska komercijalna banka",
    "AL": "Banka Kombëtare Tregtare",
    "MK": "Komercijalna banka",
    "XK": "ProCredit Bank Kosovo",
    "BA": "UniCredit Bank",
    "GB": "Barclays",
    "CY": "Bank of Cyprus",
    "AE": "Emirates NBD",
    "EC": "Banco Pichincha",
    "NL": "ING Bank",
    "BE": "KBC",
}
_SHELL_NAMES = ("Consulting", "Invest", "Trade", "Development", "Solutions", "Holding")
_SUFFIX = {
    "RS": "d.o.o.",
    "ME": "d.o.o.",
    "BA": "d.o.o.",
    "MK": "DOOEL",
    "AL": "sh.p.k.",
    "XK": "L.L.C.",
    "GB": "Ltd",
}
_ESTATE = {
    "ME": ("Budva", "Tivat", "Kotor"),
    "AL": ("Vlorë", "Tiranë", "Durrës"),
    "RS": ("Beograd", "Novi Sad"),
    "MK": ("Ohrid", "Skopje"),
    "XK": ("Prishtinë",),
    "BA": ("Sarajevo", "Mostar"),
    "GB": ("London",),
}


def _account(theme: Theme, participant: str, owner_uid: str, country: str) -> str:
    """The FIU's record of an owner's account (numbers seeded by the account, so that every FIU
    records the same IBAN)."""
    uid = theme.linked_uid(owner_uid, "account")
    number = int(uid.rsplit("-", 1)[1])
    seeded = random.Random(number)
    return theme.entity(
        participant,
        "fiu_accounts",
        {
            "iban": documents.iban(seeded, country) if documents.has_iban(country) else "",
            "account_number": "" if documents.has_iban(country) else str(seeded.randrange(10**10)),
            "bank_name": _BANKS.get(country, "Bank of Cyprus"),
            "country": theme.country(participant, country),
            "currency": "EUR",
            "opening_date": theme.date_of(
                participant, date(2018, 1, 1) + timedelta(days=number * 7919 % 1500)
            ),
        },
        uid,
        "account",
    )


def fiu_company(
    theme: Theme, participant: str, uid: str, name: str, country: str
) -> tuple[str, str]:
    """(company key, account key) of a company in ``participant``'s FIU files."""
    number = int(uid.rsplit("-", 1)[1])
    key = theme.entity(
        participant,
        "fiu_companies",
        {
            "name": name,
            "registration_number": documents.company_number(random.Random(number), country),
            "jurisdiction": theme.country(participant, country),
            "incorporation_date": theme.date_of(
                participant, date(2015, 1, 1) + timedelta(days=number * 7919 % 2500)
            ),
        },
        uid,
        "company",
    )
    account = _account(theme, participant, uid, country)
    if ("company_accounts", participant, uid) not in theme.done:
        theme.done.add(("company_accounts", participant, uid))
        theme.relation(
            participant,
            "company_accounts",
            {
                "owner_ref": key,
                "asset_ref": account,
                "percentage": "100",
            },
            _PURPOSE,
        )
    return key, account


def transfer(
    theme: Theme,
    participant: str,
    payer: tuple[str, str],
    beneficiary: tuple[str, str],
    amount: int,
    day: date,
    purpose: str,
    kind: str = "transfers",
) -> str:
    return theme.relation(
        participant,
        kind,
        {
            "payer_ref": payer[0],
            "payer_account_ref": payer[1],
            "beneficiary_ref": beneficiary[0],
            "beneficiary_account_ref": beneficiary[1],
            "amount": f"{amount}.00",
            "currency": "EUR",
            "date": theme.date_of(participant, day),
            "purpose_text": purpose,
        },
        _PURPOSE,
    )


def generate_finance(theme: Theme, schemes: int) -> None:
    for index in range(schemes):
        _scheme(theme, f"NET-FIN-{index + 1:03d}")


def _subject(theme: Theme, participant: str, person: TruePerson, category: str) -> tuple[str, str]:
    key = theme.police_person(
        participant, person, category=category, purpose=_PURPOSE, dataset="fiu_subjects"
    )
    account = _account(theme, participant, person.uid, person.home or participant)
    if ("account_holders", participant, person.uid) not in theme.done:
        theme.done.add(("account_holders", participant, person.uid))
        theme.relation(
            participant,
            "account_holders",
            {
                "owner_ref": key,
                "asset_ref": account,
                "percentage": "100",
            },
            _PURPOSE,
        )
    return key, account


def _scheme(theme: Theme, network_id: str) -> None:
    rng, sink = theme.rng, theme.sink
    participants = sorted(FIU)
    home = rng.choice(participants)
    partners = rng.sample([p for p in participants if p != home], 2)
    organiser = theme.person(home, home=home, born=(1965, 1985))
    mules = [theme.person(home, home=home, born=(1980, 2003)) for _ in range(rng.randint(3, 6))]
    start = date(2022, 2, 1) + timedelta(days=rng.randrange(900))
    organiser_key = _subject(theme, home, organiser, "suspect")[0]
    _wallets(theme, home, organiser_key, network_id)
    sink.truth("networks", network_id, "finance", organiser.uid, "person", "organiser")
    shells = []
    for country in [home, *partners]:
        uid = theme.entity_uid(theme.entity_number())
        name = (
            f"{rng.choice(('Alfa', 'Nova', 'Vektor', 'Orion', 'Delta', 'Prima'))} "
            f"{rng.choice(_SHELL_NAMES)} {_SUFFIX.get(country, 'Ltd')}"
        )
        shells.append((uid, name, country))
        sink.truth("networks", network_id, "finance", uid, "company", "shell company")
    home_shell = fiu_company(theme, home, *shells[0])
    total = 0
    for mule in mules:
        sink.truth("networks", network_id, "finance", mule.uid, "person", "money mule")
        own = _subject(theme, home, mule, "suspect")
        for _ in range(rng.randint(3, 8)):
            amount = rng.randint(int(CASH_THRESHOLD_EUR * 0.8), CASH_THRESHOLD_EUR - 10)
            day = theme.day_between(start, start + timedelta(days=120))
            transfer(theme, home, own, own, amount, day, "cash deposit", kind="cash_deposits")
            transfer(
                theme,
                home,
                own,
                home_shell,
                amount - rng.randint(0, 500),
                day + timedelta(days=rng.randint(1, 4)),
                "loan",
                kind="person_transfers",
            )
            total += amount
    theme.relation(
        home,
        "fiu_directorships",
        {
            "director_ref": _subject(theme, home, mules[0], "suspect")[0],
            "organization_ref": home_shell[0],
            "role": "director (nominee)",
            "start_date": theme.date_of(home, start - timedelta(days=200)),
        },
        _PURPOSE,
    )
    _circle(theme, shells, total, start)
    _real_estate(theme, home, mules[-1], network_id, start)
    _courier(theme, mules[0], network_id, start)
    sink.truth(
        "high_value_targets",
        organiser.uid,
        network_id,
        "finance",
        1,
        f"controls {len(mules)} mules and 3 shell companies; EUR {total:,} structured",
    )


def _circle(theme: Theme, shells: list[tuple[str, str, str]], total: int, start: date) -> None:
    """Money going round three shells in three countries. The FIUs of both ends of a transfer
    report it, so each FIU sees the circle's legs into and out of its own country."""
    rng = theme.rng
    amount = total
    day = start + timedelta(days=130)
    for index, payer in enumerate(shells):
        beneficiary = shells[(index + 1) % len(shells)]
        amount = int(amount * rng.uniform(0.93, 0.99))
        day += timedelta(days=rng.randint(3, 20))
        for observer in sorted({payer[2], beneficiary[2]}):
            transfer(
                theme,
                observer,
                fiu_company(theme, observer, *payer),
                fiu_company(theme, observer, *beneficiary),
                amount,
                day,
                "loan repayment",
            )


_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _wallets(theme: Theme, home: str, holder_key: str, network_id: str) -> None:
    """Crypto wallets of the organiser (USDT on Tron, bitcoin) at an exchange or self-held."""
    rng = theme.rng
    for chain, symbol in rng.sample((("Tron", "USDT"), ("Bitcoin", "BTC"), ("Ethereum", "ETH")), 2):
        if chain == "Tron":
            address = "T" + "".join(rng.choice(_BASE58) for _ in range(33))
        elif chain == "Bitcoin":
            address = "bc1q" + "".join(rng.choice(_BECH32) for _ in range(38))
        else:
            address = "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
        uid = theme.entity_uid(theme.entity_number())
        theme.entity(
            home,
            "crypto_wallets",
            {
                "holder_ref": holder_key,
                "address": address,
                "currency_symbol": symbol,
                "blockchain": chain,
                "exchange": rng.choice(("Binance", "OKX", "self-custody")),
                "balance": f"{rng.randint(2, 400) * 100}",
            },
            uid,
            "crypto wallet",
        )
        theme.sink.truth("networks", network_id, "finance", uid, "crypto wallet", "proceeds")


def _real_estate(theme: Theme, home: str, owner: TruePerson, network_id: str, start: date) -> None:
    rng = theme.rng
    city = rng.choice(_ESTATE.get(home, ("Budva",)))
    uid = theme.entity_uid(theme.entity_number())
    price = rng.randint(150, 600) * 1000
    estate = theme.entity(
        home,
        "fiu_real_estate",
        {
            "cadastral_code": f"KO-{rng.randint(100, 999)}/{rng.randint(1, 4000)}",
            "address": f"{city}, apartment {rng.randint(1, 40)}",
            "country": theme.country(home, home),
            "area": str(rng.randint(45, 180)),
            "property_type": "apartment",
            "amount": f"{price}.00",
            "currency": "EUR",
        },
        uid,
        "real estate",
    )
    key, _ = _subject(theme, home, owner, "suspect")
    theme.relation(
        home,
        "estate_owners",
        {
            "owner_ref": key,
            "asset_ref": estate,
            "percentage": "100",
            "start_date": theme.date_of(home, start + timedelta(days=rng.randint(150, 300))),
        },
        _PURPOSE,
    )
    theme.sink.truth("networks", network_id, "finance", uid, "real estate", "bought with cash")


def _courier(theme: Theme, courier: TruePerson, network_id: str, start: date) -> None:
    rng = theme.rng
    border = rng.choice(
        [p for p in ("RS", "XK", "ME", "AL", "MK", "BA", "HR") if p != courier.home]
    )
    regs = Registrations(theme.sink, rng, courier, migrant=False)
    cash = rng.randint(25, 180) * 500
    crossing_row(
        theme.sink,
        regs,
        border,
        (courier.home, border),
        start + timedelta(days=rng.randint(10, 200)),
        "entry",
        category="suspect",
        description=f"undeclared cash EUR {cash:,} found in the vehicle",
    )
    theme.sink.truth("networks", network_id, "finance", courier.uid, "person", "cash courier")
