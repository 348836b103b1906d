"""Collecting generated rows and truth in memory for one chunk, then as CSV text.

A :class:`Sink` is filled by the theme generators (in a worker or in the main process) and
drained into a :class:`Batch` of CSV texts that the writer appends to the files. Rows are kept
only until the chunk is drained, so memory stays bounded however large the scenario.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from accord.scenario.catalogue import catalogue
from accord.scenario.datasets import DatasetSpec
from accord.scenario.rng import KeyMaker, handling

__all__ = ["TRUTH_FILES", "Batch", "Sink"]

_EMPTY = itertools.repeat("")  # the value of a column a row does not fill

#: Truth files and their columns.
TRUTH_FILES: dict[str, tuple[str, ...]] = {
    "identities": ("participant", "authority", "dataset", "key", "person_uid"),
    "entities": ("participant", "authority", "dataset", "key", "entity_uid", "kind"),
    "families": ("family_id", "person_uid", "role"),
    "hard_negatives": ("uid_a", "uid_b", "kind"),
    "networks": ("network_id", "theme", "node_uid", "node_kind", "role"),
    "high_value_targets": ("person_uid", "network_id", "theme", "rank", "reasons"),
    "screening_hits": (
        "query_id", "screening_participant", "kind", "first_name", "last_name", "birth_date",
        "nationality", "document_number", "identifier", "expect_hit", "participant",
        "authority", "dataset", "key", "alert", "note",
    ),
    "asset_discrepancies": (
        "declarant_uid", "participant", "authority", "declaration_key", "item_kind",
        "declared_value", "registry_participant", "registry_authority", "registry_dataset",
        "registry_key", "registry_value", "discrepancy",
    ),
    "firearm_traces": (
        "firearm_uid", "participant", "authority", "dataset", "key", "serial", "status",
    ),
}  # fmt: skip


@dataclass
class Batch:
    """The CSV text of one chunk, per dataset and per truth file, with counts."""

    texts: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    truth: dict[str, str] = field(default_factory=dict)
    truth_rows: dict[str, int] = field(default_factory=dict)
    counters: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    #: Rows by (participant, theme).
    theme_rows: Counter[tuple[str, str]] = field(default_factory=Counter)


class Sink:
    """Rows of one chunk, by dataset id, plus the truth they carry."""

    def __init__(self, seed: int, rng: random.Random) -> None:
        self.specs = catalogue()
        self.keys = KeyMaker(seed)
        self.rng = rng
        self._rows: dict[str, list[list[str]]] = defaultdict(list)
        self._truth: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        #: Aggregates (for example detections by month, route and nationality).
        self.counters: Counter[tuple[Any, ...]] = Counter()
        #: The theme being generated, for the per-theme row counts.
        self.theme = ""
        self._theme_rows: Counter[tuple[str, str]] = Counter()

    def spec(self, dataset_id: str) -> DatasetSpec:
        return self.specs[dataset_id]

    def key(self, dataset_id: str, number: int, seq: int = 0) -> str:
        return self.keys.key(dataset_id, self.specs[dataset_id].authority, number, seq)

    def add(self, dataset_id: str, row: dict[str, str]) -> str:
        """Append ``row`` (logical column -> value) to a dataset; returns its key."""
        spec = self.specs[dataset_id]
        if "handling" not in row:
            row["handling"], row["handling_note"] = handling(self.rng)
        self._rows[dataset_id].append(list(map(row.get, spec.columns, _EMPTY)))
        self._theme_rows[(spec.participant, self.theme)] += 1
        return row["key"]

    def person(self, dataset_id: str, row: dict[str, str], uid: str) -> str:
        """Append a Person row and its true identity."""
        key = self.add(dataset_id, row)
        spec = self.specs[dataset_id]
        self._truth["identities"].append((spec.participant, spec.authority, spec.dataset, key, uid))
        return key

    def entity(self, dataset_id: str, row: dict[str, str], uid: str, kind: str) -> str:
        """Append a row of a non-person entity and its true identity."""
        key = self.add(dataset_id, row)
        spec = self.specs[dataset_id]
        self._truth["entities"].append(
            (spec.participant, spec.authority, spec.dataset, key, uid, kind)
        )
        return key

    def truth(self, name: str, *values: object) -> None:
        self._truth[name].append(tuple("" if value is None else str(value) for value in values))

    def drain(self) -> Batch:
        """The chunk's rows as CSV text; the sink is empty afterwards."""
        batch = Batch(counters=self.counters, theme_rows=self._theme_rows)
        for dataset_id in sorted(self._rows):
            rows = self._rows[dataset_id]
            spec = self.specs[dataset_id]
            batch.texts[dataset_id] = _csv(rows, spec.delimiter)
            batch.rows[dataset_id] = len(rows)
        for name in sorted(self._truth):
            batch.truth[name] = _csv(self._truth[name], ",")
            batch.truth_rows[name] = len(self._truth[name])
        self._rows = defaultdict(list)
        self._truth = defaultdict(list)
        self.counters = Counter()
        self._theme_rows = Counter()
        return batch


def _csv(rows: list[list[str]] | list[tuple[str, ...]], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()
