"""What the screening index keeps of a record its originator flagged for screening.

Only records that :func:`accord.policy.screenable` admits become entries: an alert set, and no
victim unless the alert is a missing-person alert. A person gives names, date of birth,
nationality and sex (for the scorer) and its document and phone numbers; a document, vehicle,
firearm, account or wallet gives its identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from accord.model.envelope import Envelope
from accord.policy import screenable
from accord.screening.dates import UNKNOWN, BirthDate, parse_birth_date
from accord.screening.identifiers import IdentifierKind, vins_in
from accord.store.records import StoredRecord

__all__ = ["RECORD_KINDS", "IndexEntry", "entry_of", "features_of"]

#: The kind of hit each schema gives (a person matched by a phone number is a "phone" hit).
RECORD_KINDS = {
    "Person": "person",
    "Passport": "document",
    "Identification": "document",
    "BorderCrossing": "document",
    "Vehicle": "vehicle",
    "Firearm": "firearm",
    "BankAccount": "iban",
    "CryptoWallet": "wallet",
}

_IDENTIFIERS: dict[str, tuple[tuple[str, IdentifierKind], ...]] = {
    "Person": (
        ("passportNumber", IdentifierKind.DOCUMENT),
        ("idNumber", IdentifierKind.DOCUMENT),
        ("phone", IdentifierKind.PHONE),
    ),
    "Passport": (("number", IdentifierKind.DOCUMENT), ("passportNumber", IdentifierKind.DOCUMENT)),
    "Identification": (("number", IdentifierKind.DOCUMENT),),
    "BorderCrossing": (("documentNumber", IdentifierKind.DOCUMENT),),
    "Vehicle": (("registrationNumber", IdentifierKind.VEHICLE),),
    "Firearm": (("serialNumber", IdentifierKind.FIREARM),),
    "BankAccount": (("iban", IdentifierKind.IBAN), ("accountNumber", IdentifierKind.IBAN)),
    "CryptoWallet": (("publicKey", IdentifierKind.WALLET),),
}
_SEX = {"male": "M", "m": "M", "female": "F", "f": "F"}
_MAX_NAMES = 3


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One flagged record as the index needs it. Identifier values are hashed when added and
    not kept."""

    record_id: str
    schema: str
    kind: str
    envelope: Envelope
    restricted: bool
    version: str
    names: tuple[str, ...] = ()
    birth: BirthDate = UNKNOWN
    nationality: str | None = None
    sex: str | None = None
    identifiers: tuple[tuple[IdentifierKind, str], ...] = ()
    #: keyed hashes of the person's document numbers, set by the index (for the scorer)
    document_keys: frozenset[int] = frozenset()

    def __reduce__(self) -> tuple[type[IndexEntry], tuple[object, ...]]:
        # pickled (in the index's snapshot) as a constructor call: several times faster to
        # write and read than the generic state of a slotted dataclass
        return (IndexEntry, tuple(getattr(self, name) for name in _FIELDS))


_FIELDS = tuple(f.name for f in fields(IndexEntry))


def _first(props: dict[str, list[str]], name: str) -> str:
    values = props.get(name) or []
    return next((v.strip() for v in values if v and v.strip()), "")


def _names(props: dict[str, list[str]]) -> tuple[str, ...]:
    found: list[str] = []
    first, last = _first(props, "firstName"), _first(props, "lastName")
    if first or last:
        found.append(f"{first} {last}".strip())
    for value in props.get("name", []):
        if value and value.strip() and value.strip() not in found:
            found.append(value.strip())
    return tuple(found[:_MAX_NAMES])


def _identifiers(record: StoredRecord) -> tuple[tuple[IdentifierKind, str], ...]:
    found: list[tuple[IdentifierKind, str]] = []
    for prop, kind in _IDENTIFIERS.get(record.schema, ()):
        found.extend((kind, v) for v in record.properties.get(prop, []) if v and v.strip())
    if record.schema == "Vehicle":
        for text in record.properties.get("description", []):
            found.extend((IdentifierKind.VEHICLE, vin) for vin in vins_in(text))
    return tuple(dict.fromkeys(found))


def entry_of(record: StoredRecord) -> IndexEntry | None:
    """The index entry of a record, or None when it may not or cannot be screened."""
    if not screenable(record.envelope):
        return None
    return features_of(record)


def features_of(record: StoredRecord) -> IndexEntry | None:
    """What the index would keep of a record, whether or not it is flagged (for training and
    evaluation on generated data; the index itself takes only :func:`entry_of`)."""
    kind = RECORD_KINDS.get(record.schema)
    if kind is None:
        return None
    props = record.properties
    identifiers = _identifiers(record)
    if record.schema != "Person":
        if not identifiers:
            return None
        return IndexEntry(
            record.id,
            record.schema,
            kind,
            record.envelope,
            record.restricted,
            record.updated_at,
            identifiers=identifiers,
        )
    names = _names(props)
    if not names and not identifiers:
        return None
    nationality = _first(props, "nationality").upper() or None
    sex = _SEX.get(_first(props, "gender").lower())
    birth: BirthDate = parse_birth_date(_first(props, "birthDate"))
    return IndexEntry(
        record.id,
        record.schema,
        kind,
        record.envelope,
        record.restricted,
        record.updated_at,
        names=names,
        birth=birth,
        nationality=nationality,
        sex=sex,
        identifiers=identifiers,
    )
