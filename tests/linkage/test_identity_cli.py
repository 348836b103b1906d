"""``accord link --from-store`` and ``accord identity show|of|confirm|split`` in-process."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.settings import Settings
from accord.store import Store, open_store
from accord.store.accounts import Accounts
from tests.linkage.seed import seed_people

runner = CliRunner()


@pytest.fixture
def seeded(accord_env: Settings) -> Iterator[Store]:
    store = open_store(accord_env)
    seed_people(store)
    accounts = Accounts(store)
    accounts.add_user("rs.analyst", "RS-MUP", "analyst")
    accounts.add_user("xk.analyst", "XK-KP", "analyst")
    accounts.add_user("xk.officer", "XK-KP", "officer")
    yield store
    store.close()


def _json(args: list[str]) -> dict[str, object]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert isinstance(found, dict)
    return found


def test_link_the_store_then_see_confirm_and_split(seeded: Store) -> None:
    run = _json(["link", "--from-store"])
    assert run["records"] == 9 and run["changes"]["total"] == 9  # type: ignore[index]
    again = _json(["link", "--from-store"])
    assert again["changes"]["total"] == 0  # type: ignore[index]
    user = ["--user", "xk.analyst", "--purpose", "serious-crime"]
    view = _json(["identity", "of", "xk-arben", *user])
    assert [m["record_id"] for m in view["members"]] == ["xk-arben"]  # type: ignore[attr-defined]
    identity = str(view["id"])
    shown = runner.invoke(app, ["identity", "show", identity, *user])
    assert (
        shown.exit_code == 0 and "rs-arben" not in shown.stdout and "gb-arben" not in shown.stdout
    )
    confirmed = _json(["identity", "confirm", identity, *user, "--reason", "same person"])
    assert confirmed["status"] == "confirmed"
    split = _json(["identity", "split", identity, "xk-arben", *user])
    assert split["new_identity"] != identity
    officer = runner.invoke(
        app,
        [
            "identity",
            "split",
            identity,
            "xk-arben",
            "--user",
            "xk.officer",
            "--purpose",
            "serious-crime",
        ],
    )
    assert officer.exit_code == 2 and "analysts" in officer.output


def test_unknown_and_hidden_identities_answer_alike(seeded: Store) -> None:
    runner.invoke(app, ["link", "--from-store"])
    rs = _json(["identity", "of", "rs-petar", "--user", "rs.analyst", "--purpose", "serious-crime"])
    hidden = runner.invoke(
        app,
        ["identity", "show", str(rs["id"]), "--user", "xk.analyst", "--purpose", "serious-crime"],
    )
    missing = runner.invoke(
        app, ["identity", "show", "ID-nope", "--user", "xk.analyst", "--purpose", "serious-crime"]
    )
    assert hidden.exit_code == missing.exit_code == 2
    assert hidden.output.replace(str(rs["id"]), "X") == missing.output.replace("ID-nope", "X")
