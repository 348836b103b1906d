"""Identifiers in the formats of the issuing countries: personal numbers, passports, IBANs,
plates, VINs, IMO and container numbers, phones, company numbers and firearm serials.

Formats are plausible, not authoritative: lengths, letter/digit patterns and check digits follow
the public descriptions (JMBG mod-11, IBAN ISO 13616 mod-97, IMO check digit, ISO 6346 container
check digit, ISO 3779 VIN position 9). No number is a real person's or object's.
"""

from __future__ import annotations

import random
import string
from datetime import date

__all__ = [
    "company_number",
    "container_number",
    "has_iban",
    "iban",
    "imo_number",
    "mobile_phone",
    "national_id",
    "passport_number",
    "plate",
    "vin",
]

_DIGITS = string.digits
_UPPER = string.ascii_uppercase

# JMBG region codes (the former Yugoslav "RR" digits) by participant.
_JMBG_REGIONS = {"BA": (10, 19), "ME": (21, 29), "HR": (30, 39), "MK": (41, 49), "RS": (71, 89)}


def _digits(rng: random.Random, count: int) -> str:
    # int(random() * n) rather than randrange: the hot path of bulk generation
    return str(int(rng.random() * 10**count)).zfill(count)


def _letters(rng: random.Random, count: int, alphabet: str = _UPPER) -> str:
    size = len(alphabet)
    return "".join(alphabet[int(rng.random() * size)] for _ in range(count))


def jmbg(rng: random.Random, born: date, sex: str, participant: str) -> str:
    """A 13-digit JMBG: DDMMYYY RR BBB K, with the mod-11 control digit."""
    low, high = _JMBG_REGIONS[participant]
    head = f"{born.day:02d}{born.month:02d}{born.year % 1000:03d}{rng.randint(low, high):02d}"
    while True:
        serial = rng.randrange(0, 500) if sex == "M" else rng.randrange(500, 1000)
        body = f"{head}{serial:03d}"
        weights = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        control = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        if control == 10:
            continue  # no valid control digit for this serial
        return body + str(0 if control == 11 else control)


