"""Seeded random streams and record keys: the same seed always gives the same scenario.

Each theme and each chunk of persons draws from its own stream, derived from the seed and the
stream's name by a hash (never Python's salted ``hash``), so the output does not depend on how
many worker processes generate it or in which order they finish.
"""

from __future__ import annotations

import hashlib
import random

__all__ = ["KeyMaker", "derive_seed", "handling", "stream"]

_KEY_SPACE = 10**10

_H3_NOTES = (
    "Do not contact the data subject before consulting the originator.",
    "Not to be used in asylum or international-protection decisions.",
    "Source protection: no disclosure to third countries.",
    "Use only to identify the person at the border; no onward use.",
)


def derive_seed(seed: int, *parts: object) -> int:
    """A 64-bit seed for the stream named by ``parts``."""
    text = repr((seed, *parts)).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def stream(seed: int, *parts: object) -> random.Random:
    """An independent random stream for ``parts`` (a theme, a participant, a chunk...)."""
    return random.Random(derive_seed(seed, *parts))


def handling(rng: random.Random) -> tuple[str, str]:
    """Handling codes and note of one record: mostly H0, some H0+H2, some H0+H1, rare H3."""
    roll = rng.random()
    if roll < 0.85:
        return "H0", ""
    if roll < 0.94:
        return "H0,H2", ""
    if roll < 0.99:
        return "H0,H1", ""
    return "H0,H3", _H3_NOTES[rng.randrange(len(_H3_NOTES))]


class KeyMaker:
    """Record keys: a bijective scramble of a person's or entity's number, per dataset.

    Keys are unique within a dataset (distinct numbers give distinct keys), reveal nothing that
    links the same person across datasets, and need no coordination between processes.
    """

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._params: dict[str, tuple[str, int, int]] = {}

    def _for(self, dataset_id: str, authority: str) -> tuple[str, int, int]:
        found = self._params.get(dataset_id)
        if found is None:
            mixed = derive_seed(self.seed, "keys", dataset_id)
            multiplier = (mixed % (_KEY_SPACE // 10)) * 10 + 3  # ends in 3: coprime to 10
            offset = (mixed >> 20) % _KEY_SPACE
            prefix = authority.split("-", 1)[1]
            found = (prefix, multiplier, offset)
            self._params[dataset_id] = found
        return found

    def key(self, dataset_id: str, authority: str, number: int, seq: int = 0) -> str:
        prefix, multiplier, offset = self._for(dataset_id, authority)
        scrambled = (number * multiplier + offset) % _KEY_SPACE
        return f"{prefix}{scrambled:010d}" if seq == 0 else f"{prefix}{scrambled:010d}-{seq}"
