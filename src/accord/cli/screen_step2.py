"""``accord step2``: ask the originator of a hit for the details; approve or refuse such
requests."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.registry import app
from accord.cli.screen import JsonOpt, PurposeOpt, UserOpt
from accord.services.step2 import Step2Desk

step2_app = typer.Typer(
    help="Step 2: ask the originator of a hit for the details; approve or refuse such requests.",
    no_args_is_help=True,
)


def _print_requests(found: list[dict[str, Any]]) -> None:
    table = Table("id", "status", "overdue", "urgency", "deadline", "from", "to", "hit", "record")
    for r in found:
        table.add_row(
            r["id"],
            r["status"],
            "yes" if r["overdue"] else "",
            r["urgency"],
            r["deadline"],
            r["requester_authority"],
            r["originator_authority"],
            r["hit"],
            r["record"] or "",
        )
    console.print(table)


@step2_app.command("request")
@handle_errors
def step2_request(
    hit: Annotated[str, typer.Argument(help="The hit reference a screening answer gave.")],
    user: UserOpt,
    purpose: PurposeOpt,
    justification: Annotated[str, typer.Option(help="Why the details are needed.")],
    urgency: Annotated[
        str, typer.Option(help="urgent-direct (8 h), urgent-indirect (3 days), other (7 days).")
    ] = "other",
    json_output: JsonOpt = False,
) -> None:
    """Ask the originating authority to release the record behind a hit."""
    with services() as svc:
        found = Step2Desk(svc).request(acting_user(svc, user), hit, purpose, justification, urgency)
    print_json(found) if json_output else _print_requests([found])


@step2_app.command("list")
@handle_errors
def step2_list(
    user: UserOpt,
    box: Annotated[str, typer.Option(help="inbox, outbox or all.")] = "inbox",
    status: Annotated[str | None, typer.Option(help="open, approved, refused, overdue.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Step-2 requests to (inbox) or from (outbox) the user's authority, by deadline."""
    with services() as svc:
        found = Step2Desk(svc).list(acting_user(svc, user), box, status)
    print_json(found) if json_output else _print_requests(found)


@step2_app.command("approve")
@handle_errors
def step2_approve(
    request: Annotated[str, typer.Argument(help="The request id.")],
    user: UserOpt,
    note: Annotated[str, typer.Option(help="A note for the requester.")] = "",
    json_output: JsonOpt = False,
) -> None:
    """Release the record to the requesting authority (approvers of the originator)."""
    with services() as svc:
        found = Step2Desk(svc).approve(acting_user(svc, user), request, note)
    print_json(found) if json_output else _print_requests([found])


@step2_app.command("refuse")
@handle_errors
def step2_refuse(
    request: Annotated[str, typer.Argument(help="The request id.")],
    user: UserOpt,
    reason: Annotated[str, typer.Option(help="Why not (the requester reads it).")],
    json_output: JsonOpt = False,
) -> None:
    """Refuse a step-2 request with a reason (approvers of the originator)."""
    with services() as svc:
        found = Step2Desk(svc).refuse(acting_user(svc, user), request, reason)
    print_json(found) if json_output else _print_requests([found])


app.add_typer(step2_app, name="step2")
