"""The load generator of the API benchmark: its authenticator codes are the site's, and its
figures are computed from every latency it kept."""

from __future__ import annotations

from accord.cli.bench_api_load import Load, authenticator_code
from accord.web.totp import code_at, new_secret


def test_authenticator_codes_are_the_ones_the_site_accepts() -> None:
    for number in range(20):
        secret = new_secret()
        moment = 1_750_000_000 + number * 977.5
        assert authenticator_code(secret, moment) == code_at(secret, moment)


def test_load_figures() -> None:
    load = Load(requests=95, errors=5, seconds=10.0, latencies_ms=[float(n) for n in range(1, 101)])
    load.statuses = {200: 95, 429: 5}
    figures = load.to_dict()
    assert load.rps == 9.5
    assert figures["p50_ms"] == 51.0 and figures["p95_ms"] == 96.0 and figures["p99_ms"] == 100.0
    assert figures["statuses"] == {"200": 95, "429": 5}
    assert Load().percentile(0.95) == 0.0 and Load().rps == 0.0


def test_the_lean_client_reads_whole_answers_and_reconnects() -> None:
    import asyncio

    from accord.cli.bench_api_client import HttpConnection, encode_body

    seen: list[bytes] = []
    answers = [
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n"
        b'{"ok":true}',
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
        b"HTTP/1.1 429 Too Many\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
    ]

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while answers:
            head = await reader.readuntil(b"\r\n\r\n")
            length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length")]  # fmt: skip
            seen.append(head + (await reader.readexactly(length[0]) if length else b""))
            answer = answers.pop(0)
            writer.write(answer)
            await writer.drain()
            if b"connection: close" in answer:
                break
        writer.close()

    async def run() -> list[tuple[int, bytes]]:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        connection = HttpConnection(f"http://127.0.0.1:{port}/api/v1", {"x-a": "1"}, {"s": "2"})
        body, kind = encode_body({"q": "Ana"}, None)
        got = []
        for _ in range(3):
            answer = await connection.send(connection.request_bytes("POST", "/screen", body, kind))
            got.append((answer.status, answer.body))
        await connection.close()
        server.close()
        return got

    got = asyncio.run(run())
    assert got == [(200, b'{"ok":true}'), (200, b"abcde"), (429, b"")]
    assert seen[0].startswith(b"POST /api/v1/screen HTTP/1.1\r\n")
    assert b"x-a: 1\r\n" in seen[0] and b"cookie: s=2\r\n" in seen[0]
    assert seen[0].endswith(b'\r\n\r\n{"q": "Ana"}')


def test_the_clients_processor_time_leaves_out_a_server_it_started() -> None:
    """The bench starts the server as a child of its own process: the server's time is the
    server's, not the client's (a child's work counts only for the server and its writer)."""
    import subprocess
    import sys

    import psutil

    from accord.cli.bench_api_load import _cpu_seconds

    me = psutil.Process()
    before_alone, before_all = _cpu_seconds(me, children=False), _cpu_seconds(me)
    busy = (
        "import time, sys\n"
        "while time.process_time() < 0.4: pass\n"
        "print('done', flush=True); time.sleep(30)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", busy], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "done"
        after_alone, after_all = _cpu_seconds(me, children=False), _cpu_seconds(me)
    finally:
        child.kill()
        child.wait()
    assert before_alone is not None and after_alone is not None
    assert before_all is not None and after_all is not None
    assert (after_all - before_all) - (after_alone - before_alone) >= 0.35
    assert after_alone - before_alone < 0.35
