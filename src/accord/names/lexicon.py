"""Known names: which spellings are one name, which names are different, and their gender.

Read once from the shipped ``data/lexicon.txt``. Each spelling is put through the same
tokenising and readings as any input, so a spelling listed once also stands for its Cyrillic,
ASCII and other equivalent forms. Arabic-script spellings are kept apart from Latin ones (their
skeletons are short and would otherwise collide with unrelated Latin words).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from accord.names.equivalences import readings
from accord.names.memo import memoized
from accord.names.tokenise import tokenise

__all__ = ["Lexeme", "arabic_jim_reading", "lexemes_of", "load_lexicon", "withhold"]

_SCRIPT_PREFIX = "§"
# Names left out of the lexicon while an evaluation measures names it does not know (withhold)
_withheld: frozenset[str] = frozenset()
# Arabic ج is j in English and French spellings, dž (Џ) in Serbian and Bosnian, xh in Albanian
# (both read "dz") and g in Egyptian ones: Jamal, Džemal, Xhemal, Gamal.
_JIM_SPELLINGS = ("dz", "g")


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One known name: its id (``g:muhamad``), given name (g) or surname (s), gender (m, f or
    None), the spelling to show, and whether it is an Arabic-origin name (one of its spellings
    is in Arabic or Persian script)."""

    ident: str
    kind: str
    gender: str | None
    display: str
    arabic: bool = False


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
        arabic = any(tokenise(s).scripts & {"arabic", "persian"} for s in spellings)
        lexeme = Lexeme(
            f"{kind}:{first_keys[0] if first_keys else spellings[0]}",
            kind,
            gender,
            spellings[0],
            arabic,
        )
        for spelling in spellings:
            for key in _keys_of(spelling):
                bucket = index.setdefault(key, [])
                if lexeme not in bucket:
                    bucket.append(lexeme)
    return {key: tuple(found) for key, found in index.items()}


@memoized(65536)
def lexemes_of(token_readings: tuple[str, ...], arabic_script: bool) -> tuple[Lexeme, ...]:
    """The known names a token with these readings may spell (empty if none is known)."""
    index = load_lexicon()
    prefix = _SCRIPT_PREFIX if arabic_script else ""
    found: dict[str, Lexeme] = {}
    for reading in token_readings:
        for lexeme in index.get(prefix + reading, ()):
            if lexeme.ident not in _withheld:
                found.setdefault(lexeme.ident, lexeme)
    return tuple(found.values())


@cache
def _spellings_by_ident() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for key, lexemes in load_lexicon().items():
        if key.startswith(_SCRIPT_PREFIX):
            continue  # Arabic-script keys are consonants, not spellings
        for lexeme in lexemes:
            found.setdefault(lexeme.ident, []).append(key)
    return {ident: tuple(keys) for ident, keys in found.items()}


def spellings_of(ident: str) -> tuple[str, ...]:
    """The Latin readings of every listed spelling of a known name (``g:muhamad``: muhamad,
    mohamed, muhamed, ...); empty for a name withheld or not known."""
    if ident in _withheld:
        return ()
    return _spellings_by_ident().get(ident, ())


def withhold(idents: frozenset[str]) -> None:
    """Act as if the lexicon did not hold these names (ids), until called again.

    For evaluation only. The caller must empty every cache of the names layer afterwards
    (:func:`accord.names.compare.clear_caches`), since cached analyses used the previous set.
    """
    global _withheld
    _withheld = frozenset(idents)


@memoized(65536)
def arabic_jim_reading(token_readings: tuple[str, ...]) -> tuple[str, tuple[Lexeme, ...]] | None:
    """For a Latin token under which no name is known: the reading with its dž, xh or g read as
    the j of Arabic ج, and the Arabic-origin names that reading spells (Џубури and Gaburi ->
    Jubouri), or None. Only Arabic-origin names: Goran must not become an unknown "Joran"."""
    for reading in token_readings[:2]:
        for written in _JIM_SPELLINGS:
            if written not in reading:
                continue
            # read again: the j may then be a glide (Аџмал -> ajmal, which reads "aimal")
            for candidate in readings(reading.replace(written, "j")):
                if candidate not in _jim_keys():
                    continue
                found = tuple(lexeme for lexeme in lexemes_of((candidate,), False) if lexeme.arabic)
                if found:
                    return candidate, found
    return None


@cache
def _jim_keys() -> frozenset[str]:
    """Readings of the Latin spellings of Arabic-origin names written with a j.

    A reading's j may also come from a y (Yunis reads "junis"); the dž/g reading must meet a
    spelling that writes j itself, or Güneeş would be read as Yunis.
    """
    text = resources.files("accord.names").joinpath("data/lexicon.txt").read_text("utf-8")
    keys: set[str] = set()
    for line in text.splitlines():
        parsed = _parse_line(line)
        if parsed is None or not any(
            tokenise(s).scripts & {"arabic", "persian"} for s in parsed[2]
        ):
            continue
        for spelling in parsed[2]:
            if "j" in spelling.lower():
                keys.update(key for key in _keys_of(spelling) if not key.startswith(_SCRIPT_PREFIX))
    return frozenset(keys)
