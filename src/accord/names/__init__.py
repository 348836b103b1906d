"""Accord's names layer (pure): transliteration, spelling equivalences, gender forms, keys, compare."""

from accord.names.compare import DEFAULT_THRESHOLD, Comparison, compare

__all__ = ["DEFAULT_THRESHOLD", "Comparison", "compare"]
