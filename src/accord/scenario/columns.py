"""The column tables of the scenario's kinds of dataset: which columns a file has, in which
order, and which FtM property each column fills (with references to other datasets of the same
authority, and the participant's date formats for date columns)."""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["Field", "Kind", "kinds"]

#: One column: (logical name, FtM property or None, options).
Field = tuple[str, str | None, dict[str, Any]]
Kind = tuple[str, list[Field]]

# Column tables: (logical column, FtM property or None, options). Options: ref=dataset,
# date=True (the participant's date formats), template=... (built from other columns).
_PERSON: list[Field] = [
    ("key", None, {}),
    ("last_name", "lastName", {}),
    ("first_name", "firstName", {}),
    ("name", "name", {"template": ("first_name", "last_name")}),
    ("father_name", "fatherName", {}),
    ("birth_date", "birthDate", {"date": True}),
    ("birth_place", "birthPlace", {}),
    ("sex", "gender", {}),
    ("nationality", "nationality", {}),
    ("id_number", "idNumber", {}),
    ("document_number", "passportNumber", {}),
    ("phone", "phone", {}),
]
_PERSON_EXTRA: list[Field] = [("address", "address", {}), ("notes", "description", {})]
_CROSSING: list[Field] = [
    ("key", None, {}),
    ("person_ref", "person", {"ref": "border_persons"}),
    ("date", "date", {"date": True}),
    ("crossing_point", "crossingPoint", {}),
    ("border_section", "borderSection", {}),
    ("direction", "direction", {}),
    ("from_country", "fromCountry", {}),
    ("to_country", "toCountry", {}),
    ("document_number", "documentNumber", {}),
    ("vehicle_ref", "vehicle", {"ref": "border_vehicles"}),
    ("description", "description", {}),
]
_VEHICLE: list[Field] = [
    ("key", None, {}),
    ("plate", "registrationNumber", {}),
    ("model", "model", {}),
    ("vehicle_type", "type", {}),
    ("country", "country", {}),
    ("description", "description", {}),
]


@cache
def kinds() -> dict[str, Kind]:
    """Kind of dataset -> (schema, columns)."""
    person = _PERSON + _PERSON_EXTRA
    return {
        "border_persons": ("Person", _PERSON),
        "border_crossings": ("BorderCrossing", _CROSSING),
        "border_vehicles": ("Vehicle", _VEHICLE),
        "visa_entries": (
            "Visa",
            [
                ("key", None, {}),
                ("holder_ref", "holder", {"ref": "border_persons"}),
                ("permit_type", "permitType", {}),
                ("number", "number", {}),
                ("country", "country", {}),
                ("start_date", "startDate", {"date": True}),
                ("end_date", "endDate", {"date": True}),
                ("purpose_of_stay", "purposeOfStay", {}),
                ("status", "status", {}),
            ],
        ),
        "return_cases": (
            "ReturnCase",
            [
                ("key", None, {}),
                ("person_ref", "person", {"ref": "border_persons"}),
                ("case_number", "caseNumber", {}),
                ("return_type", "returnType", {}),
                ("return_status", "returnStatus", {}),
                ("requesting_country", "requestingCountry", {}),
                ("destination_country", "destinationCountry", {}),
                ("start_date", "startDate", {"date": True}),
                ("end_date", "endDate", {"date": True}),
            ],
        ),
        "debriefings": ("Person", person),
        "police_persons": ("Person", person),
        "missing_persons": ("Person", person),
        "fiu_subjects": ("Person", person),
        "declarants": ("Person", [*person, ("position", "position", {})]),
        "registry_persons": ("Person", person),
        "lost_documents": (
            "Passport",
            [
                ("key", None, {}),
                ("holder_ref", "holder", {"ref": "police_persons"}),
                ("number", "number", {}),
                ("country", "country", {}),
                ("doc_type", "type", {}),
                ("issue_date", "startDate", {"date": True}),
                ("expiry_date", "endDate", {"date": True}),
            ],
        ),
        "lost_id_cards": (
            "Identification",
            [
                ("key", None, {}),
                ("holder_ref", "holder", {"ref": "police_persons"}),
                ("number", "number", {}),
                ("country", "country", {}),
                ("doc_type", "type", {}),
                ("issue_date", "startDate", {"date": True}),
                ("expiry_date", "endDate", {"date": True}),
            ],
        ),
        "police_vehicles": (
            "Vehicle",
            [
                *_VEHICLE,
                ("owner_ref", "owner", {"ref": "police_persons"}),
            ],
        ),
        "calls": (
            "Call",
            [
                ("key", None, {}),
                ("caller_ref", "caller", {"ref": "police_persons"}),
                ("receiver_ref", "receiver", {"ref": "police_persons"}),
                ("caller_number", "callerNumber", {}),
                ("receiver_number", "receiverNumber", {}),
                ("date", "date", {"date": True}),
                ("duration", "duration", {}),
            ],
        ),
        "associates": (
            "Associate",
            [
                ("key", None, {}),
                ("person_ref", "person", {"ref": "police_persons"}),
                ("associate_ref", "associate", {"ref": "police_persons"}),
                ("relationship", "relationship", {}),
            ],
        ),
        "relatives": (
            "Family",
            [
                ("key", None, {}),
                ("person_ref", "person", {"ref": "police_persons"}),
                ("relative_ref", "relative", {"ref": "police_persons"}),
                ("relationship", "relationship", {}),
            ],
        ),
        "addresses": (
            "Address",
            [
                ("key", None, {}),
                ("full", "full", {}),
                ("street", "street", {}),
                ("city", "city", {}),
                ("postal_code", "postalCode", {}),
                ("country", "country", {}),
            ],
        ),
        "address_links": (
            "UnknownLink",
            [
                ("key", None, {}),
                ("subject_ref", "subject", {"ref": "police_persons"}),
                ("object_ref", "object", {"ref": "addresses"}),
                ("role", "role", {}),
                ("start_date", "startDate", {"date": True}),
            ],
        ),
        "payments": (
            "Payment",
            [
                ("key", None, {}),
                ("payer_ref", "payer", {"ref": "police_persons"}),
                ("beneficiary_ref", "beneficiary", {"ref": "police_persons"}),
                ("amount", "amount", {}),
                ("currency", "currency", {}),
                ("date", "date", {"date": True}),
                ("purpose_text", "description", {}),
            ],
        ),
        **_company_kinds(),
    }


