"""The names layer is pure: it imports no framework, driver or outer layer."""

from __future__ import annotations

import subprocess
import sys


def test_names_layer_imports_no_framework_or_driver() -> None:
    code = (
        "import sys, accord.names, accord.names.evaluate, accord.names.evalset;"
        "bad = {'typer', 'fastapi', 'sqlalchemy', 'duckdb', 'splink', 'psycopg', 'starlette',"
        " 'uvicorn', 'accord.cli', 'accord.store'};"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in bad or m in bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
