"""Why a candidate matched, in words that name no value of the record."""

from __future__ import annotations

from accord.screening.identifiers import IdentifierKind

__all__ = ["identifier_reason", "person_reasons"]

_NAME = {
    "same": "name matches",
    "close": "name is close (spelling or typing variant)",
    "weak": "name is partly similar",
    "else": "name differs",
    # a missing child's alert, matched on one name and the full date of birth
    "one": "one name matches",
}
_DOB = {
    "exact": "date of birth matches",
    "swap": "date of birth matches with day and month swapped",
    "partial": "date of birth agrees where both are known",
    "year_off": "year of birth differs by one",
    "else": "date of birth differs",
}
_WHAT = {
    IdentifierKind.DOCUMENT: "document number",
    IdentifierKind.VEHICLE: "registration number or VIN",
    IdentifierKind.FIREARM: "serial number",
    IdentifierKind.PHONE: "phone number",
    IdentifierKind.IBAN: "IBAN",
    IdentifierKind.WALLET: "wallet address",
}


def person_reasons(levels: dict[str, str | None], across_scripts: bool) -> list[str]:
    reasons = []
    name = levels.get("name")
    if name is not None:
        text = _NAME[name]
        if across_scripts:
            text += " across scripts"
        reasons.append(text)
        if name == "one":
            reasons.append("the other names differ, as a missing child's often do between records")
    dob = levels.get("dob")
    reasons.append(_DOB[dob] if dob else "no date of birth on both sides to compare")
    nationality = levels.get("nationality")
    if nationality is not None:
        reasons.append("nationality matches" if nationality == "exact" else "nationality differs")
    document = levels.get("document")
    if document is not None:
        reasons.append(
            "document number matches" if document == "exact" else "document numbers differ"
        )
    sex = levels.get("sex")
    if sex is not None:
        reasons.append("sex matches" if sex == "exact" else "sex differs")
    return reasons


def identifier_reason(kind: IdentifierKind, loose: bool) -> str:
    what = _WHAT[kind]
    if loose:
        return f"{what} matches only when S/5, B/8 and Z/2 are read as one (check it)"
    return f"{what} matches (look-alike characters such as O/0 and Cyrillic letters folded)"
