"""A chunk's checked records, column by column, and as an image for the trip between processes.

A worker hands its records to the main process as the image of a small SQLite database
(:class:`accord.store.batch.RecordImage`) instead of a list of tuples: pickling one byte string
costs next to nothing, where pickling and unpickling five short strings a row was a good part of
both processes' work, and a store on SQLite copies the image's rows into its table with one
statement, without a Python object per row in the main process.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from typing import Any

import polars as pl

from accord.store.batch import RecordImage

__all__ = ["RecordColumns"]


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

    def image(self) -> RecordImage:
        """The records as an SQLite database image, in id order (see :class:`RecordImage`)."""
        return RecordImage.of(
            self.schema,
            self.ids,
            self.captions.to_list(),
            self.properties.to_list(),
            self.envelope_ids.to_list(),
            self.content_hashes,
        )
