"""Compare two person names: a score in [0, 1], a match decision and the reasons in words.

Each name is split into tokens (:mod:`accord.names.normalise`), tokens written as two words on one
side and one on the other are joined, and the tokens are paired best-first. Every pair adds
evidence for or against (:data:`EVIDENCE_KNOTS`); a male/female pair is decisive against; a token
present in one name only (a second given name, a father's name, a maiden name) counts a little
against; two different tokens in the same place (two different fathers' names) count strongly
against. The evidence goes through a logistic curve to give the score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from accord.names.normalise import tokenise
from accord.names.reasons import describe
from accord.names.similarity import TokenInfo, TokenMatch, match_tokens, token_info

__all__ = ["DEFAULT_THRESHOLD", "Comparison", "compare", "name_tokens"]

DEFAULT_THRESHOLD = 0.5
# (token similarity, evidence): linear in between, flat outside.
EVIDENCE_KNOTS = ((0.70, -5.0), (0.80, -2.5), (0.86, 0.0), (0.90, 1.0), (0.95, 2.0), (1.0, 3.0))
GENDER_EVIDENCE = -8.0
EXTRA_TOKEN_EVIDENCE = -0.6
EXTRA_TO_SINGLE_TOKEN_EVIDENCE = -1.5
BIAS = 2.0
GENDER_AFFINITY = 0.9


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of comparing two names."""

    score: float
    match: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NameTokens:
    """A name ready for comparison: its tokens and what was done to get them."""

    tokens: tuple[TokenInfo, ...]
    scripts: frozenset[str]
    particles: tuple[str, ...]
    truncated: bool


@lru_cache(maxsize=32768)
def name_tokens(name: str) -> NameTokens:
    """The analysed tokens of one name (cached)."""
    split = tokenise(name)
    vowelless = bool(split.scripts & {"arabic", "persian"})
    tokens = tuple(token_info(text, vowelless) for text in split.tokens)
    return NameTokens(tokens, split.scripts, split.particles, split.truncated)


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)


def _evidence(similarity: float) -> float:
    knots = EVIDENCE_KNOTS
    if similarity <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        if similarity <= x1:
            return y0 + (y1 - y0) * (similarity - x0) / (x1 - x0)
    return knots[-1][1]


def _merge_compounds(
    side: tuple[TokenInfo, ...], other: tuple[TokenInfo, ...]
) -> tuple[tuple[TokenInfo, ...], list[tuple[str, str]]]:
    """Join two neighbouring tokens where the other name writes them as one word."""
    out: list[TokenInfo] = []
    merged: list[tuple[str, str]] = []
    index = 0
    while index < len(side):
        if index + 1 < len(side):
            first, second = side[index], side[index + 1]
            joined = token_info(first.text + second.text, first.vowelless or second.vowelless)
            partner = next((o for o in other if _joins(first, second, joined, o)), None)
            if partner is not None:
                out.append(joined)
                merged.append((f"{first.display} {second.display}", partner.display))
                index += 2
                continue
        out.append(side[index])
        index += 1
    return tuple(out), merged


_JOINING_KINDS = frozenset({"exact", "folded", "equivalent", "known-variant"})


def _joins(first: TokenInfo, second: TokenInfo, joined: TokenInfo, other: TokenInfo) -> bool:
    if match_tokens(joined, other).kind not in _JOINING_KINDS:
        return False
    return max(match_tokens(first, other).score, match_tokens(second, other).score) < 0.95


Pair = tuple[int, int, TokenMatch]


def _align(a: tuple[TokenInfo, ...], b: tuple[TokenInfo, ...]) -> list[Pair]:
    """Pair every token of the shorter name with one of the longer, best pairs first."""
    candidates = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            found = match_tokens(ta, tb)
            # a male/female pair still fills the same place in both names
            affinity = GENDER_AFFINITY if found.kind == "gender" else found.score
            order = (-affinity, abs(i - j), min(ta.text, tb.text), max(ta.text, tb.text))
            candidates.append((order, i, j, found))
    candidates.sort(key=lambda item: item[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[Pair] = []
    for _, i, j, found in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, found))
    return sorted(pairs, key=lambda pair: pair[0])


def _score(pairs: list[Pair], extra: int, shortest: int) -> float:
    total = 0.0
    for _, _, found in pairs:
        total += GENDER_EVIDENCE if found.kind == "gender" else _evidence(found.score)
    per_extra = EXTRA_TOKEN_EVIDENCE if shortest >= 2 else EXTRA_TO_SINGLE_TOKEN_EVIDENCE
    total += per_extra * extra
    return 1.0 / (1.0 + math.exp(-(total - BIAS)))


@lru_cache(maxsize=65536)
def _compare_ordered(first: str, second: str, threshold: float, flipped: bool) -> Comparison:
    a, b = name_tokens(first), name_tokens(second)
    if not a.tokens or not b.tokens:
        return Comparison(0.0, False, ("empty name: nothing to compare",))
    a_tokens, merged_a = _merge_compounds(a.tokens, b.tokens)
    b_tokens, merged_b = _merge_compounds(b.tokens, a_tokens)
    pairs = _align(a_tokens, b_tokens)
    extra = abs(len(a_tokens) - len(b_tokens))
    score = _score(pairs, extra, min(len(a_tokens), len(b_tokens)))
    match = score >= threshold
    reasons = describe(a, b, a_tokens, b_tokens, pairs, merged_a + merged_b, match, flipped)
    return Comparison(round(score, 4), match, reasons)


def compare(name_a: str, name_b: str, threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    """Compare two person names in any script; never raises.

    ``match`` is ``score >= threshold``. The reasons say in words what agreed and what did not.
    The result does not depend on the order of the two names (only the reasons' wording does).
    """
    first, second = _as_text(name_a), _as_text(name_b)
    if second < first:
        return _compare_ordered(second, first, threshold, True)
    return _compare_ordered(first, second, threshold, False)
