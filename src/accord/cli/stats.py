"""``accord stats``: aggregate counts, with small counts suppressed."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.registry import app
from accord.services.aggregates import count_records


@app.command()
@handle_errors
def stats(
    user: Annotated[str, typer.Option(help="The Accord user asking.")],
    purpose: Annotated[str, typer.Option(help="Purpose of the query.")],
    by: Annotated[
        str, typer.Option(help="Comma-separated: participant, schema, ...")
    ] = "participant,schema",
    justification: Annotated[str, typer.Option(help="Why (logged).")] = "statistics",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Count the records a user may see; counts below the suppression threshold are hidden."""
    fields = [f.strip() for f in by.split(",") if f.strip()]
    with services() as svc:
        rows = count_records(svc, acting_user(svc, user), purpose, fields, justification)
    if as_json:
        print_json(rows)
        return
    table = Table(*fields, "count")
    for row in rows:
        table.add_row(*(str(row[f]) for f in fields), str(row["count"]))
    console.print(table)
