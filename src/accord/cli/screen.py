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
    figures = run_bench(size, queries, http_seconds)
    if json_output:
        print_json(figures)
    else:
        console.print(figures)


# -- the benchmark ---------------------------------------------------------------------------

_FLAGGED_DATASETS = ("lost_documents", "lost_id_cards", "police_vehicles", "firearms")
_SERVER = """
import sys, uvicorn
from accord.api import create_app
from accord.services import open_services
from accord.services.screening import screening_desk
svc = open_services()
screening_desk(svc, rate_per_minute=10**9, refresh_every=3600.0).ensure_current()
uvicorn.run(create_app(svc, rate_per_minute=10**9), host="127.0.0.1", port=int(sys.argv[1]),
            log_level="warning", access_log=False)
"""


def _rss_mb(pid: int | None = None) -> float:
    import psutil

    return round(psutil.Process(pid).memory_info().rss / 1_048_576, 1)


def _flagged_mapping(source: Path, target: Path) -> Path:
    """The mapping with every non-victim person flagged ``wanted``: the bench indexes every
    generated person, as if each were the subject of an alert."""
    import yaml

    mapping = yaml.safe_load(source.read_text(encoding="utf-8"))
    envelope = mapping.setdefault("envelope", {})
    if envelope.get("subject_category") != "victim" and "alert" not in envelope:
        envelope["alert"] = "wanted"
    target.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return target


