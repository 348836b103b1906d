"""``accord subject``: data-subject requests answered by the data-protection officer."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.registry import app
from accord.services.supervision import rectify, restrict, subject_access

subject_app = typer.Typer(help="Subject access, rectification and restriction (DPO only).")
app.add_typer(subject_app, name="subject")

User = Annotated[str, typer.Option(help="The data-protection officer.")]


@subject_app.command("access")
@handle_errors
def subject_access_cmd(
    name: str,
    user: User,
    justification: Annotated[str, typer.Option(help="The request's reference.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Records of your participant about a person (by name)."""
    with services() as svc:
        found = subject_access(svc, acting_user(svc, user), name, justification)
    if as_json:
        print_json([r.to_dict() for r in found])
        return
    table = Table("record", "schema", "caption", "authority", "handling")
    for r in found:
        table.add_row(r.id, r.schema, r.caption, r.envelope.authority, r.envelope.handling_text)
    console.print(table)


@subject_app.command("restrict")
@handle_errors
def subject_restrict(
    record: str,
    user: User,
    reason: Annotated[str, typer.Option(help="Why (logged).")],
    lift: Annotated[bool, typer.Option(help="Lift the restriction instead.")] = False,
) -> None:
    """Restrict processing of a record (only its originator then sees it), or lift it."""
    with services() as svc:
        restrict(svc, acting_user(svc, user), record, reason, lift)
    console.print(f"{'Lifted the restriction of' if lift else 'Restricted'} {record}.")


@subject_app.command("rectify")
@handle_errors
def subject_rectify(
    record: str,
    prop: Annotated[str, typer.Option("--property", help="FtM property, e.g. birthDate.")],
    user: User,
    justification: Annotated[str, typer.Option(help="Why (logged).")],
    value: Annotated[
        list[str] | None, typer.Option(help="New value (repeat; none removes).")
    ] = None,
) -> None:
    """Rectify one property of a record; before and after are logged."""
    with services() as svc:
        after = rectify(svc, acting_user(svc, user), record, prop, value or [], justification)
    console.print(f"{record}: {prop} = {after.get(prop, [])}")
