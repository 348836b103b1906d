"""The catalogue of the scenario's datasets: one :class:`DatasetSpec` per file.

A spec says which participant and authority publish the file, its schema, its columns (logical
names, and the names in the participant's language), how columns become FtM properties, and how
the envelope is filled. The mapping files (docs/mapping.md) are written from the specs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.scenario.columns import kinds
from accord.scenario.conventions import DATE_FORMATS, Convention, header

__all__ = ["COLUMN", "DatasetSpec", "build"]

#: Envelope fields that a dataset may fill per row instead of by a literal.
ENVELOPE_ORDER = (
    "handling",
    "handling_note",
    "source_reliability",
    "information_accuracy",
    "subject_category",
    "nature",
    "purpose",
    "legal_basis",
    "alert",
)
COLUMN = object()  # marks an envelope field read per row


@dataclass(frozen=True)
class DatasetSpec:
    """One file of the scenario and how it maps to entities and envelopes."""

    participant: str
    authority: str
    dataset: str
    schema: str
    kind: str
    columns: tuple[str, ...]  # logical names, file order; the first is the key
    headers: tuple[str, ...]  # names in the file
    properties: tuple[tuple[str, dict[str, Any]], ...]  # FtM property -> source (file terms)
    envelope: tuple[tuple[str, Any], ...]  # field -> literal or {"column": name}
    delimiter: str
    encoding: str
    date_style: str
    refs: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.participant}/{self.dataset}"

    @property
    def path(self) -> str:
        return f"{self.participant}/{self.dataset}.csv"

    @property
    def mapping_path(self) -> str:
        return f"{self.participant}/{self.dataset}.mapping.yaml"

    def mapping(self) -> dict[str, Any]:
        """The mapping document (docs/mapping.md) of this dataset."""
        return {
            "schema": self.schema,
            "key": [self.headers[0]],
            "properties": dict(self.properties),
            "envelope": dict(self.envelope),
            "csv": {"delimiter": self.delimiter, "encoding": self.encoding},
        }


def build(
    conv: Convention,
    authority: str,
    kind: str,
    envelope: dict[str, Any],
    dataset: str | None = None,
) -> DatasetSpec:
    schema, fields = kinds()[kind]
    language = conv.language
    columns: list[str] = []
    properties: list[tuple[str, dict[str, Any]]] = []
    refs: list[str] = []
    for column, prop, options in fields:
        if "template" in options:
            parts = " ".join("{" + header(language, part) + "}" for part in options["template"])
            properties.append((prop or column, {"template": parts}))
            continue
        columns.append(column)
        if prop is None:
            continue
        source: dict[str, Any] = {"column": header(language, column)}
        if options.get("ref"):
            source["ref"] = options["ref"]
            refs.append(options["ref"])
        if options.get("date"):
            source["formats"] = list(DATE_FORMATS[conv.date_style])
        properties.append((prop, source))
    env: list[tuple[str, Any]] = []
    for field in ENVELOPE_ORDER:
        if field not in envelope:
            continue
        value = envelope[field]
        if value is COLUMN:
            columns.append(field)
            env.append((field, {"column": field}))
        else:
            env.append((field, value))
    return DatasetSpec(
        participant=conv.participant,
        authority=authority,
        dataset=dataset or kind,
        schema=schema,
        kind=kind,
        columns=tuple(columns),
        headers=tuple(header(language, column) for column in columns),
        properties=tuple(properties),
        envelope=tuple(env),
        delimiter=conv.delimiter,
        encoding=conv.encoding,
        date_style=conv.date_style,
        refs=tuple(sorted(set(refs))),
    )
