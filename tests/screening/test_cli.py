"""``accord screen`` and ``accord step2`` on the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app
from tests.screening.world import World

runner = CliRunner()


def test_screen_an_arrival_list_and_one_person(world: World, tmp_path: Path) -> None:
    arrivals = tmp_path / "arrivals.csv"
    arrivals.write_text(
        "first_name,last_name,birth_date,nationality,document_number\n"
        "PETAR,PETROVIC,12.03.1985,SRB,\n"
        "Jane,Doe,1990-01-01,GBR,123456789\n"
        "a,,,,\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        ["screen", str(arrivals), "--user", "xk.officer", "--purpose", "serious-crime", "--json"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["rows"] == 3 and report["hits"] == 1
    assert [a["result"] for a in report["answers"]] == ["hit", "no-hit", "error"]
    assert report["answers"][0]["ref"] == "row 2"
    one = runner.invoke(
        app,
        [
            "screen",
            "--name",
            "Петар Петровић",
            "--birth-date",
            "1985-03-12",
            "--user",
            "xk.officer",
            "--purpose",
            "serious-crime",
            "--json",
        ],
    )
    assert one.exit_code == 0, one.output
    hit = json.loads(one.stdout)["hits"][0]
    reference = hit["reference"]
    asked = runner.invoke(
        app,
        [
            "step2",
            "request",
            reference,
            "--user",
            "xk.officer",
            "--purpose",
            "serious-crime",
            "--justification",
            "border",
            "--json",
        ],
    )
    assert asked.exit_code == 0, asked.output
    request_id = json.loads(asked.stdout)["id"]
    listed = runner.invoke(app, ["step2", "list", "--user", "rs.approver", "--json"])
    assert [r["id"] for r in json.loads(listed.stdout)] == [request_id]
    approved = runner.invoke(
        app, ["step2", "approve", request_id, "--user", "rs.approver", "--json"]
    )
    assert json.loads(approved.stdout)["status"] == "approved"


def test_screen_errors_are_plain(world: World) -> None:
    result = runner.invoke(
        app, ["screen", "--name", "*", "--user", "xk.officer", "--purpose", "serious-crime"]
    )
    assert result.exit_code == 2
    assert "wildcard" in result.output
    missing = runner.invoke(
        app, ["screen", "/nope.csv", "--user", "xk.officer", "--purpose", "serious-crime"]
    )
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_eval_screen_refuses_a_folder_that_is_no_region(tmp_path: Path, accord_env: object) -> None:
    result = runner.invoke(
        app,
        ["eval", "screen", "--region", str(tmp_path), "--train", str(tmp_path / "m.json"),
         "--bands-only"],
    )  # fmt: skip
    assert result.exit_code != 0
    output = " ".join(result.output.split())  # the console wraps long lines
    assert "not a generated region" in output
    assert "accord scenario generate" in output
    assert not (tmp_path / "m.json").exists()
