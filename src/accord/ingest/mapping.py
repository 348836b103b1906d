"""Mapping files: how a file's columns become one entity per row and how its envelope is filled.

The format is documented in docs/mapping.md. A mapping is checked completely when it is loaded,
so that a mistake in it stops the ingest before any row is read.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from followthemoney.property import Property
from followthemoney.schema import Schema

from accord.errors import InputError
from accord.model.envelope import ENVELOPE_FIELDS
from accord.model.schemata import get_schema

__all__ = ["CsvOptions", "Mapping", "Source", "load_mapping", "parse_mapping"]

_REQUIRED_ENVELOPE = (
    "handling",
    "source_reliability",
    "information_accuracy",
    "subject_category",
    "nature",
    "purpose",
    "legal_basis",
)
_MAPPED_ENVELOPE = tuple(
    f for f in ENVELOPE_FIELDS if f not in ("participant", "authority", "dataset")
)


@dataclass(frozen=True)
class Source:
    """Where one value comes from: a column, a template over columns, or a literal."""

    column: str | None = None
    template: str | None = None
    literal: Any = None
    ref: str | None = None
    formats: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        if self.column is not None:
            return (self.column,)
        if self.template is not None:
            names = [f for _, f, _, _ in string.Formatter().parse(self.template) if f]
            return tuple(names)
        return ()


@dataclass(frozen=True)
class CsvOptions:
    delimiter: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Mapping:
    schema: Schema
    key: tuple[str, ...]
    properties: dict[str, Source]
    envelope: dict[str, Source]
    csv: CsvOptions = field(default_factory=CsvOptions)
    path: str = "<mapping>"

    @property
    def columns(self) -> set[str]:
        """Every column the mapping reads."""
        used = set(self.key)
        for source in [*self.properties.values(), *self.envelope.values()]:
            used.update(source.columns)
        return used

    def prop(self, name: str) -> Property:
        return self.schema.properties[name]


def _source(spec: Any, where: str) -> Source:
    if isinstance(spec, list):
        return Source(literal=",".join(str(item) for item in spec))
    if not isinstance(spec, dict):
        return Source(literal=spec)
    known = {"column", "template", "literal", "ref", "formats", "format"}
    unknown = set(spec) - known
    if unknown:
        raise InputError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}.",
            hint="A value comes from {column: NAME}, {template: '{a} {b}'} or {literal: VALUE}.",
        )
    given = [k for k in ("column", "template", "literal") if k in spec]
    if len(given) != 1:
        raise InputError(f"{where}: give exactly one of column, template or literal.")
    formats = spec.get("formats") or ([spec["format"]] if spec.get("format") else [])
    ref = spec.get("ref")
    return Source(
        column=str(spec["column"]) if "column" in spec else None,
        template=str(spec["template"]) if "template" in spec else None,
        literal=spec.get("literal"),
        ref=None if ref is None else ("" if ref is True else str(ref)),
        formats=tuple(str(f) for f in formats),
    )


def parse_mapping(data: Any, path: str = "<mapping>", *, tabular: bool = True) -> Mapping:
    """Check and build a mapping from its parsed YAML."""
    if not isinstance(data, dict):
        raise InputError(f"Mapping {path} is not a YAML mapping.", hint="See docs/mapping.md.")
    schema_name = data.get("schema")
    if tabular and not schema_name:
        raise InputError(
            f"Mapping {path} names no schema.", hint="Add `schema: Person` (or other)."
        )
    schema = get_schema(str(schema_name or "Thing"))
    key = data.get("key") or []
    key = [key] if isinstance(key, str) else list(key)
    if tabular and not key:
        raise InputError(
            f"Mapping {path} has no key.",
            hint="Name the column(s) identifying a row, e.g. `key: [person_id]`; re-runs then "
            "store nothing twice.",
        )
    properties: dict[str, Source] = {}
    for name, spec in (data.get("properties") or {}).items():
        if name not in schema.properties:
            raise InputError(
                f"Mapping {path}: {schema.name} has no property {name!r}.",
                hint=f"Check the spelling; `accord schema {schema.name}` lists its properties.",
            )
        source = _source(spec, f"Mapping {path}, property {name}")
        if source.ref is not None and schema.properties[name].type.name != "entity":
            raise InputError(f"Mapping {path}: {name} is not an entity property; drop `ref`.")
        properties[name] = source
    envelope: dict[str, Source] = {}
    for name, spec in (data.get("envelope") or {}).items():
        if name not in _MAPPED_ENVELOPE:
            raise InputError(
                f"Mapping {path}: unknown envelope field {name!r}.",
                hint="Envelope fields: " + ", ".join(_MAPPED_ENVELOPE) + ".",
            )
        if spec is not None:
            envelope[name] = _source(spec, f"Mapping {path}, envelope {name}")
    missing = [name for name in _REQUIRED_ENVELOPE if name not in envelope]
    if missing:
        raise InputError(
            f"Mapping {path}: the envelope field(s) {', '.join(missing)} are missing.",
            hint="Every record must carry a complete envelope; set them under `envelope:` as a "
            "literal default or {column: NAME}.",
        )
    csv_spec = data.get("csv") or {}
    delimiter = csv_spec.get("delimiter")
    if delimiter is not None and len(str(delimiter)) != 1:
        raise InputError(f"Mapping {path}: the CSV delimiter must be one character.")
    return Mapping(
        schema=schema,
        key=tuple(str(k) for k in key),
        properties=properties,
        envelope=envelope,
        csv=CsvOptions(delimiter=delimiter, encoding=csv_spec.get("encoding")),
        path=path,
    )


def load_mapping(path: Path, *, tabular: bool = True) -> Mapping:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"Mapping file {path} does not exist.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"Mapping file {path} is not UTF-8 text.") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"Mapping file {path} is not valid YAML: {exc}") from exc
    return parse_mapping(data, str(path), tabular=tabular)
