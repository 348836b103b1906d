"""Turn the reference model's objects into Accord's own."""

from __future__ import annotations

from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
)
from accord.model.envelope import Envelope
from accord.policy import Agreement, Principal, Role
from tests.policy.reference_model import RefAgreement, RefRecord, RefUser
from tests.policy.strategies import TODAY


def principal(user: RefUser, name: str = "u") -> Principal:
    return Principal(
        name,
        user.participant,
        user.authority,
        frozenset(Role(r) for r in user.roles),
        disabled=user.disabled,
    )


def envelope(record: RefRecord) -> Envelope:
    return Envelope(
        participant=record.participant,
        authority=record.authority,
        dataset="d",
        handling=frozenset(HandlingCode(h) for h in record.handling),
        handling_note="restricted to named officers" if "H3" in record.handling else None,
        source_reliability=SourceReliability.B,
        information_accuracy=InformationAccuracy.KNOWN_PERSONALLY,
        subject_category=SubjectCategory(record.subject),
        nature=Nature.FACT,
        purpose=Purpose.SERIOUS_CRIME,
        legal_basis="AGR",
        review_date=TODAY,
        delete_by=TODAY,
        alert=record.alert,
    )


def agreement(ref: RefAgreement, number: int) -> Agreement:
    return Agreement(
        id=f"AGR-{number}",
        title="t",
        providers=ref.providers,
        recipients=ref.recipients,
        schemata=ref.schemata,
        purposes=frozenset(Purpose(p) for p in ref.purposes),
        handling=frozenset(HandlingCode(h) for h in ref.handling),
        subject_categories=frozenset(SubjectCategory(s) for s in ref.subjects),
        valid_from=ref.start,
        valid_to=ref.end,
        onward_transfer=ref.onward,
    )


def agreement_body(ref: RefAgreement, number: int) -> dict[str, object]:
    return {
        "id": f"AGR-{number}",
        "providers": sorted(ref.providers),
        "recipients": sorted(ref.recipients),
        "schemata": sorted(ref.schemata),
        "purposes": sorted(ref.purposes),
        "handling": sorted(ref.handling),
        "subject_categories": sorted(ref.subjects),
        "valid_from": ref.start.isoformat(),
        "valid_to": ref.end.isoformat() if ref.end else None,
        "onward_transfer": ref.onward,
    }
