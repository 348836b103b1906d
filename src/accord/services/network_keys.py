"""What a record stands for in the network: its node kind and the keys that identify its thing.

A company, phone, vehicle, vessel, account, wallet, address, real estate, firearm or shipment is
recorded by several authorities, each in its own spelling. Records that share a key (the same
registration number, plate, VIN, IMO number, IBAN, wallet address, cadastral code, serial number
or container number, folded as the screening index folds identifiers) are one node. Keys are
namespaced by what they identify, so a plate never meets a serial number.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from accord.screening.identifiers import IdentifierKind, fold_identifier, vins_in
from accord.store.records import StoredRecord

__all__ = [
    "ENTITY_KINDS",
    "PERSON_SCHEMATA",
    "address_key",
    "entity_keys",
    "phone_key",
]

#: Person-like schemata: one node per identity (or per record outside any identity).
PERSON_SCHEMATA = frozenset({"Person"})

#: The node kind of each schema whose records are things in the network.
ENTITY_KINDS: dict[str, str] = {
    "Company": "company",
    "Organization": "company",
    "LegalEntity": "company",
    "PublicBody": "company",
    "BankAccount": "account",
    "CryptoWallet": "wallet",
    "Vehicle": "vehicle",
    "Vessel": "vessel",
    "Address": "address",
    "RealEstate": "real_estate",
    "Firearm": "firearm",
    "Trip": "shipment",
}

_E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


def _values(record: StoredRecord, name: str) -> list[str]:
    return [v for v in record.properties.get(name) or [] if v and v.strip()]


def _plain(value: str) -> str:
    """Upper-case letters and digits only: registration numbers, IMO numbers, containers."""
    text = unicodedata.normalize("NFKC", value).upper()
    return _NOT_ALNUM.sub("", text)


def _folded(kind: IdentifierKind, value: str) -> str | None:
    found = fold_identifier(kind, value)
    return None if found is None else found.strict


@lru_cache(maxsize=65_536)
def phone_key(value: str) -> str | None:
    """The key of a phone number: its international digits."""
    if _E164.match(value):
        # stored numbers are E.164 already (ingest validated them): no need to parse again
        return f"phone:{value[1:]}"
    found = _folded(IdentifierKind.PHONE, value)
    return f"phone:{found}" if found else None


def address_key(value: str) -> str | None:
    """The key of an address written out: case, spacing and punctuation ignored."""
    text = unicodedata.normalize("NFKC", value).casefold()
    text = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()
    return f"address:{text}" if len(text) >= 6 else None


def _company(record: StoredRecord) -> list[str]:
    keys = [f"company:{_plain(v)}" for v in _values(record, "registrationNumber") if _plain(v)]
    if keys:
        return keys
    # without a registration number, the same name in the same jurisdiction
    names = [address_key(v) for v in _values(record, "name")]
    places = _values(record, "jurisdiction") or _values(record, "country") or [""]
    return [f"company-name:{places[0].lower()}:{n[8:]}" for n in names if n]


def _vehicle(record: StoredRecord) -> list[str]:
    keys = [
        f"plate:{found}"
        for v in _values(record, "registrationNumber")
        if (found := _folded(IdentifierKind.VEHICLE, v))
    ]
    for text in _values(record, "description"):
        keys += [f"vin:{vin}" for vin in vins_in(text)]
    return keys


def _account(record: StoredRecord) -> list[str]:
    keys = [f"iban:{_plain(v)}" for v in _values(record, "iban") if len(_plain(v)) >= 15]
    if keys:
        return keys
    banks = _values(record, "bankName") or [""]
    return [
        f"account:{_plain(banks[0])}:{_plain(v)}"
        for v in _values(record, "accountNumber")
        if _plain(v)
    ]


def _wallet(record: StoredRecord) -> list[str]:
    return [
        f"wallet:{found}"
        for v in _values(record, "cryptoAddress")
        if (found := _folded(IdentifierKind.WALLET, v))
    ]


def _vessel(record: StoredRecord) -> list[str]:
    keys = []
    for value in _values(record, "imoNumber"):
        digits = re.sub(r"\D", "", value)
        if len(digits) == 7:
            keys.append(f"imo:{digits}")
    return keys or [f"vessel:{_plain(v)}" for v in _values(record, "mmsi") if _plain(v)]


def _address(record: StoredRecord) -> list[str]:
    texts = _values(record, "full")
    if not texts:
        parts = [*(_values(record, "street")[:1]), *(_values(record, "city")[:1])]
        texts = [", ".join(parts)] if parts else []
    return [k for k in (address_key(t) for t in texts) if k]


def _real_estate(record: StoredRecord) -> list[str]:
    countries = _values(record, "country") or [""]
    return [
        f"cadastre:{countries[0].lower()}:{_plain(v)}"
        for v in _values(record, "cadastralCode")
        if _plain(v)
    ]


def _firearm(record: StoredRecord) -> list[str]:
    makes = [m.casefold() for m in _values(record, "make")] or [""]
    return [
        f"serial:{makes[0]}:{found}"
        for v in _values(record, "serialNumber")
        if (found := _folded(IdentifierKind.FIREARM, v))
    ]


def _shipment(record: StoredRecord) -> list[str]:
    # a container shipment is known by its ISO 6346 container number (the Trip's name)
    return [f"container:{_plain(v)}" for v in _values(record, "name") if len(_plain(v)) == 11]


_KEYS = {
    "company": _company,
    "vehicle": _vehicle,
    "account": _account,
    "wallet": _wallet,
    "vessel": _vessel,
    "address": _address,
    "real_estate": _real_estate,
    "firearm": _firearm,
    "shipment": _shipment,
}


def entity_keys(record: StoredRecord) -> list[str]:
    """The keys of an entity record (empty when it carries none: it is then a node alone)."""
    kind = ENTITY_KINDS.get(record.schema)
    if kind is None:
        return []
    return sorted(set(_KEYS[kind](record)))
