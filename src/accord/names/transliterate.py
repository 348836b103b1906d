"""Serbian and Macedonian Cyrillic to and from Latin, and the ASCII forms people type.

Cyrillic becomes Gaj Latin with its digraphs (Љ Lj, Њ Nj, Џ Dž, Ђ Đ) and the Macedonian letters
in their national romanisation (Ѓ Gj, Ќ Kj, Ѕ Dz). Russian, Bulgarian and Ukrainian letters that
Serbian lacks get their usual Latin renderings, so no Cyrillic name is left untouched.
ASCII folding writes Đ as Dj (not D), Dž as Dz, and drops the other diacritics.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from normality import ascii_text

__all__ = ["ascii_fold", "has_cyrillic", "to_cyrillic", "to_latin"]

_CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ђ": "đ",
    "е": "e",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "ć",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "џ": "dž",
    "ш": "š",
    # Macedonian
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
    # Russian, Bulgarian, Ukrainian, Belarusian
    "й": "j",
    "ы": "y",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    "ё": "jo",
    "щ": "šč",
    "ъ": "",
    "ь": "",
    "є": "je",
    "і": "i",
    "ї": "ji",
    "ґ": "g",
    "ў": "u",
}

_SERBIAN_LATIN_TO_CYRILLIC = {
    "dž": "џ",
    "lj": "љ",
    "nj": "њ",
    "a": "а",
    "b": "б",
    "c": "ц",
    "č": "ч",
    "ć": "ћ",
    "d": "д",
    "đ": "ђ",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "j": "ј",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "š": "ш",
    "t": "т",
    "u": "у",
    "v": "в",
    "z": "з",
    "ž": "ж",
}
_MACEDONIAN_LATIN_TO_CYRILLIC = {
    **{k: v for k, v in _SERBIAN_LATIN_TO_CYRILLIC.items() if k not in ("đ", "ć")},
    "dzh": "џ",
    "gj": "ѓ",
    "kj": "ќ",
    "dz": "ѕ",
    "zh": "ж",
    "ch": "ч",
    "sh": "ш",
    "ǵ": "ѓ",
    "ḱ": "ќ",
}

# Latin letters whose ASCII form is not simply the letter without its mark.
_ASCII_SPECIAL = {
    "đ": "dj",
    "Đ": "Dj",
    "ǵ": "gj",
    "Ǵ": "Gj",
    "ḱ": "kj",
    "Ḱ": "Kj",
    "ı": "i",
    "İ": "I",
    "ß": "ss",
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "ʿ": "",
    "ʾ": "",
    "'": "",
    "’": "",
}


def has_cyrillic(text: str) -> bool:
    """Whether any letter of the text is Cyrillic."""
    return any("\u0400" <= char <= "\u052f" for char in text)


def _cased(latin: str, upper: bool, next_upper: bool) -> str:
    if not upper:
        return latin
    # a digraph is all capitals inside a capitalised word (ЉУБИША -> LJUBIŠA), else Lj
    return latin.upper() if next_upper else latin[:1].upper() + latin[1:]


@lru_cache(maxsize=16384)
def to_latin(text: str) -> str:
    """Cyrillic letters to Latin (Gaj for Serbian, national romanisation for Macedonian)."""
    if not has_cyrillic(text):
        return text
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = _CYRILLIC_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
            continue
        following = text[index + 1] if index + 1 < len(text) else ""
        previous = text[index - 1] if index > 0 else ""
        next_upper = following.isupper() or (not following.isalpha() and previous.isupper())
        out.append(_cased(latin, char != lower, next_upper))
    return "".join(out)


def to_cyrillic(text: str, language: str = "sr") -> str:
    """Gaj Latin to Serbian Cyrillic, or Macedonian Latin to Macedonian Cyrillic (``mk``)."""
    table = _MACEDONIAN_LATIN_TO_CYRILLIC if language == "mk" else _SERBIAN_LATIN_TO_CYRILLIC
    longest = max(len(key) for key in table)
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    index = 0
    while index < len(text):
        for size in range(longest, 0, -1):
            chunk = text[index : index + size]
            letter = table.get(chunk.lower())
            if letter is not None and len(chunk) == size:
                out.append(letter.upper() if chunk[0].isupper() else letter)
                index += size
                break
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


@lru_cache(maxsize=16384)
def ascii_fold(text: str) -> str:
    """ASCII as people type it: Đ -> Dj, Dž -> Dz, Č/Ć -> C, Š -> S, Ž -> Z; any script to Latin.

    Cyrillic goes through :func:`to_latin`; other scripts through ICU (via normality).
    """
    text = unicodedata.normalize("NFC", to_latin(text))
    out = "".join(_ASCII_SPECIAL.get(char, char) for char in text)
    if out.isascii():
        return out
    return ascii_text(out) or ""
