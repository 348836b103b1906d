"""``accord screen``: hit/no-hit checks of a person, identifiers or an arrival list. Step 2 is in
:mod:`accord.cli.screen_step2`; ``accord eval screen`` and ``accord bench screen`` in
:mod:`accord.cli.screen_eval`."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.registry import app
from accord.errors import InputError
from accord.screening import ScreenQuery
from accord.services.screening import MAX_BATCH, screening_desk

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
        # one query or one list: a few hundred names compared, not worth analysing every name
        # of the index first
        desk = screening_desk(svc, analyse_ahead=False)
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
