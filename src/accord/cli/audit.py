"""``accord audit``: verify the chain; export it for the supervisor."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import services
from accord.cli.registry import app

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
