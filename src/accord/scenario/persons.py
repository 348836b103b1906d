"""True persons and the way each participant registers them.

A :class:`TruePerson` is the ground truth: one real (synthetic) individual with a uid. Every
record of that person in any participant's file is a *rendering*: the names spelled in that
participant's script and conventions, with the clerical errors of its source.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from accord.scenario import documents, noise
from accord.scenario.conventions import Convention, ErrorRates
from accord.scenario.namebank import Name, pool, regional_name
from accord.scenario.places import script_of
from accord.scenario.scripts import ascii_fold, strip_albanian

__all__ = ["ALPHA3", "TruePerson", "country_code", "new_person", "person_fields", "place_text"]

#: ISO 3166 alpha-2 -> the alpha-3 codes of travel documents (ICAO Doc 9303; XKX for Kosovo*).
ALPHA3 = {
    "SY": "SYR", "IQ": "IRQ", "AF": "AFG", "IR": "IRN", "TR": "TUR", "MA": "MAR", "TN": "TUN",
    "PK": "PAK", "BD": "BGD", "IN": "IND", "BI": "BDI", "CU": "CUB", "EC": "ECU", "CO": "COL",
    "RS": "SRB", "ME": "MNE", "BA": "BIH", "MK": "MKD", "AL": "ALB", "XK": "XKX", "HR": "HRV",
    "GB": "GBR", "HU": "HUN", "GR": "GRC", "BG": "BGR", "NL": "NLD", "BE": "BEL", "RO": "ROU",
    "FR": "FRA", "DE": "DEU", "AT": "AUT", "IT": "ITA", "CY": "CYP", "AE": "ARE",
}  # fmt: skip

# Pools whose bearers often have the father's name written as part of the first name.
_PATRONYMIC_POOLS = frozenset({"levant", "afghan", "iranian", "south_asian"})


@dataclass(slots=True)
class TruePerson:
    """One synthetic individual: the truth behind every record of them."""

    uid: str
    num: int  # global person number; record keys are derived from it
    nationality: str  # ISO alpha-2
    pool: str
    sex: str  # M or F
    birth: date
    birth_known: bool
    given: Name
    family: Name
    father: Name
    no_surname: bool  # no inherited surname (father's or tribal name used instead)
    variant: int  # which romanization the person's passport uses
    passport: str
    national_id: str
    phone: str
    birth_place: Name | None
    home: str  # participant of residence, or "" for migrants in transit


def new_person(
    rng: random.Random,
    uid: str,
    num: int,
    nationality: str,
    pool_id: str,
    sex: str,
    birth: date,
    *,
    family: Name | None = None,
    home: str = "",
    passport_share: float = 1.0,
    birth_known: bool = True,
    no_surname: bool = False,
    phone_share: float = 0.5,
    birth_place: str | None = None,
) -> TruePerson:
    """Draw a person; ``family`` makes them share a surname with relatives."""
    names = pool(pool_id)
    surname = names.surname_for(family, sex) if family is not None else names.surname(rng, sex)
    given = names.first_name(rng, sex, birth.year)
    father = names.first_name(rng, "M", birth.year - 28)
    variant_roll = rng.random()
    issuing = nationality
    return TruePerson(
        uid=uid,
        num=num,
        nationality=nationality,
        pool=pool_id,
        sex=sex,
        birth=birth,
        birth_known=birth_known,
        given=given,
        family=surname,
        father=father,
        no_surname=no_surname,
        variant=0 if variant_roll < 0.6 else (1 if variant_roll < 0.85 else 2),
        passport=documents.passport_number(rng, issuing) if rng.random() < passport_share else "",
        national_id=documents.national_id(rng, birth, sex, home) if home else "",
        phone=documents.mobile_phone(rng, home or "TR") if rng.random() < phone_share else "",
        birth_place=regional_name(birth_place, script_of(home)) if birth_place else None,
        home=home,
    )


def spell(
    name: Name,
    conv: Convention,
    cyrillic: bool,
    diacritics: bool,
    from_document: bool,
    variant: int,
) -> str:
    """``name`` as written under ``conv`` for one record."""
    mode = conv.mode
    if mode == "ascii":
        text = name.variants[variant % len(name.variants)]
        return text.upper() if conv.upper else text
    if mode == "sr":
        if cyrillic:
            return name.sr_cyr
        text = name.latin if from_document else name.slavic
    elif mode == "mk":
        if cyrillic:
            return name.mk_cyr
        return name.latin if (from_document or name.macedonian) else name.slavic
    elif mode == "sq":
        text = name.latin if from_document else name.albanian
        return text if diacritics else strip_albanian(ascii_fold(text))
    else:
        text = name.latin if from_document else name.slavic
    return text if diacritics else ascii_fold(text)


def country_code(country: str, conv: Convention) -> str:
    return country if conv.country_style == "alpha2" else ALPHA3.get(country, country)


def person_fields(
    rng: random.Random,
    person: TruePerson,
    conv: Convention,
    *,
    document_shown: bool = True,
    errors: ErrorRates | None = None,
) -> dict[str, str]:
    """The columns of one registration of ``person`` by a participant writing as ``conv``."""
    errors = errors or conv.errors
    cyrillic = conv.cyrillic > 0 and rng.random() < conv.cyrillic
    diacritics = rng.random() < conv.diacritics
    has_document = document_shown and bool(person.passport)
    from_document = has_document and rng.random() < conv.copy_document
    variant = person.variant if (from_document or rng.random() < 0.8) else rng.randrange(3)
    first = spell(person.given, conv, cyrillic, diacritics, from_document, variant)
    if person.pool in _PATRONYMIC_POOLS and rng.random() < 0.12:
        first += " " + spell(person.father, conv, cyrillic, diacritics, from_document, variant)
    surname = person.family
    if person.no_surname and rng.random() < 0.7:
        surname = person.father
    last = spell(surname, conv, cyrillic, diacritics, from_document, variant)
    if rng.random() < errors.typo:
        if rng.random() < 0.5:
            first = noise.typo(rng, first)
        else:
            last = noise.typo(rng, last)
    if rng.random() < errors.name_swap:
        first, last = last, first
    document = person.passport if has_document and rng.random() >= errors.missing_document else ""
    if document and rng.random() < errors.lookalike:
        document = noise.lookalike(rng, document)
    own = person.home == conv.participant
    id_number = (
        person.national_id if person.national_id and rng.random() < (0.95 if own else 0.3) else ""
    )
    nationality = "" if rng.random() < errors.missing_nationality else person.nationality
    return {
        "first_name": first,
        "last_name": last,
        "father_name": spell(person.father, conv, cyrillic, diacritics, from_document, variant),
        "birth_date": noise.birth_date_text(
            rng, person.birth, person.birth_known, conv.date_style, errors
        ),
        "birth_place": place_text(person.birth_place, conv, cyrillic, diacritics),
        "sex": person.sex,
        "nationality": country_code(nationality, conv) if nationality else "",
        "id_number": id_number,
        "document_number": document,
        "phone": person.phone,
    }


def place_text(place: Name | None, conv: Convention, cyrillic: bool, diacritics: bool) -> str:
    """A place name as written under ``conv`` (places keep their native Latin spelling)."""
    if place is None:
        return ""
    if conv.mode == "sr" and cyrillic:
        return place.sr_cyr
    if conv.mode == "mk" and cyrillic:
        return place.mk_cyr
    text = place.latin if place.macedonian else place.native
    if conv.mode == "ascii":
        text = ascii_fold(text)
        return text.upper() if conv.upper else text
    return text if diacritics else ascii_fold(text)
