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

from collections.abc import Callable
from functools import wraps
from itertools import islice
from typing import Any, Generic, ParamSpec, Protocol, TypeVar, cast

__all__ = ["Cached", "Memo", "memoized"]

K = TypeVar("K")
V = TypeVar("V")
P = ParamSpec("P")
R_co = TypeVar("R_co", covariant=True)
_NONE = object()


class _Values(dict[K, V]):
    """The memo's dictionary: a subclass, because a full collection stops tracking a plain
    dictionary whose keys and values it no longer tracks, and the next key put in tracks it
    again as a young object, which the young collections then walk through in full (some
    100,000 entries: pauses of 15-20 ms after each full collection); a subclass stays tracked
    in the oldest generation."""


class Memo(Generic[K, V]):
    """At most ``size`` computed values by key; the oldest quarter goes when it is full."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a memo holds at least one value")
        self.size = size
        #: how many are kept when it is full: the newest three quarters
        self.kept = max(size - size // 4, 1) - 1
        self._values: dict[K, V] = _Values()

    def get(self, key: K) -> V | None:
        return self._values.get(key)

    def get_or(self, key: K, default: object) -> V | object:
        return self._values.get(key, default)

    def put(self, key: K, value: V) -> None:
        values = self._values
        if len(values) >= self.size and key not in values:
            # the oldest quarter out at once, into a new dictionary: taken one by one from the
            # front, each would leave a hole that every later look for the oldest walks over
            values = self._values = _Values(islice(values.items(), len(values) - self.kept, None))
        values[key] = value

    def items(self) -> list[tuple[K, V]]:
        return list(self._values.items())

    def clear(self) -> None:
        self._values = _Values()

    def __len__(self) -> int:
        return len(self._values)


class Cached(Protocol[P, R_co]):
    """A function whose results are kept (:func:`memoized`)."""

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R_co: ...

    def cache_clear(self) -> None: ...


def memoized(size: int) -> Callable[[Callable[P, R_co]], Cached[P, R_co]]:
    """``functools.lru_cache`` for a function of several arguments, on a :class:`Memo`: the
    dictionary of an ``lru_cache`` keyed by tuples is untracked by each full collection and
    tracked again, young, by the next new key (see :class:`_Values`). Positional arguments
    only make the key; a call with keywords is computed, not kept."""

    def wrap(function: Callable[P, R_co]) -> Cached[P, R_co]:
        memo: Memo[tuple[Any, ...], Any] = Memo(size)

        @wraps(function)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R_co:
            if kwargs:
                return function(*args, **kwargs)
            found = memo.get_or(args, _NONE)
            if found is _NONE:
                found = function(*args, **kwargs)
                memo.put(args, found)
            return cast(R_co, found)

        cached.cache_clear = memo.clear  # type: ignore[attr-defined]
        return cast(Cached[P, R_co], cached)

    return wrap
