"""``accord audit``: verify the chain; export it for the supervisor."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.bench.policy import run_policy_bench
from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, cli_actor, services
from accord.cli.groups import bench_app
from accord.cli.registry import app
from accord.services.supervision import export_audit, retention, who_consulted

retention_app = typer.Typer(help="Review and delete-by dates: erase what is due.")
app.add_typer(retention_app, name="retention")

audit_app = typer.Typer(help="The hash-chained audit log.")
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@handle_errors
def audit_verify(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Check every link of the chain and every signed checkpoint."""
    with services() as svc:
        result = svc.store.verify_audit()
    if as_json:
        print_json(result.to_dict())
    elif result.ok:
        console.print(f"[green]The audit chain verifies[/]: {result.entries:,} entries.")
    else:
        console.print(
            f"[red]The audit chain is broken[/] at entry {result.first_bad}: {result.reason}."
        )
    if not result.ok:
        raise typer.Exit(code=1)


@audit_app.command("export")
@handle_errors
def audit_export(
    user: Annotated[str, typer.Option(help="The data-protection officer exporting.")],
    start: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    out: Annotated[Path, typer.Option(help="JSON-lines file to write.")],
    authority: Annotated[str | None, typer.Option(help="Only this authority.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Export audit entries for the supervisor (data-protection officers only; refusals are
    logged)."""
    with services() as svc:
        result = export_audit(svc, acting_user(svc, user), date.fromisoformat(start),
                              date.fromisoformat(end), authority, out)  # fmt: skip
    if as_json:
        print_json(result)
    else:
        console.print(f"Wrote {result['entries']:,} audit entries to {out}.")


@audit_app.command("who")
@handle_errors
def audit_who(
    record: Annotated[str, typer.Argument(help="Record id.")],
    user: Annotated[str, typer.Option(help="The data-protection officer asking.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Who consulted, exported or combined a record (data-protection officers only)."""
    with services() as svc:
        found = who_consulted(svc, acting_user(svc, user), record)
    if as_json:
        print_json(found)
        return
    table = Table("seq", "when", "user", "authority", "action", "purpose", "justification")
    for e in found:
        table.add_row(
            str(e["seq"]),
            e["at"][:19],
            e["actor"],
            e["authority"],
            e["action"],
            e["purpose"],
            e["justification"] or "",
        )
    console.print(table)


@retention_app.command("run")
@handle_errors
def retention_run(
    today: Annotated[str | None, typer.Option(help="Run as of this day (YYYY-MM-DD).")] = None,
    dry_run: Annotated[bool, typer.Option(help="Only report what is due.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Erase records past their delete-by date and list those due for review."""
    day = date.fromisoformat(today) if today else datetime.now(UTC).date()
    with services() as svc:
        report = retention(svc, day, cli_actor(), dry_run)
    if as_json:
        print_json(report.to_dict() | {"dry_run": dry_run})
        return
    verb = "Would erase" if dry_run else "Erased"
    console.print(
        f"{verb} {len(report.erased):,} record(s); {len(report.due_for_review):,} "
        f"due for review; exports affected: {len(report.exports_affected)}."
    )


@bench_app.command("policy")
@handle_errors
def bench_policy(
    records: Annotated[int, typer.Option(help="Records to read.")] = 100_000,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Read N records through the policy path (audit included) and without it, in one run."""
    result = run_policy_bench(records).to_dict()
    if as_json:
        print_json(result)
    else:
        console.print(
            f"{result['records']:,} records: through the policy path "
            f"{result['seconds']:.3f} s, without it {result['baseline_seconds']:.3f} s "
            f"(ratio {result['ratio']})."
        )
