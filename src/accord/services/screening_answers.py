"""What a screening query answers, and what is kept of it: the hit rows for step 2 and the
audit entry of each query.

A hit gives an opaque reference, the originator, the kind of record, the band and the reasons
in words; never the record. The audit entry holds the references and the records they point to
(so that "who consulted data about this person" finds it); the query terms and the
justification sit in the erasable side values only.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from accord.errors import AccordError
from accord.model.codes import Purpose
from accord.names.compare import name_tokens
from accord.policy import Principal
from accord.screening import (
    Candidate,
    CheckedQuery,
    IndexEntry,
    ScreenQuery,
    identifier_reason,
    person_reasons,
)
from accord.screening.index import HIT_NAME_LEVELS
from accord.store.audit import AuditEntry

__all__ = ["Answer", "audit_entries", "hit_of", "hit_rows", "new_references"]


@dataclass
class Answer:
    """One query of a batch on its way through the desk."""

    ref: str
    query: ScreenQuery
    checked: CheckedQuery | None = None
    error: AccordError | None = None
    hits: list[dict[str, Any]] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {
                "ref": self.ref,
                "result": "error",
                "hits": [],
                "error": self.error.message,
                "hint": self.error.hint,
            }
        return {"ref": self.ref, "result": "hit" if self.hits else "no-hit", "hits": self.hits}


def hit_of(
    query: CheckedQuery, candidate: Candidate, entry: IndexEntry, reference: str
) -> dict[str, Any]:
    """The answer's view of a kept candidate: its fresh ``reference`` (:func:`new_references`)
    and the reasons in words."""
    reasons: list[str] = []
    kind = entry.kind
    by_name = candidate.levels.get("name") in HIT_NAME_LEVELS or candidate.one_name
    if by_name:
        levels = {**candidate.levels, "name": "one"} if candidate.one_name else candidate.levels
        reasons += person_reasons(levels, _across_scripts(query.name, entry.names))
    for identifier, loose in candidate.identifiers:
        reasons.append(identifier_reason(identifier, loose))
    if (
        kind == "person"
        and not by_name
        and candidate.identifiers
        and all(identifier.value == "phone" for identifier, _ in candidate.identifiers)
    ):
        kind = "phone"
    return {
        "reference": reference,
        "participant": entry.envelope.participant,
        "authority": entry.envelope.authority,
        "kind": kind,
        "band": candidate.band,
        "reasons": list(dict.fromkeys(reasons)),
    }


def new_references(count: int) -> list[str]:
    """``count`` fresh hit references, from one read of the system's random source (a query's
    hits take theirs at once): each is 120 random bits after the time it was made
    (microseconds, in hexadecimal), so that references sort in the order they were made and
    the new ones of a transaction go to the last page of the hits' primary key, not to one
    page each at random."""
    stamp = f"hit-{time.time_ns() // 1000:014x}"
    # 15 random bytes are exactly 20 characters of URL-safe base64, so each reference's bits
    # are its own 20 characters of the whole
    tails = base64.urlsafe_b64encode(secrets.token_bytes(_RANDOM_BYTES * count)).decode()
    return [stamp + tails[n * 20 : n * 20 + 20] for n in range(count)]


_RANDOM_BYTES = 15


def _across_scripts(query: str, names: tuple[str, ...]) -> bool:
    scripts = name_tokens(query).scripts
    return any(name_tokens(name).scripts != scripts for name in names[:1])


def hit_rows(
    user: Principal, purpose: Purpose, answers: list[Answer], stamp: str
) -> list[dict[str, Any]]:
    """Rows of ``screening_hits``: what step 2 needs to find the record behind a reference."""
    rows: list[dict[str, Any]] = []
    for answer in answers:
        for hit, record_id in zip(answer.hits, answer.records, strict=True):
            rows.append(
                {
                    "id": hit["reference"],
                    "record_id": record_id,
                    "username": user.username,
                    "authority": user.authority,
                    "participant": user.participant,
                    "originator_participant": hit["participant"],
                    "originator_authority": hit["authority"],
                    "kind": hit["kind"],
                    "band": hit["band"],
                    "purpose": purpose.value,
                    "reasons": json.dumps(hit["reasons"]),
                    "created_at": stamp,
                }
            )
    return rows


def audit_entries(
    user: Principal, purpose: Purpose, justification: str, answers: list[Answer]
) -> list[AuditEntry]:
    """One entry per query: ``screen`` for a screened one, ``refusal`` for a bad one."""
    entries: list[AuditEntry] = []
    for answer in answers:
        if answer.checked is None:
            reason = answer.error.message if answer.error else "not screened"
            entries.append(AuditEntry(
                user.username, user.authority, "refusal", purpose.value,
                detail={"action": "screen", "reason": reason[:300], "ref": answer.ref},
            ))  # fmt: skip
            continue
        references = [h["reference"] for h in answer.hits]
        entries.append(
            AuditEntry(
                user.username,
                user.authority,
                "screen",
                purpose.value,
                [*references, *answer.records],
                legal_basis=",".join(sorted(set(answer.bases)))[:64],
                detail={
                    "terms": answer.query.terms(),
                    "justification": justification,
                    "ref": answer.ref,
                    "result": "hit" if answer.hits else "no-hit",
                    "hits": [{"reference": h["reference"], "band": h["band"]} for h in answer.hits],
                },
            )
        )
    return entries
