"""Audited group transactions written by a process of their own, for a server's event loop.

A server process answers on one event loop, and the group commit's writer thread
(:mod:`accord.store.audit_writer`) writes what the loop's requests hand over. In the same
process the writer's work competes with the loop for the interpreter lock: every statement's
steps on the driver let the lock go and take it back, and each time the loop waits to get it
again. A served bench at a million records had the loop waiting about a tenth of its time, and
a writer that did no database work at all left it busy 0.98 of the time instead of 0.90.

With a :class:`WriterProcess` attached, the writer thread hands each group to a child process
(started with ``spawn``, so none of the server's memory or threads is copied) that opens the
same store from the same settings and runs the group's transaction exactly as the thread would
(:func:`accord.store.audit_writer.write_group`): one transaction for the group, each unit alone
when it fails. The thread waits for the answer without the interpreter lock, then wakes the
group's callers as before; a unit's error comes back as the exception its caller would have
got. Only groups whose works can travel (a :class:`~accord.store.audit_writer.SharedWork`, or
entries alone) go to the child; any other is written by the thread itself, as it is when the
child has stopped (it is started again for a later group).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from accord.store.audit import AuditEntry

if TYPE_CHECKING:
    from accord.settings import Settings
    from accord.store.audit_writer import Work

__all__ = ["WriterProcess"]

Items = Sequence[tuple[Sequence[AuditEntry], "Work | None"]]
Outcome = tuple[list[BaseException | None], int]


class WriterProcess:
    """A child process writing groups of units to the store ``settings`` name."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the child now rather than with the first group (a server at its start, so
        that the child's own start is not paid by the first requests)."""
        with self._lock:
            if self._conn is None:
                self._start()

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve, args=(child, self.settings), name="accord-audit-writer", daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent

    def write(self, items: Items) -> Outcome:
        """Write ``items`` (each unit's entries and work) in the child: each unit's error (or
        None) and the transactions it took. Raises :class:`OSError` or :class:`EOFError` when
        the child could not answer; nothing of the group is then known to be written."""
        with self._lock:
            conn = self._conn if self._conn is not None else self._start()
            try:
                conn.send(items)
                outcome: Outcome = conn.recv()
            except (OSError, EOFError):
                self._stop()
                raise
            return outcome

    @property
    def running(self) -> bool:
        return self._process is not None and bool(self._process.is_alive())

    def close(self) -> None:
        """Let the child finish and end (it ends by itself when this process does)."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
            self._stop()

    def _stop(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)


def _serve(conn: Connection, settings: Settings) -> None:
    """The child: open the store and write each group sent until told to stop (or the
    parent is gone)."""
    from accord.store import open_store
    from accord.store.audit_writer import write_group

    store = open_store(settings)
    try:
        while True:
            try:
                items = conn.recv()
            except EOFError:
                return
            if items is None:
                return
            errors, transactions = write_group(store, items)
            conn.send(([_travelling(error) for error in errors], transactions))
    finally:
        store.close()


def _travelling(error: BaseException | None) -> BaseException | None:
    """``error`` as it can cross to the parent: itself when it pickles and comes back as the
    same kind, otherwise a :class:`RuntimeError` naming it."""
    if error is None:
        return None
    try:
        # our own bytes, made just above: nothing from outside is unpickled here
        back = pickle.loads(pickle.dumps(error))  # noqa: S301
        if type(back) is type(error):
            return error
    except Exception:  # noqa: S110 - any failure to travel is answered below
        pass
    return RuntimeError(f"{type(error).__name__}: {error}")
