"""``accord screen``: hit/no-hit checks of a person, identifiers or an arrival list;
``accord step2``: ask the originator of a hit for the details, and decide such requests;
``accord eval screen`` and ``accord bench screen``: measure the screening on generated data."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.groups import bench_app, eval_app
from accord.cli.registry import app
from accord.errors import InputError
from accord.screening import ScreenQuery
from accord.services.screening import MAX_BATCH, screening_desk
from accord.services.step2 import Step2Desk

_MAX_ROWS = 100_000

UserOpt = Annotated[str, typer.Option("--user", help="The Accord user screening (audited).")]
PurposeOpt = Annotated[
    str, typer.Option("--purpose", help="Why: border-management, serious-crime, ...")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def read_arrivals(path: Path) -> list[ScreenQuery]:
    """The rows of a passenger or arrival list (UTF-8 CSV with a header) as queries."""
    if not path.is_file():
        raise InputError(f"{path}: no such file.", hint="Give the path of a CSV file.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames:
                raise InputError(
                    f"{path}: the file is empty.",
                    hint="The first row names the columns (first_name,last_name,birth_date,...).",
                )
            queries = []
            for number, row in enumerate(reader, start=2):
                if number > _MAX_ROWS + 1:
                    raise InputError(
                        f"{path}: more than {_MAX_ROWS:,} rows.", hint="Split the list."
                    )
                values = {k: v for k, v in row.items() if k is not None}
                values.setdefault("ref", f"row {number}")
                queries.append(ScreenQuery.from_dict(values))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text.", hint="Save the list as UTF-8 CSV.") from exc
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc}).") from exc
    if not queries:
        raise InputError(f"{path}: no rows under the header.")
    return queries


def _print_answers(answers: list[dict[str, Any]]) -> None:
    table = Table("row", "result", "reference", "originator", "kind", "band", "why")
    for answer in answers:
        if answer["result"] == "error":
            table.add_row(answer["ref"], "[red]error[/]", "", "", "", "", answer["error"])
        elif not answer["hits"]:
            table.add_row(answer["ref"], "no hit", "", "", "", "", "")
        for hit in answer["hits"]:
            table.add_row(
                answer["ref"],
                "[bold]HIT[/]",
                hit["reference"],
                hit["authority"],
                hit["kind"],
                hit["band"],
                "; ".join(hit["reasons"]),
            )
    console.print(table)
    console.print(
        "A hit is not a finding: check it, then ask the originator (accord step2 request)."
    )


@app.command("screen")
@handle_errors
def screen_command(
    user: UserOpt,
    purpose: PurposeOpt,
    file: Annotated[
        Path | None, typer.Argument(help="A CSV arrival list, one person a row.")
    ] = None,
    name: Annotated[str, typer.Option(help="Full name, in any script.")] = "",
    first_name: Annotated[str, typer.Option(help="Given name(s).")] = "",
    last_name: Annotated[str, typer.Option(help="Surname(s).")] = "",
    birth_date: Annotated[str, typer.Option(help="YYYY-MM-DD, YYYY or DD.MM.YYYY.")] = "",
    nationality: Annotated[str, typer.Option(help="ISO code, XK for Kosovo.")] = "",
    sex: Annotated[str, typer.Option(help="M or F.")] = "",
    document: Annotated[str, typer.Option(help="Passport or ID card number.")] = "",
    vehicle: Annotated[str, typer.Option(help="Registration number or VIN.")] = "",
    firearm: Annotated[str, typer.Option(help="Serial number.")] = "",
    phone: Annotated[str, typer.Option(help="Phone number.")] = "",
    iban: Annotated[str, typer.Option(help="IBAN.")] = "",
    wallet: Annotated[str, typer.Option(help="Crypto wallet address.")] = "",
    justification: Annotated[str, typer.Option(help="The reason in words (logged).")] = "",
    json_output: JsonOpt = False,
) -> None:
    """Screen a person, identifiers or an arrival list: hit or no hit, with references only."""
    single = ScreenQuery(
        name=name,
        first_name=first_name,
        last_name=last_name,
        birth_date=birth_date,
        nationality=nationality,
        sex=sex,
        document=document,
        vehicle=vehicle,
        firearm=firearm,
        phone=phone,
        iban=iban,
        wallet=wallet,
    )
    if file is not None and single.terms():
        raise InputError("Give a file or the fields of one query, not both.")
    with services() as svc:
        principal = acting_user(svc, user)
        desk = screening_desk(svc)
        if file is None:
            answer = desk.screen_one(principal, purpose, single, justification)
            answers = [answer]
        else:
            queries = read_arrivals(file)
            answers = []
            for start in range(0, len(queries), MAX_BATCH):
                part = queries[start : start + MAX_BATCH]
                answers += desk.screen(principal, purpose, part, justification)
    if json_output:
        if file is None:
            print_json(answers[0])
        else:
            hits = sum(1 for a in answers if a["result"] == "hit")
            print_json({"file": str(file), "rows": len(answers), "hits": hits, "answers": answers})
        return
    _print_answers(answers)


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


@eval_app.command("screen")
@handle_errors
def eval_screen(
    region: Annotated[Path, typer.Option(help="A folder written by `accord scenario generate`.")],
    train: Annotated[
        Path | None, typer.Option(help="Train and calibrate anew; write the model here.")
    ] = None,
    holdout: Annotated[int, typer.Option(help="Held-out person records screened.")] = 3000,
    json_output: JsonOpt = False,
) -> None:
    """Train (Splink EM) and calibrate the screening weights on a generated region."""
    import json

    if train is None:
        raise InputError(
            "Say where to write the model with --train FILE.",
            hint="`accord bench screen` measures the shipped model.",
        )
    from accord.services.screening import train_from_region

    with services() as svc, tempfile.TemporaryDirectory() as scratch:
        model = train_from_region(svc, region, scratch, holdout=holdout)
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
