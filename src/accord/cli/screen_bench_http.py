"""HTTP load of ``accord bench screen``: one uvicorn server process on the bench store,
loaded by concurrent clients on one asyncio loop, one query (or 20) per request.

The queries are distinct: each client sends its own share of them, the single queries and
the batches different ones, so that no answer is helped by a comparison cached when the same
query came earlier (a border officer screens each traveller once). ``http_queries_repeated``
says how many were sent again once a share ran out (none when enough were given)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.cli.bench_api_load import Load, Request, run_load
from accord.cli.screen_bench_store import rss_mb

__all__ = ["CLIENTS", "QUERIES_PER_SECOND", "free_port", "http_load", "shares"]

#: Concurrent clients of the HTTP load (each sends its next query when answered).
CLIENTS = 16
#: Distinct queries to give the load per second of it: above what one server process answers,
#: so that none is sent twice.
QUERIES_PER_SECOND = 400

_SERVER = """
import sys, uvicorn
from accord.api import create_app
from accord.services import open_services
from accord.services.screening import screening_desk
svc = open_services()
screening_desk(svc, rate_per_minute=10**9, refresh_every=3600.0).ensure_current()
uvicorn.run(create_app(svc, rate_per_minute=10**9, writer_process=True), host="127.0.0.1",
            port=int(sys.argv[1]),
            log_level="warning", access_log=False)
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_load(
    settings: Any, token: str, bodies: list[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    """Start one uvicorn server process on the bench store (it loads the index's snapshot)
    and load it from :data:`CLIENTS` concurrent clients, one query and then 20 a request: the
    first half of ``bodies`` one by one, the second half in twenties."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    port = free_port()
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
        ones, twenties = shares(bodies)
        single = run_load(
            base,
            [(headers, {}, _picker(share)) for share in ones],
            seconds / 2,
            server.pid,
        )
        batched = run_load(base, [(headers, {}, _picker(share)) for share in twenties], seconds / 2)
        rss = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "qps_http": single.rps,
        "http_p50_ms": single.percentile(0.5),
        "http_p99_ms": single.percentile(0.99),
        "http_server_cpu_ms_per_query": single.cpu_ms_per_request(single.server_cpu),
        "http_client_cpu_ms_per_query": single.cpu_ms_per_request(single.client_cpu),
        "qps_http_batch20": round(batched.rps * 20, 1),
        "http_errors": single.errors + batched.errors,
        # by status (0: no answer, -1: an answer that did not parse), so that an error says what
        "http_error_statuses": _errors_by_status(single, batched),
        "http_clients": CLIENTS,
        "http_queries_distinct": len(bodies),
        "http_queries_repeated": _repeated(single, sum(map(len, ones)), 1)
        + _repeated(batched, sum(map(len, twenties)), 20),
        "server_ready_seconds": round(ready, 1),
        "server_rss_mb": rss,
    }


Shares = list[list[dict[str, Any]]]


def shares(bodies: list[dict[str, Any]]) -> tuple[Shares, Shares]:
    """The requests of each of :data:`CLIENTS` clients: the first half of ``bodies`` one query
    a request, the second half twenty a request; no query in two shares (with fewer bodies
    than clients, a client shares its neighbours')."""
    half = max(len(bodies) // 2, 1)
    ones = bodies[:half]
    queries = [body["query"] for body in bodies[half:]] or [body["query"] for body in ones]
    batches = [
        {"purpose": "border-management", "queries": queries[i : i + 20]}
        for i in range(0, max(len(queries) - 19, 1), 20)
    ]
    return (
        [ones[client::CLIENTS] or ones for client in range(CLIENTS)],
        [batches[client::CLIENTS] or batches for client in range(CLIENTS)],
    )


def _picker(bodies: list[dict[str, Any]]) -> Callable[[int], Request]:
    """Each request the next of ``bodies`` (a client's own share), from where its number
    falls in them; past the last, from the first again."""
    return lambda number: Request("POST", "/screen", json=bodies[number % len(bodies)])


def _repeated(load: Load, distinct: int, per_request: int) -> int:
    """Queries sent again: those past the ``distinct`` bodies of the run (the clients send at
    about the same rate, each through its own share of them)."""
    sent = load.requests + load.errors
    return max(sent - distinct, 0) * per_request


def _errors_by_status(*loads: Load) -> dict[str, int]:
    found: dict[str, int] = {}
    for load in loads:
        for status, count in load.statuses.items():
            if status != 200:
                found[str(status)] = found.get(str(status), 0) + count
    return dict(sorted(found.items()))
