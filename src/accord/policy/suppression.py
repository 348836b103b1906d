"""Small-count suppression for every aggregate Accord shows."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

__all__ = ["DEFAULT_THRESHOLD", "suppress"]

DEFAULT_THRESHOLD = 5
K = TypeVar("K", bound=Hashable)


def suppress(counts: Mapping[K, int], threshold: int = DEFAULT_THRESHOLD) -> dict[K, int | None]:
    """Counts below ``threshold`` become None ("fewer than threshold"); zero cells are dropped,
    so that the presence of a cell reveals nothing either. No total is derived here: a total
    over suppressed cells would let a reader difference them back."""
    if threshold < 1:
        raise ValueError("the suppression threshold must be at least 1")
    return {key: (count if count >= threshold else None) for key, count in counts.items() if count}
