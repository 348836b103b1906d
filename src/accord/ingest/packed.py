"""A chunk's checked records, column by column, and packed for the trip between processes.

A worker hands its records to the main process as one text per column, the values joined by
NUL, instead of a list of tuples: pickling a few long strings costs next to nothing, where
pickling and unpickling five short strings a row was a good part of both processes' work.
``str.split`` then rebuilds the values in the main process at C speed. The checks strip every
control character from values, so NUL cannot occur in them; a chunk where it does all the
same is sent as plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from typing import Any

import polars as pl

__all__ = ["PackedRecords", "RecordColumns"]

_SEPARATOR = "\x00"


@dataclass(frozen=True)
class PackedRecords:
    """Record columns as NUL-joined texts (or, where a value holds a NUL, as lists)."""

    count: int
    schema: str
    ids: str
    captions: str | list[str]
    properties: str | list[str]
    envelope_ids: str
    content_hashes: str

    def rows(self) -> list[tuple[Any, ...]]:
        """The record tuples, in :data:`accord.store.batch.RECORD_COLUMNS` order."""
        return list(
            zip(
                self.ids.split(_SEPARATOR),
                repeat(self.schema, self.count),
                _values(self.captions),
                _values(self.properties),
                self.envelope_ids.split(_SEPARATOR),
                self.content_hashes.split(_SEPARATOR),
                strict=True,
            )
        )


def _values(packed: str | list[str]) -> list[str]:
    return packed.split(_SEPARATOR) if isinstance(packed, str) else packed


def _joined(values: pl.Series) -> str | list[str]:
    if values.str.contains(_SEPARATOR, literal=True).any():
        return values.to_list()
    return str(values.str.join(_SEPARATOR).item())


@dataclass(frozen=True)
class RecordColumns:
    """A chunk's records as columns; the text columns stay in polars until they are needed."""

    ids: list[str]
    schema: str
    captions: pl.Series
    properties: pl.Series
    envelope_ids: pl.Series
    content_hashes: list[str]

    def rows(self) -> list[tuple[Any, ...]]:
        """The record tuples, in :data:`accord.store.batch.RECORD_COLUMNS` order."""
        return list(
            zip(
                self.ids,
                repeat(self.schema, len(self.ids)),
                self.captions.to_list(),
                self.properties.to_list(),
                self.envelope_ids.to_list(),
                self.content_hashes,
                strict=True,
            )
        )

    def pack(self) -> PackedRecords:
        # Ids, envelope ids and hashes are hex and ASCII letters: no NUL possible.
        return PackedRecords(
            count=len(self.ids),
            schema=self.schema,
            ids=_SEPARATOR.join(self.ids),
            captions=_joined(self.captions),
            properties=_joined(self.properties),
            envelope_ids=str(self.envelope_ids.str.join(_SEPARATOR).item()),
            content_hashes=_SEPARATOR.join(self.content_hashes),
        )
