"""HTTP load of ``accord bench screen``: one uvicorn server process on the bench store,
loaded by concurrent clients on one asyncio loop, one query (or 20) per request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.cli.bench_api_load import Request, run_load
from accord.cli.screen_bench_store import rss_mb

__all__ = ["CLIENTS", "free_port", "http_load"]

#: Concurrent clients of the HTTP load (each sends its next query when answered).
CLIENTS = 16

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


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_load(
    settings: Any, token: str, bodies: list[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    """Start one uvicorn server process on the bench store (it loads the index's snapshot)
    and load it from :data:`CLIENTS` concurrent clients, one query and then 20 a request."""
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
        single = run_load(
            base,
            [(headers, {}, _picker(bodies)) for _ in range(CLIENTS)],
            seconds / 2,
            server.pid,
        )
        batches = [
            {"purpose": "border-management", "queries": [b["query"] for b in bodies[i : i + 20]]}
            for i in range(0, len(bodies) - 19, 20)
        ]
        batched = run_load(
            base,
            [(headers, {}, _picker(batches)) for _ in range(CLIENTS)],
            seconds / 2,
        )
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
        "http_clients": CLIENTS,
        "server_ready_seconds": round(ready, 1),
        "server_rss_mb": rss,
    }


def _picker(bodies: list[dict[str, Any]]) -> Callable[[int], Request]:
    return lambda number: Request("POST", "/screen", json=bodies[number % len(bodies)])
