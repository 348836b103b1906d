"""The load generator of ``accord bench api``: concurrent HTTP clients on one asyncio loop
(one keep-alive connection each, see :mod:`accord.cli.bench_api_client`), a served site in a
separate process, a web log-in with both factors.

Each client sends its next request as soon as the previous one is answered (a closed loop), so
the rate measured is what the server sustains at that concurrency; every latency is kept. An
answer counts when its status is 200 and its body parses (JSON answers as JSON). The CPU time
the server process and the load generator spent during the run is measured too, so that a
figure limited by the client, not the server, shows as such.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from typing import Any

import httpx
import psutil

from accord.cli.bench_api_client import Answer, HttpConnection, encode_body

__all__ = ["Load", "Request", "authenticator_code", "run_load", "web_login"]

_HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


@dataclass(frozen=True)
class Request:
    """One request to send: method, path, and a JSON body or form fields."""

    method: str
    path: str
    json: dict[str, Any] | None = None
    form: dict[str, str] | None = None


@dataclass
class Load:
    """What a run of the load measured."""

    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    #: CPU seconds (user + system) of the server process and of the load generator
    server_cpu: float | None = None
    client_cpu: float | None = None

    @property
    def rps(self) -> float:
        return round(self.requests / self.seconds, 1) if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return 0.0
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    def cpu_ms_per_request(self, seconds: float | None) -> float | None:
        """CPU milliseconds per answered request (errors included: they cost CPU too)."""
        answered = self.requests + self.errors
        return round(seconds * 1000 / answered, 2) if seconds is not None and answered else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "errors": self.errors,
            "seconds": round(self.seconds, 1),
            "rps": self.rps,
            "p50_ms": self.percentile(0.50),
            "p95_ms": self.percentile(0.95),
            "p99_ms": self.percentile(0.99),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "server_cpu_ms_per_request": self.cpu_ms_per_request(self.server_cpu),
            "client_cpu_ms_per_request": self.cpu_ms_per_request(self.client_cpu),
        }


def _parsed(answer: Answer) -> bool:
    """The body is what its content type says (a JSON answer that does not parse fails)."""
    if answer.headers.get("content-type", "").startswith("application/json"):
        try:
            answer.json()
        except ValueError:
            return False
        return True
    return bool(answer.body)


async def _client(
    base: str,
    headers: dict[str, str],
    cookies: dict[str, str],
    pick: Callable[[int], Request],
    deadline: float,
    load: Load,
    offset: int,
) -> None:
    connection = HttpConnection(base, headers, cookies)
    number = offset
    try:
        while time.monotonic() < deadline:
            wanted = pick(number)
            number += 1
            body, content_type = encode_body(wanted.json, wanted.form)
            raw = connection.request_bytes(wanted.method, wanted.path, body, content_type)
            started = time.perf_counter()
            try:
                answer = await asyncio.wait_for(connection.send(raw), timeout=60)
                status = answer.status if _parsed(answer) else -1
            except (OSError, ValueError, TimeoutError, asyncio.IncompleteReadError):
                status = 0
            load.latencies_ms.append((time.perf_counter() - started) * 1000)
            load.statuses[status] = load.statuses.get(status, 0) + 1
            if status == 200:
                load.requests += 1
            else:
                load.errors += 1
    finally:
        await connection.close()


async def _run(
    base: str, clients: list[tuple[dict[str, str], dict[str, str], Callable[[int], Request]]],
    seconds: float,
) -> Load:  # fmt: skip
    load = Load()
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _client(base, headers, cookies, pick, deadline, load, number * 7919)
            for number, (headers, cookies, pick) in enumerate(clients)
        )
    )
    load.seconds = time.monotonic() - started
    return load


def _cpu_seconds(process: psutil.Process | None, children: bool = True) -> float | None:
    """The processor time of ``process`` and, with ``children``, of the processes it started
    (a server's audit writer process), so that work moved to a child is still counted."""
    if process is None:
        return None
    total = 0.0
    for one in (process, *(process.children(recursive=True) if children else ())):
        with contextlib.suppress(psutil.NoSuchProcess):
            times = one.cpu_times()
            total += times.user + times.system
    return total


def run_load(
    base: str,
    clients: list[tuple[dict[str, str], dict[str, str], Callable[[int], Request]]],
    seconds: float,
    server_pid: int | None = None,
) -> Load:
    """Run one client per entry of ``clients`` (its headers, cookies and request picker) for
    ``seconds``; all on one event loop. With ``server_pid``, the CPU time of that process
    (and its children) during the run is measured too."""
    server = psutil.Process(server_pid) if server_pid is not None else None
    me = psutil.Process()
    # the client alone: the server may be a child of this process
    server_before, client_before = _cpu_seconds(server), _cpu_seconds(me, children=False)
    load = asyncio.run(_run(base, clients, seconds))
    server_after, client_after = _cpu_seconds(server), _cpu_seconds(me, children=False)
    if server_before is not None and server_after is not None:
        load.server_cpu = server_after - server_before
    if client_before is not None and client_after is not None:
        load.client_cpu = client_after - client_before
    return load


def _hidden(html: str, name: str) -> str:
    for found, value in _HIDDEN.findall(html):
        if found == name:
            return unescape(value)
    raise RuntimeError(f"The page has no hidden field {name!r}; the log-in form has changed.")


def authenticator_code(secret: str, unix_time: float) -> str:
    """What an authenticator app shows (RFC 6238: HMAC-SHA1, 6 digits, 30 s). The bench is a
    client of the site like a person with a phone, so it computes the code as the phone does."""
    cleaned = secret.replace(" ", "").upper()
    key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    digest = hmac.new(key, int(unix_time // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**6).zfill(6)


def web_login(base: str, username: str, password: str) -> tuple[dict[str, str], str]:
    """Log in to the web pages with the password and the second factor (enrolled on first
    log-in, as a person would); returns the session cookies and a CSRF token of the session."""
    with httpx.Client(base_url=base, timeout=60, follow_redirects=False) as client:
        page = client.get("/login")
        first = client.post(
            "/login",
            data={
                "csrf_token": _hidden(page.text, "csrf_token"),
                "username": username,
                "password": password,
                "next": "/",
            },
        )
        if first.status_code != 303:
            raise RuntimeError(f"The log-in of {username} failed ({first.status_code}).")
        location = first.headers["location"]
        page = client.get(location)
        if "/login/enrol" not in location:
            raise RuntimeError(
                f"{username} has a second factor enrolled already; the bench needs a fresh store."
            )
        secret = _hidden(page.text, "secret")
        done = client.post(
            "/login/enrol",
            data={
                "csrf_token": _hidden(page.text, "csrf_token"),
                "next": "/",
                "secret": secret,
                "tag": _hidden(page.text, "tag"),
                "code": authenticator_code(secret, time.time()),
            },
        )
        if done.status_code != 303:
            raise RuntimeError(f"The second factor of {username} was refused ({done.status_code}).")
        home = client.get("/")
        return dict(client.cookies.items()), _hidden(home.text, "csrf_token")
