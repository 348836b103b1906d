"""Posting lists: key -> entry numbers, compact for the common case of one entry per key."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import TypeAlias

__all__ = ["Postings"]

Posting: TypeAlias = "int | array[int]"


class Postings:
    """A map from 64-bit keys to entry numbers. A key with one entry holds the number itself;
    more entries share an ``array('i')``. Removal is lazy: the index marks dead entries."""

    __slots__ = ("_map",)

    def __init__(self) -> None:
        self._map: dict[int, Posting] = {}

    def __len__(self) -> int:
        return len(self._map)

    def add(self, key: int, entry: int) -> None:
        found = self._map.get(key)
        if found is None:
            self._map[key] = entry
        elif isinstance(found, int):
            if found != entry:
                self._map[key] = array("i", (found, entry))
        elif found[-1] != entry:
            found.append(entry)

    def get(self, key: int) -> Iterable[int]:
        found = self._map.get(key)
        if found is None:
            return ()
        if isinstance(found, int):
            return (found,)
        return found

    def lookup(self, key: int) -> Posting | None:
        """What is kept under ``key`` as it is: one entry's number, the array of several, or
        None (for a caller that reads size and entries with one look-up)."""
        return self._map.get(key)

    def size(self, key: int) -> int:
        found = self._map.get(key)
        if found is None:
            return 0
        return 1 if isinstance(found, int) else len(found)
