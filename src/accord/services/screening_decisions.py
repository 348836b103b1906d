"""The policy's decisions on a batch's candidates, each distinct one taken once.

Every candidate a query's search returns is decided by :func:`accord.policy.decide` with
``Action.SCREEN``, kept or not, so that a refused hit costs what a no-hit does. Within one
batch the user, the purpose, the agreements and the day are fixed, and the decision depends
on the candidate only through its envelope, its schema and whether it is restricted; the index
keeps one envelope object per distinct envelope, so the 24 candidates of a query and the
queries of a batch share few of them. :class:`ScreenDecisions` decides each distinct
(envelope, schema, restricted) once and answers the others from that; whether the decision
allows or refuses makes no difference to what is cached or how long it takes.

:class:`DecisionBook` keeps a user's decisions from one batch to the next for as long as
everything they depend on stays the same: the user (roles, participant, whether disabled), the
purpose, the day and the agreements the index keeper last read (a new list at every refresh,
so an agreement changed or ended is decided anew within a refresh).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date

from accord.model.codes import Purpose
from accord.model.envelope import Envelope
from accord.policy import Action, Decision, Principal, decide
from accord.policy.agreements import Agreement
from accord.screening import IndexEntry

__all__ = ["BOOKS", "DecisionBook", "ScreenDecisions"]

#: At most this many (user, purpose, day, agreements) keep their decisions between batches.
BOOKS = 256


class ScreenDecisions:
    """``decide(user, entry's envelope, SCREEN, purpose, ...)`` for the entries of one batch."""

    def __init__(
        self,
        user: Principal,
        purpose: Purpose,
        agreements: Sequence[Agreement],
        today: date,
    ) -> None:
        self.user = user
        self.purpose = purpose
        self.agreements = agreements
        self.today = today
        # keyed by the envelope's identity; the envelope is kept in the value so that its id
        # cannot be reused by another object while the batch is screened
        self._taken: dict[tuple[int, str, bool], tuple[Envelope, Decision]] = {}

    def of(self, entry: IndexEntry) -> Decision:
        """The policy's decision on screening ``entry`` for this batch's user and purpose."""
        key = (id(entry.envelope), entry.schema, entry.restricted)
        found = self._taken.get(key)
        if found is not None:
            return found[1]
        decision = decide(
            self.user,
            entry.envelope,
            Action.SCREEN,
            self.purpose,
            schema=entry.schema,
            agreements=self.agreements,
            today=self.today,
            restricted=entry.restricted,
        )
        self._taken[key] = (entry.envelope, decision)
        return decision


class DecisionBook:
    """:class:`ScreenDecisions` kept across batches, one per (user, purpose, day, agreements),
    the least recently used dropped past :data:`BOOKS`."""

    def __init__(self, size: int = BOOKS) -> None:
        self.size = size
        self._books: OrderedDict[tuple[Principal, Purpose, date, int], ScreenDecisions] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def for_batch(
        self,
        user: Principal,
        purpose: Purpose,
        agreements: Sequence[Agreement],
        today: date,
    ) -> ScreenDecisions:
        """The decisions for a batch of ``user`` (kept from earlier batches when nothing they
        depend on has changed)."""
        key = (user, purpose, today, id(agreements))
        with self._lock:
            found = self._books.get(key)
            # the book holds its agreements, so their id is not reused while it is kept
            if found is not None and found.agreements is agreements:
                self._books.move_to_end(key)
                return found
            found = self._books[key] = ScreenDecisions(user, purpose, agreements, today)
            while len(self._books) > self.size:
                self._books.popitem(last=False)
            return found
