"""Words for the codes the pages show: handling, evaluation, categories, purposes, kinds.
Each is a catalogue message id, translated where it is shown."""

from __future__ import annotations

from accord.exchange import InboxStatus, MessageKind, Urgency
from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
)
from accord.web.i18n import N_

__all__ = [
    "ACCURACY",
    "HANDLING",
    "INBOX",
    "KINDS",
    "NATURE",
    "PURPOSES",
    "RELIABILITY",
    "SUBJECTS",
    "URGENCY",
]

HANDLING: dict[str, str] = {
    HandlingCode.H0: N_("Use only for preventing and combating crime."),
    HandlingCode.H1: N_(
        "Not to be used in judicial proceedings without the provider's permission."
    ),
    HandlingCode.H2: N_("Not to be disseminated further without the provider's permission."),
    HandlingCode.H3: N_("Other restrictions, stated by the provider:"),
}

RELIABILITY: dict[str, str] = {
    SourceReliability.A: N_(
        "No doubt about the source's authenticity, trustworthiness or competence."
    ),
    SourceReliability.B: N_("The source has in most instances proved reliable."),
    SourceReliability.C: N_("The source has in most instances proved unreliable."),
    SourceReliability.X: N_("The reliability of the source cannot be assessed."),
}

ACCURACY: dict[str, str] = {
    InformationAccuracy.KNOWN_TRUE: N_("Known to be true without reservation."),
    InformationAccuracy.KNOWN_PERSONALLY: N_(
        "Known personally to the source but not to the official passing it on."
    ),
    InformationAccuracy.NOT_KNOWN_PERSONALLY: N_(
        "Not known personally to the source but corroborated by information already recorded."
    ),
    InformationAccuracy.CANNOT_BE_ASSESSED: N_("Cannot be assessed."),
}

SUBJECTS: dict[str, str] = {
    SubjectCategory.SUSPECT: N_("Suspect"),
    SubjectCategory.CONVICTED: N_("Convicted person"),
    SubjectCategory.VICTIM: N_("Victim"),
    SubjectCategory.WITNESS: N_("Witness"),
    SubjectCategory.CONTACT: N_("Contact or associate"),
    SubjectCategory.OTHER: N_("Other person"),
}

NATURE: dict[str, str] = {
    Nature.FACT: N_("Fact"),
    Nature.ASSESSMENT: N_("Assessment"),
}

PURPOSES: dict[str, str] = {
    Purpose.BORDER_MANAGEMENT: N_("Border management"),
    Purpose.MIGRANT_SMUGGLING: N_("Migrant smuggling"),
    Purpose.SERIOUS_CRIME: N_("Serious and organised crime"),
    Purpose.DRUG_TRAFFICKING: N_("Drug trafficking"),
    Purpose.ILLICIT_FINANCE: N_("Illicit finance"),
    Purpose.FIREARMS: N_("Firearms"),
    Purpose.INTEGRITY: N_("Integrity (asset declarations)"),
    Purpose.VAWG: N_("Violence against women and girls"),
    Purpose.MISSING_PERSONS: N_("Missing persons"),
    Purpose.RETURNS: N_("Returns and readmission"),
    Purpose.SUPERVISION: N_("Supervision (data protection)"),
}

KINDS: dict[str, str] = {
    MessageKind.REQUEST: N_("Request"),
    MessageKind.REPLY: N_("Reply"),
    MessageKind.ACKNOWLEDGEMENT: N_("Acknowledgement"),
    MessageKind.INFORMATION: N_("Information"),
    MessageKind.REFUSAL: N_("Refusal"),
    MessageKind.CORRECTION: N_("Correction"),
    MessageKind.RETRACTION: N_("Retraction"),
}

URGENCY: dict[str, str] = {
    Urgency.URGENT_DIRECT: N_("Urgent, data directly accessible (8 hours)"),
    Urgency.URGENT_INDIRECT: N_("Urgent, data indirectly accessible (3 days)"),
    Urgency.OTHER: N_("Other (7 days)"),
}

INBOX: dict[str, str] = {
    InboxStatus.ALL: N_("All"),
    InboxStatus.UNACKNOWLEDGED: N_("Not acknowledged"),
    InboxStatus.OPEN: N_("Open requests"),
    InboxStatus.OVERDUE: N_("Overdue"),
}

ROLES: dict[str, str] = {
    "officer": N_("Officer"),
    "analyst": N_("Analyst"),
    "approver": N_("Approver"),
    "dpo": N_("Data-protection officer"),
    "admin": N_("Administrator"),
}
