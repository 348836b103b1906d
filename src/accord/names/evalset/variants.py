"""Spellings of one name as they appear in other records: the evaluation generator's own tables.

Kept apart from the matcher on purpose: the evaluation set must not be produced by the code it
measures. Each function takes a name in its home spelling and gives one other rendering.
"""

from __future__ import annotations

import random

__all__ = [
    "albanian_ascii",
    "albanian_to_slavic",
    "macedonian_female_surname",
    "macedonian_latin",
    "serbian_cyrillic",
    "serbian_rendering",
    "turkish_rendering",
    "turkish_upper",
    "typo",
    "with_article",
]

_SR_LATIN_TO_CYRILLIC = {
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


def serbian_cyrillic(text: str) -> str:
    """Gaj Latin to Serbian Cyrillic, keeping capitals."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair.lower() in _SR_LATIN_TO_CYRILLIC:
            letter = _SR_LATIN_TO_CYRILLIC[pair.lower()]
            out.append(letter.upper() if pair[0].isupper() else letter)
            i += 2
            continue
        char = text[i]
        letter = _SR_LATIN_TO_CYRILLIC.get(char.lower(), char)
        out.append(letter.upper() if char.isupper() else letter)
        i += 1
    return "".join(out)


_MK_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
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
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ѕ": "dz",
}
_MK_STYLES = {
    # the national romanisation used in passports
    "official": {"ѓ": "gj", "ќ": "kj", "ж": "zh", "ч": "ch", "џ": "dzh", "ш": "sh"},
    "diacritic": {"ѓ": "ǵ", "ќ": "ḱ", "ж": "ž", "ч": "č", "џ": "dž", "ш": "š"},
    "serbocroatian": {"ѓ": "đ", "ќ": "ć", "ж": "ž", "ч": "č", "џ": "dž", "ш": "š"},
    "ascii": {"ѓ": "g", "ќ": "k", "ж": "z", "ч": "c", "џ": "dz", "ш": "s"},
}
MK_STYLES = tuple(_MK_STYLES)


def macedonian_latin(text: str, style: str) -> str:
    """Macedonian Cyrillic in one of the Latin renderings found in records."""
    table = {**_MK_COMMON, **_MK_STYLES[style]}
    out: list[str] = []
    for char in text:
        latin = table.get(char.lower(), char)
        out.append(latin[:1].upper() + latin[1:] if char.isupper() else latin)
    return "".join(out)


def macedonian_female_surname(surname: str) -> str:
    """The female form of a Macedonian surname (Cyrillic or Latin)."""
    for male, female in (
        ("ски", "ска"),
        ("ов", "ова"),
        ("ев", "ева"),
        ("ski", "ska"),
        ("ov", "ova"),
        ("ev", "eva"),
    ):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


_SERBIAN_STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "keyboard": (("dž", "dz"), ("đ", "dj"), ("č", "c"), ("ć", "c"), ("š", "s"), ("ž", "z")),
    "plain": (("dž", "dz"), ("đ", "d"), ("č", "c"), ("ć", "c"), ("š", "s"), ("ž", "z")),
    "english": (
        ("ić", "ich"),
        ("dž", "dzh"),
        ("đ", "dj"),
        ("č", "ch"),
        ("ć", "ch"),
        ("š", "sh"),
        ("ž", "zh"),
    ),
    "german": (
        ("ić", "itsch"),
        ("dž", "dsch"),
        ("đ", "dj"),
        ("č", "tsch"),
        ("ć", "tsch"),
        ("š", "sch"),
        ("ž", "sch"),
        ("v", "w"),
    ),
    "french": (
        ("ić", "itch"),
        ("lj", "li"),
        ("nj", "ni"),
        ("j", "y"),
        ("u", "ou"),
        ("dž", "dj"),
        ("đ", "dj"),
        ("č", "tch"),
        ("ć", "tch"),
        ("š", "ch"),
        ("ž", "j"),
    ),
    "hungarian": (
        ("ić", "ics"),
        ("dž", "dzs"),
        ("đ", "gy"),
        ("č", "cs"),
        ("ć", "cs"),
        ("š", "s"),
        ("ž", "zs"),
    ),
    "albanian": (
        ("ić", "iq"),
        ("dž", "xh"),
        ("đ", "gj"),
        ("č", "ç"),
        ("ć", "q"),
        ("š", "sh"),
        ("ž", "zh"),
    ),
}
SERBIAN_STYLES = tuple(_SERBIAN_STYLES)


def serbian_rendering(text: str, style: str) -> str:
    """A Serbo-Croatian name as typed without diacritics or as written abroad."""
    words = []
    for word in text.split(" "):
        lower = word.lower()
        for source, target in _SERBIAN_STYLES[style]:
            if source == "ić":
                if lower.endswith("ić"):
                    lower = lower[:-2] + target
            elif source == "j" and style == "french":
                lower = _french_j(lower)
            else:
                lower = lower.replace(source, target)
        words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


def _french_j(word: str) -> str:
    # French writes the Serbian j as y where it is a consonant: Jovan -> Yovan, Bojan -> Boyan.
    return "".join("y" if c == "j" else c for c in word)


_ALBANIAN_TO_SLAVIC = (
    ("xh", "dž"),
    ("sh", "š"),
    ("zh", "ž"),
    ("gj", "đ"),
    ("ll", "l"),
    ("rr", "r"),
    ("dh", "d"),
    ("th", "t"),
    ("ç", "č"),
    ("q", "ć"),
    ("ë", "e"),
    ("y", "i"),
    ("x", "dz"),
)


def albanian_to_slavic(text: str) -> str:
    """An Albanian name as in Serbo-Croatian (Yugoslav-era) records: Krasniqi -> Krasnići."""
    words = []
    for word in text.split(" "):
        lower = word.lower()
        for source, target in _ALBANIAN_TO_SLAVIC:
            lower = lower.replace(source, target)
        words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


def albanian_ascii(text: str) -> str:
    """An Albanian name typed without ë and ç."""
    return text.replace("ë", "e").replace("Ë", "E").replace("ç", "c").replace("Ç", "C")


_TURKISH_STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "ascii": (
        ("ç", "c"),
        ("ğ", "g"),
        ("ı", "i"),
        ("İ", "I"),
        ("ö", "o"),
        ("ş", "s"),
        ("ü", "u"),
        ("Ç", "C"),
        ("Ö", "O"),
        ("Ş", "S"),
        ("Ü", "U"),
    ),
    "soft-g-dropped": (
        ("ç", "c"),
        ("ğ", ""),
        ("ı", "i"),
        ("İ", "I"),
        ("ö", "o"),
        ("ş", "s"),
        ("ü", "u"),
        ("Ç", "C"),
        ("Ö", "O"),
        ("Ş", "S"),
        ("Ü", "U"),
    ),
    "german": (
        ("ç", "tsch"),
        ("ğ", "g"),
        ("ı", "i"),
        ("İ", "I"),
        ("ö", "oe"),
        ("ş", "sch"),
        ("ü", "ue"),
        ("Ç", "Tsch"),
        ("Ö", "Oe"),
        ("Ş", "Sch"),
        ("Ü", "Ue"),
    ),
    "english": (
        ("ç", "ch"),
        ("ğ", "g"),
        ("ı", "i"),
        ("İ", "I"),
        ("ö", "o"),
        ("ş", "sh"),
        ("ü", "u"),
        ("Ç", "Ch"),
        ("Ö", "O"),
        ("Ş", "Sh"),
        ("Ü", "U"),
    ),
}
TURKISH_STYLES = tuple(_TURKISH_STYLES)


def turkish_rendering(text: str, style: str) -> str:
    """A Turkish name typed on a non-Turkish keyboard or written abroad."""
    for source, target in _TURKISH_STYLES[style]:
        text = text.replace(source, target)
    return text


def turkish_upper(text: str) -> str:
    """Capitals by Turkish rules (i -> İ, ı -> I), as on a Turkish identity card."""
    return text.replace("i", "İ").replace("ı", "I").upper()


# Letters the article assimilates to (ash-Shammari, at-Tamimi); two-letter ones first.
_SUN_LETTERS = ("th", "sh", "dh", "t", "d", "r", "z", "s", "n", "l")


def with_article(core: str, rng: random.Random) -> str:
    """An Arabic family name with the article written in one of the usual ways."""
    forms = [
        f"al-{core}",
        f"Al-{core}",
        f"Al {core}",
        f"Al{core.lower()}",
        f"el-{core}",
        f"El {core}",
        core,
    ]
    first = core.lower()
    for letter in _SUN_LETTERS:
        if first.startswith(letter):
            forms.append(f"a{letter}-{core}")
            break
    return rng.choice(forms)


_NEIGHBOURS = {
    "a": "qswz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}


def typo(word: str, rng: random.Random) -> str:
    """One keying error in a word: a neighbouring key, a dropped, doubled or swapped letter."""
    if len(word) < 4:
        return word
    pos = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("substitute", "delete", "double", "swap"))
    char = word[pos]
    if not char.isalpha() or not word[pos + 1].isalpha():
        return word
    if kind == "substitute" and char.lower() in _NEIGHBOURS:
        return word[:pos] + rng.choice(_NEIGHBOURS[char.lower()]) + word[pos + 1 :]
    if kind == "delete":
        return word[:pos] + word[pos + 1 :]
    if kind == "double":
        return word[:pos] + char + word[pos:]
    if word[pos] != word[pos + 1]:
        return word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
    return word[:pos] + word[pos + 1 :]
