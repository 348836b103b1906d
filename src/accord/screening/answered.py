"""Which of a query's hits its answer lists: a few, the best first, with the best hit under
each alert among them.

An answer lists at most a handful of hits (so that no query reads out the index). Cut by score
alone, the one missing-child alert a found child's name hits can fall behind five namesakes
flagged ``wanted``, and the officer who screens the child never learns that someone is looking
for them. So the best hit under each alert is listed first, and the places left go to the best
of the others.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

__all__ = ["answered_hits"]

T = TypeVar("T")


def answered_hits(
    hits: Sequence[T],
    limit: int,
    order: Callable[[T], Any],
    alert: Callable[[T], Hashable],
) -> list[T]:
    """At most ``limit`` of ``hits`` in ``order``: the first under each alert, then the first
    of the rest."""
    ranked = sorted(hits, key=order)
    firsts: dict[Hashable, int] = {}
    for at, hit in enumerate(ranked):
        firsts.setdefault(alert(hit), at)
    chosen = set(sorted(firsts.values())[:limit])
    for at in range(len(ranked)):
        if len(chosen) >= limit:
            break
        chosen.add(at)
    return [ranked[at] for at in sorted(chosen)]