def national_id(rng: random.Random, born: date, sex: str, participant: str) -> str:
    """The personal number of a participant's civil register."""
    if participant in _JMBG_REGIONS:
        return jmbg(rng, born, sex, participant)
    if participant == "AL":
        # Albanian NID: decade letter, year digit, month (+50 for women), day, serial, letter.
        decade = "ABCDEFGHIJKLMN"[(born.year - 1900) // 10]
        month = born.month + (50 if sex == "F" else 0)
        serial = _digits(rng, 3) + rng.choice(_UPPER)
        return f"{decade}{born.year % 10}{month:02d}{born.day:02d}{serial}"
    if participant == "XK":
        return "1" + _digits(rng, 9)
    if participant == "GB":
        return _letters(rng, 2, "ABCEGHJKLMNPRSTWXYZ") + _digits(rng, 6) + rng.choice("ABCD")
    return ""


# Passport number patterns by issuing country: L = letter, D = digit.
_PASSPORT = {
    "RS": "DDDDDDDDD", "ME": "LLDDDDDDD", "BA": "LDDDDDDD", "MK": "MDDDDDDD",
    "AL": "BLDDDDDDD", "XK": "PDDDDDDD", "HR": "DDDDDDDDD", "GB": "DDDDDDDDD",
    "SY": "NDDDDDDDD", "IQ": "LDDDDDDDD", "AF": "PDDDDDDD", "IR": "LDDDDDDDD",
    "TR": "UDDDDDDDD", "MA": "LLDDDDDDD", "TN": "LDDDDDD", "PK": "LLDDDDDDD",
    "IN": "LDDDDDDD", "BD": "LLDDDDDDD", "BI": "OPDDDDDDD", "CU": "LDDDDDD",
    "EC": "DDDDDDDDD", "CO": "LLDDDDDDD", "NL": "LLLLLLDDD", "BE": "LLDDDDDDD",
}  # fmt: skip


def passport_number(rng: random.Random, country: str) -> str:
    pattern = _PASSPORT.get(country, "LDDDDDDDD")
    out = []
    for char in pattern:
        if char == "D":
            out.append(_DIGITS[int(rng.random() * 10)])
        elif char == "L":
            out.append(_UPPER[int(rng.random() * 26)])
        else:
            out.append(char)
    return "".join(out)


# IBAN BBAN layouts: (length of national part, alphabet of each position n = digit, c = alnum).
_IBAN = {
    "RS": "n" * 18, "ME": "n" * 18, "MK": "nnn" + "c" * 10 + "nn", "BA": "n" * 16,
    "AL": "n" * 8 + "c" * 16, "XK": "n" * 16, "HR": "n" * 17, "GB": "aaaa" + "n" * 14,
    "BE": "n" * 12, "NL": "aaaa" + "n" * 10, "CY": "n" * 8 + "c" * 16, "AE": "n" * 19,
    "HU": "n" * 24, "GR": "n" * 7 + "c" * 16, "BG": "aaaa" + "n" * 6 + "c" * 8,
}  # fmt: skip


def has_iban(country: str) -> bool:
    return country in _IBAN


def _mod97(text: str) -> int:
    digits = "".join(str(int(char, 36)) for char in text)
    return int(digits) % 97


def iban(rng: random.Random, country: str) -> str:
    """An IBAN with valid ISO 13616 check digits (national check digits are random)."""
    layout = _IBAN[country]
    bban = []
    for char in layout:
        if char == "n":
            bban.append(rng.choice(_DIGITS))
        elif char == "a":
            bban.append(rng.choice(_UPPER))
        else:
            bban.append(rng.choice(_DIGITS + _UPPER))
    body = "".join(bban)
    check = 98 - _mod97(body + country + "00")
    return f"{country}{check:02d}{body}"


# Mobile ranges of each numbering plan (prefixes in E.164) and the digits that follow.
_MOBILE: dict[str, tuple[tuple[str, ...], int]] = {
    "RS": (("+38160", "+38162", "+38163", "+38164", "+38165", "+38166"), 7),
    "ME": (("+38267", "+38268", "+38269"), 6),
    "BA": (("+38761", "+38762", "+38763", "+38765", "+38766"), 6),
    "MK": (("+38970", "+38971", "+38972", "+38975", "+38976", "+38978"), 6),
    "AL": (("+355692", "+355693", "+355695", "+355696", "+355697", "+355698", "+355699"), 6),
    "XK": (("+38344", "+38345", "+38349"), 6),
    "HR": (("+38591", "+38592", "+38595", "+38598"), 7),
    "GB": (("+447400", "+447500", "+447800", "+447900"), 6),
    "TR": (("+90532", "+90533", "+90542", "+90505", "+90555"), 7),
    "GR": (("+30690", "+30693", "+30694", "+30697"), 7),
    "HU": (("+3620", "+3630", "+3670"), 7),
    "BG": (("+35987", "+35988", "+35989"), 7),
    "EC": (("+59398", "+59399"), 7),
    "BE": (("+32470", "+32475", "+32485", "+32495"), 6),
    "NL": (("+3161", "+3162", "+3163", "+3164", "+3165"), 7),
}


def mobile_phone(rng: random.Random, country: str) -> str:
    """An E.164 mobile number in a range the country's numbering plan allocates to mobiles."""
    prefixes, digits = _MOBILE.get(country, _MOBILE["RS"])
    return prefixes[int(rng.random() * len(prefixes))] + _digits(rng, digits)


def plate(rng: random.Random, country: str) -> str:
    """A number plate in the country's format."""
    number = rng.randint(100, 999)
    if country == "RS":
        city = rng.choice(("BG", "NS", "NI", "SU", "KG", "ŠA", "PO", "VR", "KI", "SO"))
        return f"{city} {rng.randint(100, 9999)}-{_letters(rng, 2)}"
    if country == "ME":
        city = rng.choice(("PG", "BR", "KO", "NK", "BD", "UL", "HN"))
        return f"{city} {_letters(rng, 2)}{number}"
    if country == "BA":
        # Bosnian plates use only letters that read the same in Latin and Cyrillic.
        return f"{rng.choice('AEJKMOT')}{rng.randint(10, 99)}-{rng.choice('AEJKMOT')}-{number}"
    if country == "MK":
        city = rng.choice(("SK", "TE", "KU", "BT", "OH", "GV", "ST"))
        return f"{city} {rng.randint(1000, 9999)} {_letters(rng, 2)}"
    if country == "AL":
        return f"{_letters(rng, 2)} {number} {_letters(rng, 2)}"
    if country == "XK":
        return f"0{rng.randint(1, 7)}-{number}-{_letters(rng, 2)}"
    if country == "HR":
        city = rng.choice(("ZG", "ST", "RI", "OS", "ZD", "VU"))
        return f"{city} {rng.randint(100, 9999)}-{_letters(rng, 2)}"
    if country == "GB":
        return f"{_letters(rng, 2)}{rng.randint(10, 75)} {_letters(rng, 3)}"
    if country == "HU":
        return f"{_letters(rng, 4)}-{number}"
    return f"{_letters(rng, 3)}-{number}"


_VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True))}
_VIN_VALUES.update(dict(zip("JKLMN", range(1, 6), strict=True)))
_VIN_VALUES.update({"P": 7, "R": 9})
_VIN_VALUES.update(dict(zip("STUVWXYZ", range(2, 10), strict=True)))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_WMI = ("WVW", "WBA", "WDB", "VF1", "TMB", "ZFA", "VSS", "WF0", "W0L", "YV1", "SAL", "UU1")


