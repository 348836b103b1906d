"""``accord scenario``: generate the synthetic region; ``accord bench scenario``: time it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.groups import bench_app

app = typer.Typer(
    help="Synthetic region data: each participant's files in its own conventions, with the "
    "planted truth (identities, networks, screening hits, discrepancies, indicators).",
    no_args_is_help=True,
)


@app.command("generate")
@handle_errors
def generate_command(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the scenario to.")],
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same bytes.")] = 2025,
    scale: Annotated[
        int, typer.Option(help="About the number of person records (100 to 20,000,000).")
    ] = 3000,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: up to 2).", min=1)
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Write the scenario: DIR/manifest.json, DIR/<PARTICIPANT>/*.csv with mappings, DIR/truth/."""
    from accord.scenario import generate

    summary = generate(seed, scale, out, progress=not json_output, workers=workers)
    if json_output:
        print_json({
            "seed": summary.seed, "scale": summary.scale, "out": str(summary.out),
            "files": summary.files, "rows": summary.rows,
            "person_records": summary.person_records,
            "rows_by_participant": summary.rows_by_participant,
            "rows_by_theme": summary.rows_by_theme, "truth": summary.truth,
            "legal_bases": list(summary.legal_bases), "seconds": round(summary.seconds, 2),
        })  # fmt: skip
        return
    themes = sorted(summary.rows_by_theme)
    table = Table("participant", *themes, "total", title=f"Scenario seed {seed}, scale {scale:,}")
    for participant, total in summary.rows_by_participant.items():
        cells = [f"{summary.rows_by_theme[t].get(participant, 0):,}" for t in themes]
        table.add_row(participant, *cells, f"{total:,}")
    console.print(table)
    console.print(
        f"{summary.files} files, {summary.rows:,} rows ({summary.person_records:,} person "
        f"records) in {summary.seconds:.1f} s. Manifest: {out / 'manifest.json'}"
    )
    truth = ", ".join(f"{name} {rows:,}" for name, rows in summary.truth.items())
    console.print(f"Truth in {out / 'truth'}: {truth}.", highlight=False)
    console.print(f"Legal bases used: {', '.join(summary.legal_bases)}.", highlight=False)


@bench_app.command("scenario")
@handle_errors
def bench_scenario(
    records: Annotated[
        int, typer.Option(help="Person records to generate (the scenario's scale).")
    ] = 100_000,
    workers: Annotated[int | None, typer.Option(help="Worker processes.", min=1)] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Time the scenario generator: person records with their events, seconds and peak memory."""
    from accord.scenario.bench import run_scenario_bench

    figures = run_scenario_bench(records, workers=workers)
    if json_output:
        print_json(figures)
        return
    baseline = figures["baseline"]
    console.print(
        f"{figures['records']:,} person records ({figures['rows']:,} rows) in "
        f"{figures['seconds']} s, peak {figures['peak_mb']} MB; baseline "
        f"({baseline['name']}): {baseline['seconds']} s."
    )


from accord.cli.registry import app as root  # noqa: E402

root.add_typer(app, name="scenario")
