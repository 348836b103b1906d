"""The table of which module holds each command matches what the modules register, and a
command imports only its own topic."""

from __future__ import annotations

import subprocess
import sys

import typer

from accord.cli import topics
from accord.cli.main import app


def _name(command: typer.models.CommandInfo) -> str:
    assert command.callback is not None
    return command.name or command.callback.__name__.replace("_", "-")


def _module(command: typer.models.CommandInfo) -> str:
    assert command.callback is not None
    return command.callback.__module__.removeprefix("accord.cli.")


def _registered() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    root = {_name(c): _module(c) for c in app.registered_commands}
    grouped: dict[str, dict[str, str]] = {}
    for group in app.registered_groups:
        assert group.name is not None and group.typer_instance is not None
        commands = {_name(c): _module(c) for c in group.typer_instance.registered_commands}
        modules = set(commands.values())
        if group.name in topics.GROUPED:
            grouped[group.name] = commands
        else:
            assert len(modules) == 1, f"group {group.name} spans {modules}: list it in GROUPED"
            root[group.name] = modules.pop()
    return root, grouped


def test_tables_name_every_command_and_its_module() -> None:
    root, grouped = _registered()
    assert root == topics.ROOT
    assert grouped == topics.GROUPED


def test_command_lines_map_to_their_modules() -> None:
    assert topics.modules_for(["names", "compare", "a", "b"]) == ("names",)
    assert topics.modules_for(["bench", "ingest", "--records", "10"]) == ("ingest",)
    assert topics.modules_for(["eval", "screen"]) == ("screen_eval",)
    # A group without its command, help, nothing or a mistyped command: everything it may list.
    assert set(topics.modules_for(["bench", "--help"])) == set(topics.GROUPED["bench"].values())
    for argv in ([], ["--help"], ["ingst"], ["--install-completion"]):
        assert topics.modules_for(argv) == topics.ALL


def _imported_by(argv: list[str]) -> set[str]:
    code = (
        "import sys\nfrom accord.cli import topics\n"
        f"topics.load({argv!r})\n"
        "wanted = (m for m in sys.modules if '.' not in m or m.startswith('accord.'))\n"
        "print('\\n'.join(sorted(wanted)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(out.stdout.split())


def test_a_command_imports_only_its_topic() -> None:
    names = _imported_by(["names", "compare", "A", "B"])
    for heavy in ("followthemoney", "splink", "duckdb", "fastapi", "accord.linkage", "accord.web"):
        assert heavy not in names
    link = _imported_by(["link", "a.csv"])
    assert "accord.linkage" in link and "accord.web" not in link and "fastapi" not in link


def test_the_entry_point_runs_one_topic_alone() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "accord.cli.main", "names", "compare", "Ivan", "Ivana", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert '"match": false' in out.stdout
