"""HTTP load of ``accord bench screen``: one uvicorn server process on the bench store,
loaded from client threads with httpx, one query (or 20) per request."""

from __future__ import annotations

from typing import Any

from accord.cli.screen_bench_store import rss_mb

__all__ = ["free_port", "http_load"]

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
    """Start one uvicorn server process on the bench store and load it from 8 threads."""
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
        single = _load(base, headers, bodies, seconds / 2)
        batches = [
            {"purpose": "border-management", "queries": [b["query"] for b in bodies[i : i + 20]]}
            for i in range(0, len(bodies) - 19, 20)
        ]
        batched = _load(base, headers, batches, seconds / 2, per_request=20)
        rss = rss_mb(server.pid)
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
