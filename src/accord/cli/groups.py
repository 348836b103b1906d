"""Command groups shared by several topic modules (``accord eval ...``, ``accord bench ...``)."""

from __future__ import annotations

import typer

__all__ = ["bench_app", "eval_app"]

eval_app = typer.Typer(help="Evaluate Accord's engines against labelled or planted truth.")
bench_app = typer.Typer(help="Benchmarks: figures printed beside a baseline from the same run.")
