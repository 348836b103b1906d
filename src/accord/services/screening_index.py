"""The life of a process's screening index: loaded from its snapshot (or built from the store
when there is none), kept current, persisted again, and re-keyed.

**Snapshots** (:mod:`accord.screening.snapshot`): a process loads the snapshot beside the
store and reads through the gate only what changed since it was written; the snapshot is
written again after a build, after a refresh that took records out (so that an erased
person's entry does not stay on disk) and when many records were re-read since the last one.

**Key rotation without downtime**: with ``ACCORD_SCREENING_KEY`` set to the new key and
``ACCORD_SCREENING_KEY_PREVIOUS`` to the old one, a process whose snapshot was keyed under the
old key answers from it at once (queries are hashed under every key whose table is ready)
while it re-reads every flagged record and hashes it under the new key; it then answers under
the new key alone and writes the snapshot under it.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from accord.names import analyse_names
from accord.policy import Agreement
from accord.screening import Hasher, IndexSource, ScreeningIndex
from accord.screening.model import MatchModel
from accord.screening.snapshot import load_snapshot, save_snapshot, snapshot_path
from accord.services.context import Services
from accord.services.huge_pages import Advised, advise_huge_pages

__all__ = ["RESAVE_AFTER", "IndexKeeper"]

#: From this many entries on, a process that answers many queries asks for huge pages for
#: its memory once the index is loaded (some 4-8 s for two gigabytes; at a million entries a
#: served query then took about 5% less processor time).
HUGE_PAGES_FROM = 200_000
#: Records re-read since the last snapshot after which it is written again.
RESAVE_AFTER = 50_000


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a snapshot is unpickled: it creates tens of
    millions of objects at a million entries, none of them garbage, and each full collection
    the growth set off walked all of them again (most of a server's start at that size)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _keep_out_of_collections() -> None:
    """Move every object alive now (the index above all) out of the collector's generations:
    the index lives as long as the process, and each full collection that the requests'
    garbage sets off walked all of its objects (a pause of a second or more at a million
    entries). Entries dropped later are freed by their reference counts as before."""
    gc.collect()
    gc.freeze()


class IndexKeeper:
    """One store's index in this process, and its snapshot."""

    def __init__(
        self,
        services: Services,
        model: MatchModel,
        *,
        refresh_every: float,
        monotonic: Callable[[], float] = time.monotonic,
        snapshot: bool = True,
        background_rekey: bool = True,
        analyse_ahead: bool = True,
    ) -> None:
        settings = services.settings
        self.services = services
        self.model = model
        self.refresh_every = refresh_every
        self._monotonic = monotonic
        self.hasher = Hasher(settings.screening_key)
        previous = settings.screening_key_previous
        self.previous = Hasher(previous) if previous else None
        self.path: Path | None = (
            snapshot_path(settings.data_dir, settings.database_url) if snapshot else None
        )
        self.background_rekey = background_rekey
        #: analyse the index's names once it is loaded or built (for a process that answers
        #: many queries; a command that screens one query or a short list compares a few
        #: hundred names, and is better off without the seconds it takes at a million)
        self.analyse_ahead = analyse_ahead
        self.source = IndexSource(services.store)
        self.index = ScreeningIndex(model, self.hasher)
        self.agreements: list[Agreement] = []
        #: how the index came to be: "built" or "snapshot" (None before first use)
        self.origin: str | None = None
        #: what asking for huge pages did once the index was loaded (None: not asked)
        self.huge_pages: Advised | None = None
        self.rekeying: threading.Thread | None = None
        self._built = False
        self._checked_at = float("-inf")
        self._reread = 0
        self._lock = threading.Lock()

    def ensure_current(self, force: bool = False) -> None:
        """Load or build the index on first use; afterwards look for changes at most every
        ``refresh_every`` seconds (erasures are also caught per hit by the desk). A look
        already under way in another thread is not waited for."""
        now = self._monotonic()
        if not force and self._built and now - self._checked_at < self.refresh_every:
            return
        if not self._lock.acquire(blocking=force or not self._built):
            return
        try:
            if not self._built:
                self._start()
                self._built = True
            else:
                report = self.source.refresh(self.index, force=force)
                if report is not None:
                    self._reread += report.read
                    if report.removed or self._reread >= RESAVE_AFTER:
                        self.save()
            self.agreements = self.services.agreements.all()
            self._checked_at = self._monotonic()
        finally:
            self._lock.release()

    def due(self) -> bool:
        """Whether :meth:`ensure_current` would do more than return at once."""
        now = self._monotonic()
        return not self._built or now - self._checked_at >= self.refresh_every

    def _start(self) -> None:
        hashers = [self.hasher, *([self.previous] if self.previous else [])]
        with _collector_paused():
            loaded = load_snapshot(self.path, self.model, hashers) if self.path else None
        if loaded is None:
            self.source.build(self.index)
            self.origin = "built"
            self.save()
            self._settle()
            return
        self.index = loaded.index
        self.origin = "snapshot"
        report = self.source.resume(self.index, loaded.watermark)
        self._reread = report.read
        if report.removed or self._reread >= RESAVE_AFTER:
            self.save()  # an erased person's entry does not wait for a re-keying to leave disk
        self._settle()
        if self.hasher.fingerprint not in self.index.key_fingerprints and self.background_rekey:
            self.rekeying = threading.Thread(target=self.rekey, name="screening-rekey", daemon=True)
            self.rekeying.start()

    def _settle(self) -> None:
        """Ready the index loaded or built for the queries: its names analysed, its objects
        out of the collector's way and, at a size where reading its candidates misses the
        page-table cache, its memory in huge pages (:mod:`.huge_pages`)."""
        self._analyse()
        _keep_out_of_collections()
        if self.analyse_ahead and len(self.index) >= HUGE_PAGES_FROM:
            self.huge_pages = advise_huge_pages()

    def _analyse(self) -> None:
        """Analyse the index's names ahead of the queries (:func:`accord.names.analyse_names`),
        when this keeper is for many queries: otherwise a query's first comparison with a name
        spends about a third of its time analysing it. Some 12 s at a million entries."""
        if self.analyse_ahead:
            with _collector_paused():
                analyse_names(self.index.names())

    def save(self) -> None:
        """Write the snapshot (when this keeper keeps one)."""
        if self.path is None or self.source.watermark is None:
            return
        save_snapshot(self.path, self.index, self.source.watermark, self.hasher)
        self._reread = 0

    def rekey(self) -> None:
        """Hash every flagged record under the current screening key, answering under the
        previous one meanwhile; then answer under the current key alone and save."""
        self.rotate(self.hasher)
        with self._lock:
            self.save()

    def rotate(self, hasher: Hasher) -> None:
        """Index under ``hasher``'s key while answering under the keys in use; switch when
        every flagged record has been re-read (through the gate) and hashed anew."""
        self.index.start_rotation(hasher)
        self.index.rehash(self.source.entries(self.index.record_ids()))
        self.index.finish_rotation()
