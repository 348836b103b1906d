"""``accord ingest``, ``accord quarantine``, ``accord batches`` and ``accord export``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.bench.ingest import run_ingest_bench
from accord.cli.common import console, err_console, handle_errors, print_json
from accord.cli.context import acting_user, cli_actor, services
from accord.cli.groups import bench_app
from accord.cli.registry import app
from accord.errors import InputError
from accord.services.export import export_records
from accord.services.ingest import ingest_path, retry_quarantine
from accord.store.gate import RecordQuery

quarantine_app = typer.Typer(help="Rows that failed validation, with file, row, field and reason.")
app.add_typer(quarantine_app, name="quarantine")


@app.command()
@handle_errors
def ingest(
    path: Annotated[Path, typer.Argument(help="CSV, XLSX, JSON-lines or FtM entity file.")],
    participant: Annotated[str, typer.Option(help="Participant code, e.g. RS or XK.")],
    authority: Annotated[str, typer.Option(help="Authority id, e.g. RS-GP.")],
    dataset: Annotated[str, typer.Option(help="Dataset name, e.g. wanted-persons.")],
    mapping: Annotated[Path | None, typer.Option(help="Mapping file (docs/mapping.md).")] = None,
    strict: Annotated[bool, typer.Option(help="Refuse files with unmapped columns.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Ingest a file as one atomic batch; rejected rows go to quarantine."""
    with (
        services() as svc,
        Progress(
            TextColumn("[bold]ingest[/] {task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,} rows"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=as_json,
        ) as progress,
    ):
        task = progress.add_task(path.name, total=None)
        report = ingest_path(
            svc,
            path,
            participant=participant,
            authority=authority,
            dataset=dataset,
            mapping=mapping,
            actor=cli_actor(),
            strict=strict,
            on_rows=lambda n: progress.advance(task, n),
        )
    result = report.result.to_dict()
    if as_json:
        print_json(
            {k: result[k] for k in ("read", "stored", "quarantined", "duplicates", "batch")}
            | {"updated": result["updated"], "unknown_columns": report.unknown_columns}
        )
        return
    console.print(
        f"Read {result['read']:,} rows of {path.name} ({report.format}): "
        f"stored {result['stored']:,} (of which {result['updated']:,} changed), "
        f"quarantined {result['quarantined']:,}, "
        f"duplicates {result['duplicates']:,}. Batch {result['batch']}."
    )
    if report.unknown_columns:
        console.print(
            f"[yellow]Columns not in the mapping (ignored):[/] {', '.join(report.unknown_columns)}"
        )
    if result["quarantined"]:
        console.print(f"See why: accord quarantine list --batch {result['batch']}")


@quarantine_app.command("list")
@handle_errors
def quarantine_list(
    batch: Annotated[str | None, typer.Option(help="Only this batch.")] = None,
    status: Annotated[str, typer.Option(help="open, resolved or all.")] = "open",
    limit: int = 100,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Quarantined rows: file, row, field, value and reason."""
    with services() as svc:
        entries = svc.store.list_quarantine(batch, None if status == "all" else status, limit)
    if as_json:
        print_json([{k: v for k, v in e.items() if k != "raw"} for e in entries])
        return
    table = Table("id", "where", "field", "value", "reason", title="Quarantined rows")
    for e in entries:
        table.add_row(str(e["id"]), f"{e['file']}:{e['row']}", e["field"], e["value"][:30],
                      e["reason"])  # fmt: skip
    console.print(table)


@quarantine_app.command("show")
@handle_errors
def quarantine_show(entry: int, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """One quarantined row in full."""
    with services() as svc:
        found = svc.store.quarantine_entry(entry)
    found["raw"] = json.loads(found["raw"])
    if as_json:
        print_json(found)
        return
    for key, value in found.items():
        console.print(f"[bold]{key}[/]: {value}", highlight=False)


@quarantine_app.command("retry")
@handle_errors
def quarantine_retry(
    entries: Annotated[list[int], typer.Argument(help="Quarantine entry ids (one batch).")],
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="COLUMN=VALUE correction.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Validate quarantined rows again, with corrections; rows that pass are stored."""
    corrections: dict[str, str] = {}
    for item in set_ or []:
        column, sep, value = item.partition("=")
        if not sep or not column:
            raise InputError(f"--set {item!r} is not COLUMN=VALUE.")
        corrections[column] = value
    with services() as svc:
        report = retry_quarantine(svc, entries, corrections, cli_actor())
    if as_json:
        print_json(report.result.to_dict())
    else:
        r = report.result
        console.print(
            f"Retried {r.read} row(s): stored {r.stored}, still quarantined "
            f"{r.quarantined}, duplicates {r.duplicates}."
        )


@app.command()
@handle_errors
def batches(limit: int = 20, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The latest ingested batches."""
    with services() as svc:
        found = svc.store.list_batches(limit)
    if as_json:
        print_json([{k: v for k, v in b.items() if k != "mapping"} for b in found])
        return
    table = Table(
        "batch",
        "participant",
        "authority",
        "dataset",
        "source",
        "read",
        "stored",
        "quarantined",
        "duplicates",
        "finished",
    )
    for b in found:
        table.add_row(
            b["id"],
            b["participant"],
            b["authority"],
            b["dataset"],
            b["source"],
            str(b["read"]),
            str(b["stored"]),
            str(b["quarantined"]),
            str(b["duplicates"]),
            b["finished_at"][:19],
        )
    console.print(table)


@app.command()
@handle_errors
def export(
    out: Annotated[Path, typer.Option(help="File to write.")],
    user: Annotated[str, typer.Option(help="The Accord user exporting (must be an analyst).")],
    purpose: Annotated[str, typer.Option(help="Purpose of the export, e.g. serious-crime.")],
    justification: Annotated[str, typer.Option(help="Why, in words (logged).")],
    fmt: Annotated[str, typer.Option("--format", help="ftm or csv.")] = "ftm",
    schema: str | None = None,
    participant: str | None = None,
    dataset: str | None = None,
    limit: int = 100_000,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Export the records a user may export, marked with the user and their restrictions."""
    with services() as svc:
        principal = acting_user(svc, user)
        query = RecordQuery(schema=schema, participant=participant, dataset=dataset, limit=limit)
        marking = export_records(svc, principal, purpose, fmt, out, query, justification)
    if as_json:
        print_json(marking)
    else:
        console.print(
            f"Wrote {marking['records']:,} records to {out} (handling "
            f"{marking['handling'] or '-'}); marking in {marking['marking_file']}."
        )


@bench_app.command("ingest")
@handle_errors
def bench_ingest(
    records: Annotated[int, typer.Option(help="Rows to generate and ingest.")] = 100_000,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Ingest N generated CSV rows into a fresh embedded store, beside an FtM-proxy baseline."""
    if records < 1:
        raise InputError("--records must be at least 1.")
    result = run_ingest_bench(records)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(
        f"Ingested {result.records:,} rows in {result.seconds:.2f} s: "
        f"{result.records_per_s:,.0f} records/s, peak {result.peak_mb:,.0f} MB. Baseline (FtM "
        f"proxies one by one, {result.baseline_rows:,} rows): "
        f"{result.baseline_records_per_s:,.0f} records/s."
    )
