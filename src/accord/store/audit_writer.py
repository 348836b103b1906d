"""Group commit of audited writes: concurrent callers share one transaction.

Each caller hands over a unit (its own writes, as a function of the connection, and its audit
entries) and waits; the first caller to arrive while no transaction is open leads: it writes
every unit waiting at that moment in one transaction, appends their entries to the chain in one
append (one signed checkpoint), commits, and only then wakes the callers of that group. No
caller returns before its entry is committed, and no entry is dropped or deferred past its
caller's answer.

Callers who arrive while a group is being written form the next group; the leader of the
finished group hands the lead to the first of them. On SQLite this replaces a queue of
transactions that each wait for the database write lock (with the driver's sleeping retries)
by one writer per process; on PostgreSQL it saves a commit per caller.

An ``async`` caller (a request handled on the event loop) cannot lead: it hands its unit over
with :meth:`GroupCommit.write_async` and awaits it. A writer thread of this process leads the
groups such callers are first in, and wakes the waiting coroutines of a group with one call to
each event loop; a thread waiting for its own unit leads as before.

Under load the writer thread lets a group gather before it writes it: when the group's first
unit arrived less than :data:`GATHER_SECONDS` after the last commit (units come faster than
that), the thread starts the transaction no sooner than that long after the later of the two,
so that the units the event loop hands over meanwhile share it. A transaction's fixed part
(its ``BEGIN`` and ``COMMIT``, the chain's head and signed checkpoint, the wakes of both
threads, and the interpreter lock passed back and forth with the loop at each statement) is
then paid once for five or so requests instead of once for one or two; a unit that arrives at
an idle writer is written at once.

A unit's work is a function of the connection, or a :class:`SharedWork`: the shared works of
one class in a group run as one call, so that their statements are run once for the group
(one look-up of many keys, one insert of many rows) instead of once for each unit.

If a group's transaction fails, its units are retried one by one, so that one bad unit fails
its own caller only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import queue
import threading
import time
import weakref
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from accord.store.audit import AuditEntry
from accord.store.base import Store
from accord.store.writer_process import ChildFailed, WriterProcess

__all__ = [
    "GATHER_SECONDS",
    "MAX_GROUP",
    "GroupCommit",
    "SharedWork",
    "Work",
    "close_process",
    "group_commit",
    "write_group",
]

_log = logging.getLogger(__name__)

#: At most this many units share a transaction (a bound on the time a group holds the lock).
MAX_GROUP = 64
#: Seconds the writer thread waits for work before it ends (a new one starts when needed).
_IDLE_SECONDS = 5.0
#: Under load, how long after the last commit (or its first unit's arrival, if later) a group
#: led by the writer thread waits for more units: what it adds at most to an answer (see the
#: module's docstring).
GATHER_SECONDS = 0.005


class SharedWork(ABC):
    """A unit's work that runs together with the works of the same class in its group."""

    @classmethod
    @abstractmethod
    def run_together(cls, conn: Connection, works: Sequence[SharedWork]) -> None:
        """Run ``works`` (each of this class, in the order their units arrived) in the
        group's transaction; an exception fails the group, whose units are then written one
        by one (so each work also runs alone, and fails its own caller only)."""


Work = Callable[[Connection], None] | SharedWork


@dataclass(eq=False)
class _Unit:
    work: Work | None
    entries: Sequence[AuditEntry]
    #: set for a calling thread: what it waits on (to lead, or for its unit to be written)
    done: threading.Event | None = None
    lead: bool = False
    finished: bool = False
    error: BaseException | None = None
    #: set for an async caller: resolved on its loop once the unit is written (or failed)
    future: asyncio.Future[None] | None = None
    arrived: float = field(default_factory=time.monotonic)


