"""Docs are tested: every setting and every command that exists is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import typer

from accord.cli.main import app
from accord.settings import Settings

DOCS = Path(__file__).parent.parent / "docs"


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    found = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}".strip()
        if isinstance(command, click.Group):
            found += _commands(command, path)
        else:
            found.append(path)
    return found


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    commands = _commands(typer.main.get_command(app))  # type: ignore[arg-type]
    missing = [c for c in commands if f"accord {c}" not in text]
    assert not missing, f"document these in docs/cli.md: {missing}"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    source = Path(__import__("accord.settings").settings.__file__).read_text()
    names = set(re.findall(r'_env\("([A-Z_]+)"', source)) | set(
        re.findall(r'_int\("([A-Z_]+)"', source)
    )
    names |= {f.upper() for f in ("id_key", "screening_key", "audit_key")}
    names.add("SCREENING_KEY_PREVIOUS")
    missing = [n for n in sorted(names) if f"ACCORD_{n}" not in text]
    assert not missing, f"document these in docs/settings.md: {missing}"
    assert Settings  # the settings object exists


def test_readme_opens_with_the_two_commands() -> None:
    head = (DOCS.parent / "README.md").read_text()[:1500]
    assert "make demo" in head and "make test" in head
