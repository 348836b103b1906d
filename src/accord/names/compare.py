"""Compare two person names: a score in [0, 1], a match decision and the reasons in words.

Each name is split into tokens (:mod:`accord.names.tokenise`), tokens written as two words on one
side and one on the other are joined, and the tokens are paired best-first. Every pair adds
evidence for or against (:data:`EVIDENCE_KNOTS`); a male/female pair is decisive against; a token
present in one name only (a second given name, a father's name, a maiden name) counts a little
against; two different tokens in the same place (two different fathers' names) count strongly
against. The mean evidence per paired token goes through a logistic curve to give the score, so a
one-word name that agrees scores as high as a full name that agrees.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from accord.names import arabic, equivalences, lexicon, similarity, tokenise, transliterate
from accord.names.memo import Memo, memoized
from accord.names.reasons import describe
from accord.names.similarity import TokenInfo, TokenMatch, match_tokens, token_info

__all__ = [
    "ANALYSED_NAMES",
    "DEFAULT_THRESHOLD",
    "Comparison",
    "NameTokens",
    "analyse_names",
    "clear_caches",
    "compare",
    "name_score",
    "name_tokens",
    "names_in_common",
]

DEFAULT_THRESHOLD = 0.5
# (token similarity, evidence): linear in between, flat outside.
EVIDENCE_KNOTS = ((0.70, -5.0), (0.80, -2.5), (0.86, 0.0), (0.90, 1.0), (0.95, 2.0), (1.0, 3.0))
GENDER_EVIDENCE = -8.0
EXTRA_TOKEN_EVIDENCE = -0.6
EXTRA_TO_SINGLE_TOKEN_EVIDENCE = -2.5
# score = logistic(SCALE * (mean evidence per paired token - OFFSET))
SCALE = 2.0
OFFSET = 1.0
GENDER_AFFINITY = 0.9
#: How close two tokens must be to count as one name the two names have in common: a known
#: variant, a transcription or a typing slip does; an initial or a nisba does not.
COMMON_TOKEN = 0.9


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
    #: words of the name as written, articles and links aside (:attr:`Tokens.words`)
    words: int = 0


#: How many analysed names are kept (:func:`name_tokens`): every distinct name of an index of
#: a million persons (about 160,000 in the generated data) and the queries' names besides.
ANALYSED_NAMES = 2**18


@lru_cache(maxsize=ANALYSED_NAMES)
def name_tokens(name: str) -> NameTokens:
    """The analysed tokens of one name (cached)."""
    split = tokenise.tokenise(name)
    vowelless = bool(split.scripts & {"arabic", "persian"})
    infos = (token_info(text, vowelless) for text in split.tokens)
    # a token with no letter left once spelled out (a lone mark, an ع alone) is not a name part
    tokens = tuple(info for info in infos if any(c.isalpha() for c in info.readings[0]))
    return NameTokens(tokens, split.scripts, split.particles, split.truncated, split.words)


def analyse_names(names: Iterable[str]) -> int:
    """Analyse names ahead of their comparisons (an index's names, when it is loaded): a first
    comparison with a name not analysed yet spends about a third of its time analysing it.
    Up to :data:`ANALYSED_NAMES` are kept; returns how many of ``names`` were new."""
    before = name_tokens.cache_info().misses
    for name in names:
        name_tokens(name)
    return name_tokens.cache_info().misses - before


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)


def _evidence(similarity: float) -> float:
    knots = EVIDENCE_KNOTS
    if similarity <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in pairwise(knots):
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
            size = len(first.readings[0]) + len(second.readings[0])
            candidates = [o for o in other if o.vowelless or abs(len(o.readings[0]) - size) <= 3]
            if candidates:
                vowelless = first.vowelless or second.vowelless
                joined = token_info(first.text + second.text, vowelless)
                partner = next((o for o in candidates if _joins(first, second, joined, o)), None)
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
    if len(a) == 1 and len(b) == 1:
        return [(0, 0, match_tokens(a[0], b[0]))]
    if len(a) == 2 and len(b) == 2:
        return _align_two(a, b)
    order = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            result = match_tokens(ta, tb)
            # no two entries share (i, j), so the sort never compares two results
            order.append((-_affinity(result), abs(i - j), i, j, result))
    order.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[Pair] = []
    wanted = min(len(a), len(b))
    for _, _, i, j, result in order:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, result))
            if len(pairs) == wanted:
                break  # the shorter name is paired: every pair left has a token taken
    pairs.sort()  # by the first name's order (each of its tokens is in one pair at most)
    return pairs


def _align_two(a: tuple[TokenInfo, ...], b: tuple[TokenInfo, ...]) -> list[Pair]:
    """:func:`_align` of two tokens against two (most names compared): the best of the four
    pairs, by the same order, decides between the straight and the crossed pairing."""
    straight = (match_tokens(a[0], b[0]), match_tokens(a[1], b[1]))
    crossed = (match_tokens(a[0], b[1]), match_tokens(a[1], b[0]))
    best = min(
        (-_affinity(straight[0]), 0, 0, 0),
        (-_affinity(straight[1]), 0, 1, 1),
        (-_affinity(crossed[0]), 1, 0, 1),
        (-_affinity(crossed[1]), 1, 1, 0),
    )
    if best[1] == 0:
        return [(0, 0, straight[0]), (1, 1, straight[1])]
    return [(0, 1, crossed[0]), (1, 0, crossed[1])]


def _affinity(result: TokenMatch) -> float:
    # a male/female pair still fills the same place in both names
    return GENDER_AFFINITY if result.kind == "gender" else result.score


def _score(pairs: list[Pair], extra: int, shortest: int) -> float:
    total = 0.0
    for _, _, found in pairs:
        total += GENDER_EVIDENCE if found.kind == "gender" else _evidence(found.score)
    per_extra = EXTRA_TOKEN_EVIDENCE if shortest >= 2 else EXTRA_TO_SINGLE_TOKEN_EVIDENCE
    total += per_extra * extra
    mean = total / max(len(pairs), 1)
    return 1.0 / (1.0 + math.exp(-SCALE * (mean - OFFSET)))


class _Outcome(NamedTuple):
    """What one comparison found (a tuple: one is made for every name pair compared, and a
    frozen dataclass, built field by field, cost about a microsecond more each time)."""

    a: NameTokens
    b: NameTokens
    a_tokens: tuple[TokenInfo, ...]
    b_tokens: tuple[TokenInfo, ...]
    merged: list[tuple[str, str]]
    pairs: list[Pair]
    score: float


def _outcome_of(first: str, second: str) -> _Outcome | None:
    a, b = name_tokens(first), name_tokens(second)
    if not a.tokens or not b.tokens:
        return None
    a_tokens, b_tokens = a.tokens, b.tokens
    merged: list[tuple[str, str]] = []
    # a compound written as two words makes a name longer: join on the longer side only
    if len(a_tokens) > len(b_tokens):
        a_tokens, merged = _merge_compounds(a_tokens, b_tokens)
    elif len(b_tokens) > len(a_tokens):
        b_tokens, merged = _merge_compounds(b_tokens, a_tokens)
    pairs = _align(a_tokens, b_tokens)
    extra = abs(len(a_tokens) - len(b_tokens))
    score = _score(pairs, extra, min(len(a_tokens), len(b_tokens)))
    return _Outcome(a, b, a_tokens, b_tokens, merged, pairs, round(score, 4))


#: Whole comparisons, for their reasons (:func:`compare`) and pairs (:func:`names_in_common`).
_outcome = memoized(16384)(_outcome_of)
#: Scores alone, for scoring many candidates (:func:`name_score`): a float by two strings,
#: which the garbage collector does not walk (:mod:`.memo`).
SCORES: Memo[tuple[str, str], float] = Memo(2**17)


def _ordered(name_a: object, name_b: object) -> tuple[str, str, bool]:
    first, second = _as_text(name_a), _as_text(name_b)
    if second < first:
        return second, first, True
    return first, second, False


def name_score(name_a: str, name_b: str) -> float:
    """The score of :func:`compare` alone, without the reasons: for scoring many candidates."""
    first, second, _ = _ordered(name_a, name_b)
    key = (first, second)
    score = SCORES.get(key)
    if score is None:
        outcome = _outcome_of(first, second)
        score = 0.0 if outcome is None else outcome.score
        SCORES.put(key, score)
    return score


def names_in_common(name_a: str, name_b: str) -> int:
    """How many tokens of the two names pair as one name (:data:`COMMON_TOKEN` or closer),
    however the others compare: *Basir Safi* and *Басир Фахим* have one."""
    first, second, _ = _ordered(name_a, name_b)
    outcome = _outcome(first, second)
    if outcome is None:
        return 0
    return sum(1 for _, _, found in outcome.pairs if found.score >= COMMON_TOKEN)


def compare(name_a: str, name_b: str, threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    """Compare two person names in any script; never raises.

    ``match`` is ``score >= threshold``. The reasons say in words what agreed and what did not.
    The result does not depend on the order of the two names (only the reasons' wording does).
    """
    first, second, flipped = _ordered(name_a, name_b)
    return _comparison(first, second, threshold, flipped)


@memoized(16384)
def _comparison(first: str, second: str, threshold: float, flipped: bool) -> Comparison:
    outcome = _outcome(first, second)
    if outcome is None:
        return Comparison(0.0, False, ("empty name: nothing to compare",))
    match = outcome.score >= threshold
    reasons = describe(
        outcome.a,
        outcome.b,
        outcome.a_tokens,
        outcome.b_tokens,
        outcome.pairs,
        outcome.merged,
        match,
        flipped,
    )
    return Comparison(outcome.score, match, reasons)


def clear_caches() -> None:
    """Forget every cached analysis and comparison (for timing, or to bound memory)."""
    SCORES.clear()
    similarity.MATCHES.clear()
    for cached in (
        _comparison,
        _outcome,
        name_tokens,
        similarity.token_info,
        lexicon.lexemes_of,
        lexicon.arabic_jim_reading,
        equivalences.readings,
        equivalences.skeleton,
        equivalences.vowel_class,
        tokenise.tokenise,
        tokenise.clean,
        transliterate.to_latin,
        transliterate.ascii_fold,
        arabic.arabic_to_latin,
    ):
        cached.cache_clear()
