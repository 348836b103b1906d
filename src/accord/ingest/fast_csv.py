"""The fast path for well-formed UTF-8 CSV files: polars reads the columns in one go.

A file takes this path only when a first pass over its bytes shows nothing that needs the
careful reader of :mod:`accord.ingest.readers`: every line valid UTF-8 and under the line limit,
no blank line, no quoted field spanning lines (so that a row's number is its line number), and
polars then parses it with exactly the header's columns. Otherwise ``None``, and the careful
reader takes the file.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from accord.ingest.readers import MAX_LINE_BYTES

__all__ = ["read_well_formed_csv"]


def _well_formed(path: Path) -> bool:
    with path.open("rb") as fh:
        first = True
        while True:
            line = fh.readline(MAX_LINE_BYTES + 1)
            if not line:
                return True
            if len(line) > MAX_LINE_BYTES or (first and line.startswith(b"\xef\xbb\xbf")):
                return False
            first = False
            if not line.strip() or line.count(b'"') % 2:
                return False
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return False


def read_well_formed_csv(
    path: Path, delimiter: str, encoding: str, header: list[str]
) -> pl.DataFrame | None:
    """The whole file as text columns, or None when it needs the careful reader."""
    if encoding != "utf-8" or not _well_formed(path):
        return None
    try:
        frame = pl.read_csv(
            path,
            separator=delimiter,
            has_header=True,
            infer_schema=False,
            empty_string_is_null=False,
            truncate_ragged_lines=False,
            quote_char='"',
        )
    except (pl.exceptions.PolarsError, ValueError):
        return None
    if [c.strip() for c in frame.columns] != header:
        return None
    frame.columns = header
    if any(frame[c].null_count() for c in header):  # a short row: let the careful reader say so
        return None
    return frame
