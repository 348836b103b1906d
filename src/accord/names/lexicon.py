"""Known names: which spellings are one name, which names are different, and their gender.

Read once from the shipped ``data/lexicon.txt``. Each spelling is put through the same
tokenising and readings as any input, so a spelling listed once also stands for its Cyrillic,
ASCII and other equivalent forms. Arabic-script spellings are kept apart from Latin ones (their
skeletons are short and would otherwise collide with unrelated Latin words).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from accord.names.equivalences import readings
from accord.names.tokenise import tokenise

__all__ = ["Lexeme", "lexemes_of", "load_lexicon"]

_SCRIPT_PREFIX = "§"


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One known name: its id (``g:muhamad``), given name (g) or surname (s), gender (m, f or
    None) and the spelling to show."""

    ident: str
    kind: str
    gender: str | None
    display: str


def _parse_line(line: str) -> tuple[str, str | None, list[str]] | None:
    line = line.strip()
    if not line or line.startswith("#") or ":" not in line:
        return None
    head, _, tail = line.partition(":")
    kind, gender = head.split()
    spellings = [s.strip() for s in tail.split(",") if s.strip()]
    return kind, (gender if gender in ("m", "f") else None), spellings


def _keys_of(spelling: str) -> list[str]:
    tokens = tokenise(spelling)
    if not tokens.tokens:
        return []
    text = "".join(tokens.tokens)
    prefix = _SCRIPT_PREFIX if tokens.scripts & {"arabic", "persian"} else ""
    return [prefix + reading for reading in readings(text)]


@cache
def load_lexicon() -> dict[str, tuple[Lexeme, ...]]:
    """Every key (a reading, or § and a reading for Arabic script) to the names it spells."""
    text = resources.files("accord.names").joinpath("data/lexicon.txt").read_text("utf-8")
    index: dict[str, list[Lexeme]] = {}
    for line in text.splitlines():
        parsed = _parse_line(line)
        if parsed is None:
            continue
        kind, gender, spellings = parsed
        # a stable id: the kind and the usual reading of the first spelling (g:muhamad)
        first_keys = _keys_of(spellings[0])
        lexeme = Lexeme(
            f"{kind}:{first_keys[0] if first_keys else spellings[0]}", kind, gender, spellings[0]
        )
        for spelling in spellings:
            for key in _keys_of(spelling):
                bucket = index.setdefault(key, [])
                if lexeme not in bucket:
                    bucket.append(lexeme)
    return {key: tuple(found) for key, found in index.items()}


@lru_cache(maxsize=65536)
def lexemes_of(token_readings: tuple[str, ...], arabic_script: bool) -> tuple[Lexeme, ...]:
    """The known names a token with these readings may spell (empty if none is known)."""
    index = load_lexicon()
    prefix = _SCRIPT_PREFIX if arabic_script else ""
    found: dict[str, Lexeme] = {}
    for reading in token_readings:
        for lexeme in index.get(prefix + reading, ()):
            found.setdefault(lexeme.ident, lexeme)
    return tuple(found.values())
