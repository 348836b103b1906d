"""Measure name comparison on the committed labelled pairs, beside a general-purpose baseline.

The baseline is Jaro-Winkler (rigour's) on names folded to ASCII by normality, the way a general
pipeline would compare them; its threshold is the best one for the split measured, which favours
the baseline. Accord's threshold is fixed (:data:`~accord.names.compare.DEFAULT_THRESHOLD`).

A category holds only matches or only non-matches, so per category the measures are taken on that
category's pairs together with all pairs of the other class in the same split: for a category of
matches, how well its matches are told from every non-match; for a category of hard negatives,
how well every match is told from its non-matches. ``accuracy`` is the share of the category's own
pairs decided right.

The labelled names are common names of the region, and the lexicon of known names holds most of
them, so the figure measured with the full lexicon is a figure for names Accord knows. The report
therefore also measures Accord on names it does not know: each pair is scored with every name
either of its names spells withheld from the lexicon (:func:`unknown_name_scores`), so that only
the rules (scripts, spelling equivalences, particles, order, gender forms) and string distance
decide.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

from normality import ascii_text
from rigour.text.distance import jaro_winkler

from accord.names import lexicon
from accord.names.compare import DEFAULT_THRESHOLD, clear_caches, compare, name_score, name_tokens
from accord.names.similarity import token_info

__all__ = [
    "SPLITS",
    "CategoryReport",
    "EvalReport",
    "LabelledPair",
    "Measures",
    "average_precision",
    "baseline_score",
    "best_threshold",
    "evaluate",
    "load_pairs",
    "measure",
    "unknown_name_scores",
]

SPLITS = ("dev", "heldout", "all")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    name_a: str
    name_b: str
    label: int
    category: str
    split: str


@dataclass(frozen=True, slots=True)
class Measures:
    precision: float
    recall: float
    f1: float
    average_precision: float
    threshold: float


@dataclass(frozen=True, slots=True)
class CategoryReport:
    category: str
    pairs: int
    label: int
    accuracy: float
    accord: Measures
    baseline_accuracy: float
    baseline: Measures
    unknown_accuracy: float


@dataclass(frozen=True, slots=True)
class EvalReport:
    split: str
    pairs: int
    positives: int
    accord: Measures
    baseline: Measures
    categories: tuple[CategoryReport, ...]
    #: Accord with each pair's names withheld from the lexicon (names it does not know)
    unknown: Measures


def load_pairs(split: str = "dev") -> list[LabelledPair]:
    """The labelled pairs of one split (``dev``, ``heldout`` or ``all``)."""
    text = resources.files("accord.names").joinpath("data/eval_pairs.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    pairs = [
        LabelledPair(r["name_a"], r["name_b"], int(r["label"]), r["category"], r["split"])
        for r in rows
    ]
    return [p for p in pairs if split == "all" or p.split == split]


def baseline_score(name_a: str, name_b: str) -> float:
    """Jaro-Winkler on the names lowercased and folded to ASCII by normality."""
    fold_a = " ".join((ascii_text(name_a) or "").lower().split())
    fold_b = " ".join((ascii_text(name_b) or "").lower().split())
    return jaro_winkler(fold_a, fold_b, cutoff=0.0)


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the precision-recall curve as a step function, ties taken together."""
    positives = sum(labels)
    if positives == 0:
        return 0.0
    ranked = sorted(zip(scores, labels, strict=True), key=lambda item: -item[0])
    area = true_pos = seen = 0.0
    index = 0
    while index < len(ranked):
        score = ranked[index][0]
        step_true = 0
        while index < len(ranked) and ranked[index][0] == score:
            step_true += ranked[index][1]
            seen += 1
            index += 1
        true_pos += step_true
        area += (step_true / positives) * (true_pos / seen)
    return area


