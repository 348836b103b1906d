"""Build the chunks of a large file in worker processes while the main process stores them.

Each worker loads the mapping itself and keeps its own caches of checked values; chunks go out
as polars frames and come back as checked records (as the image of a small SQLite database, see
:mod:`accord.ingest.packed`), in order, with a bounded number in flight so that memory stays
bounded whatever the file's size.

Workers are forked from a fork server that has imported the libraries and loaded the schemata
once (:mod:`accord.ingest.preload`): starting a worker from scratch takes seconds, most of it
imports, and this way the cost is paid once per process rather than once per worker and file.
The server is a fresh interpreter with no threads, so forking from it is safe even when the
calling process runs polars or DuckDB threads (forking such a process directly is not). The
pool is still started as soon as a file is known to be large, so that the server loads while
the main process reads the file.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl
import psutil

from accord.ingest.builder import RowBuilder
from accord.ingest.mapping import load_mapping
from accord.model.reference import RetentionTable
from accord.store.batch import Chunk

__all__ = ["PARALLEL_MIN_ROWS", "WORKERS", "BuilderPool", "BuilderSpec", "WorkerUsage"]

#: Below this many rows, starting worker processes costs more than it saves.
PARALLEL_MIN_ROWS = 150_000
#: Worker processes for a large file: the machines this runs on have two cores or more.
WORKERS = 2
_WORKER: RowBuilder | None = None
#: How often a worker checks that the process owning the pool is still there.
_WATCH_SECONDS = 1.0
#: ``ru_maxrss`` is in bytes on macOS, in KiB elsewhere.
_MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024


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


def _start(spec: BuilderSpec, owner: int) -> None:
    global _WORKER
    _WORKER = spec.build()
    threading.Thread(target=_watch, args=(owner,), name="accord-owner-watch", daemon=True).start()


def _watch(owner: int) -> None:
    """End this worker once the process that owns the pool is gone.

    A worker forked from the fork server is not the owner's child and holds its own ends of the
    pool's queues, so it would not notice on its own: an owner that dies before shutting its
    pool down would leave the worker (and through it the fork server) running.
    """
    try:
        process = psutil.Process(owner)
        while process.is_running():  # also false once the id is reused by another process
            time.sleep(_WATCH_SECONDS)
    except psutil.Error:
        pass
    os._exit(0)


@dataclass(frozen=True)
class _Built:
    """A worker's answer: the checked chunk, its records as an image (see
    :mod:`accord.ingest.packed`), and the worker's processor time so far."""

    chunk: Chunk
    worker: int
    server: int
    cpu_seconds: float
    peak_bytes: int


def _build(frame: pl.DataFrame, first_row: int) -> _Built:
    assert _WORKER is not None
    chunk, columns = _WORKER.build_columns(frame, range(first_row, first_row + frame.height))
    if columns is not None:
        chunk.image = columns.image()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT
    return _Built(chunk, os.getpid(), os.getppid(), time.process_time(), peak)


@dataclass(frozen=True)
class WorkerUsage:
    """What the worker processes of one ingest used: processor seconds (the fork server's
    included) and the sum of their peak resident memory in MB."""

    cpu_seconds: float
    peak_mb: float


def _cpu_of(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _fork_server() -> multiprocessing.context.BaseContext:
    """The fork-server context, its server preloading what the workers need.

    ``__main__`` is preloaded too: otherwise every forked worker would import the main script
    again (for the command line, the CLI's entry module), as spawned workers do.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")  # no fork on this platform
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "accord.ingest.preload"])
    return context


def _ready() -> None:
    """Nothing: submitted once per worker so that every worker starts at once."""


class BuilderPool:
    """Worker processes that build the chunks of one file; close it when done."""

    def __init__(self, spec: BuilderSpec, workers: int = WORKERS) -> None:
        context = _fork_server()
        # A fork server already running was started (and paid for) by an earlier ingest.
        self._before = {child.pid: _cpu_of(child) for child in psutil.Process().children()}
        self._pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start, initargs=(spec, os.getpid())
        )
        self._workers: dict[int, tuple[float, int]] = {}
        self._server: int | None = None
        # Starting the workers waits for the fork server to import the libraries (seconds):
        # a thread of its own waits for it, so that the caller reads the file meanwhile.
        self._start_error: BaseException | None = None
        self._starter = threading.Thread(
            target=self._start_workers, args=(workers,), name="accord-ingest-pool", daemon=True
        )
        self._starter.start()

    def _start_workers(self, workers: int) -> None:
        try:
            for _ in range(workers):
                self._pool.submit(_ready)
        except BaseException as exc:  # raised in the caller's thread by chunks()
            self._start_error = exc

    def _started(self) -> None:
        """Wait until the workers have been started; raise what starting them raised."""
        self._starter.join()
        if self._start_error is not None:
            raise self._start_error

    def close(self) -> None:
        self._starter.join()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def usage(self) -> WorkerUsage:
        """What this pool used so far: its workers (up to their last chunk) and the fork
        server. The workers are children of the server, not of this process, so the system's
        count of this process's children does not include them."""
        cpu = sum(cpu for cpu, _ in self._workers.values())
        peak = sum(peak for _, peak in self._workers.values())
        if self._server is not None and self._server != os.getpid():
            try:
                server = psutil.Process(self._server)
                cpu += _cpu_of(server) - self._before.get(self._server, 0.0)
                peak += server.memory_info().rss  # it idles between forks: now is its peak
            except psutil.Error:
                pass  # the server is gone: its figures can no longer be read
        return WorkerUsage(cpu_seconds=round(cpu, 2), peak_mb=round(peak / 1_048_576, 1))

    def chunks(
        self,
        frame: pl.DataFrame,
        chunk_rows: int,
        on_rows: Callable[[int], None] | None,
        in_flight: int = 4,
    ) -> Iterator[Chunk]:
        """The checked chunks of ``frame`` in order (row i of the frame is file line i + 2)."""
        self._started()
        pool = self._pool
        pending: deque[tuple[Future[_Built], int]] = deque()
        starts = iter(range(0, frame.height, chunk_rows))
        for start in starts:
            pending.append((pool.submit(_build, frame.slice(start, chunk_rows), start + 2), start))
            if len(pending) >= in_flight:
                break
        while pending:
            future, start = pending.popleft()
            built = future.result()
            following = next(starts, None)
            if following is not None:
                part = frame.slice(following, chunk_rows)
                pending.append((pool.submit(_build, part, following + 2), following))
            self._workers[built.worker] = (built.cpu_seconds, built.peak_bytes)
            self._server = built.server
            if on_rows:
                on_rows(built.chunk.read)
            yield built.chunk
