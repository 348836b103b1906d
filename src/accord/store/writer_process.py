"""Audited group transactions written by a process of their own, for a server's event loop.

A server process answers on one event loop, and the group commit's writer thread
(:mod:`accord.store.audit_writer`) writes what the loop's requests hand over. In the same
process the writer's work competes with the loop for the interpreter lock: every statement's
steps on the driver let the lock go and take it back, and each time the loop waits to get it
again. A served bench at a million records had the loop waiting about a tenth of its time, and
a writer that did no database work at all left it busy 0.99 of the time instead of 0.90.

With a :class:`WriterProcess` attached, the writer thread hands each group to a child process
(a new interpreter running this module, so none of the server's memory or threads is copied,
and the server's own program is not run again) that opens the same store from the same
settings and runs the group's transaction exactly as the thread would
(:func:`accord.store.audit_writer.write_group`): one transaction for the group, each unit
alone when it fails. The thread waits for the answer without the interpreter lock, then wakes the
group's callers as before; a unit's error comes back as the exception its caller would have
got. Only groups whose works can travel (a :class:`~accord.store.audit_writer.SharedWork`, or
entries alone) go to the child; any other is written by the thread itself, as is every group
when no child can be started. A child that stops is started again for the next group.
"""

from __future__ import annotations

import contextlib
import pickle
import socket
import subprocess
import sys
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from accord.store.audit import AuditEntry

if TYPE_CHECKING:
    from accord.settings import Settings
    from accord.store.audit_writer import Work

__all__ = ["ChildFailed", "WriterProcess"]

Items = Sequence[tuple[Sequence[AuditEntry], "Work | None"]]
Outcome = tuple[list[BaseException | None], int]


class WriterProcess:
    """A child process writing groups of units to the store ``settings`` name."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the child now rather than with the first group (a server at its start, so
        that the child's own start is not paid by the first requests)."""
        with self._lock:
            if self._conn is None:
                self._start()

    def _start(self) -> Connection:
        """Start the child and wait until it has opened the store. Raises :class:`ChildFailed`
        (nothing was sent to it) when it could not."""
        ours, theirs = socket.socketpair()
        with ours, theirs:
            # our own module, run by this interpreter: not the program that started this one,
            # which a child started by multiprocessing would import again
            process = subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "accord.store.writer_process", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
            )
            conn = Connection(ours.detach())
        try:
            conn.send(self.settings)
            if not conn.poll(_READY_SECONDS) or conn.recv() != _READY:
                raise EOFError("no answer")
        except (OSError, EOFError) as exc:
            conn.close()
            process.kill()
            process.wait(timeout=10)
            raise ChildFailed(f"The audit writer process did not start: {exc}") from exc
        self._process, self._conn = process, conn
        return conn

    def write(self, items: Items) -> Outcome:
        """Write ``items`` (each unit's entries and work) in the child: each unit's error (or
        None) and the transactions it took. Raises :class:`ChildFailed` when no child could be
        started (nothing of the group was sent), and :class:`OSError` or :class:`EOFError`
        when the child did not answer (whether it wrote the group is then unknown)."""
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
        return self._process is not None and self._process.poll() is None

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
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


class ChildFailed(Exception):
    """The writer process could not be started; nothing was sent to it."""


_READY = "ready"
#: How long a new child may take to open the store (imports and a migration check).
_READY_SECONDS = 120.0


def _serve(conn: Connection) -> None:
    """The child: open the store the settings sent first name, say so, then write each group
    sent until told to stop (or the parent is gone)."""
    from accord.store import open_store
    from accord.store.audit_writer import write_group

    settings = conn.recv()
    store = open_store(settings)
    try:
        conn.send(_READY)
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


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])))
