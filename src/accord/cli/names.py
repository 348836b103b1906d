"""``accord names`` (commands arrive with the names layer)."""

from __future__ import annotations

import typer

from accord.cli.registry import app as root

app = typer.Typer(help="Compare and score names across scripts and romanizations.")
root.add_typer(app, name="names")
