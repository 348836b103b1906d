"""Helpers every command uses: one console, JSON output, errors in plain words."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from accord.errors import AccordError

__all__ = ["console", "err_console", "handle_errors", "print_json"]

console = Console()
err_console = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")


def print_json(data: Any) -> None:
    """Print one JSON document on standard output (no colour, no wrapping)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn Accord's errors into a message on standard error and exit code 2."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except AccordError as exc:
            err_console.print(f"[bold red]Error:[/] {exc.message}", highlight=False)
            if exc.hint:
                err_console.print(f"[yellow]What to do:[/] {exc.hint}", highlight=False)
            raise typer.Exit(code=2) from exc

    return wrapper
