"""The data-protection officer's tools: audit export, who consulted a record, retention."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from accord.errors import AccessDenied, InputError
from accord.model.reference import authorities
from accord.policy import Principal, Role
from accord.services.context import Services
from accord.store import AuditEntry
from accord.store.audit_queries import entries_between, entries_naming
from accord.store.gate import RecordQuery
from accord.store.records import StoredRecord
from accord.store.retention import RetentionReport, run_retention
from accord.store.subject import rectify_record, set_restricted

__all__ = [
    "export_audit",
    "rectify",
    "restrict",
    "retention",
    "subject_access",
    "who_consulted",
]


def _require_dpo(services: Services, user: Principal, what: str, detail: dict[str, Any]) -> None:
    if Role.DPO not in user.roles or user.disabled:
        services.store.log(AuditEntry(user.username, user.authority, "refusal", "supervision",
                                      detail={"asked": what, **detail}))  # fmt: skip
        raise AccessDenied(
            f"Only a data-protection officer may {what}.",
            hint="Ask your authority's data-protection officer.",
        )


def _own_authorities(user: Principal) -> list[str]:
    return [a.id for a in authorities().values() if a.participant == user.participant]


def export_audit(
    services: Services,
    user: Principal,
    start: date,
    end: date,
    authority: str | None,
    out: Path,
) -> dict[str, Any]:
    """Write the audit entries of the DPO's own participant (or one of its authorities)."""
    detail = {"from": start.isoformat(), "to": end.isoformat(), "authority": authority}
    _require_dpo(services, user, "export the audit log", detail)
    own = _own_authorities(user)
    if authority is not None and authority.upper() not in own:
        services.store.log(AuditEntry(user.username, user.authority, "refusal", "supervision",
                                      detail={"asked": "audit export", **detail}))  # fmt: skip
        raise AccessDenied(f"{authority} is not an authority of {user.participant}.")
    if end < start:
        raise InputError("--to is before --from.")
    wanted = [authority.upper()] if authority else own
    with services.store.read() as conn:
        found = entries_between(conn, start.isoformat(), end.isoformat(), wanted)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for entry in found:
            fh.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
    services.store.log(AuditEntry(user.username, user.authority, "audit-export", "supervision",
                                  detail={**detail, "entries": len(found)}))  # fmt: skip
    return {"entries": len(found), "file": str(out)}


def who_consulted(services: Services, user: Principal, record_id: str) -> list[dict[str, Any]]:
    """Who read, exported or combined a record of the DPO's own participant."""
    _require_dpo(services, user, "see who consulted a record", {"record": record_id})
    record = services.gate.get(user, "supervision", record_id, "who consulted this record")
    with services.store.read() as conn:
        found = entries_naming(conn, record.id)
    return [
        {k: entry[k] for k in ("seq", "at", "actor", "authority", "action", "purpose")}
        | {"justification": (entry["detail"] or {}).get("justification")}
        for entry in found
    ]


def retention(services: Services, today: date, actor: str, dry_run: bool) -> RetentionReport:
    return run_retention(services.store, today, actor, dry_run)


def subject_access(
    services: Services, user: Principal, name: str, justification: str
) -> list[StoredRecord]:
    """Records of the DPO's own participant whose caption holds ``name`` (a subject access
    request), read for supervision and logged as such."""
    _require_dpo(services, user, "answer a subject access request", {"name": name[:200]})
    if len(name.strip()) < 3:
        raise InputError("Give at least three letters of the name.")
    query = RecordQuery(text=name.strip(), participant=user.participant, limit=1000)
    return services.gate.read(user, "supervision", query, justification=justification)


def _own_record(services: Services, user: Principal, record_id: str, what: str) -> StoredRecord:
    _require_dpo(services, user, what, {"record": record_id})
    return services.gate.get(user, "supervision", record_id, what)


def restrict(
    services: Services, user: Principal, record_id: str, reason: str, lift: bool = False
) -> None:
    """Restrict processing of a record of the DPO's own participant (or lift it)."""
    record = _own_record(services, user, record_id, "restrict processing of a record")
    set_restricted(services.store, record.id, not lift, user.username, user.authority, reason)


def rectify(
    services: Services,
    user: Principal,
    record_id: str,
    prop: str,
    values: list[str],
    justification: str,
) -> dict[str, list[str]]:
    """Rectify one property of a record of the DPO's own participant."""
    record = _own_record(services, user, record_id, "rectify a record")
    return rectify_record(services.store, record.id, prop, values, user.username,
                          user.authority, justification)  # fmt: skip
