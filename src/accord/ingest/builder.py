"""Turn rows into checked records, column by column: each distinct value of a column is
validated once, then rows are assembled. Rows that fail go to quarantine with their reasons."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from accord.errors import InputError
from accord.ingest.envelope_values import envelope_validator
from accord.ingest.mapping import Mapping, Source
from accord.ingest.readers import Row
from accord.ingest.values import Invalid, validator_for
from accord.model.codes import SubjectCategory
from accord.model.ids import content_hash, record_id
from accord.model.reference import RetentionTable
from accord.store.batch import Chunk, QuarantineRow

__all__ = ["MULTI", "RowBuilder"]

_MISSING = object()
#: Separates several values of one property in one cell (FtM entity streams).
MULTI = "\x1e"


@dataclass
class _Column:
    """A mapped value: its source and cleaning function, with a cache of distinct values."""

    source: Source
    clean: Callable[[str], str]
    cache: dict[str, str | Invalid]

    def values(self, row: dict[str, str]) -> list[str] | Invalid | None:
        """All values of a cell; FtM streams join a property's several values with RS."""
        found = self.value(row)
        if isinstance(found, str) and MULTI in found:
            out: list[str] = []
            for part in found.split(MULTI):
                cleaned = self._clean(part.strip()) if part.strip() else None
                if isinstance(cleaned, Invalid):
                    return cleaned
                if cleaned is not None and cleaned not in out:
                    out.append(cleaned)
            return out or None
        return None if found is None else found if isinstance(found, Invalid) else [found]

    def value(self, row: dict[str, str]) -> str | Invalid | None:
        if self.source.column is not None:
            raw = row.get(self.source.column, "")
        elif self.source.template is not None:
            raw = self.source.template.format_map(_Blank(row))
        else:
            raw = "" if self.source.literal is None else str(self.source.literal)
        raw = raw.strip()
        if not raw:
            return None
        if MULTI in raw:
            return raw
        return self._clean(raw)

    def _clean(self, raw: str) -> str | Invalid:
        found = self.cache.get(raw, _MISSING)
        if found is _MISSING:
            try:
                found = self.clean(raw)
            except Invalid as exc:
                found = exc
            if len(self.cache) < 200_000:
                self.cache[raw] = found
        return found  # type: ignore[return-value]


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


