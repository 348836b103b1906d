"""Candidate keys of names, from the names layer's blocking keys.

Every token of a name (the first four) has its keys from :func:`accord.names.blocking_keys`:
its consonant skeleton (``sk:``) and its known-name id (``lx:``) or metaphone (``ph:``), all
script-independent. A person is found under

* **pair keys**: one key of each of two tokens, in either order (so a name written surname
  first, in Cyrillic or with its article, meets its Latin form); and
* **year keys**: one key of one token with the year of birth, so that a typing error in the
  other token does not lose the candidate.

A query looks up its pair keys and its year keys for the year given and the years either side.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from accord.names import blocking_keys
from accord.names.compare import name_tokens

__all__ = ["entry_keys", "query_keys", "token_keys"]

_TOKENS = 4


@lru_cache(maxsize=65536)
def _keys_of_token(text: str) -> tuple[str, ...]:
    return tuple(k for k in blocking_keys(text) if not k.startswith("st:"))


def token_keys(name: str) -> list[tuple[str, ...]]:
    """The keys of each of the name's first tokens (tokens without a key are left out)."""
    found = []
    for token in name_tokens(name).tokens[:_TOKENS]:
        keys = _keys_of_token(token.text)
        if keys:
            found.append(keys)
    return found


def _pairs(tokens: list[tuple[str, ...]]) -> set[str]:
    keys: set[str] = set()
    for first, second in combinations(tokens, 2):
        for a in first:
            for b in second:
                if a != b:
                    keys.add(f"p|{a}|{b}" if a < b else f"p|{b}|{a}")
    if len(tokens) == 1:
        keys.update(f"p|{a}" for a in tokens[0])
    return keys


def _years(tokens: list[tuple[str, ...]], years: list[int]) -> set[str]:
    return {f"y|{key}|{year}" for token in tokens for key in token for year in years}


def entry_keys(names: tuple[str, ...], year: int) -> set[str]:
    """The keys an indexed person is found under."""
    keys: set[str] = set()
    for name in names:
        tokens = token_keys(name)
        keys |= _pairs(tokens)
        if year:
            keys |= _years(tokens, [year])
    return keys


def query_keys(name: str, year: int) -> set[str]:
    """The keys a person query looks up."""
    tokens = token_keys(name)
    keys = _pairs(tokens)
    if year:
        keys |= _years(tokens, [year - 1, year, year + 1])
    return keys
