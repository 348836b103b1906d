"""``accord eval screen`` (train and calibrate the weights on a generated region) and
``accord bench screen`` (measure the screening)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import services
from accord.cli.groups import bench_app, eval_app
from accord.cli.screen import JsonOpt
from accord.errors import InputError


@eval_app.command("screen")
@handle_errors
def eval_screen(
    region: Annotated[Path, typer.Option(help="A folder written by `accord scenario generate`.")],
    train: Annotated[
        Path | None, typer.Option(help="Train and calibrate anew; write the model here.")
    ] = None,
    holdout: Annotated[int, typer.Option(help="Held-out person records screened.")] = 3000,
    bands_only: Annotated[
        bool, typer.Option(help="Keep the shipped weights; calibrate the bands only.")
    ] = False,
    json_output: JsonOpt = False,
) -> None:
    """Train (Splink EM) and calibrate the screening weights on a generated region, or with
    --bands-only calibrate the bands of the shipped weights on it."""
    import json

    if train is None:
        raise InputError(
            "Say where to write the model with --train FILE.",
            hint="`accord bench screen` measures the shipped model.",
        )
    if not (region / "manifest.json").is_file():
        raise InputError(
            f"{region}: not a generated region (no manifest.json).",
            hint="Write one with `accord scenario generate --seed S --scale N --out DIR`.",
        )
    from accord.services.screening_lab import recalibrate_from_region, train_from_region

    job = recalibrate_from_region if bands_only else train_from_region
    with services() as svc, tempfile.TemporaryDirectory() as scratch:
        model = job(svc, region, scratch, holdout=holdout)
    train.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    figures = {"bands": model["bands"], **model["calibration"]}
    if json_output:
        print_json(figures)
    else:
        console.print(figures)


@bench_app.command("screen")
@handle_errors
def bench_screen(
    size: Annotated[int, typer.Option(help="Person records in the index.")] = 100_000,
    queries: Annotated[int, typer.Option(help="Held-out queries timed in-process.")] = 2000,
    http_seconds: Annotated[float, typer.Option(help="Seconds of HTTP load.")] = 20.0,
    json_output: JsonOpt = False,
) -> None:
    """Build an index of SIZE generated persons and time queries in-process and over HTTP,
    beside Splink's own one-record prediction measured in the same run."""
    from accord.cli.screen_bench import run_bench

    figures = run_bench(size, queries, http_seconds)
    if json_output:
        print_json(figures)
    else:
        console.print(figures)
