"""Retraining the shipped parameters: the document written, and what it keeps as shipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.errors import InputError
from accord.linkage.model import COMPARISONS, FIXED_M, comparison_fields, shipped_parameters
from accord.linkage.parameters import retrained_parameters, write_parameters


def test_trained_levels_replace_the_shipped_ones_but_fixed_m_stays() -> None:
    shipped = shipped_parameters()
    trained = {
        "sex": {"same sex": {"m": 0.97, "u": 0.5}, "different": {"m": 0.03, "u": 0.5}},
        "nationality": {"same nationality": {"m": 0.999, "u": 0.3}},
        "phone": {"a phone number in common": {"m": 0.9, "u": 0.0}},
    }
    document = retrained_parameters(trained, "trained for the test")
    levels = document["levels"]
    assert document["about"] == "trained for the test"
    assert levels["sex"]["different"] == {"m": 0.03, "u": 0.5}
    # the m of nationality is never trained; its u is
    assert "nationality" in FIXED_M
    same = levels["nationality"]["same nationality"]
    assert same == {"m": shipped["nationality"]["same nationality"]["m"], "u": 0.3}
    # a level never seen keeps a tiny probability, not a zero (a zero is a veto)
    assert levels["phone"]["a phone number in common"]["u"] == 1e-6
    # levels the run did not train keep their shipped values
    assert levels["name"] == shipped["name"]
    assert set(levels) == set(comparison_fields())


def test_a_trained_value_that_is_not_a_probability_is_refused() -> None:
    with pytest.raises(InputError, match="sex level 'same sex'"):
        retrained_parameters({"sex": {"same sex": {"m": None, "u": 0.5}}}, "bad")


def test_the_written_document_is_read_as_the_shipped_one_is(tmp_path: Path) -> None:
    path = tmp_path / "parameters.json"
    write_parameters(retrained_parameters({}, "as shipped"), path)
    read = json.loads(path.read_text(encoding="utf-8"))
    assert read["levels"] == shipped_parameters()
    labels = {
        str(c["output_column_name"]): {
            str(level["label_for_charts"])
            for level in c["comparison_levels"]
            if not level.get("is_null_level")
        }
        for c in COMPARISONS
    }
    # every level of every comparison has its parameters, under its label
    assert {name: set(levels) for name, levels in read["levels"].items()} == labels


def test_eval_link_saves_the_parameters_trained_on_its_first_region(tmp_path: Path) -> None:
    path = tmp_path / "trained.json"
    result = CliRunner().invoke(
        app, ["eval", "link", "--seed", "3", "--scale", "3000", "--save-parameters", str(path),
              "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    trained = report["accord"]["details"]["model"]["parameters"]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert "seed 3" in saved["about"]
    same_name = saved["levels"]["name"]["same given name and surname"]
    assert same_name["m"] == pytest.approx(trained["name"]["same given name and surname"]["m"])
    assert same_name["m"] != shipped_parameters()["name"]["same given name and surname"]["m"]


def test_eval_link_refuses_to_save_parameters_of_a_region_too_small_to_train(
    tmp_path: Path,
) -> None:
    path = tmp_path / "trained.json"
    result = CliRunner().invoke(
        app, ["eval", "link", "--seed", "3", "--scale", "400", "--save-parameters", str(path)]
    )
    assert result.exit_code == 2
    assert "too small to train" in result.output and not path.exists()