class RowBuilder:
    """Builds the records table's rows for one file of one participant, authority and dataset."""

    def __init__(
        self,
        mapping: Mapping,
        *,
        participant: str,
        authority: str,
        dataset: str,
        id_key: bytes,
        retention: RetentionTable,
        today: date,
        source: str,
    ) -> None:
        self.mapping = mapping
        self.participant, self.authority, self.dataset = participant, authority, dataset
        self.id_key, self.retention, self.today, self.source = id_key, retention, today, source
        self.columns = {
            name: _Column(src, self._prop_cleaner(name, src), {})
            for name, src in mapping.properties.items()
        }
        self.envelope = {
            name: _Column(src, envelope_validator(name), {})
            for name, src in mapping.envelope.items()
        }
        self._check_literals()
        self.required = [p for p in mapping.schema.required if p in mapping.properties]
        self.caption_props = list(mapping.schema.caption)

    def _check_literals(self) -> None:
        """A bad literal in the mapping would fail every row: stop before reading any."""
        for kind, columns in (("property", self.columns), ("envelope field", self.envelope)):
            for name, column in columns.items():
                if column.source.literal is None:
                    continue
                found = column.value({})
                if isinstance(found, Invalid):
                    raise InputError(
                        f"Mapping {self.mapping.path}: the {kind} {name} is set to "
                        f"{column.source.literal!r}, which is {found}.",
                        hint="Correct the value in the mapping file.",
                    )

    def _prop_cleaner(self, name: str, source: Source) -> Callable[[str], str]:
        if source.ref is not None:
            dataset = source.ref or self.dataset
            return lambda raw: record_id(
                self.id_key, self.participant, self.authority, dataset, raw
            )
        prop = self.mapping.prop(name)
        return validator_for(prop, self.participant, source.formats)

    def build(self, rows: Sequence[Row]) -> Chunk:
        chunk = Chunk(read=len(rows))
        for row in rows:
            if row.values is None:
                chunk.quarantined.append(
                    QuarantineRow(self.source, row.number, "(row)", "", row.problem or "", {})
                )
                continue
            built = self._record(row.number, row.values)
            if isinstance(built, QuarantineRow):
                chunk.quarantined.append(built)
            else:
                chunk.records.append(built)
                chunk.row_numbers.append(row.number)
        return chunk

    def _record(self, number: int, values: dict[str, str]) -> dict[str, Any] | QuarantineRow:
        problems: list[tuple[str, str, str]] = []
        key_parts = [values.get(column, "").strip() for column in self.mapping.key]
        for key_column, part in zip(self.mapping.key, key_parts, strict=True):
            if not part:
                problems.append(
                    (key_column, "", "the key column is empty; every row needs its key")
                )
        properties: dict[str, list[str]] = {}
        for name, column in self.columns.items():
            found = column.values(values)
            if isinstance(found, Invalid):
                problems.append(_problem(column.source, name, values, found))
            elif found is not None:
                properties[name] = found
        for name in self.required:
            if name not in properties and not any(p[0] == name for p in problems):
                problems.append((name, "", f"{name} is required for {self.mapping.schema.name}"))
        envelope: dict[str, str] = {}
        for name, column in self.envelope.items():
            value = column.value(values)
            if isinstance(value, Invalid):
                problems.append(_problem(column.source, name, values, value))
            elif value is not None:
                envelope[name] = value
        for name in (
            "handling",
            "source_reliability",
            "information_accuracy",
            "subject_category",
            "nature",
            "purpose",
            "legal_basis",
        ):
            if name not in envelope and not any(p[0] == name for p in problems):
                problems.append((name, "", f"the envelope field {name} is empty"))
        if "H3" in envelope.get("handling", "") and not envelope.get("handling_note"):
            problems.append(("handling_note", "", "H3 needs its restriction stated in words"))
        if problems:
            field, value, _ = problems[0]
            reason = "; ".join(f"{f}: {r}" for f, _, r in problems)
            return QuarantineRow(self.source, number, field, value, reason, values)
        return self._row(key_parts, properties, envelope)

    def _row(
        self, key_parts: list[str], properties: dict[str, list[str]], envelope: dict[str, str]
    ) -> dict[str, Any]:
        review, delete = self.retention.dates(
            SubjectCategory(envelope["subject_category"]), self.today
        )
        explicit = sorted(envelope.items())
        review_date = (
            date.fromisoformat(envelope["review_date"]) if "review_date" in envelope else review
        )
        delete_by = date.fromisoformat(envelope["delete_by"]) if "delete_by" in envelope else delete
        if delete_by < review_date:
            review_date = delete_by
        text = json.dumps(properties, ensure_ascii=False, sort_keys=True)
        caption = next((properties[p][0] for p in self.caption_props if p in properties), "")
        return {
            "id": record_id(
                self.id_key, self.participant, self.authority, self.dataset, "\x1e".join(key_parts)
            ),
            "schema": self.mapping.schema.name,
            "caption": caption[:500],
            "properties": text,
            "participant": self.participant,
            "authority": self.authority,
            "dataset": self.dataset,
            "handling": envelope["handling"],
            "handling_note": envelope.get("handling_note"),
            "source_reliability": envelope["source_reliability"],
            "information_accuracy": envelope["information_accuracy"],
            "subject_category": envelope["subject_category"],
            "nature": envelope["nature"],
            "purpose": envelope["purpose"],
            "legal_basis": envelope["legal_basis"],
            "review_date": review_date,
            "delete_by": delete_by,
            "alert": envelope.get("alert"),
            "content_hash": content_hash([("properties", text), *explicit]),
        }


def _problem(
    source: Source, name: str, values: dict[str, str], error: Invalid
) -> tuple[str, str, str]:
    """(field, value, reason) of a value that failed: the column's name and its text."""
    if source.column is not None:
        return source.column, values.get(source.column, "")[:500], str(error)
    return name, str(source.literal or "")[:500], str(error)
