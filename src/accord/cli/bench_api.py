"""``accord bench api``: the served site under load on loopback.

A demo region (``accord demo``'s generator, seed 2025) is loaded into a scratch store with the
default agreements and demo users, linked into identities, and served by one uvicorn process
(the whole site, as ``accord serve`` runs it). Concurrent clients on one asyncio loop then send

* hit/no-hit queries, ``POST /api/v1/screen`` (the generator's planted queries among
  arrival-list travellers made from the region's stored persons, each sent about once, one per
  request; one officer account per client, as at a border post), and
* identity profile pages, ``POST /identities/of/{record}`` (the web page of an identity,
  logged in as an analyst with both factors),

each for a fixed time. The baselines of the same run: ``GET /api/v1/health`` under the same
load (what the server and the load generator manage at all on this machine), and the same
screening and identity look-ups in-process, without HTTP.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

from accord.cli.bench_api_load import Load, Request, run_load, web_login
from accord.cli.bench_api_travellers import traveller_bodies
from accord.cli.bench_lab import open_lab
from accord.cli.common import console, handle_errors, print_json
from accord.cli.groups import bench_app
from accord.cli.screen_bench_http import free_port
from accord.cli.screen_bench_store import rss_mb
from accord.errors import InputError

__all__ = ["run_api_bench"]

#: Arrival-list queries: more than one server process answers in a load period.
_TRAVELLERS = 12_000

_SERVER = """
import sys, uvicorn
uvicorn.run("accord.site:create_site", factory=True, host="127.0.0.1", port=int(sys.argv[1]),
            log_level="warning", access_log=False, server_header=False)
"""
_WHY = {"purpose": "border-management", "justification": "Benchmark of the identity page"}
_PROFILES = 100


@bench_app.command("api")
@handle_errors
def bench_api(
    scale: Annotated[int, typer.Option(help="Persons in the generated demo region.")] = 10_000,
    seconds: Annotated[float, typer.Option(help="Seconds of load per measurement.")] = 20.0,
    clients: Annotated[int, typer.Option(help="Concurrent screening clients.")] = 16,
    profile_clients: Annotated[int, typer.Option(help="Concurrent identity-page clients.")] = 4,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Serve a demo region from one server process and load it over loopback: screening
    requests a second and identity-page latency, beside a baseline from the same run."""
    if not 500 <= scale <= 1_000_000:
        raise InputError(f"A scale of {scale:,} persons.", hint="Use 500 to 1,000,000.")
    if not 1 <= clients <= 256 or not 1 <= profile_clients <= 64:
        raise InputError("Too few or too many clients.", hint="Use 1-256 and 1-64.")
    if not 1 <= seconds <= 600:
        raise InputError(f"{seconds} seconds of load.", hint="Use 1 to 600 seconds.")
    figures = run_api_bench(scale, seconds, clients, profile_clients)
    if json_output:
        print_json(figures)
    else:
        console.print(figures)


def _prepare(svc: Any, region: Path, clients: int) -> dict[str, Any]:
    """Load the region, link it, and make the accounts the clients use."""
    from accord.services.demo import create_demo_users
    from accord.services.identities import IdentityDesk
    from accord.services.region import default_agreements, load_agreements, load_region

    load_agreements(svc, default_agreements(), "system:bench")
    create_demo_users(svc, "system:bench")
    started = time.perf_counter()
    loaded = load_region(svc, region, "system:bench")
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    IdentityDesk(svc).run_linkage(purpose="border-management")
    link_seconds = time.perf_counter() - started
    officer = svc.accounts.get("rs.officer")
    tokens = []
    for number in range(clients):
        name = f"bench.officer{number}"
        svc.accounts.add_user(name, officer.authority, "officer", actor="system:bench")
        tokens.append(svc.accounts.issue_token(name)[1])
    return {
        "records": loaded.stored,
        "load_seconds": round(load_seconds, 1),
        "link_seconds": round(link_seconds, 1),
        "tokens": tokens,
    }


def _profile_targets(svc: Any) -> tuple[list[str], list[float]]:
    """Records of identities of two or more members that the analyst may see, and the time
    of each identity look-up in-process (the baseline of the page)."""
    from accord.services.identities import IdentityDesk
    from accord.store.gate import RecordQuery

    analyst = svc.accounts.get("rs.analyst")
    desk = IdentityDesk(svc)
    people = svc.gate.read(
        analyst, "border-management", RecordQuery(schema="Person", participant="RS", limit=3000)
    )
    chosen: list[str] = []
    timings: list[float] = []
    for person in people:
        started = time.perf_counter()
        view = desk.identity_of(analyst, "border-management", person.id, "benchmark")
        timings.append((time.perf_counter() - started) * 1000)
        if len(view.members) >= 2:
            chosen.append(person.id)
            if len(chosen) >= _PROFILES:
                break
    return chosen, timings


def _screen_bodies(svc: Any, region: Path) -> tuple[list[dict[str, Any]], list[float]]:
    """The planted queries as request bodies, and their in-process time (the baseline)."""
    from accord.screening.evaluation import planted_queries
    from accord.services.screening import screening_desk

    desk = screening_desk(svc, rate_per_minute=10**9, quota_per_day=10**9)
    desk.ensure_current()  # built here and persisted: the server loads the snapshot
    user = svc.accounts.get("rs.officer")
    bodies, timings = [], []
    for query, _, _ in planted_queries(region):
        terms = {**query.terms(), "ref": query.ref}
        started = time.perf_counter()
        try:
            desk.screen_one(user, "border-management", query, "benchmark")
        except InputError:
            continue
        timings.append((time.perf_counter() - started) * 1000)
        bodies.append({"purpose": "border-management", "query": terms})
    return bodies, timings