def measure(scores: Sequence[float], labels: Sequence[int], threshold: float) -> Measures:
    """Precision, recall and F1 at a threshold, and average precision."""
    true_pos = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    predicted = sum(1 for s in scores if s >= threshold)
    positives = sum(labels)
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Measures(precision, recall, f1, average_precision(scores, labels), threshold)


def best_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The threshold with the highest F1 (the lowest such threshold on a tie)."""
    best, best_f1 = 1.0, -1.0
    for candidate in sorted(set(scores)):
        f1 = measure(scores, labels, candidate).f1
        if f1 > best_f1:
            best, best_f1 = candidate, f1
    return best


def _known_names(name: str) -> set[str]:
    """The ids of every known name a name spells, alone or as two tokens written as one."""
    tokens = name_tokens(name).tokens
    found: set[str] = set()
    for token in tokens:
        found |= token.lexeme_ids
    for first, second in pairwise(tokens):
        joined = token_info(first.text + second.text, first.vowelless or second.vowelless)
        found |= joined.lexeme_ids
    return found


def unknown_name_scores(pairs: Sequence[LabelledPair]) -> list[float]:
    """Each pair's score with every known name of either of its names withheld from the lexicon:
    how Accord compares these names where the lexicon does not know them."""
    withheld = [frozenset(_known_names(p.name_a) | _known_names(p.name_b)) for p in pairs]
    scores = [0.0] * len(pairs)
    current: frozenset[str] | None = None
    try:
        for index in sorted(range(len(pairs)), key=lambda i: sorted(withheld[i])):
            if withheld[index] != current:
                current = withheld[index]
                lexicon.withhold(current)
                clear_caches()
            scores[index] = name_score(pairs[index].name_a, pairs[index].name_b)
    finally:
        lexicon.withhold(frozenset())
        clear_caches()
    return scores


def _category(
    name: str,
    pairs: list[LabelledPair],
    scored: dict[str, list[float]],
    thresholds: tuple[float, float],
) -> CategoryReport:
    own = [i for i, p in enumerate(pairs) if p.category == name]
    label = pairs[own[0]].label
    others = [i for i, p in enumerate(pairs) if p.label != label]
    chosen = own + others
    labels = [pairs[i].label for i in chosen]
    results = []
    for system, threshold in zip(("accord", "baseline"), thresholds, strict=True):
        scores = [scored[system][i] for i in chosen]
        results.append(
            (_accuracy(scored[system], own, label, threshold), measure(scores, labels, threshold))
        )
    unknown = _accuracy(scored["unknown"], own, label, thresholds[0])
    return CategoryReport(
        name, len(own), label, results[0][0], results[0][1], results[1][0], results[1][1], unknown
    )


def _accuracy(scores: list[float], own: list[int], label: int, threshold: float) -> float:
    return sum(1 for i in own if (scores[i] >= threshold) == bool(label)) / len(own)


def evaluate(split: str = "dev", scorer: Callable[[str, str], float] | None = None) -> EvalReport:
    """Accord and the baseline on one split: overall and per category."""
    pairs = load_pairs(split)
    accord = scorer or (lambda a, b: compare(a, b).score)
    scored = {
        "accord": [accord(p.name_a, p.name_b) for p in pairs],
        "baseline": [baseline_score(p.name_a, p.name_b) for p in pairs],
        "unknown": unknown_name_scores(pairs),
    }
    labels = [p.label for p in pairs]
    base_threshold = best_threshold(scored["baseline"], labels)
    thresholds = (DEFAULT_THRESHOLD, base_threshold)
    categories = tuple(
        _category(name, pairs, scored, thresholds)
        for name in dict.fromkeys(p.category for p in pairs)
    )
    return EvalReport(
        split,
        len(pairs),
        sum(labels),
        measure(scored["accord"], labels, DEFAULT_THRESHOLD),
        measure(scored["baseline"], labels, base_threshold),
        categories,
        measure(scored["unknown"], labels, DEFAULT_THRESHOLD),
    )
