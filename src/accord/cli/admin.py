"""``accord users``, ``accord tokens``, ``accord agreements``, ``accord participants`` and
``accord authorities``: administration on this machine."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import cli_actor, services
from accord.cli.registry import app
from accord.errors import InputError
from accord.model.reference import authorities, participants
from accord.services.auth import hash_password
from accord.store.agreement_book import read_agreement_file

users_app = typer.Typer(help="Users of authorities, with their roles.")
tokens_app = typer.Typer(help="API tokens (stored hashed; shown once).")
agreements_app = typer.Typer(help="Sharing agreements between participants.")
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
app.add_typer(agreements_app, name="agreements")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@users_app.command("add")
@handle_errors
def users_add(
    username: str,
    authority: Annotated[str, typer.Option(help="Authority id, e.g. RS-GP.")],
    roles: Annotated[str, typer.Option(help="officer, analyst, approver, dpo, admin (comma).")],
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    password_stdin: Annotated[bool, typer.Option(help="Read a password from stdin.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Add a user."""
    password_hash = None
    if password_stdin:
        password = typer.get_text_stream("stdin").readline().rstrip("\n")
        password_hash = hash_password(password)
    with services() as svc:
        user = svc.accounts.add_user(
            username,
            authority,
            roles,
            display_name=name,
            password_hash=password_hash,
            actor=cli_actor(),
        )
    if as_json:
        print_json(
            {
                "username": user.username,
                "participant": user.participant,
                "authority": user.authority,
                "roles": user.roles_text,
            }
        )
    else:
        console.print(f"Added {user.username} ({user.authority}, {user.roles_text}).")


@users_app.command("list")
@handle_errors
def users_list(as_json: JsonFlag = False) -> None:
    """List users."""
    with services() as svc:
        found = svc.accounts.list()
    if as_json:
        print_json(found)
        return
    table = Table("user", "name", "participant", "authority", "roles", "disabled")
    for u in found:
        table.add_row(
            u["username"],
            u["display_name"],
            u["participant"],
            u["authority"],
            u["roles"],
            "yes" if u["disabled"] else "",
        )
    console.print(table)


@users_app.command("disable")
@handle_errors
def users_disable(username: str) -> None:
    """Disable a user: their tokens and sessions stop working at once."""
    with services() as svc:
        svc.accounts.set_disabled(username, True, actor=cli_actor())
    console.print(f"Disabled {username}.")


@tokens_app.command("issue")
@handle_errors
def tokens_issue(username: str, days: int = 30, as_json: JsonFlag = False) -> None:
    """Issue an API token for a user. The token is printed once and stored only as a hash."""
    if not 1 <= days <= 365:
        raise InputError("A token lives 1 to 365 days.")
    with services() as svc:
        token_id, token = svc.accounts.issue_token(username, days, actor=cli_actor())
    if as_json:
        print_json({"id": token_id, "token": token, "days": days})
    else:
        console.print(f"Token {token_id} for {username} (valid {days} days):\n{token}")


@tokens_app.command("revoke")
@handle_errors
def tokens_revoke(token_id: str) -> None:
    """Revoke a token by its id."""
    with services() as svc:
        svc.accounts.revoke_token(token_id, actor=cli_actor())
    console.print(f"Revoked {token_id}.")


@agreements_app.command("add")
@handle_errors
def agreements_add(path: Path, replace: bool = False, as_json: JsonFlag = False) -> None:
    """Add the agreements of a YAML file (checked first; an identical one is a no-op)."""
    with services() as svc:
        added = [
            svc.agreements.add(body, actor=cli_actor(), replace=replace)
            for body in read_agreement_file(path)
        ]
    if as_json:
        print_json([a.to_dict() for a in added])
    else:
        console.print(f"Added {len(added)} agreement(s): {', '.join(a.id for a in added)}.")


@agreements_app.command("list")
@handle_errors
def agreements_list(as_json: JsonFlag = False) -> None:
    """Agreements with their parties, purposes and dates."""
    today = datetime.now(UTC).date()
    with services() as svc:
        found = svc.agreements.all()
    if as_json:
        print_json([a.to_dict() | {"in_force": a.active(today)} for a in found])
        return
    table = Table("id", "providers", "recipients", "purposes", "handling", "valid", "in force")
    for a in found:
        valid = f"{a.valid_from}..{a.valid_to or ''}"
        table.add_row(
            a.id,
            ",".join(sorted(a.providers)),
            ",".join(sorted(a.recipients)),
            ",".join(sorted(p.value for p in a.purposes)),
            ",".join(sorted(h.value for h in a.handling)),
            valid,
            "yes" if a.active(today) else "no",
        )
    console.print(table)


@agreements_app.command("show")
@handle_errors
def agreements_show(agreement_id: str) -> None:
    """One agreement in full (JSON)."""
    with services() as svc:
        print_json(svc.agreements.get(agreement_id).to_dict())


@agreements_app.command("end")
@handle_errors
def agreements_end(
    agreement_id: str, on: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None
) -> None:
    """End an agreement (today, or on a given date): no flow under it after that."""
    day = date.fromisoformat(on) if on else datetime.now(UTC).date()
    with services() as svc:
        svc.agreements.end(agreement_id, day, actor=cli_actor())
    console.print(f"Agreement {agreement_id} ends on {day}.")


@app.command("participants")
@handle_errors
def participants_cmd(as_json: JsonFlag = False) -> None:
    """The parties to the cooperation."""
    found = participants()
    if as_json:
        print_json(
            [
                {"code": p.code, "name": p.name, "kind": p.kind, "note": p.note}
                for p in found.values()
            ]
        )
        return
    for p in found.values():
        console.print(
            f"[bold]{p.code}[/] {p.name} ({p.kind})" + (f"\n  {p.note}" if p.note else "")
        )


@app.command("authorities")
@handle_errors
def authorities_cmd(participant: str | None = None, as_json: JsonFlag = False) -> None:
    """The authorities of each participant."""
    found = [
        a
        for a in authorities().values()
        if participant is None or a.participant == participant.upper()
    ]
    if as_json:
        print_json(
            [
                {"id": a.id, "participant": a.participant, "name": a.name, "kinds": list(a.kinds)}
                for a in found
            ]
        )
        return
    for a in found:
        console.print(f"[bold]{a.id}[/] {a.name} ({', '.join(a.kinds)})")
