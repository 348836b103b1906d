"""``accord serve``: the HTTP API under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.common import handle_errors
from accord.cli.registry import app
from accord.errors import InputError


@app.command()
@handle_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Address to bind; loopback by default (put TLS in front).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the web pages (/) and the API (/api/v1)."""
    import uvicorn

    if not 1 <= port <= 65535:
        raise InputError(f"Port {port} is not a TCP port.", hint="Use 1-65535.")
    if not 1 <= workers <= 64:
        raise InputError(f"{workers} workers is not a usable number.", hint="Use 1-64.")
    uvicorn.run(
        "accord.site:create_site",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=False,
        server_header=False,
    )
