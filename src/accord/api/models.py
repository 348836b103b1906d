"""The API's request and response bodies (pydantic at the edge)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from accord.model.codes import HandlingCode, Purpose, SubjectCategory
from accord.policy import Role
from accord.store.records import StoredRecord

__all__ = [
    "AgreementIn",
    "AgreementOut",
    "AuditVerifyOut",
    "AuthorityOut",
    "CleanText",
    "EnvelopeOut",
    "HealthOut",
    "MeOut",
    "ParticipantOut",
    "RecordOut",
]


def _clean(value: str) -> str:
    """Reject text that no store can hold faithfully: control characters, lone surrogates."""
    if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in value):
        raise ValueError("control characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("not valid Unicode text") from None
    return value


#: Text a person typed, checked for what a database would choke on.
CleanText = Annotated[str, AfterValidator(_clean)]
ParticipantCode = Annotated[str, Field(pattern=r"^[A-Za-z]{2,16}$")]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    store: str


class MeOut(BaseModel):
    username: str
    participant: str
    authority: str
    authority_name: str
    roles: list[Role]


class ParticipantOut(BaseModel):
    code: str
    name: str
    kind: str
    region: str | None
    note: str | None


class AuthorityOut(BaseModel):
    id: str
    participant: str
    name: str
    kinds: list[str]


class EnvelopeOut(BaseModel):
    participant: str
    authority: str
    dataset: str
    handling: list[HandlingCode]
    handling_note: str | None
    source_reliability: str
    information_accuracy: str
    subject_category: SubjectCategory
    nature: str
    purpose: Purpose
    legal_basis: str
    review_date: str
    delete_by: str
    alert: str | None


class RecordOut(BaseModel):
    """A record the user may see: its entity beside its envelope."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    schema_: str = Field(alias="schema")
    caption: str
    properties: dict[str, list[str]]
    envelope: EnvelopeOut

    @classmethod
    def of(cls, record: StoredRecord) -> RecordOut:
        data: dict[str, Any] = record.to_dict()
        data["envelope"]["handling"] = sorted(h.value for h in record.envelope.handling)
        return cls.model_validate(data)


class AgreementIn(BaseModel):
    """An agreement as data; checked again in full by the policy before it is stored."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    title: Annotated[CleanText, Field(min_length=1, max_length=300)] | None = None
    providers: Annotated[list[ParticipantCode], Field(min_length=1, max_length=50)]
    recipients: Annotated[list[ParticipantCode], Field(min_length=1, max_length=50)]
    schemata: Annotated[
        list[Annotated[str, Field(pattern=r"^(\*|[A-Za-z]{1,64})$")]],
        Field(min_length=1, max_length=100),
    ] = ["*"]
    purposes: Annotated[list[Purpose], Field(min_length=1)]
    handling: Annotated[list[HandlingCode], Field(min_length=1)]
    subject_categories: Annotated[list[SubjectCategory], Field(min_length=1)] | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    onward_transfer: bool = False


class AgreementOut(BaseModel):
    id: str
    title: str
    providers: list[str]
    recipients: list[str]
    schemata: list[str]
    purposes: list[Purpose]
    handling: list[HandlingCode]
    subject_categories: list[SubjectCategory]
    valid_from: str
    valid_to: str | None
    onward_transfer: bool
    in_force: bool


class AuditVerifyOut(BaseModel):
    ok: bool
    entries: int
    first_bad: int | None
    reason: str | None
