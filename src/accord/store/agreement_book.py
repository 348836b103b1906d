"""Agreements kept in the store (their YAML/JSON body as data), checked when added."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from accord.errors import InputError, PolicyError
from accord.model.reference import participants
from accord.policy import Agreement, parse_agreement
from accord.store.audit import AuditEntry, now_iso
from accord.store.base import Store
from accord.store.tables import agreements

__all__ = ["AgreementBook", "read_agreement_file"]


def read_agreement_file(path: Path) -> list[dict[str, Any]]:
    """Agreements from a YAML file: one mapping, a list, or ``{agreements: [...]}``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"Agreement file {path} does not exist.") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"Agreement file {path} is not valid YAML: {exc}") from exc
    if isinstance(data, dict) and "agreements" in data:
        data = data["agreements"]
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise PolicyError(f"Agreement file {path} must hold mappings.")
    return items


class AgreementBook:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, body: dict[str, Any], actor: str = "admin", replace: bool = False) -> Agreement:
        agreement = parse_agreement(body, participants())
        text = json.dumps(body, default=str, sort_keys=True)
        with self.store.write() as conn:
            existing = conn.execute(
                select(agreements.c.body).where(agreements.c.id == agreement.id)
            ).first()
            if existing is not None:
                if existing.body == text:
                    return agreement  # the same agreement again: nothing to do
                if not replace:
                    raise InputError(
                        f"Agreement {agreement.id} exists with other terms.",
                        hint="End it and add a new one, or pass --replace.",
                    )
                conn.execute(
                    update(agreements).where(agreements.c.id == agreement.id).values(body=text)
                )
            else:
                try:
                    conn.execute(
                        insert(agreements).values(id=agreement.id, body=text, created_at=now_iso())
                    )
                except IntegrityError as exc:
                    raise InputError(f"Agreement {agreement.id} exists already.") from exc
            self.store.audit.append(
                conn,
                [
                    AuditEntry(
                        actor,
                        "",
                        "agreement-added",
                        "administration",
                        [agreement.id],
                        detail={"terms": agreement.to_dict()},
                    )
                ],
            )
        return agreement

    def end(self, agreement_id: str, on: date, actor: str = "admin") -> None:
        with self.store.write() as conn:
            done = conn.execute(
                update(agreements)
                .where(agreements.c.id == agreement_id)
                .values(ended_at=on.isoformat())
            )
            if done.rowcount == 0:
                raise InputError(
                    f"No agreement {agreement_id!r}.", hint="`accord agreements list`."
                )
            self.store.audit.append(
                conn, [AuditEntry(actor, "", "agreement-ended", "administration", [agreement_id])]
            )

    def all(self) -> list[Agreement]:
        with self.store.read() as conn:
            rows = conn.execute(select(agreements).order_by(agreements.c.id)).all()
        found = []
        for row in rows:
            body = json.loads(row.body)
            if row.ended_at:
                body["ended"] = row.ended_at[:10]
            found.append(parse_agreement(body, participants()))
        return found

    def get(self, agreement_id: str) -> Agreement:
        for agreement in self.all():
            if agreement.id == agreement_id:
                return agreement
        raise InputError(f"No agreement {agreement_id!r}.", hint="`accord agreements list`.")
