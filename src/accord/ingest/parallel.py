"""Build the chunks of a large file in worker processes while the main process stores them.

Each worker loads the mapping itself and keeps its own caches of checked values; chunks go out
as polars frames and come back as checked records, in order, with a bounded number in flight so
that memory stays bounded whatever the file's size. Starting a worker (importing the libraries,
loading the schemata) takes seconds, so the pool is started as soon as a file is known to be
large, and the workers load while the main process is still reading the file.
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

__all__ = ["PARALLEL_MIN_ROWS", "WORKERS", "BuilderPool", "BuilderSpec"]

#: Below this many rows, starting worker processes costs more than it saves.
PARALLEL_MIN_ROWS = 150_000
#: Worker processes for a large file: the machines this runs on have two cores or more.
WORKERS = 2
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


def _ready() -> None:
    """Nothing: submitted once per worker so that every worker starts at once."""


class BuilderPool:
    """Worker processes that build the chunks of one file; close it when done."""

    def __init__(self, spec: BuilderSpec, workers: int = WORKERS) -> None:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start, initargs=(spec,)
        )
        for _ in range(workers):
            self._pool.submit(_ready)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def chunks(
        self,
        frame: pl.DataFrame,
        chunk_rows: int,
        on_rows: Callable[[int], None] | None,
        in_flight: int = 4,
    ) -> Iterator[Chunk]:
        """The checked chunks of ``frame`` in order (row i of the frame is file line i + 2)."""
        pool = self._pool
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
