"""The link input: one row per record with the columns the linkage compares, read from CSV.

A link input is a polars frame of text columns :data:`INPUT_COLUMNS` (required) and
:data:`OPTIONAL_COLUMNS` (used when present). Unknown values are empty. Names may be in any
script; ``birth_date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (other common layouts are read
too); ``document_number`` and ``phone`` may hold several numbers separated by ``;``;
``registered_on`` the dates on which the record's participant registered the person (``;``
between several).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from accord.errors import InputError

__all__ = ["INPUT_COLUMNS", "OPTIONAL_COLUMNS", "check_input", "read_link_csv"]

INPUT_COLUMNS = (
    "record_id",
    "participant",
    "first_name",
    "last_name",
    "birth_date",
    "sex",
    "nationality",
    "document_number",
)
OPTIONAL_COLUMNS = ("birth_place", "father_name", "phone", "registered_on")
_MAX_ID = 200


def _read_one(path: Path) -> pl.DataFrame:
    if not path.is_file():
        raise InputError(f"{path}: no such file", hint="Give the path of a CSV link input.")
    try:
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
    except pl.exceptions.ComputeError as exc:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "utf-8" in text.lower() or "utf8" in text.lower():
            raise InputError(f"{path}: not UTF-8 text", hint="Save the file as UTF-8 CSV.") from exc
        raise InputError(
            f"{path}: not a readable CSV file ({text[:200]})",
            hint="Every row needs as many fields as the header; quote fields holding commas.",
        ) from exc
    except pl.exceptions.NoDataError:
        raise InputError(
            f"{path}: the file is empty", hint="The first row names the columns."
        ) from None
    frame = frame.rename({c: c.strip().lower().lstrip("\ufeff") for c in frame.columns})
    missing = [c for c in INPUT_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            hint="The first row must name the columns " + ", ".join(INPUT_COLUMNS) + ".",
        )
    columns = [*INPUT_COLUMNS, *(c for c in OPTIONAL_COLUMNS if c in frame.columns)]
    return frame.select(columns).with_columns(
        _file=pl.lit(str(path)), _row=pl.int_range(2, frame.height + 2, dtype=pl.Int64)
    )


def read_link_csv(paths: Sequence[Path]) -> pl.DataFrame:
    """Read and check one or more CSV link inputs; errors name the file, the row and the value."""
    if not paths:
        raise InputError("No input file given.", hint="accord link INPUT.csv --out CLUSTERS.csv")
    frames = [_read_one(Path(path)) for path in paths]
    frame = pl.concat(frames, how="diagonal_relaxed")
    for column in OPTIONAL_COLUMNS:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.Utf8).alias(column))
    check_input(frame)
    return frame.drop("_file", "_row")


def _where(frame: pl.DataFrame, mask: pl.Expr) -> str:
    first = frame.filter(mask).row(0, named=True)
    if "_file" in frame.columns:
        return f"{first['_file']}, row {first['_row']}"
    return "the input"


def check_input(frame: pl.DataFrame) -> None:
    """Refuse an input whose records cannot be told apart: an empty, overlong or repeated
    ``record_id``. Every other bad value is read as unknown, not refused."""
    missing = [c for c in INPUT_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(f"The link input lacks the columns {', '.join(missing)}.")
    record_id = pl.col("record_id").str.strip_chars()
    empty = record_id.is_null() | (record_id.str.len_chars() == 0)
    if frame.select(empty.any()).item():
        raise InputError(
            f"{_where(frame, empty)}: empty record_id",
            hint="Every record needs its own record_id.",
        )
    long = pl.col("record_id").str.len_chars() > _MAX_ID
    if frame.select(long.any()).item():
        raise InputError(
            f"{_where(frame, long)}: record_id longer than {_MAX_ID} characters",
            hint="Use the record's reference in its source system.",
        )
    repeated = pl.col("record_id").is_duplicated()
    if frame.select(repeated.any()).item():
        value = frame.filter(repeated).item(0, "record_id")
        raise InputError(
            f"{_where(frame, repeated)}: record_id {value[:80]!r} appears more than once",
            hint="Each record once; the same record in two files needs one row only.",
        )
