"""Build the chunks of a large file in worker processes while the main process stores them.

Each worker loads the mapping itself and keeps its own caches of checked values; chunks go out
as polars frames and come back as checked records, in order, with a bounded number in flight so
that memory stays bounded whatever the file's size.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from accord.ingest.builder import RowBuilder
from accord.ingest.mapping import load_mapping
from accord.model.reference import RetentionTable
from accord.store.batch import Chunk

__all__ = ["PARALLEL_MIN_ROWS", "BuilderSpec", "parallel_frame_chunks"]

#: Below this many rows, starting worker processes costs more than it saves.
PARALLEL_MIN_ROWS = 150_000
_WORKER: RowBuilder | None = None


@dataclass(frozen=True)
class BuilderSpec:
    """What a worker needs to build the same RowBuilder as the main process."""

    mapping: Path
    participant: str
    authority: str
    dataset: str
    id_key: bytes
    retention: RetentionTable
    today: date
    source: str

    def build(self) -> RowBuilder:
        return RowBuilder(
            load_mapping(self.mapping, tabular=True),
            participant=self.participant,
            authority=self.authority,
            dataset=self.dataset,
            id_key=self.id_key,
            retention=self.retention,
            today=self.today,
            source=self.source,
        )


def _start(spec: BuilderSpec) -> None:
    global _WORKER
    _WORKER = spec.build()


def _build(frame: pl.DataFrame, first_row: int) -> Chunk:
    assert _WORKER is not None
    return _WORKER.build_frame(frame, range(first_row, first_row + frame.height))


def parallel_frame_chunks(
    frame: pl.DataFrame,
    spec: BuilderSpec,
    chunk_rows: int,
    on_rows: Callable[[int], None] | None,
    workers: int = 2,
    in_flight: int = 4,
) -> Iterator[Chunk]:
    """The checked chunks of ``frame`` in order (row i of the frame is file line i + 2)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(spec,)) as pool:  # fmt: skip
        pending: deque[tuple[Future[Chunk], int]] = deque()
        starts = iter(range(0, frame.height, chunk_rows))
        for start in starts:
            pending.append((pool.submit(_build, frame.slice(start, chunk_rows), start + 2), start))
            if len(pending) >= in_flight:
                break
        while pending:
            future, start = pending.popleft()
            chunk = future.result()
            following = next(starts, None)
            if following is not None:
                part = frame.slice(following, chunk_rows)
                pending.append((pool.submit(_build, part, following + 2), following))
            if on_rows:
                on_rows(chunk.read)
            yield chunk