def vin(rng: random.Random) -> str:
    """A 17-character VIN (no I, O, Q) with the ISO 3779 check character at position 9."""
    chars = list(rng.choice(_WMI) + "".join(rng.choice(_VIN_ALPHABET) for _ in range(14)))
    total = sum(
        _VIN_VALUES[char] * weight for char, weight in zip(chars, _VIN_WEIGHTS, strict=True)
    )
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def imo_number(rng: random.Random) -> str:
    """IMO ship number: seven digits, the last a check digit over the first six (weights 7..2)."""
    body = str(rng.randint(900000, 999999))
    check = sum(int(digit) * weight for digit, weight in zip(body, range(7, 1, -1), strict=True))
    return f"IMO{body}{check % 10}"


def container_number(rng: random.Random) -> str:
    """ISO 6346 container number: owner code, U, six digits and the check digit."""
    owner = rng.choice(("MSK", "MSC", "CMA", "HLX", "SEG", "TGH", "CAI", "TCL", "OOL", "EMC"))
    body = f"{owner}U{_digits(rng, 6)}"
    values = []
    value = 10
    letters = {}
    for char in _UPPER:
        if value % 11 == 0:
            value += 1
        letters[char] = value
        value += 1
    for position, char in enumerate(body):
        number = letters[char] if char.isalpha() else int(char)
        values.append(number * 2**position)
    return f"{body}{sum(values) % 11 % 10}"


def company_number(rng: random.Random, country: str) -> str:
    """A company register number in the country's format."""
    if country in ("RS", "ME", "MK", "BA"):
        return _digits(rng, 8) if country != "BA" else "42" + _digits(rng, 11)
    if country in ("AL", "XK"):
        return (
            f"{rng.choice('JKLM')}{_digits(rng, 8)}{rng.choice(_UPPER)}"
            if country == "AL"
            else ("81" + _digits(rng, 7))
        )
    if country == "EC":
        return "09" + _digits(rng, 8) + "001"  # RUC of a Guayas company
    if country == "BE":
        return f"0{rng.randint(200, 999)}.{_digits(rng, 3)}.{_digits(rng, 3)}"
    if country == "NL":
        return _digits(rng, 8)
    if country == "GB":
        return _digits(rng, 8)
    if country == "CY":
        return "HE" + _digits(rng, 6)
    if country == "AE":
        return "DMCC-" + _digits(rng, 6)
    return _digits(rng, 9)
