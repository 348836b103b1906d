"""Normalised columns and blocking keys for record linkage, computed once per record.

A linkage engine stores these as columns and compares them in SQL. All of them are
script-independent: a name in Cyrillic, in Arabic script or in any Latin spelling of the region
gives the same ``*_lexeme``, ``*_canon`` and skeleton keys as its usual Latin spelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rigour.text.phonetics import metaphone

from accord.names.compare import name_tokens
from accord.names.similarity import TokenInfo

__all__ = ["NameFeatures", "blocking_keys", "canonical", "name_features", "normalise"]

_KEY_TOKENS = 4


def _folded(token: TokenInfo) -> str:
    if token.vowelless and token.lexemes:
        return token.lexemes[0].display.lower().replace(" ", "")
    return token.folded


def _lexeme(token: TokenInfo) -> str:
    """A known name's id (``g12``), else the token's usual reading: equal means the same name."""
    if token.lexemes:
        return min(lexeme.ident for lexeme in token.lexemes)
    return token.readings[0]


@lru_cache(maxsize=32768)
def normalise(name: str) -> str:
    """The name in lowercase ASCII as people type it (Đ -> dj), particles dropped, compounds joined.

    Arabic-script tokens become the usual Latin spelling of the known name they spell, else
    their consonant skeleton.
    """
    return " ".join(_folded(token) for token in name_tokens(name).tokens)


@lru_cache(maxsize=32768)
def canonical(name: str) -> str:
    """The usual reading of each token, in order: equal for equivalent spellings of one name."""
    return " ".join(token.readings[0] for token in name_tokens(name).tokens)


def _token_keys(tokens: tuple[TokenInfo, ...]) -> list[str]:
    keys: list[str] = []
    for token in tokens[:_KEY_TOKENS]:
        if token.skeletons and len(token.skeletons[0]) >= 2:
            keys.append("sk:" + token.skeletons[0])
        if token.lexemes:
            keys.append("lx:" + _lexeme(token))
        elif not token.vowelless and len(token.readings[0]) >= 3:
            keys.append("ph:" + metaphone(token.readings[0]))
    return keys


@lru_cache(maxsize=32768)
def blocking_keys(name: str) -> list[str]:
    """Keys under which spellings of one name meet, in any script or romanization.

    ``sk:`` a token's consonant skeleton, ``lx:`` a known name's id, ``ph:`` a metaphone code of
    an unknown token, ``st:`` all tokens' readings sorted (order-insensitive full name).
    """
    tokens = name_tokens(name).tokens
    if not tokens:
        return []
    keys = _token_keys(tokens)
    keys.append("st:" + " ".join(sorted(token.readings[0] for token in tokens)))
    return list(dict.fromkeys(keys))


@dataclass(frozen=True, slots=True)
class NameFeatures:
    """Per-record name columns for linkage (see docs/names.md for each)."""

    first_norm: str
    last_norm: str
    full_norm: str
    first_canon: str
    last_canon: str
    first_lexeme: str
    last_lexeme: str
    first_gender: str | None
    last_skeleton: str
    last_phonetic: str
    keys: tuple[str, ...]


def _lexemes(tokens: tuple[TokenInfo, ...]) -> str:
    return " ".join(_lexeme(token) for token in tokens)


def name_features(first: str | None, last: str | None) -> NameFeatures:
    """The normalised columns of a person's given name(s) and surname(s)."""
    given = name_tokens(first or "").tokens
    family = name_tokens(last or "").tokens
    genders = {token.gender for token in given[:1]}
    last_skeleton = " ".join(t.skeletons[0] for t in family if t.skeletons)
    last_phonetic = " ".join(metaphone(t.readings[0]) for t in family if t.readings[0])
    keys = [f"sn:{t.skeletons[0]}" for t in family[:2] if t.skeletons and t.skeletons[0]]
    if given and family and family[0].skeletons:
        keys.append(f"fs:{_lexeme(given[0])}|{family[0].skeletons[0]}")
    if given or family:
        keys.append("st:" + " ".join(sorted(t.readings[0] for t in given + family)))
    return NameFeatures(
        first_norm=" ".join(_folded(t) for t in given),
        last_norm=" ".join(_folded(t) for t in family),
        full_norm=" ".join(_folded(t) for t in given + family),
        first_canon=" ".join(t.readings[0] for t in given),
        last_canon=" ".join(t.readings[0] for t in family),
        first_lexeme=_lexemes(given),
        last_lexeme=_lexemes(family),
        first_gender=genders.pop() if len(genders) == 1 else None,
        last_skeleton=last_skeleton,
        last_phonetic=last_phonetic,
        keys=tuple(dict.fromkeys(keys)),
    )
