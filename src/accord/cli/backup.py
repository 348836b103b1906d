"""``accord backup`` and ``accord restore``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import services
from accord.cli.registry import app
from accord.store import checkpoint_file
from accord.store.backup import backup_store, restore_store


@app.command()
@handle_errors
def backup(
    out: Annotated[Path, typer.Argument(help="The backup file to write (.tar.gz).")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Back up the whole store (keys excluded: back up the key file apart)."""
    with services() as svc:
        manifest = backup_store(svc.store, out, checkpoint_file(svc.settings))
    rows = sum(t["rows"] for t in manifest["tables"].values())
    if as_json:
        print_json({"file": str(out), "rows": rows, "revision": manifest["revision"]})
    else:
        console.print(
            f"Backed up {rows:,} rows to {out}. Keep the key file "
            "apart: the backup does not hold it."
        )


@app.command()
@handle_errors
def restore(
    source: Annotated[Path, typer.Argument(help="A backup made by `accord backup`.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Restore a backup into an empty store (same keys), then verify the audit chain."""
    with services() as svc:
        result = restore_store(svc.store, source, checkpoint_file(svc.settings))
    if as_json:
        print_json(result)
    else:
        ok = "verifies" if result["audit"]["ok"] else "does NOT verify"
        console.print(f"Restored {sum(result['tables'].values()):,} rows; the audit chain {ok}.")
