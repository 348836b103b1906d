"""The policy's decisions on a batch's candidates, each distinct one taken once.

Every candidate a query's search returns is decided by :func:`accord.policy.decide` with
``Action.SCREEN``, kept or not, so that a refused hit costs what a no-hit does. Within one
batch the user, the purpose, the agreements and the day are fixed, and the decision depends
on the candidate only through its envelope, its schema and whether it is restricted; the index
keeps one envelope object per distinct envelope, so the 24 candidates of a query and the
queries of a batch share few of them. :class:`ScreenDecisions` decides each distinct
(envelope, schema, restricted) once per batch and answers the others from that; whether the
decision allows or refuses makes no difference to what is cached or how long it takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from accord.model.codes import Purpose
from accord.model.envelope import Envelope
from accord.policy import Action, Decision, Principal, decide
from accord.policy.agreements import Agreement
from accord.screening import IndexEntry

__all__ = ["ScreenDecisions"]


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