class GroupCommit:
    """Writes units of work and their audit entries, grouped into shared transactions."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._waiting: list[_Unit] = []
        self._leading = False
        # the writer thread that leads for async callers, and whether it has a group to lead
        self._thread: threading.Thread | None = None
        self._thread_due = False
        # Wakes the writer thread. A queue of the C library rather than a Condition on
        # ``_lock``: the event loop hands a group over with one put (about 7 µs), where
        # ``Condition.notify`` cost the loop some 40 µs as the woken thread and the loop
        # contended for ``_lock`` and the interpreter lock (7% of a server's samples).
        self._wakes: queue.SimpleQueue[None] = queue.SimpleQueue()
        #: when the last transaction ended (time.monotonic), for the gathering of groups
        self._committed = -math.inf
        #: transactions committed and units written (for benchmarks and tests)
        self.transactions = 0
        self.units = 0
        #: the child process that writes the groups the writer thread leads, when attached
        #: (:mod:`accord.store.writer_process`)
        self.process: WriterProcess | None = None

    def write(self, entries: Sequence[AuditEntry], work: Work | None = None) -> None:
        """Run ``work`` and append ``entries`` in a transaction shared with concurrent callers;
        return once they are committed (raise what the unit raised if they could not be)."""
        done = threading.Event()
        unit = _Unit(work, entries, done=done)
        with self._lock:
            self._waiting.append(unit)
            lead = not self._leading
            if lead:
                self._leading = True
        while not lead:
            done.wait()
            if unit.finished:
                break
            lead = unit.lead  # woken to lead the next group, own unit not yet written
            done.clear()
        if lead:
            self._lead()
        if unit.error is not None:
            raise unit.error

    async def write_async(self, entries: Sequence[AuditEntry], work: Work | None = None) -> None:
        """:meth:`write` for a coroutine: the unit is written by the writer thread (or a
        thread leading a group) while the event loop goes on; return once it is committed."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        unit = _Unit(work, entries, future=future)
        with self._lock:
            self._waiting.append(unit)
            if not self._leading:
                self._leading = True
                self._hand_to_thread()
        try:
            await asyncio.shield(future)
        except asyncio.CancelledError:
            # A cancelled caller does not undo its unit: it is written all the same, and its
            # outcome, which no one awaits any more, is read here (a failure is logged rather
            # than reported by the loop as an exception never retrieved).
            future.add_done_callback(_outcome_unheard)
            raise

    def _hand_to_thread(self) -> None:
        """Let the writer thread lead the next group (``self._lock`` held)."""
        self._thread_due = True
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(
                target=self._run_thread, name="audit-group-commit", daemon=True
            )
            self._thread.start()
        else:
            self._wakes.put(None)

    def _run_thread(self) -> None:
        while True:
            woken = True
            if not self._thread_due:  # read again under the lock below before acting on it
                try:
                    self._wakes.get(timeout=_IDLE_SECONDS)
                except queue.Empty:
                    woken = False
            with self._lock:
                if not self._thread_due:
                    if woken:  # a wake left over from a group this thread already led
                        continue
                    self._thread = None  # idle: a later async write starts another
                    return
                self._thread_due = False
            self._gather()
            self._lead()

    def _gather(self) -> None:
        """Under load, wait until :data:`GATHER_SECONDS` after the last commit or the arrival
        of the waiting group's first unit, whichever is later, so that the units handed over
        meanwhile join the group (see the module's docstring); return at once when that unit
        arrived at an idle writer or the group is full."""
        with self._lock:
            if not self._waiting or len(self._waiting) >= MAX_GROUP:
                return
            first = self._waiting[0].arrived
        if first - self._committed >= GATHER_SECONDS:
            return
        wait = max(first, self._committed) + GATHER_SECONDS - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _lead(self) -> None:
        with self._lock:
            group = self._waiting[:MAX_GROUP]
            del self._waiting[:MAX_GROUP]
        written = False
        try:
            self._commit(group)
            written = True
        finally:
            if not written:  # interrupted: no caller of the group may think it was written
                for unit in group:
                    unit.error = unit.error or RuntimeError("The audited write was interrupted.")
            with self._lock:
                if not self._waiting:
                    self._leading = False
                elif (heir := self._waiting[0]).done is not None:
                    heir.lead = True
                    heir.done.set()
                else:
                    self._hand_to_thread()
            for unit in group:
                unit.finished = True
                if unit.done is not None:
                    unit.done.set()
            _resolve_futures(group)

    def _commit(self, group: list[_Unit]) -> None:
        items = [(unit.entries, unit.work) for unit in group]
        process = self.process
        errors: list[BaseException | None] | None = None
        if process is not None and all(_travels(unit.work) for unit in group):
            try:
                errors, transactions = process.write(items)
            except ChildFailed as exc:
                # nothing was sent: the thread writes this group and every later one
                _log.warning("%s; the audited writes stay in this process.", exc)
                self.process = None
            except (OSError, EOFError) as exc:
                # the child is gone, and whether it wrote the group is unknown: its callers
                # are told it failed (a retry screens again), and the next group starts a
                # new child
                _log.warning("The audit writer process stopped: %s", exc)
                errors = [RuntimeError("The audited write was interrupted.") for _ in group]
                transactions = 0
        if errors is None:
            errors, transactions = write_group(self.store, items)
        for unit, error in zip(group, errors, strict=True):
            unit.error = error
        if transactions:
            self._committed = time.monotonic()
            self.transactions += transactions
            self.units += sum(1 for error in errors if error is None)


