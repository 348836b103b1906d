"""Cleaning and splitting a name into Latin tokens, whatever script or spelling it came in.

Input is bounded before any work: at most ``MAX_INPUT_CHARS`` characters are read, and at most
``MAX_TOKENS`` tokens of at most ``MAX_TOKEN_CHARS`` letters are kept, so a 10 KB "name" costs no
more than a long real one. Control characters, emoji, digits and punctuation become spaces;
apostrophes vanish (Sa'id -> Said); hyphens split tokens but are remembered (at-Tamimi).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from normality import ascii_text

from accord.names.arabic import LINKS, arabic_to_latin, has_arabic, is_article, join_compounds
from accord.names.transliterate import has_cyrillic, to_latin

__all__ = [
    "MAX_INPUT_CHARS",
    "MAX_TOKENS",
    "MAX_TOKEN_CHARS",
    "Tokens",
    "clean",
    "tokenise",
]

MAX_INPUT_CHARS = 300
MAX_TOKENS = 8
MAX_TOKEN_CHARS = 40

_APOSTROPHES = frozenset("'’‘`´ʼʻʿʾ")
_PERSIAN_LETTERS = frozenset("پچژگکی")


@dataclass(frozen=True, slots=True)
class Tokens:
    """A name split into Latin tokens, with what was done to get them."""

    tokens: tuple[str, ...]
    scripts: frozenset[str]
    particles: tuple[str, ...]
    truncated: bool
    #: name words as written (spaces and hyphens apart) of two letters or more, articles and
    #: links aside: a given name and a surname joined as one compound (Abdul Khan) are two
    words: int = 0


def _char_class(char: str) -> str:
    if char in _APOSTROPHES:
        return ""
    category = unicodedata.category(char)
    if category[0] in "LM":
        return char
    if category == "Pd" or char == "-":
        return "-"
    return " "


@lru_cache(maxsize=32768)
def clean(text: str) -> str:
    """Lowercase letters, marks, hyphens and single spaces only; Turkish İ and I handled."""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT_CHARS])
    text = text.replace("İ", "i").replace("I", "i").lower().replace("\u0307", "")
    text = "".join(_char_class(char) for char in text)
    return " ".join(text.split())


def _scripts(text: str) -> frozenset[str]:
    found: set[str] = set()
    if has_cyrillic(text):
        found.add("cyrillic")
    if has_arabic(text):
        found.add("persian" if any(c in _PERSIAN_LETTERS for c in text) else "arabic")
    if any(c.isascii() and c.isalpha() for c in text):
        found.add("latin")
    return frozenset(found)


def _latin_word(word: str) -> str:
    if has_arabic(word):
        return arabic_to_latin(word)
    if all(_is_latin(char) for char in word):
        return word
    # Greek, Georgian, Armenian, Hebrew, CJK...: ICU's transliteration, best effort
    return (ascii_text(word) or "").lower().replace("?", "")


def _is_latin(char: str) -> bool:
    return (
        char.isascii()
        or char == "-"
        or "LATIN" in unicodedata.name(char, "")
        or (unicodedata.category(char)[0] == "M")
    )


@lru_cache(maxsize=32768)
def tokenise(name: str) -> Tokens:
    """The Latin tokens of a name, articles and links dropped and compounds joined."""
    text = clean(name)
    scripts = _scripts(text)
    truncated = len(name) > MAX_INPUT_CHARS
    pieces: list[str] = []
    hyphens: list[bool] = []
    for word in to_latin(text).split(" "):
        parts = [p for p in _latin_word(word).replace(" ", "-").split("-")]
        for index, part in enumerate(parts):
            if part:
                pieces.append(part[:MAX_TOKEN_CHARS])
                hyphens.append(index < len(parts) - 1)
                truncated = truncated or len(part) > MAX_TOKEN_CHARS
    if len(pieces) > MAX_TOKENS * 2:
        pieces, hyphens, truncated = pieces[: MAX_TOKENS * 2], hyphens[: MAX_TOKENS * 2], True
    tokens, particles = join_compounds(pieces, hyphens)
    if len(tokens) > MAX_TOKENS:
        tokens, truncated = tokens[:MAX_TOKENS], True
    words = sum(
        1
        for piece, hyphen in zip(pieces, hyphens, strict=True)
        if len(piece) >= 2 and piece not in LINKS and not is_article(piece, hyphen)
    )
    return Tokens(tuple(tokens), scripts, tuple(particles), truncated, words)
