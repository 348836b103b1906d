"""Candidate keys of names, from the names layer's blocking keys.

Every token of a name (the first four) has its keys from :func:`accord.names.blocking_keys`:
its consonant skeleton (``sk:``) and its known-name id (``lx:``) or metaphone (``ph:``), all
script-independent. A person is found under

* **pair keys**: one key of each of two tokens, in either order (so a name written surname
  first, in Cyrillic or with its article, meets its Latin form); two tokens with a key in
  common (``Ali Al Ali``, ``Hasan Al Hasan``) give that key's pair too;
* **year keys**: one key of one token with the year of birth, so that a typing error in the
  other token does not lose the candidate; and
* **undated pair keys**: a person whose year of birth is unknown is also found under its pair
  keys marked undated. A query with a year looks them up: they are few, while the plain pair
  keys of a common name are many and may be passed over for the rarer year keys.

A query looks up its pair keys, its undated pair keys and its year keys for the year given and
the years either side. Each key of a query carries the query tokens it vouches for (a bit per
token), so that the ranking can tell a candidate that shares every token from one that shares
a single token under several keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from accord.names import blocking_keys
from accord.names.compare import name_tokens

__all__ = ["KeyPlan", "entry_keys", "key_code", "query_key_code", "query_plan", "token_keys"]

_TOKENS = 4


#: The Arabic article as it is written on a name (``Alali``, ``Elhasan``).
_ARTICLES = ("al", "el")


@lru_cache(maxsize=65536)
def _keys_of_token(text: str) -> tuple[str, ...]:
    keys = tuple(k for k in blocking_keys(text) if not k.startswith("st:"))
    return keys + tuple(k for k in _article_keys(text) if k not in keys)


def _article_keys(text: str) -> tuple[str, ...]:
    """The keys of a known name written with the article on (``Alali``: those of ``Ali``).

    The names layer compares ``Alali`` with ``Ali`` as one name (the article written on), but
    gives the joined token only a metaphone key, so that ``Mohammad Alali`` and ``Мухамед Ал
    Али`` would share a single token's keys and be ranked below namesakes. Only a rest that is
    a known name counts (``Alma`` or ``Albert`` is no article), and only its known-name key."""
    tokens = name_tokens(text).tokens
    if len(tokens) != 1 or tokens[0].lexemes:
        return ()
    reading = tokens[0].readings[0]
    if len(reading) < 5 or not reading.startswith(_ARTICLES):
        return ()
    rest = name_tokens(reading[2:]).tokens
    if len(rest) != 1 or not rest[0].lexemes:
        return ()
    return tuple(k for k in blocking_keys(reading[2:]) if k.startswith("lx:"))


def token_keys(name: str) -> list[tuple[str, ...]]:
    """The keys of each of the name's first tokens (tokens without a key are left out)."""
    found = []
    for token in name_tokens(name).tokens[:_TOKENS]:
        keys = _keys_of_token(token.text)
        if keys:
            found.append(keys)
    return found


def _pairs(tokens: list[tuple[str, ...]]) -> dict[str, int]:
    """Pair keys, each with the bits of the tokens it joins."""
    keys: dict[str, int] = {}
    for (i, first), (j, second) in combinations(enumerate(tokens), 2):
        mask = (1 << i) | (1 << j)
        for a in first:
            for b in second:
                key = f"p|{a}|{b}" if a <= b else f"p|{b}|{a}"
                keys[key] = keys.get(key, 0) | mask
    if len(tokens) == 1:
        for a in tokens[0]:
            keys[f"p|{a}"] = 1
    return keys


def _years(tokens: list[tuple[str, ...]], years: list[int]) -> dict[str, int]:
    keys: dict[str, int] = {}
    for i, token in enumerate(tokens):
        for key in token:
            for year in years:
                found = f"y|{key}|{year}"
                keys[found] = keys.get(found, 0) | (1 << i)
    return keys


def _undated(pairs: dict[str, int]) -> dict[str, int]:
    return {"u" + key[1:]: mask for key, mask in pairs.items()}


def entry_keys(names: tuple[str, ...], year: int) -> set[str]:
    """The keys an indexed person is found under."""
    keys: set[str] = set()
    for name in names:
        tokens = token_keys(name)
        pairs = _pairs(tokens)
        keys.update(pairs)
        keys.update(_years(tokens, [year]) if year else _undated(pairs))
    return keys


@dataclass(frozen=True)
class KeyPlan:
    """What a person query looks up: each key with the bits of the query tokens it vouches
    for, and how many tokens the query has (the tokens that have keys)."""

    keys: dict[str, int]
    tokens: int


def query_plan(name: str, year: int) -> KeyPlan:
    """The keys a person query looks up."""
    tokens = token_keys(name)
    pairs = _pairs(tokens)
    keys = dict(pairs)
    if year:
        keys.update(_undated(pairs))
        for key, mask in _years(tokens, [year - 1, year, year + 1]).items():
            keys[key] = keys.get(key, 0) | mask
    return KeyPlan(keys, len(tokens))


def key_code(key: str) -> int:
    """A name key as a 64-bit number, the same in every process (the index is persisted, so
    Python's per-process string hash will not do)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


#: :func:`key_code` for queries, cached: a query looks up some twenty keys, and the keys of
#: common names come back query after query (the build's keys are not worth keeping).
query_key_code = lru_cache(maxsize=2**16)(key_code)
