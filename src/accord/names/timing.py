"""How long name comparison takes, beside the baseline measured in the same run.

Figures, not tests (absolute timings depend on the machine): :func:`measure_speed` times each
step the engines use on the committed evaluation pairs, best of ``repeat`` runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from accord.names.compare import clear_caches, compare, name_score, name_tokens
from accord.names.evaluate import baseline_score, load_pairs

__all__ = ["SpeedReport", "measure_speed"]


@dataclass(frozen=True, slots=True)
class SpeedReport:
    """Microseconds per call of each step, and the number of pairs timed."""

    pairs: int
    normalise_name_us: float
    compare_us: float
    score_only_us: float
    compare_repeat_us: float
    baseline_us: float


def _best(repeat: int, setup: Callable[[], None], run: Callable[[], None], count: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        setup()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / max(count, 1) * 1e6


def measure_speed(repeat: int = 3) -> SpeedReport:
    """Time normalisation per name, compare per new pair (names already normalised), the score
    alone, a repeated pair (cached), and the baseline Jaro-Winkler on ASCII-folded names."""
    pairs = [(p.name_a, p.name_b) for p in load_pairs("all")]
    names = sorted({name for pair in pairs for name in pair})

    def warm_names() -> None:
        clear_caches()
        for name in names:
            name_tokens(name)

    def compare_all() -> None:
        for a, b in pairs:
            compare(a, b)

    def score_all() -> None:
        for a, b in pairs:
            name_score(a, b)

    def normalise_all() -> None:
        for name in names:
            name_tokens(name)

    def baseline_all() -> None:
        for a, b in pairs:
            baseline_score(a, b)

    count = len(pairs)
    return SpeedReport(
        pairs=count,
        normalise_name_us=_best(repeat, clear_caches, normalise_all, len(names)),
        compare_us=_best(repeat, warm_names, compare_all, count),
        score_only_us=_best(repeat, warm_names, score_all, count),
        compare_repeat_us=_best(repeat, lambda: None, compare_all, count),
        baseline_us=_best(repeat, lambda: None, baseline_all, count),
    )