def _travels(work: Work | None) -> bool:
    """Whether a unit's work can be written by another process (a closure cannot)."""
    return work is None or isinstance(work, SharedWork)


def write_group(
    store: Store, items: Sequence[tuple[Sequence[AuditEntry], Work | None]]
) -> tuple[list[BaseException | None], int]:
    """Write a group: every unit's work and entries in one transaction; when it fails, each
    unit alone, so that one bad unit fails its own caller only. Each unit's error (or None)
    and the transactions committed."""
    try:
        _transaction(store, items)
        return [None] * len(items), 1
    except Exception as exc:
        if len(items) == 1:
            return [exc], 0
    errors: list[BaseException | None] = []
    for item in items:
        try:
            _transaction(store, [item])
            errors.append(None)
        except Exception as alone:
            errors.append(alone)
    return errors, sum(1 for error in errors if error is None)


def _transaction(store: Store, items: Sequence[tuple[Sequence[AuditEntry], Work | None]]) -> None:
    with store.write() as conn:
        entries: list[AuditEntry] = []
        shared: dict[type[SharedWork], list[SharedWork]] = {}
        for unit_entries, work in items:
            if isinstance(work, SharedWork):
                shared.setdefault(type(work), []).append(work)
            elif work is not None:
                work(conn)
            entries.extend(unit_entries)
        for kind, works in shared.items():
            kind.run_together(conn, works)
        store.audit.append(conn, entries)


def _resolve_futures(group: list[_Unit]) -> None:
    """Wake the async callers of a finished group: one call into each of their loops."""
    by_loop: dict[asyncio.AbstractEventLoop, list[_Unit]] = {}
    for unit in group:
        if unit.future is not None:
            by_loop.setdefault(unit.future.get_loop(), []).append(unit)
    for loop, units in by_loop.items():
        with contextlib.suppress(RuntimeError):  # a closed loop has no caller left to wake
            loop.call_soon_threadsafe(_settle, units)


def _outcome_unheard(future: asyncio.Future[None]) -> None:
    if future.cancelled():
        return
    error = future.exception()
    if error is not None:
        _log.warning(
            "The audited write of a cancelled request failed: %s",
            error,
            exc_info=(type(error), error, error.__traceback__),
        )


def _settle(units: list[_Unit]) -> None:
    for unit in units:
        assert unit.future is not None
        if unit.future.done():
            continue
        if unit.error is not None:
            unit.future.set_exception(unit.error)
        else:
            unit.future.set_result(None)


_WRITERS: weakref.WeakKeyDictionary[Store, GroupCommit] = weakref.WeakKeyDictionary()
_WRITERS_LOCK = threading.Lock()


def group_commit(store: Store) -> GroupCommit:
    """The group-commit writer of this process for ``store``."""
    with _WRITERS_LOCK:
        writer = _WRITERS.get(store)
        if writer is None:
            writer = _WRITERS[store] = GroupCommit(store)
        return writer


def close_process(store: Store) -> None:
    """End the writer process attached to ``store``'s group commit, if any (the groups
    after are written by the writer thread)."""
    with _WRITERS_LOCK:
        writer = _WRITERS.get(store)
    if writer is None or writer.process is None:
        return
    process, writer.process = writer.process, None
    process.close()
