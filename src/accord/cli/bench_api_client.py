"""A lean HTTP/1.1 client for the load generator: one keep-alive connection per client on
asyncio streams, requests written as bytes, answers read by their Content-Length (or chunks).

The server and the load generator share the machine's cores, so the client must cost far less
than the server per request, or the benchmark measures the client. A general client (httpx)
spends about as much CPU on a request as the server's framework does; this one sends the same
requests (same headers, bodies, tokens and cookies) and reads every answer in full.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

__all__ = ["Answer", "HttpConnection", "encode_body"]

_MAX_HEAD = 64 * 1024


@dataclass(frozen=True)
class Answer:
    """An answer read in full: its status, headers (names in lower case) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def encode_body(
    json_body: dict[str, Any] | None, form: dict[str, str] | None
) -> tuple[bytes, str | None]:
    """The bytes of a JSON body or of form fields, and their content type."""
    if json_body is not None:
        return json.dumps(json_body).encode("utf-8"), "application/json"
    if form is not None:
        return urlencode(form).encode("ascii"), "application/x-www-form-urlencoded"
    return b"", None


class HttpConnection:
    """One HTTP/1.1 connection to ``base`` (``http://host:port/prefix``), opened on first use
    and again whenever the server closes it."""

    def __init__(self, base: str, headers: dict[str, str], cookies: dict[str, str]) -> None:
        parts = urlsplit(base)
        if parts.scheme != "http" or parts.hostname is None:
            raise ValueError(f"The load generator speaks plain HTTP only, not {base!r}.")
        self.host = parts.hostname
        self.port = parts.port or 80
        self.prefix = parts.path.rstrip("/")
        fixed = {"host": f"{self.host}:{self.port}", "accept": "*/*", **headers}
        if cookies:
            fixed["cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        self._fixed = "".join(f"{k}: {v}\r\n" for k, v in fixed.items())
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    def request_bytes(self, method: str, path: str, body: bytes, content_type: str | None) -> bytes:
        head = f"{method} {self.prefix}{path} HTTP/1.1\r\n{self._fixed}"
        if content_type is not None:
            head += f"content-type: {content_type}\r\n"
        if body or method not in ("GET", "HEAD"):
            head += f"content-length: {len(body)}\r\n"
        return head.encode("latin-1") + b"\r\n" + body

    async def send(self, raw: bytes) -> Answer:
        """Send one request (from :meth:`request_bytes`) and read its answer in full."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(raw)
        try:
            answer = await _read_answer(self._reader)
        except BaseException:
            await self.close()
            raise
        if answer.headers.get("connection", "").lower() == "close":
            await self.close()
        return answer

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):  # reset by the server: nothing left to close
                await writer.wait_closed()


async def _read_answer(reader: asyncio.StreamReader) -> Answer:
    head = await reader.readuntil(b"\r\n\r\n")
    if len(head) > _MAX_HEAD:
        raise ValueError("The answer's headers are larger than 64 KiB.")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        body = await _read_chunks(reader)
    else:
        body = await reader.read()  # the answer ends when the server closes the connection
        headers["connection"] = "close"
    return Answer(status, headers, body)


async def _read_chunks(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0].strip(), 16)
        if size == 0:
            while (await reader.readuntil(b"\r\n")) != b"\r\n":
                pass  # trailer fields: none are used
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)