def _company_kinds() -> dict[str, Kind]:
    company: list[Field] = [
        ("key", None, {}),
        ("name", "name", {}),
        ("registration_number", "registrationNumber", {}),
        ("jurisdiction", "jurisdiction", {}),
        ("incorporation_date", "incorporationDate", {"date": True}),
        ("address", "address", {}),
        ("sector", "sector", {}),
    ]

    def ownership(owner: str, asset: str) -> list[Field]:
        return [
            ("key", None, {}),
            ("owner_ref", "owner", {"ref": owner}),
            ("asset_ref", "asset", {"ref": asset}),
            ("percentage", "percentage", {}),
            ("start_date", "startDate", {"date": True}),
        ]

    def payment(payer: str, beneficiary: str) -> list[Field]:
        return [
            ("key", None, {}),
            ("payer_ref", "payer", {"ref": payer}),
            ("payer_account_ref", "payerAccount", {"ref": "fiu_accounts"}),
            ("beneficiary_ref", "beneficiary", {"ref": beneficiary}),
            ("beneficiary_account_ref", "beneficiaryAccount", {"ref": "fiu_accounts"}),
            ("amount", "amount", {}),
            ("currency", "currency", {}),
            ("date", "date", {"date": True}),
            ("purpose_text", "description", {}),
        ]

    estate: list[Field] = [
        ("key", None, {}),
        ("cadastral_code", "cadastralCode", {}),
        ("address", "address", {}),
        ("country", "country", {}),
        ("area", "area", {}),
        ("property_type", "propertyType", {}),
        ("amount", "amount", {}),
        ("currency", "currency", {}),
    ]
    directorship: list[Field] = [
        ("key", None, {}),
        ("director_ref", "director", {"ref": "police_persons"}),
        ("organization_ref", "organization", {"ref": "companies"}),
        ("role", "role", {}),
        ("start_date", "startDate", {"date": True}),
    ]
    fiu_directorship: list[Field] = [
        (
            column,
            prop,
            {"ref": "fiu_subjects"}
            if column == "director_ref"
            else ({"ref": "fiu_companies"} if column == "organization_ref" else options),
        )
        for column, prop, options in directorship
    ]
    return {
        "companies": ("Company", company),
        "fiu_companies": ("Company", company),
        "registry_companies": ("Company", company),
        "directorships": ("Directorship", directorship),
        "fiu_directorships": ("Directorship", fiu_directorship),
        "shareholdings": ("Ownership", ownership("police_persons", "companies")),
        "registry_shareholdings": (
            "Ownership",
            ownership("registry_persons", "registry_companies"),
        ),
        "account_holders": ("Ownership", ownership("fiu_subjects", "fiu_accounts")),
        "company_accounts": ("Ownership", ownership("fiu_companies", "fiu_accounts")),
        "estate_owners": ("Ownership", ownership("fiu_subjects", "fiu_real_estate")),
        "registry_estate_owners": (
            "Ownership",
            ownership("registry_persons", "registry_real_estate"),
        ),
        "fiu_real_estate": ("RealEstate", estate),
        "registry_real_estate": ("RealEstate", estate),
        "registry_vehicles": (
            "Vehicle",
            [
                *_VEHICLE,
                ("owner_ref", "owner", {"ref": "registry_persons"}),
                ("registration_date", "registrationDate", {"date": True}),
                ("amount", "amount", {}),
                ("currency", "currency", {}),
            ],
        ),
        "fiu_accounts": (
            "BankAccount",
            [
                ("key", None, {}),
                ("iban", "iban", {}),
                ("account_number", "accountNumber", {}),
                ("bank_name", "bankName", {}),
                ("country", "country", {}),
                ("currency", "currency", {}),
                ("opening_date", "openingDate", {"date": True}),
            ],
        ),
        "crypto_wallets": (
            "CryptoWallet",
            [
                ("key", None, {}),
                ("holder_ref", "holder", {"ref": "fiu_subjects"}),
                ("address", "cryptoAddress", {}),
                ("currency_symbol", "currencySymbol", {}),
                ("blockchain", "blockchain", {}),
                ("exchange", "managingExchange", {}),
                ("balance", "balance", {}),
            ],
        ),
        "cash_deposits": ("Payment", payment("fiu_subjects", "fiu_subjects")),
        "transfers": ("Payment", payment("fiu_companies", "fiu_companies")),
        "person_transfers": ("Payment", payment("fiu_subjects", "fiu_companies")),
        "vessels": (
            "Vessel",
            [
                ("key", None, {}),
                ("name", "name", {}),
                ("imo", "imoNumber", {}),
                ("flag", "flag", {}),
                ("vessel_type", "type", {}),
            ],
        ),
        "ports": (
            "Address",
            [
                ("key", None, {}),
                ("full", "full", {}),
                ("city", "city", {}),
                ("country", "country", {}),
            ],
        ),
        "shipments": (
            "Trip",
            [
                ("key", None, {}),
                ("name", "name", {}),
                ("vessel_ref", "vehicle", {"ref": "vessels"}),
                ("origin_ref", "startLocation", {"ref": "ports"}),
                ("destination_ref", "endLocation", {"ref": "ports"}),
                ("shipper_ref", "organizer", {"ref": "companies"}),
                ("consignee_ref", "involved", {"ref": "companies"}),
                ("departure", "startDate", {"date": True}),
                ("arrival", "endDate", {"date": True}),
                ("description", "description", {}),
            ],
        ),
        "firearms": (
            "Firearm",
            [
                ("key", None, {}),
                ("serial", "serialNumber", {}),
                ("make", "make", {}),
                ("model", "model", {}),
                ("calibre", "calibre", {}),
                ("weapon_type", "weaponType", {}),
                ("status", "firearmStatus", {}),
                ("manufacture_year", "manufactureYear", {}),
                ("country", "country", {}),
                ("holder_ref", "holder", {"ref": "police_persons"}),
                ("description", "description", {}),
            ],
        ),
        "declarations": (
            "AssetDeclaration",
            [
                ("key", None, {}),
                ("declarant_ref", "declarant", {"ref": "declarants"}),
                ("declaration_year", "declarationYear", {}),
                ("position", "position", {}),
                ("country", "country", {}),
                ("total_value", "totalValue", {}),
                ("filed", "date", {"date": True}),
            ],
        ),
        "declared_items": (
            "AssetDeclarationItem",
            [
                ("key", None, {}),
                ("declaration_ref", "declaration", {"ref": "declarations"}),
                ("item_type", "itemType", {}),
                ("description", "description", {}),
                ("country", "country", {}),
                ("amount", "amount", {}),
                ("currency", "currency", {}),
                ("registry_reference", "registryReference", {}),
            ],
        ),
    }
