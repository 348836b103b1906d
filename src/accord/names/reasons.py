"""The reasons of a comparison, in words an analyst can check."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from accord.names.gender import is_surname_form
from accord.names.similarity import TokenInfo, TokenMatch

if TYPE_CHECKING:
    from accord.names.compare import NameTokens

__all__ = ["describe"]

_SCRIPT_WORDS = {"cyrillic": "Cyrillic", "arabic": "Arabic script", "persian": "Persian script"}
_PAIR_WORDS = {
    "folded": "same letters without diacritics",
    "equivalent": "equivalent spellings",
    "article": "same name with the article written on",
    "initial": "initial agrees",
    "known-variant": "known spellings of one name",
    "skeleton": "same consonants as written in Arabic script",
    "vowel-variant": "same name with different vowels",
    "transcription": "a foreign name as Serbian transcription writes it",
    "fuzzy": "similar spelling",
    "different": "different names",
    "nisba": "a name and its nisba (-i) form, not the same name",
    "nisba-variant": "the nisba (-i) form of one name in two spellings",
}


def _script_reasons(a: NameTokens, b: NameTokens, agree: bool) -> list[str]:
    reasons = []
    for script, words in _SCRIPT_WORDS.items():
        if (script in a.scripts) != (script in b.scripts):
            if agree:
                reasons.append(f"same name after transliteration from {words}")
            else:
                reasons.append(f"compared after transliteration from {words}")
    for side in (a, b):
        if len(side.scripts) > 1 and "latin" in side.scripts:
            reasons.append("one name mixes scripts")
            break
    return reasons


def _gender_reason(ta: TokenInfo, tb: TokenInfo) -> str:
    given = ta.gender is not None or tb.gender is not None
    surname = is_surname_form(ta.readings[0]) and is_surname_form(tb.readings[0])
    part = "given names" if given or not surname else "surnames"
    return f"{part} differ by gender form: {ta.display} / {tb.display}"


def _pair_reason(ta: TokenInfo, tb: TokenInfo, found: TokenMatch) -> str | None:
    if found.kind == "exact":
        return None
    if found.kind == "gender":
        return _gender_reason(ta, tb)
    words = _PAIR_WORDS.get(found.kind, found.kind)
    if found.kind == "fuzzy" and found.score < 0.8:
        return f"different names: {ta.display} / {tb.display}"
    if found.kind == "fuzzy":
        return f"{words}: {ta.display} / {tb.display} ({found.score:.2f})"
    return f"{words}: {ta.display} / {tb.display}"


def _order_swapped(pairs: list[tuple[int, int, TokenMatch]]) -> bool:
    good = [j for _, j, found in pairs if found.score >= 0.85]
    return any(later < earlier for earlier, later in pairwise(good))


def describe(
    a: NameTokens,
    b: NameTokens,
    a_tokens: tuple[TokenInfo, ...],
    b_tokens: tuple[TokenInfo, ...],
    pairs: list[tuple[int, int, TokenMatch]],
    merged: list[tuple[str, str]],
    match: bool,
    flipped: bool = False,
) -> tuple[str, ...]:
    """Reasons for a comparison, most telling first; ``flipped`` names the second name first."""
    if flipped:
        a, b, a_tokens, b_tokens = b, a, b_tokens, a_tokens
        pairs = sorted(((j, i, found) for i, j, found in pairs), key=lambda pair: pair[0])
    pair_reasons = []
    for i, j, found in pairs:
        reason = _pair_reason(a_tokens[i], b_tokens[j], found)
        if reason is not None:
            pair_reasons.append(reason)
    gender = [r for r in pair_reasons if "gender form" in r]
    others = [r for r in pair_reasons if "gender form" not in r]
    reasons = gender + _script_reasons(a, b, match)
    if _order_swapped(pairs):
        reasons.append(
            "surname and given name swapped"
            if len(pairs) == 2
            else "name parts in a different order"
        )
    # always "two words / one word", whichever name wrote it which way
    reasons.extend(f"written as one word in one name: {x} / {y}" for x, y in merged)
    reasons.extend(others)
    paired_a = {i for i, _, _ in pairs}
    paired_b = {j for _, j, _ in pairs}
    extra = [t.display for i, t in enumerate(a_tokens) if i not in paired_a]
    extra += [t.display for j, t in enumerate(b_tokens) if j not in paired_b]
    if extra:
        reasons.append("only in one name: " + ", ".join(extra))
    particles = sorted(set(a.particles) | set(b.particles))
    if particles:
        reasons.append("particles ignored: " + ", ".join(particles))
    if a.truncated or b.truncated:
        reasons.append("long name truncated before comparison")
    if not reasons:
        reasons.append("identical names")
    return tuple(reasons)
