"""The planted truth agrees with the data files."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from tests.scenario.conftest import Scenario


@pytest.fixture(scope="module")
def keys(scenario: Scenario) -> dict[tuple[str, str], dict[str, dict[str, str]]]:
    """(participant, dataset) -> key -> row (with the envelope literals filled in)."""
    out: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    for entry in scenario.entries():
        mapping = scenario.mapping(entry)
        key_column = mapping["key"][0]
        literals = {k: v for k, v in mapping["envelope"].items() if not isinstance(v, dict)}
        rows: dict[str, dict[str, str]] = {}
        for row in scenario.rows(entry):
            full: dict[str, Any] = {**{k: str(v) for k, v in literals.items()}, **row}
            assert row[key_column] not in rows, f"duplicate key in {entry['path']}"
            rows[row[key_column]] = full
        out[(entry["participant"], entry["dataset"])] = rows
    return out


def test_every_identity_key_exists(scenario: Scenario, keys: dict[Any, Any]) -> None:
    identities = scenario.truth("identities")
    assert len(identities) == scenario.summary.person_records
    for row in identities:
        assert row["key"] in keys[(row["participant"], row["dataset"])]


def test_identities_cover_every_person_record(scenario: Scenario, keys: dict[Any, Any]) -> None:
    persons = {
        (e["participant"], e["dataset"]) for e in scenario.entries() if e["schema"] == "Person"
    }
    covered = defaultdict(set)
    for row in scenario.truth("identities"):
        covered[(row["participant"], row["dataset"])].add(row["key"])
    for dataset in persons:
        assert covered[dataset] == set(keys[dataset])


def test_people_appear_across_participants(scenario: Scenario) -> None:
    participants = defaultdict(set)
    for row in scenario.truth("identities"):
        participants[row["person_uid"]].add(row["participant"])
    crossing = [uid for uid, seen in participants.items() if len(seen) >= 2]
    assert len(crossing) > 300


def test_entity_keys_exist(scenario: Scenario, keys: dict[Any, Any]) -> None:
    entities = scenario.truth("entities")
    assert entities
    for row in entities:
        assert row["key"] in keys[(row["participant"], row["dataset"])]


def test_planted_hits_point_at_flagged_records(scenario: Scenario, keys: dict[Any, Any]) -> None:
    hits = scenario.truth("screening_hits")
    kinds = {hit["kind"] for hit in hits if hit["expect_hit"] == "true"}
    assert {"person", "document", "firearm"} <= kinds
    assert any(hit["expect_hit"] == "false" for hit in hits)
    for hit in hits:
        if hit["expect_hit"] != "true":
            assert hit["key"] == ""
            continue
        record = keys[(hit["participant"], hit["dataset"])][hit["key"]]
        assert record["alert"] == hit["alert"] != ""
        assert hit["first_name"] or hit["document_number"] or hit["identifier"]


def test_discrepancies_exist_in_both_participants(scenario: Scenario, keys: dict[Any, Any]) -> None:
    rows = scenario.truth("asset_discrepancies")
    assert rows
    for row in rows:
        declaration = keys[(row["participant"], "declarations")][row["declaration_key"]]
        assert row["participant"] != row["registry_participant"]
        registry = keys[(row["registry_participant"], row["registry_dataset"])]
        assert row["registry_key"] in registry
        items = [
            item
            for item in keys[(row["participant"], "declared_items")].values()
            if item["declaration_ref"] == row["declaration_key"]
        ]
        declared = [
            item for item in items if item["registry_reference"] == f"REG-{row['registry_key']}"
        ]
        if row["discrepancy"].startswith("undeclared"):
            assert not declared
        else:
            assert float(declared[0]["amount"]) < float(row["registry_value"])
        assert declaration["declaration_year"] == "2024"


def test_firearm_traces_exist(scenario: Scenario, keys: dict[Any, Any]) -> None:
    traces = scenario.truth("firearm_traces")
    by_weapon = defaultdict(list)
    for row in traces:
        record = keys[(row["participant"], row["dataset"])][row["key"]]
        assert record["serial"] == row["serial"]
        by_weapon[row["firearm_uid"]].append(row)
    assert any(len(rows) >= 2 for rows in by_weapon.values())


def test_networks_and_targets_are_consistent(scenario: Scenario) -> None:
    uids = {row["person_uid"] for row in scenario.truth("identities")}
    nodes = scenario.truth("networks")
    themes = {row["theme"] for row in nodes}
    assert themes == {"smuggling", "cocaine", "finance"}
    for row in nodes:
        if row["node_kind"] == "person":
            assert row["node_uid"] in uids
    members = {(row["network_id"], row["node_uid"]) for row in nodes}
    for target in scenario.truth("high_value_targets"):
        assert (target["network_id"], target["person_uid"]) in members
        assert target["reasons"]


def test_family_and_negative_truth(scenario: Scenario) -> None:
    kinds = {row["kind"] for row in scenario.truth("hard_negatives")}
    assert {"twin", "family", "namesake"} <= kinds
    assert scenario.truth("families")
