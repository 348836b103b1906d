"""A link input built from a generated region (``accord scenario generate``) and its truth.

Each Person file of the manifest is read with its own mapping (columns, CSV dialect, encoding,
date formats) and projected onto the link input columns; ``truth/identities.csv`` gives each
record's true person. Reads only files: no import of the generator.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from accord.errors import InputError
from accord.linkage.inputs import INPUT_COLUMNS, OPTIONAL_COLUMNS

__all__ = ["read_region"]

# link input column -> the FtM properties it is taken from, in order of preference
_PROPERTIES = {
    "first_name": ("firstName",),
    "last_name": ("lastName",),
    "birth_date": ("birthDate",),
    "sex": ("gender",),
    "nationality": ("nationality",),
    "document_number": ("idNumber", "passportNumber"),
    "birth_place": ("birthPlace",),
    "father_name": ("fatherName",),
    "phone": ("phone",),
    "registered_on": (),  # from the participant's border crossings (_registrations)
}


def _read_csv(path: Path, mapping: dict[str, Any]) -> pl.DataFrame:
    dialect = mapping.get("csv") or {}
    encoding = str(dialect.get("encoding") or "utf-8")
    text = path.read_bytes().decode(encoding, errors="replace")
    return pl.read_csv(
        io.StringIO(text),
        separator=str(dialect.get("delimiter") or ","),
        infer_schema=False,
    )


def _dates(column: pl.Expr, formats: list[str]) -> pl.Expr:
    """ISO text from the mapping's declared formats, else the raw text for the generic reader."""
    parsed = [
        column.str.strptime(pl.Date, fmt, strict=False, exact=True).dt.to_string("%Y-%m-%d")
        for fmt in formats
    ]
    return pl.coalesce(*parsed, column) if parsed else column


def _project(frame: pl.DataFrame, entry: dict[str, Any], mapping: dict[str, Any]) -> pl.DataFrame:
    props = mapping.get("properties") or {}
    key = mapping.get("key") or []
    ident = pl.concat_str([pl.col(k) for k in key], separator="|")
    columns: list[pl.Expr] = [
        pl.concat_str(
            [pl.lit(f"{entry['participant']}/{entry['authority']}/{entry['dataset']}/"), ident]
        ).alias("record_id"),
        pl.lit(entry["participant"]).alias("participant"),
        ident.alias("_key"),
    ]
    for target, sources in _PROPERTIES.items():
        found = [props[s]["column"] for s in sources if isinstance(props.get(s), dict)]
        found = [c for c in found if c in frame.columns]
        if not found:
            columns.append(pl.lit(None, dtype=pl.Utf8).alias(target))
            continue
        joined = pl.concat_str([pl.col(c) for c in found], separator=";", ignore_nulls=True)
        # all sources empty: unknown, not "" (an empty string would block with every other)
        value: pl.Expr = pl.when(joined.str.len_chars() > 0).then(joined)
        if target == "birth_date":
            value = _dates(pl.col(found[0]), list(props["birthDate"].get("formats") or []))
        columns.append(value.alias(target))
    return frame.select(columns).with_columns(
        _participant=pl.lit(entry["participant"]),
        _authority=pl.lit(entry["authority"]),
        _dataset=pl.lit(entry["dataset"]),
    )


def _registrations(folder: Path, entry: dict[str, Any]) -> pl.DataFrame | None:
    """``_participant``, ``_dataset``, ``_key`` of the Person record a border-crossing file
    names, and the ISO date of each crossing it records of that person."""
    mapping = yaml.safe_load((folder / entry["mapping"]).read_text(encoding="utf-8"))
    props = mapping.get("properties") or {}
    person, day = props.get("person"), props.get("date")
    if not isinstance(person, dict) or not isinstance(day, dict) or not person.get("ref"):
        return None
    frame = _read_csv(folder / entry["path"], mapping)
    return frame.select(
        pl.lit(entry["participant"]).alias("_participant"),
        pl.lit(str(person["ref"])).alias("_dataset"),
        pl.col(person["column"]).alias("_key"),
        _dates(pl.col(day["column"]), list(day.get("formats") or [])).alias("registered_on"),
    )


def _with_registrations(
    records: pl.DataFrame, folder: Path, manifest: dict[str, Any]
) -> pl.DataFrame:
    """Each record's dates of registration: the days its participant's border police recorded
    the person crossing (a border record is made at the crossing), ``;`` between several."""
    found = [
        _registrations(folder, entry)
        for entry in manifest["files"]
        if entry.get("schema") == "BorderCrossing"
    ]
    frames = [f for f in found if f is not None]
    if not frames:
        return records.with_columns(registered_on=pl.lit(None, dtype=pl.Utf8))
    dates = (
        pl.concat(frames)
        .drop_nulls()
        .group_by("_participant", "_dataset", "_key")
        .agg(pl.col("registered_on").unique().sort().str.join(";"))
    )
    return records.join(dates, on=["_participant", "_dataset", "_key"], how="left")


def read_region(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The link input of every Person file in a generated region, and the truth
    ``(record_id, person_uid)`` for the records it names."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise InputError(
            f"{folder} has no manifest.json.",
            hint="Point at the output folder of `accord scenario generate`.",
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    parts = []
    for entry in manifest["files"]:
        if entry.get("schema") != "Person":
            continue
        mapping = yaml.safe_load((folder / entry["mapping"]).read_text(encoding="utf-8"))
        parts.append(_project(_read_csv(folder / entry["path"], mapping), entry, mapping))
    if not parts:
        raise InputError(f"{folder}: the manifest lists no Person file.")
    records = _with_registrations(pl.concat(parts).drop("registered_on"), folder, manifest)
    truth = pl.read_csv(folder / "truth" / "identities.csv", infer_schema=False)
    joined = records.join(
        truth,
        left_on=["_participant", "_authority", "_dataset", "_key"],
        right_on=["participant", "authority", "dataset", "key"],
        how="left",
    )
    link_input = joined.select(*INPUT_COLUMNS, *OPTIONAL_COLUMNS)
    return link_input, joined.select("record_id", "person_uid")
