"""``accord``: the command-line entry point. Each topic lives in a module of its own."""

from __future__ import annotations

import sys

import typer

from accord.cli import topics
from accord.cli.groups import bench_app, eval_app
from accord.cli.registry import app as _root

__all__ = ["main"]  # and ``app``, with every command, on first use

_root.add_typer(eval_app, name="eval")
_root.add_typer(bench_app, name="bench")


def main() -> None:
    """Run the command line, importing only the topic modules its command needs."""
    topics.load(sys.argv[1:])
    _root()


def __getattr__(name: str) -> typer.Typer:
    # ``from accord.cli.main import app`` (tests, embedding) gets the app with every command.
    if name == "app":
        topics.load_all()
        return _root
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    main()
