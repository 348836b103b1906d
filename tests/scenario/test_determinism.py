"""The same seed gives byte-identical output, however many workers generate it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from accord.errors import InputError
from accord.scenario import generate
from tests.scenario.conftest import SCALE, SEED, Scenario


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_seed_gives_identical_bytes(
    scenario: Scenario, scenario_two_workers: Scenario
) -> None:
    first = _hashes(scenario.out)
    assert len(first) > 100
    assert first == _hashes(scenario_two_workers.out)


def test_regenerating_into_the_same_folder_replaces_the_scenario(tmp_path: Path) -> None:
    out = tmp_path / "region"
    generate(SEED, 500, out, workers=1)
    first = _hashes(out)
    generate(SEED + 1, 500, out, workers=1)
    generate(SEED, 500, out, workers=1)
    assert _hashes(out) == first


def test_another_seed_gives_other_data(tmp_path: Path, scenario: Scenario) -> None:
    out = tmp_path / "other"
    generate(SEED + 1, SCALE, out, workers=1)
    mine = _hashes(scenario.out)
    theirs = _hashes(out)
    assert mine["RS/border_persons.csv"] != theirs["RS/border_persons.csv"]


def test_a_foreign_non_empty_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(InputError, match="not empty"):
        generate(SEED, 500, tmp_path, workers=1)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_scale_out_of_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="scale"):
        generate(SEED, 10, tmp_path / "tiny", workers=1)