def _serve(settings: Any, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "ACCORD_DATABASE_URL": settings.database_url,
        "ACCORD_DATA_DIR": str(settings.data_dir),
        "ACCORD_KEY_FILE": str(settings.key_file),
        # capacity is measured, not the per-user limits that protect it in service
        "ACCORD_API_RATE_PER_MINUTE": str(10**9),
        "ACCORD_SCREEN_QUOTA_PER_DAY": str(10**9),
    }
    # our own fixed program, started with this interpreter
    return subprocess.Popen([sys.executable, "-c", _SERVER, str(port)], env=env)  # noqa: S603


def _wait_ready(base: str, timeout: float = 600) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("The benchmark server did not answer within 10 minutes.")


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1) if ordered else 0.0


def run_api_bench(scale: int, seconds: float, clients: int, profile_clients: int) -> dict[str, Any]:
    """Figures of ``accord bench api``."""
    bench = open_lab("bench-api", seed=2025, scale=scale)
    lab, svc, region = bench.settings, bench.services, bench.region
    server: subprocess.Popen[bytes] | None = None
    try:
        prepared = _prepare(svc, region, clients)
        targets, profile_ms = _profile_targets(svc)
        bodies, screen_ms = _screen_bodies(svc, region)
        travellers = traveller_bodies(svc, _TRAVELLERS)
        # Planted queries among arrival-list travellers, each sent about once (no warm caches).
        sent = bodies + travellers
        random.Random(2025).shuffle(sent)
        if not targets or not bodies:
            raise InputError("The region gave no identity or no screening query to load.")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = _serve(lab, port)
        ready = _wait_ready(base)
        tokens = prepared.pop("tokens")
        api = [{"Authorization": f"Bearer {token}"} for token in tokens]
        started = time.monotonic()
        first = httpx.post(base + "/api/v1/screen", json=bodies[0], headers=api[0], timeout=600)
        index_ready = time.monotonic() - started
        if first.status_code != 200:
            raise RuntimeError(f"The first screening request failed: {first.status_code}.")
        health = run_load(
            base,
            [(h, {}, lambda n: Request("GET", "/api/v1/health")) for h in api],
            seconds / 2,
            server.pid,
        )
        screen = run_load(
            base,
            [(h, {}, lambda n: Request("POST", "/api/v1/screen", json=sent[n % len(sent)]))
             for h in api],
            seconds,
            server.pid,
        )  # fmt: skip
        cookies, csrf = web_login(base, "rs.analyst", _demo_password())
        form = {**_WHY, "csrf_token": csrf}
        profile = run_load(
            base,
            [({}, cookies, lambda n: Request("POST", f"/identities/of/{targets[n % len(targets)]}",
                                             form=form)) for _ in range(profile_clients)],
            seconds,
            server.pid,
        )  # fmt: skip
        server_rss = rss_mb(server.pid)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        svc.close()
        bench.close()
    return _figures(
        scale=scale, seconds=seconds, clients=clients, profile_clients=profile_clients,
        prepared=prepared, ready=ready, index_ready=index_ready, server_rss=server_rss,
        health=health, screen=screen, profile=profile, screen_ms=screen_ms,
        profile_ms=profile_ms, targets=len(targets), queries=len(bodies),
        travellers=len(travellers),
    )  # fmt: skip


def _demo_password() -> str:
    from accord.services.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


def _figures(
    *, health: Load, screen: Load, profile: Load, screen_ms: list[float],
    profile_ms: list[float], prepared: dict[str, Any], **details: Any,
) -> dict[str, Any]:  # fmt: skip
    return {
        "screen_rps": screen.rps,
        "profile_p95_ms": profile.percentile(0.95),
        "targets": {"screen_rps": 200, "profile_p95_ms": 200},
        "baseline_health_rps": health.rps,
        "screen_to_health_ratio": round(screen.rps / health.rps, 3) if health.rps else None,
        "server_cpu_ms_per_request": screen.cpu_ms_per_request(screen.server_cpu),
        "baseline_health_server_cpu_ms_per_request": health.cpu_ms_per_request(health.server_cpu),
        "baseline_screen_inprocess_p50_ms": round(statistics.median(screen_ms), 1),
        "baseline_profile_inprocess_p95_ms": _percentile(profile_ms, 0.95),
        "screen": screen.to_dict(),
        "profile": profile.to_dict(),
        "health": health.to_dict(),
        "scale": details["scale"],
        "records": prepared["records"],
        "load_seconds": prepared["load_seconds"],
        "link_seconds": prepared["link_seconds"],
        "clients": details["clients"],
        "profile_clients": details["profile_clients"],
        "seconds_per_load": details["seconds"],
        "screen_queries": details["queries"],
        "traveller_queries": details["travellers"],
        "identities_loaded": details["targets"],
        "server_processes": 1,
        "server_ready_seconds": round(details["ready"], 1),
        "server_index_ready_seconds": round(details["index_ready"], 1),
        "server_rss_mb": details["server_rss"],
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
