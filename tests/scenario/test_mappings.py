"""Every mapping follows docs/mapping.md and the merged model; every originator exists."""

from __future__ import annotations

from datetime import datetime

import yaml
from followthemoney import registry

from accord.model.codes import HandlingCode, Purpose, SubjectCategory
from accord.model.reference import authorities
from accord.model.schemata import get_model
from accord.scenario.catalogue import LEGAL_BASES, catalogue
from tests.scenario.conftest import Scenario


def test_every_catalogued_property_exists_on_its_schema() -> None:
    model = get_model()
    specs = catalogue()
    for spec in specs.values():
        schema = model.get(spec.schema)
        assert schema is not None, spec.schema
        for prop, source in spec.properties:
            assert prop in schema.properties, (spec.id, spec.schema, prop)
            if "ref" in source:
                target = specs[f"{spec.participant}/{source['ref']}"]
                assert target.authority == spec.authority, spec.id
                assert model.get(target.schema).is_a(schema.properties[prop].range), (spec.id, prop)


def test_written_mappings_match_their_files(scenario: Scenario) -> None:
    model = get_model()
    for entry in scenario.entries():
        mapping = scenario.mapping(entry)
        assert set(mapping) == {"schema", "key", "properties", "envelope", "csv"}
        assert mapping["schema"] == entry["schema"]
        schema = model.get(mapping["schema"])
        header = scenario.header(entry)
        named = set(mapping["key"])
        for prop, source in mapping["properties"].items():
            assert prop in schema.properties
            if "column" in source:
                named.add(source["column"])
        for _field, value in mapping["envelope"].items():
            if isinstance(value, dict):
                named.add(value["column"])
        assert set(header) == named, entry["path"]
        for required in schema.required:
            assert required in mapping["properties"], (entry["path"], required)


def test_envelope_values_are_valid_codes(scenario: Scenario) -> None:
    purposes = {purpose.value for purpose in Purpose}
    categories = {category.value for category in SubjectCategory}
    for entry in scenario.entries():
        envelope = scenario.mapping(entry)["envelope"]
        for row in scenario.rows(entry):
            values = {
                k: (row[v["column"]] if isinstance(v, dict) else v) for k, v in envelope.items()
            }
            assert values["purpose"] in purposes
            assert values["subject_category"] in categories
            assert values["legal_basis"] in LEGAL_BASES
            assert values["source_reliability"] in {"A", "B", "C", "X"}
            assert str(values["information_accuracy"]) in {"1", "2", "3", "4"}
            assert values["nature"] in {"fact", "assessment"}
            for code in values["handling"].split(","):
                HandlingCode(code)
            assert values.get("alert", "") in {"", "wanted", "missing", "stolen", "lost", "seized"}


def test_every_authority_exists_and_belongs_to_its_participant(scenario: Scenario) -> None:
    known = authorities()
    for entry in scenario.entries():
        assert known[entry["authority"]].participant == entry["participant"]
    for spec in catalogue().values():
        assert known[spec.authority].participant == spec.participant


def test_manifest_lists_referenced_datasets_first(scenario: Scenario) -> None:
    position = {(e["participant"], e["dataset"]): i for i, e in enumerate(scenario.entries())}
    for entry in scenario.entries():
        for source in scenario.mapping(entry)["properties"].values():
            target = (entry["participant"], source.get("ref"))
            if source.get("ref") and target in position:
                assert position[target] < position[(entry["participant"], entry["dataset"])]
    assert [b["id"] for b in scenario.manifest["legal_bases"]] == list(LEGAL_BASES)
    for entry in scenario.entries():
        assert entry["rows"] == sum(1 for _ in scenario.rows(entry))


def test_dates_parse_with_the_declared_formats(scenario: Scenario) -> None:
    bad = total = 0
    for entry in scenario.entries():
        mapping = scenario.mapping(entry)
        dated = [
            (s["column"], s["formats"]) for s in mapping["properties"].values() if "formats" in s
        ]
        for row in scenario.rows(entry):
            for column, formats in dated:
                value = row[column]
                if not value:
                    continue
                total += 1
                if not (_iso_partial(value) or any(_parses(value, f) for f in formats)):
                    bad += 1
    assert total > 1000
    assert bad / total < 0.005  # only the planted 00.00.YYYY registrations fail


def _iso_partial(value: str) -> bool:
    return registry.date.clean(value) is not None and "-00" not in value


def _parses(value: str, fmt: str) -> bool:
    try:
        datetime.strptime(value, fmt)
    except ValueError:
        return False
    return True


def test_phones_and_ibans_are_valid(scenario: Scenario) -> None:
    from schwifty import IBAN

    checked = 0
    for entry in scenario.entries():
        for row in scenario.rows(entry):
            for column in ("telefon", "telefoni", "phone", "caller_number", "receiver_number"):
                if row.get(column):
                    assert registry.phone.clean(row[column]) is not None, row[column]
                    checked += 1
            if row.get("iban"):
                IBAN(row["iban"])
    assert checked > 500


def test_mapping_files_are_plain_yaml(scenario: Scenario) -> None:
    for entry in scenario.entries()[:5]:
        text = (scenario.out / entry["mapping"]).read_text(encoding="utf-8")
        assert yaml.safe_load(text)["csv"]["encoding"] in {"utf-8", "cp1250"}
