"""A bounded memo of comparisons, kept out of the cyclic garbage collector's way.

An ``lru_cache`` keyed by objects keeps every entry it adds in the collector's generations: a
server that compares names all day adds some hundred such objects a query, they age into the
oldest generation, and every full collection then walks all of them (pauses of a few hundred
milliseconds at a million-entry index, and about a sixth of a query's time in collections).
This memo is for keys and values made of strings, numbers and tuples of them only: CPython
stops tracking such a tuple at the first collection that sees it, so the memo's entries never
reach the older generations. When full, the oldest quarter goes; safe to share between threads
(a race costs at most a value computed twice, or one not kept).
"""

from __future__ import annotations

from itertools import islice
from typing import Generic, TypeVar

__all__ = ["Memo"]

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """At most ``size`` computed values by key; the oldest quarter goes when it is full."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a memo holds at least one value")
        self.size = size
        #: how many are kept when it is full: the newest three quarters
        self.kept = max(size - size // 4, 1) - 1
        self._values: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self._values.get(key)

    def put(self, key: K, value: V) -> None:
        values = self._values
        if len(values) >= self.size and key not in values:
            # the oldest quarter out at once, into a new dictionary: taken one by one from the
            # front, each would leave a hole that every later look for the oldest walks over
            values = self._values = dict(islice(values.items(), len(values) - self.kept, None))
        values[key] = value

    def items(self) -> list[tuple[K, V]]:
        return list(self._values.items())

    def clear(self) -> None:
        self._values = {}

    def __len__(self) -> int:
        return len(self._values)
