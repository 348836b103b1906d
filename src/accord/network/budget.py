"""A budget for long graph operations: a time limit and a cancel switch.

Algorithms check the budget between units of work (a Leiden iteration, a batch of betweenness
sources, a level of a path search), so a request on a huge or hostile graph stops with a clear
error instead of holding a worker. A single C-level step is never interrupted half-way; steps are
sized so that one of them stays short.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from accord.errors import AccordError

__all__ = ["Budget", "BudgetExceeded", "Cancelled", "check"]


class BudgetExceeded(AccordError):
    """A graph operation ran past its time limit."""

    status = 503
    code = "budget_exceeded"


class Cancelled(BudgetExceeded):
    """A graph operation was cancelled by its caller."""

    code = "cancelled"


@dataclass
class Budget:
    """At most ``seconds`` of work (None: no limit), stopped early when ``cancel`` is set.

    The clock starts when the budget is made; one budget can be shared by the steps of a job
    (build, communities, ranking) so that the limit applies to the whole.
    """

    seconds: float | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        if self.seconds is not None and not self.seconds > 0:
            raise ValueError(f"a budget needs a positive number of seconds, got {self.seconds!r}")

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def remaining(self) -> float | None:
        """Seconds left, or None when there is no time limit."""
        if self.seconds is None:
            return None
        return max(0.0, self.seconds - self.elapsed())

    def check(self, stage: str) -> None:
        """Raise Cancelled or BudgetExceeded if the work must stop now; ``stage`` names the step."""
        if self.cancel.is_set():
            raise Cancelled(
                f"{stage}: cancelled after {self.elapsed():.1f} s",
                hint="the request was cancelled; start it again when needed",
            )
        if self.seconds is not None and self.elapsed() > self.seconds:
            raise BudgetExceeded(
                f"{stage}: stopped after {self.elapsed():.1f} s, over the limit of "
                f"{self.seconds:g} s",
                hint="narrow the request (fewer hops, a time window, edge kinds) "
                "or allow more time",
            )


def check(budget: Budget | None, stage: str) -> None:
    """Check ``budget`` if there is one."""
    if budget is not None:
        budget.check(stage)
