"""The root Typer application that topic modules attach their commands to."""

from __future__ import annotations

import typer

__all__ = ["app"]

app = typer.Typer(
    name="accord",
    help="Accord: governed cross-border cooperation of the UK, the Western Balkans Six and the EU.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
