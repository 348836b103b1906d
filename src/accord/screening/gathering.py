"""The postings a person query looks at: the entries under its name keys, gathered into one
array for the ranking (:class:`~accord.screening.ranking.KeyPostings`)."""

from __future__ import annotations

import math
from array import array

import numpy as np

from accord.screening.keys import query_key_code, query_plan
from accord.screening.postings import Postings
from accord.screening.ranking import KeyPostings

__all__ = ["EXAMINED", "key_postings"]

#: Keys shared by more entries than this are too common to rank by: they are skipped.
_COMMON = 50_000
#: At most about this many postings are looked at per query (see :func:`key_postings`).
EXAMINED = 20_000


def key_postings(names: Postings, persons: int, name: str, year: int) -> tuple[KeyPostings, int]:
    """The postings of the name keys of a query for ``name`` born in ``year`` (0: unknown),
    among ``persons`` indexed, and the number of the query's tokens. Keys are taken from the
    rarest up; a key that would take the entries looked at past :data:`EXAMINED` is skipped
    once some are found (the rarer keys of the same name, with the year of birth, hold its
    bearers already), which bounds the work of a query for a very common name."""
    plan = query_plan(name, year)
    codes = {key: query_key_code(key) for key in plan.keys}
    looked = {key: names.lookup(code) for key, code in codes.items()}
    sizes = {key: _size(found) for key, found in looked.items()}
    chosen = []
    for key, tokens in plan.keys.items():
        size = sizes[key]
        if 0 < size <= _COMMON:
            # the rarity of a name, not of a year: an undated key is as rare as its pair
            # key (which a dated query looks up too)
            common = 0
            if not key.startswith("y"):
                pair = "p" + key[1:]
                common = sizes[pair] if pair in sizes else names.size(query_key_code(pair))
            chosen.append((size, codes[key], tokens, common, looked[key]))
    chosen.sort(key=lambda item: item[:2])
    taken = []
    examined = 0
    for size, _, tokens, common, found in chosen:
        if examined and examined + size > EXAMINED:
            continue
        examined += size
        rarity = math.log2(persons / common) if common else 0.0
        taken.append((rarity, tokens, found))
    taken.sort(key=lambda item: -item[0])  # rarest first (stable: then the smaller)
    # every key's entries copied into one array of our own (the index's arrays grow while
    # queries run), then read by numpy without a copy
    numbers: array[int] = array("i")
    lengths = []
    for _, _, found in taken:
        before = len(numbers)
        if isinstance(found, int):
            numbers.append(found)
        elif found is not None:
            numbers.extend(found)
        lengths.append(len(numbers) - before)
    postings = KeyPostings(
        np.frombuffer(numbers, np.int32) if numbers else np.zeros(0, np.int32),
        lengths,
        [tokens for _, tokens, _ in taken],
        [rarity for rarity, _, _ in taken],
    )
    return postings, plan.tokens


def _size(found: int | array[int] | None) -> int:
    """How many entries a :meth:`Postings.lookup` found."""
    if found is None:
        return 0
    return 1 if isinstance(found, int) else len(found)
