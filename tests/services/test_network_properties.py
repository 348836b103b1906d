"""Property: whatever the records and whichever of them a user may see, the tables built from
the visible ones hold nothing of the others (no id, no name, no phone, no relation), and every
edge stands on a visible record."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from accord.model.codes import (
    HandlingCode,
    InformationAccuracy,
    Nature,
    Purpose,
    SourceReliability,
    SubjectCategory,
)
from accord.model.envelope import Envelope
from accord.services.network_build import build_tables
from accord.store.records import StoredRecord

KEY = b"p" * 32
_ENVELOPE = Envelope(
    "RS", "RS-MUP", "police", frozenset({HandlingCode.H0}), SourceReliability("B"),
    InformationAccuracy("2"), SubjectCategory("suspect"), Nature("fact"), Purpose.SERIOUS_CRIME,
    "AGR", date(2030, 1, 1), date(2031, 1, 1),
)  # fmt: skip
_LINKS = {
    "Call": ("caller", "receiver"),
    "Payment": ("payer", "beneficiary"),
    "Family": ("person", "relative"),
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "BorderCrossing": ("person", "vehicle"),
}


def _record(rid: str, schema: str, props: dict[str, list[str]]) -> StoredRecord:
    return StoredRecord(rid, schema, f"Caption {rid}", props, _ENVELOPE, "b", "t", "t")


@st.composite
def _records(draw: Any) -> list[StoredRecord]:
    persons = draw(st.integers(1, 8))
    things = draw(st.integers(0, 4))
    records = [
        _record(f"p{i}", "Person", {"name": [f"Caption p{i}"], "phone": [f"+3816{i:07d}"]})
        for i in range(persons)
    ]
    for i in range(things):
        schema = draw(st.sampled_from(["Company", "Vehicle"]))
        key = "registrationNumber"
        # two things may share a registration number: then they are one node
        number = draw(st.sampled_from(["AB123CD", "XY987ZT", f"Q{i}W{i}E{i}R"]))
        records.append(_record(f"t{i}", schema, {key: [number]}))
    ends = [r.id for r in records]
    for i in range(draw(st.integers(0, 12))):
        schema = draw(st.sampled_from(sorted(_LINKS)))
        left, right = _LINKS[schema]
        props = {left: [draw(st.sampled_from(ends))], right: [draw(st.sampled_from(ends))]}
        props["date"] = ["2024-03-05"]
        if schema == "BorderCrossing":
            props["crossingPoint"] = ["Horgoš"]
            props["direction"] = ["exit"]
        records.append(_record(f"l{i}", schema, props))
    return records


@given(records=_records(), data=st.data())
def test_tables_of_the_visible_records_hold_nothing_of_the_others(
    records: list[StoredRecord], data: st.DataObject
) -> None:
    visible = data.draw(st.lists(st.sampled_from(records), unique_by=lambda r: r.id))
    shown = {r.id for r in visible}
    hidden = [r for r in records if r.id not in shown]
    tables = build_tables(visible, {}, KEY)
    text = json.dumps([tables.nodes.to_dicts(), tables.edges.to_dicts()], default=str)
    for record in hidden:
        assert f'"{record.id}"' not in text
        assert f"Caption {record.id}" not in text
        for phone in record.properties.get("phone", []):
            assert phone not in text
    behind = set(tables.edges["record_id"].drop_nulls().to_list())
    assert behind <= shown
    listed = {rid for ids in tables.nodes["record_ids"].to_list() for rid in ids}
    assert listed <= shown
