"""Run one long C-level computation in a forked worker process, so that a Budget can stop it.

A Leiden iteration on millions of edges runs inside igraph's C code for seconds at a time and
cannot look at a Budget. In a worker process it can be stopped at once: the parent waits on a
pipe, checks the Budget between short waits, and kills the worker when the time is up or the
request is cancelled. The worker is forked, so it shares the parent's already built graph
without copying or pickling it; only the result comes back through the pipe.

The function run in the worker must only use numpy and igraph: a fork copies the parent's memory
but not its threads, and a library with a thread pool of its own (polars) can hang in the child.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TypeVar

from accord.errors import AccordError
from accord.network.budget import Budget, BudgetExceeded, check

__all__ = ["WorkerFailed", "in_worker"]

T = TypeVar("T")
_POLL_SECONDS = 0.05


class WorkerFailed(AccordError):
    """The worker process died or raised."""

    status = 500
    code = "network_worker"


@dataclass(frozen=True)
class _Failure:
    error: str


def in_worker(function: Callable[[], T], *, stage: str, budget: Budget | None = None) -> T:
    """``function()`` computed in a forked worker; BudgetExceeded or Cancelled (the worker killed)
    when ``budget`` runs out first; WorkerFailed, with the worker's error, if it fails."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(function, sender), daemon=True)
    process.start()
    sender.close()
    try:
        while not receiver.poll(_POLL_SECONDS):
            if not process.is_alive() and not receiver.poll():
                raise WorkerFailed(
                    f"{stage}: the worker process ended with status {process.exitcode}",
                    hint="the machine may be out of memory; try a smaller network",
                )
            check(budget, stage)
        try:
            result = receiver.recv()
        except EOFError as error:
            raise WorkerFailed(f"{stage}: the worker process ended without an answer") from error
    except BudgetExceeded:
        process.kill()
        raise
    finally:
        receiver.close()
        process.join()
    if isinstance(result, _Failure):
        raise WorkerFailed(f"{stage}: {result.error}")
    return result  # type: ignore[no-any-return]


def _run(function: Callable[[], object], sender: Connection) -> None:
    try:
        outcome: object = function()
    except Exception as error:  # the parent re-raises it as WorkerFailed
        outcome = _Failure(f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=5)}")
    sender.send(outcome)
    sender.close()
