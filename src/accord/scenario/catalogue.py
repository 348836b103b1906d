"""Which authority publishes which dataset, with which envelope defaults.

Authority ids are those of accord/model/data/authorities.yaml; a test checks that each exists
and belongs to its participant. Legal bases are agreement ids the scenario assumes (listed in the
manifest): the border, serious-organised-crime, RAI asset-declaration and SALW agreements.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from accord.scenario.conventions import (
    CONVENTIONS,
    MIGRANT,
    POLICE,
    REGISTRY,
    Convention,
)
from accord.scenario.datasets import COLUMN, DatasetSpec, build

__all__ = [
    "BORDER",
    "FIU",
    "INTEGRITY",
    "LEGAL_BASES",
    "POLICE_AUTHORITIES",
    "catalogue",
    "convention",
]

#: Agreement ids used as legal bases, with what they cover.
LEGAL_BASES = {
    "AGR-WB-BORDER-2025": "Border management, returns and readmission, missing persons",
    "AGR-WB-SOC-2025": "Serious and organised crime: migrant smuggling, drugs, illicit finance",
    "AGR-RAI-2025": "RAI treaty on exchange of data for the verification of asset declarations",
    "AGR-SALW-2025": "Western Balkans SALW Control Roadmap: firearms records and traces",
}

BORDER = {
    "GR": "GR-HP", "BG": "BG-BP", "MK": "MK-BP", "RS": "RS-GP", "HU": "HU-ORFK", "HR": "HR-MUP",
    "BA": "BA-BP", "ME": "ME-UP", "AL": "AL-BMP", "XK": "XK-KP", "GB": "GB-BF",
}  # fmt: skip
POLICE_AUTHORITIES = {
    "RS": "RS-MUP", "AL": "AL-ASP", "BA": "BA-SIPA", "ME": "ME-UP", "MK": "MK-MVR",
    "XK": "XK-KP", "GB": "GB-NCA", "HR": "HR-MUP", "EUROPOL": "EUROPOL-OC",
}  # fmt: skip
FIU = {
    "RS": "RS-APML", "AL": "AL-FIU", "ME": "ME-FIU", "MK": "MK-FIU", "XK": "XK-FIU",
    "BA": "BA-SIPA", "GB": "GB-NCA",
}  # fmt: skip
INTEGRITY = {
    "RS": "RS-ACAS", "ME": "ME-ASK", "MK": "MK-DKSK", "AL": "AL-HIDAACI", "XK": "XK-APC",
    "BA": "BA-APIK",
}  # fmt: skip

# Sources of one participant that write differently from its border police.
_SOURCE_CONVENTIONS: dict[str, dict[str, Any]] = {
    "RS-MUP": {"cyrillic": 0.75, "errors": POLICE},
    "RS-APML": {"cyrillic": 0.2, "errors": REGISTRY},
    "RS-ACAS": {"cyrillic": 0.5, "errors": REGISTRY},
    "MK-MVR": {"cyrillic": 0.7, "errors": POLICE},
    "MK-FIU": {"cyrillic": 0.3, "errors": REGISTRY},
    "MK-DKSK": {"cyrillic": 0.6, "errors": REGISTRY},
    "GB-NCA": {"errors": POLICE},
    "EUROPOL-OC": {"errors": POLICE},
}


@cache
def convention(authority: str, migrants: bool = False) -> Convention:
    """How records of ``authority`` are written (``migrants``: its migrant registrations)."""
    participant = authority.split("-")[0]
    base = CONVENTIONS[participant]
    changes = dict(_SOURCE_CONVENTIONS.get(authority, {}))
    if authority in FIU.values() or authority in INTEGRITY.values():
        changes.setdefault("errors", REGISTRY)
    if migrants:
        changes["errors"] = MIGRANT
    return base.variant(**changes) if changes else base


def _envelope(purpose: Any, legal_basis: Any, **fields: Any) -> dict[str, Any]:
    envelope: dict[str, Any] = {
        "handling": COLUMN,
        "handling_note": COLUMN,
        "source_reliability": "B",
        "information_accuracy": "2",
        "subject_category": "suspect",
        "nature": "fact",
        "purpose": purpose,
        "legal_basis": legal_basis,
    }
    envelope.update(fields)
    return envelope


_BORDER_ENV = _envelope(
    "border-management",
    "AGR-WB-BORDER-2025",
    source_reliability="A",
    information_accuracy="1",
    subject_category=COLUMN,
)
_POLICE_PERSON_ENV = _envelope(
    COLUMN,
    COLUMN,
    source_reliability=COLUMN,
    information_accuracy=COLUMN,
    subject_category=COLUMN,
    nature=COLUMN,
    alert=COLUMN,
)
_NETWORK_ENV = _envelope(COLUMN, "AGR-WB-SOC-2025")
_ASSESSMENT_ENV = _envelope(
    COLUMN, "AGR-WB-SOC-2025", nature="assessment", information_accuracy="3"
)
_FIU_ENV = _envelope("illicit-finance", "AGR-WB-SOC-2025")
_INTEGRITY_ENV = _envelope(
    "integrity", "AGR-RAI-2025", source_reliability="A", information_accuracy="1",
    subject_category="other",
)  # fmt: skip


def _border_specs() -> list[tuple[str, str, dict[str, Any]]]:
    specs: list[tuple[str, str, dict[str, Any]]] = []
    for authority in BORDER.values():
        specs += [
            (authority, "border_persons", _BORDER_ENV),
            (authority, "border_crossings", _BORDER_ENV),
            (authority, "border_vehicles", _BORDER_ENV),
            (authority, "return_cases", {**_BORDER_ENV, "purpose": "returns"}),
        ]
    specs.append(("RS-GP", "visa_entries", _BORDER_ENV))
    debriefing = _envelope(
        "migrant-smuggling",
        "AGR-WB-BORDER-2025",
        subject_category="witness",
        nature="assessment",
        information_accuracy="3",
    )
    specs.append(("FRONTEX-RAU", "debriefings", debriefing))
    return specs


def _police_specs() -> list[tuple[str, str, dict[str, Any]]]:
    missing = _envelope(
        "missing-persons",
        "AGR-WB-BORDER-2025",
        source_reliability="A",
        information_accuracy="1",
        subject_category="victim",
        alert="missing",
    )
    firearms = _envelope(
        "firearms",
        "AGR-SALW-2025",
        source_reliability="A",
        information_accuracy="1",
        subject_category=COLUMN,
        alert=COLUMN,
    )
    documents = _envelope(
        "border-management",
        "AGR-WB-BORDER-2025",
        source_reliability="A",
        information_accuracy="1",
        subject_category="other",
        alert=COLUMN,
    )
    specs: list[tuple[str, str, dict[str, Any]]] = []
    for authority in POLICE_AUTHORITIES.values():
        specs += [
            (authority, "police_persons", _POLICE_PERSON_ENV),
            (authority, "missing_persons", missing),
            (authority, "lost_documents", documents),
            (authority, "lost_id_cards", documents),
            (authority, "police_vehicles", {**_NETWORK_ENV, "alert": COLUMN}),
            (authority, "firearms", firearms),
            (authority, "addresses", _NETWORK_ENV),
            (authority, "companies", _NETWORK_ENV),
            (authority, "vessels", _NETWORK_ENV),
            (authority, "ports", _NETWORK_ENV),
            (authority, "calls", _NETWORK_ENV),
            (authority, "payments", _NETWORK_ENV),
            (authority, "associates", _ASSESSMENT_ENV),
            (authority, "relatives", _NETWORK_ENV),
            (authority, "address_links", _ASSESSMENT_ENV),
            (authority, "directorships", _NETWORK_ENV),
            (authority, "shareholdings", _NETWORK_ENV),
            (authority, "shipments", _NETWORK_ENV),
        ]
    return specs


def _finance_specs() -> list[tuple[str, str, dict[str, Any]]]:
    kinds = (
        "fiu_subjects",
        "fiu_companies",
        "fiu_accounts",
        "fiu_real_estate",
        "account_holders",
        "company_accounts",
        "estate_owners",
        "fiu_directorships",
        "cash_deposits",
        "transfers",
        "person_transfers",
        "crypto_wallets",
    )
    specs: list[tuple[str, str, dict[str, Any]]] = []
    for authority in FIU.values():
        for kind in kinds:
            env = {**_FIU_ENV, "subject_category": COLUMN} if kind == "fiu_subjects" else _FIU_ENV
            specs.append((authority, kind, env))
    registry = (
        "declarants",
        "declarations",
        "declared_items",
        "registry_persons",
        "registry_real_estate",
        "registry_estate_owners",
        "registry_vehicles",
        "registry_companies",
        "registry_shareholdings",
    )
    for authority in INTEGRITY.values():
        specs += [(authority, kind, _INTEGRITY_ENV) for kind in registry]
    return specs


@lru_cache(maxsize=1)
def catalogue() -> dict[str, DatasetSpec]:
    """Every dataset the scenario can write, by id ``PARTICIPANT/dataset``."""
    specs: dict[str, DatasetSpec] = {}
    for authority, kind, envelope in _border_specs() + _police_specs() + _finance_specs():
        spec = build(convention(authority), authority, kind, envelope)
        if spec.id in specs:
            raise AssertionError(f"dataset {spec.id} defined twice")
        specs[spec.id] = spec
    return specs
