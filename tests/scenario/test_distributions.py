"""The data follow the stated figures and rules: seasonality, nationality mix, scripts, handling
codes, victims only in missing-person alerts."""

from __future__ import annotations

from collections import Counter, defaultdict

from accord.scenario.figures import nationality_shares
from accord.scenario.persons import ALPHA3
from accord.scenario.scripts import cyrillic_share
from tests.scenario.conftest import Scenario

_EU_BORDERS = {"RS-HU", "RS-HR", "BA-HR"}


def test_seasonality_peaks_in_september_and_october(scenario: Scenario) -> None:
    months: Counter[str] = Counter()
    for row in scenario.truth("indicators_migration"):
        if row["year"] in ("2022", "2023") and row["border_section"] in _EU_BORDERS:
            months[row["month"]] += int(row["detections"])
    top = [month for month, _ in months.most_common(3)]
    assert {"09", "10"} <= set(top)
    assert months["10"] > 2 * months["02"]


def test_nationality_mix_per_year_is_close_to_frontex(scenario: Scenario) -> None:
    by_year: dict[str, Counter[str]] = defaultdict(Counter)
    for row in scenario.truth("indicators_migration"):
        if row["border_section"] in _EU_BORDERS:
            by_year[row["year"]][row["nationality"]] += int(row["detections"])
    for year in ("2022", "2023"):
        counts = by_year[year]
        total = sum(counts.values())
        assert total > 150
        for nationality, share in nationality_shares(int(year)).items():
            assert abs(counts[nationality] / total - share) < 0.07, (year, nationality)
    assert (
        sum(by_year["2022"].values())
        > sum(by_year["2023"].values())
        > sum(by_year["2024"].values())
    )


def test_visa_free_arrivals_to_belgrade_stop_after_reimposition(scenario: Scenario) -> None:
    persons = {
        row["evid_broj"]: row for row in scenario.rows(scenario.entry("RS", "border_persons"))
    }
    entries = list(scenario.rows(scenario.entry("RS", "visa_entries")))
    assert entries
    for entry in entries:
        nationality = persons[entry["holder_ref"]]["drzavljanstvo"]
        _day, month, year = entry["start_date"].split(".")[:3]
        if nationality in ("BDI", "TUN"):
            assert (int(year), int(month)) <= (2022, 11)


def test_serbian_records_mix_cyrillic_and_latin(scenario: Scenario) -> None:
    border = [row["prezime"] for row in scenario.rows(scenario.entry("RS", "border_persons"))]
    assert 0.45 < cyrillic_share(border) < 0.75
    macedonian = [row["prezime"] for row in scenario.rows(scenario.entry("MK", "border_persons"))]
    assert 0.4 < cyrillic_share(macedonian) < 0.7
    for participant, column in (("BA", "prezime"), ("AL", "mbiemri"), ("GB", "surname")):
        values = [
            row[column] for row in scenario.rows(scenario.entry(participant, "border_persons"))
        ]
        assert cyrillic_share(values) == 0


def test_albanian_records_with_and_without_diacritics(scenario: Scenario) -> None:
    names = [
        row["emri"] + row["mbiemri"]
        for row in scenario.rows(scenario.entry("AL", "border_persons"))
    ]
    with_marks = sum(1 for name in names if "ë" in name or "ç" in name or "Ç" in name)
    assert 0 < with_marks < len(names)


def test_united_kingdom_and_agencies_write_ascii(scenario: Scenario) -> None:
    for entry in scenario.entries():
        if entry["participant"] in ("GB", "EUROPOL", "FRONTEX") and entry["schema"] == "Person":
            for row in scenario.rows(entry):
                for column in ("forename", "surname"):
                    assert row[column].isascii(), (entry["path"], row[column])


def test_a_syrian_mohammed_is_spelled_by_each_registrar(scenario: Scenario) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    columns = {"BA": "ime", "RS": "ime", "GB": "forename", "GR": "forename", "HU": "utonev"}
    for participant, column in columns.items():
        for row in scenario.rows(scenario.entry(participant, "border_persons")):
            seen[participant].update(row[column].split())
    assert "Muhamed" in seen["BA"]
    assert "Мухамед" in seen["RS"]
    english = {"MOHAMMED", "MOHAMED", "MOHAMMAD", "MUHAMMAD"}
    assert english & {name.upper() for name in seen["GB"] | seen["GR"]}
    assert english & seen["HU"]


def test_handling_codes_are_mostly_h0(scenario: Scenario) -> None:
    codes: Counter[str] = Counter()
    for entry in scenario.entries():
        for row in scenario.rows(entry):
            if "handling" in row:
                codes[row["handling"]] += 1
                if "H3" in row["handling"]:
                    assert row["handling_note"].strip()
    total = sum(codes.values())
    assert codes["H0"] / total > 0.75
    assert codes["H0,H2"] and codes["H0,H1"] and any("H3" in code for code in codes)


def test_victims_appear_only_as_missing_person_alerts(scenario: Scenario) -> None:
    missing = 0
    for entry in scenario.entries():
        mapping = scenario.mapping(entry)
        envelope = mapping["envelope"]
        category = envelope.get("subject_category")
        if category == "victim":
            assert entry["dataset"] == "missing_persons" and envelope["alert"] == "missing"
            missing += entry["rows"]
        elif isinstance(category, dict):
            for row in scenario.rows(entry):
                assert row[category["column"]] != "victim", entry["path"]
    assert missing > 0


def test_nationalities_are_document_codes(scenario: Scenario) -> None:
    codes = set(ALPHA3.values())
    for row in scenario.rows(scenario.entry("HU", "border_persons")):
        assert row["allampolgarsag"] in codes or row["allampolgarsag"] == ""


def test_bosnian_files_are_windows_1250_with_semicolons(scenario: Scenario) -> None:
    entry = scenario.entry("BA", "border_persons")
    mapping = scenario.mapping(entry)
    assert mapping["csv"] == {"delimiter": ";", "encoding": "cp1250"}
    raw = (scenario.out / entry["path"]).read_bytes()
    assert raw.decode("cp1250").splitlines()[0].startswith("evid_broj;")
