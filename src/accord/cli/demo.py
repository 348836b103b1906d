"""``accord demo``: the main job on the embedded default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.cli.common import console, err_console, handle_errors
from accord.cli.context import cli_actor, services
from accord.cli.registry import app
from accord.services.demo import DEMO_PASSWORD, create_demo_users
from accord.services.region import default_agreements, load_agreements, load_region
from accord.settings import get_settings


def _generate(folder: Path, seed: int, scale: int) -> None:
    from accord.scenario import generate

    marker = folder / "manifest.json"
    stamp = folder / ".demo-params.json"
    params = {"seed": seed, "scale": scale}
    if marker.exists() and stamp.exists() and json.loads(stamp.read_text()) == params:
        err_console.print(f"Region already generated in {folder} (seed {seed}, scale {scale}).")
        return
    folder.mkdir(parents=True, exist_ok=True)
    generate(seed=seed, scale=scale, out=folder, progress=True)
    stamp.write_text(json.dumps(params))


@app.command()
@handle_errors
def demo(
    seed: Annotated[int, typer.Option(help="Seed of the generated region.")] = 2025,
    scale: Annotated[int, typer.Option(help="Persons in the generated region.")] = 3000,
    serve: Annotated[bool, typer.Option(help="End by serving the site on port 8000.")] = True,
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """Build the demo region, load it into the embedded store, say where to look next, and
    serve the web pages and the API on http://127.0.0.1:8000."""
    folder = get_settings().data_dir / "demo-region"
    _generate(folder, seed, scale)
    actor = cli_actor()
    with services() as svc:
        agreements = load_agreements(svc, default_agreements(), actor)
        users = create_demo_users(svc, actor)
        loaded = load_region(
            svc, folder, actor, on_file=lambda e: err_console.print(
                f"  ingest {e['participant']:>7} {e['dataset']}", highlight=False)
        )  # fmt: skip
        verified = svc.store.verify_audit()
        database = svc.settings.database_url
    table = Table("participant", "records stored", title="Demo region loaded")
    for code, count in sorted(loaded.by_participant.items()):
        table.add_row(code, f"{count:,}")
    console.print(table)
    console.print(
        f"{loaded.files} files, {loaded.read:,} rows read: {loaded.stored:,} stored, "
        f"{loaded.quarantined:,} quarantined, {loaded.duplicates:,} duplicates."
    )
    console.print(f"Agreements in force: {', '.join(agreements)}.")
    console.print(
        f"Audit chain: {'verifies' if verified.ok else 'BROKEN'} "
        f"({verified.entries:,} entries). Store: {database}"
    )
    console.print(
        f"Demo users (password [bold]{DEMO_PASSWORD}[/]): " + ", ".join(u.username for u in users)
    )
    console.print(
        f"\nOpen http://127.0.0.1:{port}/ and log in as rs.officer (first log-in enrols the "
        "second factor: add the shown secret to an authenticator app).\n"
        "Then: search a person, open a record, screen a name, look at the dashboard; log in as "
        "al.officer and see what the agreements withhold; rs.dpo sees the audit page.\n"
        "\nOn the command line:\n"
        "  .venv/bin/accord batches\n"
        "  .venv/bin/accord quarantine list --limit 10\n"
        "  .venv/bin/accord agreements list\n"
        "  .venv/bin/accord export --user rs.analyst --purpose serious-crime "
        "--justification 'demo' --out var/rs-export.ftm.json\n"
        "  .venv/bin/accord audit verify"
    )
    if serve:
        import uvicorn

        console.print(f"\nServing on http://127.0.0.1:{port}/ (Ctrl+C stops).")
        uvicorn.run("accord.site:create_site", factory=True, host="127.0.0.1", port=port,
                    server_header=False)  # fmt: skip
