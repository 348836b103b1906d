"""FollowTheMoney entity streams: each line one entity, read as a row of its own schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from accord.ingest.builder import MULTI
from accord.ingest.mapping import Mapping, Source
from accord.ingest.readers import MAX_LINE_BYTES, Row
from accord.model.schemata import get_model

__all__ = ["entity_header", "entity_rows", "schema_mapping"]


@lru_cache(maxsize=256)
def entity_header(schema: str) -> tuple[str, ...]:
    """The columns an entity of ``schema`` is read into: its id, then its properties."""
    found = get_model()[schema]
    return ("id", *sorted(name for name, prop in found.properties.items() if not prop.stub))


def schema_mapping(schema: str, envelope_from: Mapping) -> Mapping:
    """A mapping that reads an entity of ``schema`` whose properties are the row's columns."""
    found = get_model().get(schema)
    assert found is not None
    properties = {
        name: Source(column=name, ref="" if found.properties[name].type.name == "entity" else None)
        for name in entity_header(schema)[1:]
    }
    return Mapping(
        schema=found,
        key=("id",),
        properties=properties,
        envelope=envelope_from.envelope,
        path=envelope_from.path,
    )


def entity_rows(path: Path) -> Iterator[tuple[str | None, Row]]:
    """(schema, row) for every line; schema is None when the line is not a usable entity."""
    model = get_model()
    with path.open("rb") as fh:
        number = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (more := fh.readline(MAX_LINE_BYTES)) and not more.endswith(b"\n"):
                    pass
                yield None, Row(number, None, f"the line is longer than {MAX_LINE_BYTES} bytes")
                continue
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                yield None, Row(number, None, "the line is not a JSON entity")
                continue
            if not isinstance(data, dict):
                yield None, Row(number, None, "the line is not a JSON object")
                continue
            schema = model.get(str(data.get("schema")))
            if schema is None or not data.get("id"):
                yield None, Row(number, None, f"unknown schema {data.get('schema')!r} or no id")
                continue
            props = data.get("properties") or {}
            unknown = [p for p in props if p not in schema.properties]
            if unknown:
                yield None, Row(number, None, f"{schema.name} has no property {unknown[0]!r}")
                continue
            values = [str(data["id"])]
            for name in entity_header(schema.name)[1:]:
                items = props.get(name) or []
                items = items if isinstance(items, list) else [items]
                values.append(MULTI.join(str(item) for item in items if item is not None))
            yield schema.name, Row(number, values)
