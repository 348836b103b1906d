"""Copying SQLite's write-ahead log back into the database file, off the commit path.

By default SQLite checkpoints inside a commit: the transaction that takes the log past 1,000
pages copies every page of the log into the database file and syncs that file before its
``COMMIT`` returns. On a screening server that is one audited write in ten or so, and the
caller whose answer waits for that write waits for the copy too; the cost grows with the file
and with the pages each write touches. The store's connections therefore run with
``wal_autocheckpoint`` off, and :class:`WalCheckpointer` copies the log from a connection and a
thread of its own, at most every :data:`INTERVAL` seconds while commits arrive.

Nothing is less durable for it: with ``synchronous=NORMAL`` a commit is in the log once it
returns (the log is what a crash recovers from), and a checkpoint copies only committed pages.
The ``PASSIVE`` checkpoint neither waits for nor blocks readers and writers; pages a reader
still needs stay in the log until a later checkpoint.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

__all__ = ["INTERVAL", "WalCheckpointer"]

_log = logging.getLogger(__name__)

#: Seconds between checkpoints while commits arrive (about as often as SQLite's own default
#: of 1,000 pages at a screening server's rate of writes, and never inside a commit).
INTERVAL = 1.0
#: Seconds without a commit after which the thread closes its connection and ends.
_IDLE_SECONDS = 10.0


class WalCheckpointer:
    """Checkpoints one database file's write-ahead log from a thread of its own."""

    def __init__(self, path: str, interval: float = INTERVAL) -> None:
        self.path = path
        self.interval = interval
        self._lock = threading.Lock()
        self._due = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: checkpoints run (for tests and benchmarks)
        self.checkpoints = 0

    def committed(self) -> None:
        """Note a commit: the log is checkpointed within :attr:`interval` seconds."""
        with self._lock:  # the thread decides under this lock whether it is idle
            self._due.set()
            if self._stop.is_set():
                return
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="sqlite-wal-checkpoint", daemon=True
                )
                self._thread.start()

    def checkpoint(self, conn: sqlite3.Connection) -> None:
        """Copy what the log holds of committed pages into the database file."""
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        self.checkpoints += 1

    def close(self) -> None:
        """Run a last checkpoint and end the thread (the store is being closed)."""
        with self._lock:
            self._stop.set()
            thread = self._thread
        self._due.set()
        if thread is not None:
            thread.join(timeout=60)

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout=60000")
            while True:
                if not self._due.wait(timeout=_IDLE_SECONDS):
                    with self._lock:  # idle: the next commit starts another thread
                        if not self._due.is_set():
                            self._thread = None
                            return
                    continue
                # let the commits of an interval share one checkpoint (and one sync); a
                # closing store cuts the wait short and has its last checkpoint at once
                self._stop.wait(self.interval)
                self._due.clear()
                self._safe_checkpoint(conn)
                if self._stop.is_set():
                    return
        finally:
            conn.close()

    def _safe_checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            self.checkpoint(conn)
        except sqlite3.Error as exc:  # the next interval tries again; no commit depends on it
            _log.warning("Checkpoint of the write-ahead log of %s failed: %s", self.path, exc)
