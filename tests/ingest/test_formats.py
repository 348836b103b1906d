from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from accord.model.ids import record_id
from accord.settings import Settings
from accord.store import Store, StoredRecord
from tests.conftest import FIXTURES
from tests.ingest.conftest import Ingest

HEADER = (
    "person_id,first_name,last_name,birth_date,nationality,document_number,phone,category,alert"
)


def stored_records(store: Store, dataset: str) -> list[StoredRecord]:
    from accord.store.base import record_select
    from accord.store.tables import envelopes

    with store.read() as conn:
        query = record_select().where(envelopes.c.dataset == dataset)
        ids = [r.id for r in conn.execute(query)]
        return list(store.get_records(conn, ids).values())


def _balanced(report) -> bool:  # type: ignore[no-untyped-def]
    r = report.result
    return r.read == r.stored + r.quarantined + r.duplicates


def test_csv_fixture_stores_valid_rows_and_quarantines_the_rest(ingest: Ingest) -> None:
    report = ingest(FIXTURES / "persons.csv")
    r = report.result
    assert (r.read, r.stored, r.quarantined, r.duplicates) == (5, 2, 3, 0)
    assert _balanced(report)


def test_rerun_stores_nothing_twice(ingest: Ingest, ingest_store: Store) -> None:
    ingest(FIXTURES / "persons.csv")
    again = ingest(FIXTURES / "persons.csv").result
    assert (again.stored, again.duplicates, again.quarantined) == (0, 2, 3)
    assert ingest_store.count_records() == 2
    assert len(ingest_store.list_quarantine()) == 3


def test_semicolon_cp1250_file_is_detected(ingest: Ingest, tmp_path: Path) -> None:
    text = HEADER.replace(",", ";") + "\nP9;Željko;Čačić;1970-01-05;HR;;;suspect;\n"
    path = tmp_path / "hr.csv"
    path.write_bytes(text.encode("cp1250"))
    report = ingest(path)
    assert report.result.stored == 1


def test_xlsx_json_lines_and_ftm_streams(
    ingest: Ingest, tmp_path: Path, ingest_store: Store
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(["X1", "Arben", "Krasniqi", "1988-04-02", "XK", "", "", "suspect", ""])
    book.save(tmp_path / "xk.xlsx")
    assert ingest(tmp_path / "xk.xlsx", dataset="x1").result.stored == 1

    rows = [
        dict(
            zip(
                HEADER.split(","),
                ["J1", "Ivan", "Ilić", "1991", "ME", "", "", "other", ""],
                strict=True,
            )
        )
    ]
    (tmp_path / "me.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert ingest(tmp_path / "me.jsonl", dataset="j1").result.stored == 1

    entities = [
        {
            "id": "p1",
            "schema": "Person",
            "properties": {"name": ["Ana Kovač", "Ana Kovac"], "birthDate": ["1980-02-02"]},
        },
        {
            "id": "f1",
            "schema": "Firearm",
            "properties": {"serialNumber": ["ZCZ-0042"], "holder": ["p1"]},
        },
        {"id": "bad", "schema": "Spaceship", "properties": {}},
    ]
    (tmp_path / "ba.ftm.json").write_text("\n".join(json.dumps(e) for e in entities) + "\n")
    env = FIXTURES / "envelope.mapping.yaml"
    report = ingest(tmp_path / "ba.ftm.json", mapping=env, dataset="f1")
    assert (report.format, report.result.stored, report.result.quarantined) == ("ftm", 2, 1)
    stored = {r.schema: r.properties for r in stored_records(ingest_store, "f1")}
    assert stored["Person"]["name"] == ["Ana Kovač", "Ana Kovac"]
    person_ids = [r.id for r in stored_records(ingest_store, "f1") if r.schema == "Person"]
    assert stored["Firearm"]["holder"] == person_ids  # the reference became the record's id


def test_a_property_named_like_an_envelope_field(ingest: Ingest, tmp_path: Path) -> None:
    """Payment has a property `purpose`, as the envelope has a field `purpose`."""
    (tmp_path / "pay.csv").write_text("id,amount,why,category\nT1,1500,rent,suspect\nT2,x,,\n")
    (tmp_path / "pay.yaml").write_text(
        "schema: Payment\nkey: [id]\nproperties:\n  amount: {column: amount}\n"
        "  purpose: {column: why}\nenvelope:\n  handling: [H0]\n  source_reliability: B\n"
        "  information_accuracy: '2'\n  subject_category: {column: category}\n  nature: fact\n"
        "  purpose: illicit-finance\n  legal_basis: AGR-WB-SOC-2025\n"
    )
    r = ingest(tmp_path / "pay.csv", mapping=tmp_path / "pay.yaml", dataset="pay").result
    assert (r.stored, r.quarantined) == (1, 1)


def test_fast_and_careful_readers_store_the_same(
    ingest: Ingest, tmp_path: Path, ingest_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [HEADER]
    for i in range(300):
        rows.append(
            f'P{i},"Ana, {i}",Petrović,19{50 + i % 50}-0{1 + i % 9}-1{i % 10},RS,'
            f"A{i:07d},,{'suspect' if i % 7 else ''},{'wanted' if i % 5 == 0 else ''}"
        )
    (tmp_path / "fast.csv").write_text("\n".join(rows) + "\n")
    fast = ingest(tmp_path / "fast.csv", dataset="fast").result
    import accord.ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_ROWS", 100)
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 64)
    parallel = ingest(tmp_path / "fast.csv", dataset="parallel").result
    monkeypatch.setattr(pipeline, "read_well_formed_csv", lambda *a, **k: None)
    careful = ingest(tmp_path / "fast.csv", dataset="careful").result
    assert (fast.stored, fast.quarantined) == (careful.stored, careful.quarantined) == (257, 43)
    assert (parallel.stored, parallel.quarantined) == (257, 43)
    one = {
        (
            r.caption,
            json.dumps(r.properties, sort_keys=True),
            r.envelope.handling_text,
            r.envelope.alert,
        )
        for r in stored_records(ingest_store, "fast")
    }
    two = {
        (
            r.caption,
            json.dumps(r.properties, sort_keys=True),
            r.envelope.handling_text,
            r.envelope.alert,
        )
        for r in stored_records(ingest_store, "careful")
    }
    three = {
        (
            r.caption,
            json.dumps(r.properties, sort_keys=True),
            r.envelope.handling_text,
            r.envelope.alert,
        )
        for r in stored_records(ingest_store, "parallel")
    }
    assert one == two == three
    held = {(q["row"], q["reason"]) for q in ingest_store.list_quarantine(limit=1000)}
    assert len(held) == 43  # the same rows, with the same line numbers, from every reader


def test_ids_are_the_keyed_hash_of_the_key_and_phones_are_e164(
    ingest: Ingest, ingest_store: Store, store_settings: Settings
) -> None:
    ingest(FIXTURES / "persons.csv")
    by_caption = {r.caption: r for r in stored_records(ingest_store, "persons")}
    petar = by_caption["Петар Петровић"]
    assert petar.id == record_id(store_settings.id_key, "RS", "RS-MUP", "persons", "P1")
    assert petar.properties["phone"] == ["+381641234567"]
