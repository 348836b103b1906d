"""Linkage over the stored records: the job that reads everything, as a named system actor.

Person records of every participant are read through the Gate as ``system:linkage`` for a
declared purpose, linked, and written back as identities. The run is logged as a combination
(which records were combined, with what parameters). Analysts' judgements are respected: a
split pair is never joined again, a confirmed identity keeps the members its analyst confirmed
and is not merged with another confirmed identity. Identity ids are kept from one run to the
next (each new cluster takes the id of the stored identity it shares most records with), so a
run over unchanged records changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from accord.linkage.engine import Constraints, LinkOptions, link_records
from accord.linkage.inputs import INPUT_COLUMNS, OPTIONAL_COLUMNS
from accord.model.codes import Purpose
from accord.policy import system_actor
from accord.store.audit import AuditEntry, now_iso
from accord.store.base import Store
from accord.store.gate import Gate, RecordQuery
from accord.store.identities import IdentityStore, Judgements
from accord.store.records import StoredRecord

__all__ = ["LINKAGE_ACTOR", "StoreLinkReport", "link_store", "records_to_input"]

LINKAGE_ACTOR = "linkage"
_PAGE = 100_000


@dataclass
class StoreLinkReport:
    run_id: str
    purpose: str
    records: int
    identities: int
    identities_with_several_records: int
    changes: dict[str, int]
    seconds: float
    linkage: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _first(props: dict[str, list[str]], name: str) -> str | None:
    values = props.get(name) or []
    return values[0] if values else None


def _row(record: StoredRecord) -> tuple[str | None, ...]:
    props = record.properties
    first, last = _first(props, "firstName"), _first(props, "lastName")
    if first is None and last is None:
        parts = (_first(props, "name") or "").rsplit(" ", 1)
        first, last = (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0] or None)
    documents = [*(props.get("idNumber") or []), *(props.get("passportNumber") or [])]
    return (
        record.id,
        record.envelope.participant,
        first,
        last,
        _first(props, "birthDate"),
        _first(props, "gender"),
        _first(props, "nationality"),
        ";".join(documents) or None,
        _first(props, "birthPlace"),
        _first(props, "fatherName"),
        ";".join(props.get("phone") or []) or None,
        None,  # a stored Person record holds no date of registration
    )


def records_to_input(records: Sequence[StoredRecord]) -> pl.DataFrame:
    """Stored Person records as a link input."""
    columns = (*INPUT_COLUMNS, *OPTIONAL_COLUMNS)
    return pl.DataFrame(
        [_row(r) for r in records],
        schema={name: pl.Utf8 for name in columns},
        orient="row",
    )


def _read(
    gate: Gate, purpose: Purpose, participants: Sequence[str] | None
) -> Iterator[list[StoredRecord]]:
    actor = system_actor(LINKAGE_ACTOR)
    scope: list[str | None] = list(participants) if participants else [None]
    for participant in scope:
        offset = 0
        while True:
            query = RecordQuery(
                schema="Person", participant=participant, limit=_PAGE, offset=offset
            )
            page = gate.read(actor, purpose, query, justification="batch identity resolution")
            if page:
                yield page
            if len(page) < _PAGE:
                break
            offset += len(page)


def _fresh_id(anchor: str, taken: set[str]) -> str:
    base = "ID-" + hashlib.blake2b(anchor.encode("utf-8"), digest_size=10).hexdigest()
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def assign_ids(
    members: pl.DataFrame, old: pl.DataFrame, existing: Iterable[str] = ()
) -> pl.DataFrame:
    """``members`` (``record_id``, ``anchor``) with ``identity_id``: each new cluster keeps the
    id of the stored identity it shares most records with; others get an id of their own, not
    among the ``existing`` ones."""
    overlap = (
        members.select("record_id", "anchor")
        .join(old.select("record_id", "identity_id"), on="record_id")
        .group_by("anchor", "identity_id")
        .len()
        .sort(["len", "identity_id", "anchor"], descending=[True, False, False])
    )
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for anchor, identity_id, _count in overlap.iter_rows():
        if anchor not in chosen and identity_id not in used:
            chosen[anchor] = identity_id
            used.add(identity_id)
    taken = used | set(old["identity_id"].to_list()) | set(existing)
    for anchor in members["anchor"].unique().sort().to_list():
        if anchor not in chosen:
            chosen[anchor] = _fresh_id(anchor, taken)
            taken.add(chosen[anchor])
    ids = pl.DataFrame(
        {"anchor": list(chosen), "identity_id": list(chosen.values())},
        schema={"anchor": pl.Utf8, "identity_id": pl.Utf8},
    )
    return members.join(ids, on="anchor", how="left")


def _constraints(
    judgements: Judgements, old: pl.DataFrame, statuses: dict[str, str]
) -> Constraints:
    """Splits as cannot-links; per confirmed identity, the records its analysts confirmed
    that are still its members, kept together and apart from other confirmed identities."""
    current = dict(zip(old["record_id"].to_list(), old["identity_id"].to_list(), strict=True))
    groups: dict[str, list[str]] = {}
    for act in judgements.must_link:
        for record_id in act:
            identity_id = current.get(record_id)
            if identity_id and statuses.get(identity_id) == "confirmed":
                groups.setdefault(identity_id, []).append(record_id)
    kept = [sorted(set(g)) for g in groups.values() if len(set(g)) > 1]
    return Constraints(cannot_link=judgements.cannot_link, must_link=kept, apart=kept)


def link_store(
    store: Store,
    *,
    purpose: str | Purpose = Purpose.SERIOUS_CRIME,
    participants: Sequence[str] | None = None,
    options: LinkOptions | None = None,
) -> StoreLinkReport:
    """Link the Person records of the store into identities and store them (see module)."""
    started = time.perf_counter()
    wanted = purpose if isinstance(purpose, Purpose) else Purpose(str(purpose))
    scope = [p.upper() for p in participants] if participants else None
    gate = Gate(store)
    records: list[StoredRecord] = []
    for page in _read(gate, wanted, scope):
        records.extend(page)
    frame = records_to_input(records)
    del records
    book = IdentityStore()
    with store.read() as conn:
        old = book.assignment(conn, scope)
        judgements = book.judgements(conn)
        statuses = book.statuses(conn)
    result = link_records(frame, options, _constraints(judgements, old, statuses))
    members = assign_ids(result.members, old, statuses)
    run_id = "RUN-" + uuid.uuid4().hex[:16]
    at = now_iso()
    sizes = members.group_by("identity_id").len()
    several = sizes.filter(pl.col("len") > 1)
    combined = members.filter(pl.col("identity_id").is_in(several["identity_id"].to_list()))
    parameters = {
        "options": (options or LinkOptions()).to_dict(),
        "participants": scope,
        "prior": result.report.get("model", {}).get("prior"),
        "training": result.report.get("model", {}).get("training"),
    }
    run = {
        "id": run_id, "actor": f"system:{LINKAGE_ACTOR}", "purpose": wanted.value,
        "started_at": at, "finished_at": at, "records": frame.height,
        "identities": sizes.height, "parameters": json.dumps(parameters, default=str),
    }  # fmt: skip
    with store.write() as conn:
        changes = book.write_run(conn, run, members, old, at)
        store.audit.append(
            conn,
            [
                AuditEntry(
                    actor=f"system:{LINKAGE_ACTOR}",
                    authority="SYSTEM",
                    action="combination",
                    purpose=wanted.value,
                    refs=sorted(combined["record_id"].to_list()),
                    detail={
                        "why": "batch identity resolution of Person records across participants",
                        "run": run_id,
                        "records_read": frame.height,
                        "identities": sizes.height,
                        "changes": changes.to_dict(),
                        "parameters": parameters,
                    },
                )
            ],
        )
    return StoreLinkReport(
        run_id=run_id,
        purpose=wanted.value,
        records=frame.height,
        identities=sizes.height,
        identities_with_several_records=several.height,
        changes=changes.to_dict(),
        seconds=round(time.perf_counter() - started, 2),
        linkage={k: v for k, v in result.report.items() if k != "model"},
    )
