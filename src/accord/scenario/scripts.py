"""Script and spelling conversions that registering authorities of the region apply to names.

Each function maps one written form to another the way a clerk of a given participant would
write it: Serbian Latin to Cyrillic (and back), Macedonian Cyrillic to its Latin forms, Albanian
to Serbo-Croatian spelling and back, English and Turkish romanizations to Slavic and Albanian
phonetic spellings, and ASCII folding (with the ``Đ`` -> ``Dj`` convention). Rules follow the
public transliteration tables summarised in shared/reference/domain-facts.md §7.3.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = [
    "albanian_from_slavic",
    "albanian_from_turkish",
    "ascii_fold",
    "cyrillic_share",
    "mk_cyr_from_slavic",
    "mk_latin",
    "slavic_from_albanian",
    "slavic_from_english",
    "slavic_from_mk_cyr",
    "slavic_from_turkish",
    "sr_cyr",
    "sr_cyr_from_mk_cyr",
    "strip_albanian",
]


def _replacer(table: dict[str, str]) -> Callable[[str], str]:
    """A function applying ``table`` longest-key-first, with Title and UPPER case variants."""
    full: dict[str, str] = {}
    for src, dst in table.items():
        full[src] = dst
        full[src[:1].upper() + src[1:]] = dst[:1].upper() + dst[1:]
    keys = sorted(full, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(key) for key in keys))

    def replace(text: str) -> str:
        if text.isupper():  # ALL-CAPS text: convert as lower case, then raise again
            return pattern.sub(lambda match: full[match.group(0)], text.lower()).upper()
        return pattern.sub(lambda match: full[match.group(0)], text)

    return replace


_SR_LAT_CYR = _replacer(
    {
        "dž": "џ", "lj": "љ", "nj": "њ", "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ",
        "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј",
        "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
        "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж", "q": "ку", "w": "в",
        "x": "кс", "y": "ј",
    }
)  # fmt: skip

_MK_CYR_LAT = _replacer(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "е": "e", "ж": "zh",
        "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
        "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "kj",
        "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "џ": "dzh", "ш": "sh",
    }
)  # fmt: skip

_MK_CYR_SLAVIC = _replacer(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "đ", "е": "e", "ж": "ž",
        "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
        "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "ć",
        "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
    }
)  # fmt: skip

_MK_TO_SR_CYR = _replacer({"ѓ": "ђ", "ќ": "ћ", "ѕ": "дз"})
_SR_TO_MK_CYR = _replacer({"ђ": "ѓ", "ћ": "ќ"})

_ALBANIAN_TO_SLAVIC = _replacer(
    {
        "xh": "dž", "gj": "đ", "sh": "š", "zh": "ž", "dh": "d", "th": "t", "ll": "l",
        "rr": "r", "ç": "č", "q": "ć", "ë": "e", "y": "i", "x": "dz",
    }
)  # fmt: skip
_SLAVIC_TO_ALBANIAN = _replacer(
    {"dž": "xh", "đ": "gj", "š": "sh", "ž": "zh", "č": "ç", "ć": "q", "lj": "lj"}
)
_STRIP_ALBANIAN = _replacer({"ë": "e", "ç": "c"})

_TURKISH_TO_SLAVIC = _replacer(
    {"ş": "š", "ç": "č", "c": "dž", "ğ": "", "ı": "i", "ö": "o", "ü": "u", "y": "j", "â": "a"}
)
_TURKISH_TO_ALBANIAN = _replacer(
    {"ş": "sh", "ç": "ç", "c": "xh", "ğ": "", "ı": "i", "ö": "o", "ü": "y", "y": "j", "â": "a"}
)

# English-style romanizations (of Arabic, Persian, Urdu, Bengali... names) to the phonetic
# spelling a Serbo-Croatian-speaking clerk writes. Applied in order.
_ENGLISH_STEPS: tuple[tuple[str, str], ...] = (
    ("'", ""),
    ("-", " "),
    ("kh", "h"),
    ("sh", "š"),
    ("ch", "č"),
    ("zh", "ž"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("j", "dž"),
    ("y", "j"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("ck", "k"),
    ("c", "k"),
)
_DOUBLE = re.compile(r"([bdfgklmnprstvz])\1")


def _english_to_slavic_lower(text: str) -> str:
    for src, dst in _ENGLISH_STEPS:
        text = text.replace(src, dst)
    return _DOUBLE.sub(r"\1", text)


@lru_cache(maxsize=65536)
def slavic_from_english(name: str) -> str:
    """Phonetic Serbo-Croatian spelling of an English-romanized name: Youssef -> Jusef."""
    words = [_english_to_slavic_lower(word.lower()) for word in name.replace("-", " ").split()]
    return " ".join(_title(word) for word in words if word)


def _title(word: str) -> str:
    if word.startswith("dž"):
        return "Dž" + word[2:]
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=65536)
def sr_cyr(latin: str) -> str:
    """Serbian Latin (Gaj) to Serbian Cyrillic: Đorđević -> Ђорђевић."""
    return _SR_LAT_CYR(latin)


@lru_cache(maxsize=65536)
def mk_latin(cyrillic: str) -> str:
    """Macedonian Cyrillic to the Latin of Macedonian passports: Ѓорѓиевски -> Gjorgjievski."""
    return _MK_CYR_LAT(cyrillic)


@lru_cache(maxsize=65536)
def slavic_from_mk_cyr(cyrillic: str) -> str:
    """Macedonian Cyrillic to Serbo-Croatian Latin: Ѓорѓиевски -> Đorđievski."""
    return _MK_CYR_SLAVIC(cyrillic)


@lru_cache(maxsize=65536)
def sr_cyr_from_mk_cyr(cyrillic: str) -> str:
    """Macedonian Cyrillic as a Serbian clerk writes it: Ѓорѓиевски -> Ђорђиевски."""
    return _MK_TO_SR_CYR(cyrillic)


@lru_cache(maxsize=65536)
def mk_cyr_from_slavic(latin: str) -> str:
    """Serbo-Croatian Latin in Macedonian Cyrillic: Đorđević -> Ѓорѓевиќ."""
    return _SR_TO_MK_CYR(_SR_LAT_CYR(latin))


@lru_cache(maxsize=65536)
def slavic_from_albanian(name: str) -> str:
    """Albanian spelling in Serbo-Croatian Latin: Krasniqi -> Krasnići, Hoxha -> Hodža."""
    return _ALBANIAN_TO_SLAVIC(name)


@lru_cache(maxsize=65536)
def albanian_from_slavic(name: str) -> str:
    """Serbo-Croatian Latin in Albanian spelling: Jovanović -> Jovanoviq."""
    return _SLAVIC_TO_ALBANIAN(name)


@lru_cache(maxsize=65536)
def strip_albanian(name: str) -> str:
    """Albanian written without its two diacritics: Gëzim Çela -> Gezim Cela."""
    return _STRIP_ALBANIAN(name)


@lru_cache(maxsize=65536)
def slavic_from_turkish(name: str) -> str:
    """Turkish in Serbo-Croatian Latin: Hüseyin Yılmaz -> Husejin Jilmaz."""
    return _TURKISH_TO_SLAVIC(name.replace("İ", "I"))


@lru_cache(maxsize=65536)
def albanian_from_turkish(name: str) -> str:
    """Turkish in Albanian spelling: Hüseyin -> Hysejin."""
    return _TURKISH_TO_ALBANIAN(name.replace("İ", "I"))


_FOLD_SPECIAL = {
    "đ": "dj", "Đ": "Dj", "ı": "i", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "æ": "ae", "Æ": "AE",
}  # fmt: skip
_FOLD_SPECIAL_D = {**_FOLD_SPECIAL, "đ": "d", "Đ": "D"}


@lru_cache(maxsize=65536)
def ascii_fold(text: str, dj: bool = True) -> str:
    """Latin text without diacritics; ``Đ`` becomes ``Dj`` (or ``D`` when ``dj`` is false)."""
    if text.isupper():
        return ascii_fold(text.lower(), dj).upper()
    special = _FOLD_SPECIAL if dj else _FOLD_SPECIAL_D
    text = "".join(special.get(char, char) for char in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def cyrillic_share(values: list[str]) -> float:
    """Share of the non-empty values that contain at least one Cyrillic letter."""
    filled = [value for value in values if value]
    if not filled:
        return 0.0
    cyrillic = sum(1 for value in filled if any("\u0400" <= char <= "\u04ff" for char in value))
    return cyrillic / len(filled)
