"""``accord``: the command-line entry point. Each topic lives in a module of its own."""

from __future__ import annotations

from accord.cli import topics  # noqa: F401  (registers the topic commands)
from accord.cli.groups import bench_app, eval_app
from accord.cli.registry import app

__all__ = ["app"]

app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")


if __name__ == "__main__":
    app()
