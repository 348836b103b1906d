"""Appending chunks to the scenario's files: one CSV per dataset, in its declared encoding.

Files are opened when their first rows arrive and written in the order the chunks are produced,
so the output is the same whether one or several processes generated the chunks.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from accord.scenario.datasets import DatasetSpec
from accord.scenario.scripts import ascii_fold
from accord.scenario.sink import TRUTH_FILES, Batch

__all__ = ["OutputWriter"]


class OutputWriter:
    """Open file handles of one scenario directory."""

    def __init__(self, out: Path, specs: dict[str, DatasetSpec]) -> None:
        self.out = out
        self.specs = specs
        self.rows: dict[str, int] = {}
        self.truth_rows: dict[str, int] = {}
        self._files: dict[str, BinaryIO] = {}

    def _open(
        self, relative: str, header: tuple[str, ...], delimiter: str, encoding: str
    ) -> BinaryIO:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("wb")
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(header)
        handle.write(buffer.getvalue().encode(encoding))
        return handle

    def write(self, batch: Batch) -> None:
        for dataset_id, text in batch.texts.items():
            spec = self.specs[dataset_id]
            handle = self._files.get(dataset_id)
            if handle is None:
                handle = self._open(spec.path, spec.headers, spec.delimiter, spec.encoding)
                self._files[dataset_id] = handle
                self.rows[dataset_id] = 0
            handle.write(_encode(text, spec.encoding))
            self.rows[dataset_id] += batch.rows[dataset_id]
        for name, text in batch.truth.items():
            handle = self._files.get(f"truth/{name}")
            if handle is None:
                handle = self._open(f"truth/{name}.csv", TRUTH_FILES[name], ",", "utf-8")
                self._files[f"truth/{name}"] = handle
                self.truth_rows[name] = 0
            handle.write(text.encode("utf-8"))
            self.truth_rows[name] += batch.truth_rows[name]

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()


def _encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; characters the code page lacks lose their diacritics, as a
    legacy system's export would write them."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        chars = []
        for char in text:
            try:
                char.encode(encoding)
                chars.append(char)
            except UnicodeEncodeError:
                folded = ascii_fold(char)
                chars.append(folded if folded.isascii() else "?")
        return "".join(chars).encode(encoding)
