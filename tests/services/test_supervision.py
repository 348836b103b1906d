from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accord.errors import AccessDenied, NotFound
from accord.services import Services
from accord.services.ingest import ingest_path
from accord.services.supervision import export_audit, retention, who_consulted
from accord.store.gate import RecordQuery
from accord.store.tables import audit_entries, audit_values, erasures
from tests.conftest import FIXTURES


def _user(svc: Services, name: str):  # type: ignore[no-untyped-def]
    found = svc.accounts.get(name)
    assert found is not None
    return found


def test_audit_export_is_for_dpos_only_and_a_refusal_is_logged(
    svc: Services, tmp_path: Path
) -> None:
    today = datetime.now(UTC).date()
    with pytest.raises(AccessDenied):
        export_audit(svc, _user(svc, "rs.analyst"), today, today, None, tmp_path / "a.jsonl")
    with svc.store.read() as conn:
        last = conn.execute(select(audit_entries).order_by(audit_entries.c.seq.desc())).first()
    assert last is not None and last.action == "refusal" and last.actor == "rs.analyst"
    result = export_audit(svc, _user(svc, "rs.dpo"), today, today, None, tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text().splitlines()
    assert result["entries"] == len(lines) > 0
    assert {json.loads(line)["authority"] for line in lines} <= {
        "RS-MUP",
        "RS-GP",
        "RS-APML",
        "RS-ACAS",
        "",
    } | {"RS-MUP"}
    with pytest.raises(AccessDenied):
        export_audit(svc, _user(svc, "rs.dpo"), today, today, "AL-ASP", tmp_path / "b.jsonl")


def test_who_consulted_a_record(svc: Services) -> None:
    analyst = _user(svc, "rs.analyst")
    record = svc.gate.read(analyst, "serious-crime", RecordQuery(), justification="case 7")[0]
    found = who_consulted(svc, _user(svc, "rs.dpo"), record.id)
    assert [(e["actor"], e["justification"]) for e in found] == [
        ("rs.analyst", "case 7"),
        ("rs.dpo", "who consulted this record"),  # the supervisor's own read is logged too
    ]
    with pytest.raises(AccessDenied):
        who_consulted(svc, analyst, record.id)


def test_retention_erases_due_records_everywhere(svc: Services) -> None:
    analyst = _user(svc, "rs.analyst")
    ids = [
        r.id
        for r in svc.gate.read(
            analyst, "serious-crime", RecordQuery(), justification="before erasure"
        )
    ]
    later = datetime.now(UTC).date() + timedelta(days=6 * 365)
    dry = retention(svc, later, "test", dry_run=True)
    assert sorted(dry.erased) == sorted(ids)
    report = retention(svc, later, "test", dry_run=False)
    assert sorted(report.erased) == sorted(ids)
    assert svc.gate.read(analyst, "serious-crime", RecordQuery()) == []
    with svc.store.read() as conn:
        assert conn.execute(select(func.count()).select_from(erasures)).scalar_one() == 2
        consulted = [
            r.seq
            for r in conn.execute(select(audit_entries))
            if set(json.loads(r.refs)) & set(ids) and r.action != "erasure"
        ]
        kept = conn.execute(
            select(func.count()).select_from(audit_values).where(audit_values.c.seq.in_(consulted))
        ).scalar_one()
    assert kept == 0  # the side values of entries naming erased records are gone
    assert svc.store.verify_audit().ok
    again = ingest_path(
        svc,
        FIXTURES / "persons.csv",
        participant="RS",
        authority="RS-MUP",
        dataset="persons",
        mapping=FIXTURES / "persons.mapping.yaml",
        actor="t",
    )
    assert again.result.stored == 0  # erased records do not come back with a re-ingest
    r = again.result
    assert r.read == r.stored + r.quarantined + r.duplicates


def test_review_dates_are_listed(svc: Services) -> None:
    report = retention(svc, date.today() + timedelta(days=400), "test", dry_run=True)
    assert report.erased == [] and len(report.due_for_review) == 1  # the contact's review


def test_subject_access_restriction_and_rectification(svc: Services) -> None:
    from accord.services.supervision import rectify, restrict, subject_access

    dpo = _user(svc, "rs.dpo")
    found = subject_access(svc, dpo, "Петар", "SAR-2026-14")
    assert [r.caption for r in found] == ["Петар Петровић"]
    with pytest.raises(AccessDenied):
        subject_access(svc, _user(svc, "rs.analyst"), "Петар", "x")
    record = found[0]
    restrict(svc, dpo, record.id, "accuracy contested by the data subject")
    officer = _user(svc, "rs.officer")  # RS-GP: same participant, another authority
    assert record.id not in {r.id for r in svc.gate.read(officer, "serious-crime", RecordQuery())}
    analyst = _user(svc, "rs.analyst")  # RS-MUP: the originating authority still sees it
    assert record.id in {r.id for r in svc.gate.read(analyst, "serious-crime", RecordQuery())}
    restrict(svc, dpo, record.id, "resolved", lift=True)
    assert record.id in {r.id for r in svc.gate.read(officer, "serious-crime", RecordQuery())}
    after = rectify(svc, dpo, record.id, "birthDate", ["1985-03-21"], "birth certificate seen")
    assert after["birthDate"] == ["1985-03-21"]
    al_dpo = _user(svc, "al.dpo")
    with pytest.raises(NotFound):
        rectify(svc, al_dpo, record.id, "birthDate", ["1900"], "not theirs")
    assert svc.store.verify_audit().ok


def test_an_erased_record_leaves_its_identities(svc: Services) -> None:
    from sqlalchemy import insert

    from accord.store.retention import erase_records
    from accord.store.tables import identity_members

    ids = [r.id for r in svc.gate.read(_user(svc, "rs.analyst"), "serious-crime", RecordQuery())]
    with svc.store.write() as conn:
        conn.execute(
            insert(identity_members),
            [
                {
                    "record_id": ids[0],
                    "identity_id": "i1",
                    "participant": "RS",
                    "linked_to": None,
                    "source": "linkage",
                    "added_at": "2026",
                },
                {
                    "record_id": ids[1],
                    "identity_id": "i1",
                    "participant": "RS",
                    "linked_to": ids[0],
                    "source": "linkage",
                    "added_at": "2026",
                },
            ],
        )
    erase_records(svc.store, [ids[0]], "court order", "rs.dpo", "RS-MUP")
    with svc.store.read() as conn:
        left = [(r.record_id, r.linked_to) for r in conn.execute(select(identity_members))]
    assert left == [(ids[1], None)]