def _load_bench_store(svc: Any, region: Path, scratch: Path) -> None:
    import json

    from accord.services.ingest import ingest_path
    from accord.services.region import default_agreements, load_agreements

    load_agreements(svc, default_agreements(), "system:bench")
    manifest = json.loads((region / "manifest.json").read_text(encoding="utf-8"))
    for number, entry in enumerate(manifest["files"]):
        mapping = region / entry["mapping"]
        if entry["schema"] == "Person":
            mapping = _flagged_mapping(mapping, scratch / f"mapping-{number}.yaml")
        elif entry["dataset"] not in _FLAGGED_DATASETS:
            continue
        ingest_path(
            svc,
            region / entry["path"],
            participant=entry["participant"],
            authority=entry["authority"],
            dataset=entry["dataset"],
            mapping=mapping,
            actor="system:bench",
        )


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _http_load(
    settings: Any, token: str, bodies: list[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    """Start one uvicorn server process on the bench store and load it from 8 threads."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    port = _free_port()
    env = {
        **os.environ,
        "ACCORD_DATABASE_URL": settings.database_url,
        "ACCORD_DATA_DIR": str(settings.data_dir),
        "ACCORD_KEY_FILE": str(settings.key_file),
        "ACCORD_SCREEN_QUOTA_PER_DAY": str(10**9),
    }
    # our own fixed program, started with this interpreter
    server = subprocess.Popen([sys.executable, "-c", _SERVER, str(port)], env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        started = time.monotonic()
        while time.monotonic() - started < 1800:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        ready = time.monotonic() - started
        headers = {"Authorization": f"Bearer {token}"}
        single = _load(base, headers, bodies, seconds / 2)
        batches = [
            {"purpose": "border-management", "queries": [b["query"] for b in bodies[i : i + 20]]}
            for i in range(0, len(bodies) - 19, 20)
        ]
        batched = _load(base, headers, batches, seconds / 2, per_request=20)
        rss = _rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "qps_http": single[0],
        "qps_http_batch20": batched[0],
        "http_errors": single[1] + batched[1],
        "server_ready_seconds": round(ready, 1),
        "server_rss_mb": rss,
    }


def _load(
    base: str,
    headers: dict[str, str],
    bodies: list[dict[str, Any]],
    seconds: float,
    per_request: int = 1,
) -> tuple[float, int]:
    """Queries per second answered from 8 client threads (a bounded load), and the errors."""
    import threading
    import time

    import httpx

    counts = {"ok": 0, "other": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(offset: int) -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            i = offset
            while time.monotonic() < deadline:
                response = client.post("/screen", json=bodies[i % len(bodies)])
                i += 8
                with lock:
                    counts["ok" if response.status_code == 200 else "other"] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begin
    return round(counts["ok"] * per_request / elapsed, 1), counts["other"]


def run_bench(size: int, sample: int, http_seconds: float) -> dict[str, Any]:
    """Figures of ``accord bench screen``."""
    import dataclasses
    import random
    import shutil
    import statistics
    import time

    from accord.model.ids import record_id_maker
    from accord.scenario import generate
    from accord.screening.evaluation import checked, planted_queries, query_of, read_truth
    from accord.screening.train import SplinkBaseline
    from accord.services import Services
    from accord.services.screening import ScreeningDesk
    from accord.settings import get_settings
    from accord.store import open_store

    settings = get_settings()
    base = settings.data_dir / "bench-screen"
    region = base / f"region-{size}"
    if not (region / "manifest.json").exists():
        generate(seed=11, scale=size, out=region, progress=False)
    scratch = Path(tempfile.mkdtemp(dir=base))
    lab_settings = dataclasses.replace(settings, database_url=f"sqlite:///{scratch / 'bench.db'}")
    svc = Services(settings=lab_settings, store=open_store(lab_settings))
    started = time.perf_counter()
    _load_bench_store(svc, region, scratch)
    load_seconds = time.perf_counter() - started
    user = svc.accounts.add_user("bench.officer", "XK-KP", "officer", actor="system:bench")
    _, token = svc.accounts.issue_token("bench.officer")
    rss_before = _rss_mb()
    started = time.perf_counter()
    desk = ScreeningDesk(svc, rate_per_minute=10**9, quota_per_day=10**9, refresh_every=3600.0)
    desk.ensure_current()
    build_seconds = time.perf_counter() - started
    index_mb = _rss_mb() - rss_before
    index = desk.index
    truth = read_truth(region, settings.id_key)
    ids = index.record_ids()
    by_person: dict[str, list[str]] = {}
    for record_id in ids:
        if record_id in truth:
            by_person.setdefault(truth[record_id], []).append(record_id)
    rng = random.Random(7)
    persons = [r for r in ids if r in truth]
    chosen = rng.sample(persons, min(sample, len(persons)))
    entries = list(desk.source.entries(chosen))
    engine_ms: list[float] = []
    expected = found = high = high_false = review = review_false = 0
    for entry in entries:
        uid = truth[entry.record_id]
        others = set(by_person[uid]) - {entry.record_id}
        started = time.perf_counter()
        candidates = index.search(query_of(entry))
        engine_ms.append((time.perf_counter() - started) * 1000)
        hits = [c for c in candidates if c.band and not c.decoy and c.record_id != entry.record_id]
        if others:
            expected += 1
            found += any(c.record_id in others for c in hits)
        for c in hits:
            true = truth.get(c.record_id) == uid
            if c.band == "high":
                high, high_false = high + 1, high_false + (not true)
            else:
                review, review_false = review + 1, review_false + (not true)
    # planted queries of the generator, through the whole desk (checks, policy, audit)
    planted = planted_queries(region)
    desk_ms: list[float] = []
    planted_expected = planted_found = planted_false = 0
    makers: dict[tuple[str, str, str], Any] = {}
    for query, target, expect_hit in planted:
        started = time.perf_counter()
        try:
            answer = desk.screen_one(user, "border-management", query)
        except InputError:
            continue
        desk_ms.append((time.perf_counter() - started) * 1000)
        if expect_hit:
            scope = (target["participant"], target["authority"], target["dataset"])
            make = makers.setdefault(scope, record_id_maker(settings.id_key, *scope))
            check = checked(query)
            wanted_id = make(target["key"])
            planted_expected += 1
            hit_ids = (
                {c.record_id for c in index.search(check) if c.band and not c.decoy}
                if check
                else set()
            )
            planted_found += wanted_id in hit_ids
        else:
            planted_false += answer["result"] == "hit"
    for entry in entries[: min(300, len(entries))]:
        query = ScreenQuery(name=entry.names[0], birth_date=_iso(entry))
        started = time.perf_counter()
        desk.screen_one(user, "border-management", query)
        desk_ms.append((time.perf_counter() - started) * 1000)
    reference = [e for e in (index.entry(n) for n in range(len(index._entries))) if e and e.names]
    baseline = SplinkBaseline(reference, desk.model.splink)
    baseline_ms = []
    for entry in entries[:30]:
        started = time.perf_counter()
        baseline.match(entry)
        baseline_ms.append((time.perf_counter() - started) * 1000)
    bodies = [
        {"purpose": "border-management", "query": {"name": e.names[0], "birth_date": _iso(e)}}
        for e in entries[:500]
    ]
    http = _http_load(lab_settings, token, bodies, http_seconds)
    svc.close()
    shutil.rmtree(scratch, ignore_errors=True)  # the region stays, for the next run

    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 3) if ordered else 0.0

    return {
        "size": len(index),
        "persons": sum(1 for e in reference),
        "load_seconds": round(load_seconds, 1),
        "build_seconds": round(build_seconds, 1),
        "index_mb": round(index_mb, 1),
        "p50_ms": pct(desk_ms, 0.5),
        "p99_ms": pct(desk_ms, 0.99),
        "engine_p50_ms": pct(engine_ms, 0.5),
        "engine_p99_ms": pct(engine_ms, 0.99),
        **http,
        "recall": round(planted_found / planted_expected, 4) if planted_expected else None,
        "planted_expected": planted_expected,
        "planted_namesakes_hit": planted_false,
        "heldout_recall": round(found / expected, 4) if expected else None,
        "heldout_queries": len(entries),
        "high_hits": high,
        "high_false_rate": round(high_false / high, 4) if high else None,
        "review_hits": review,
        "review_false_hit_rate": round(review_false / review, 4) if review else None,
        "baseline_p50_ms": round(statistics.median(baseline_ms), 1) if baseline_ms else None,
        "baseline": "Splink 5 predict_between, one new record against the reference set",
        "model_calibration": desk.model.calibration,
    }


def _iso(entry: Any) -> str:
    birth = entry.birth
    if not birth.year:
        return ""
    if not birth.month:
        return f"{birth.year:04d}"
    if not birth.day:
        return f"{birth.year:04d}-{birth.month:02d}"
    return f"{birth.year:04d}-{birth.month:02d}-{birth.day:02d}"
