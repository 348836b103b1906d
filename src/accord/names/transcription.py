"""Foreign names as Serbian and Macedonian Cyrillic write them: by sound, not by letter.

Serbian orthography transcribes a foreign name as it is pronounced in its own language, and the
Latin form of a Cyrillic record keeps that transcription: the j of English and of romanized
Arabic, Persian and Indian names becomes Џ (Rajesh, Раџеш), kh becomes Х or, in names long
naturalised, К (Khan, Кан); French names lose their silent letters and write j and g before e/i
as Ж (Jean, Жан; Gilbert, Жилбер; Claudine, Клодин); Spanish j and g before e/i are Х (Jorge,
Хорхе) and z and c before e/i are С (González, Гонсалес); i before a vowel gets a Ј (Diane,
Дијан). :func:`transcriptions` gives the readings of a Latin token under each of these
pronunciations, to be met by the readings of a token transcribed from Cyrillic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from accord.names.equivalences import readings
from accord.names.transliterate import ascii_fold

__all__ = ["transcriptions", "without_glide"]

# English and Arabic-origin j as Џ, French j as Ж, kh as К
_LETTER_RULES = (("j", "dž"), ("j", "ž"), ("kh", "k"))
_SLAVIC_LETTERS = frozenset("čćšžđ")
# letters a French or Spanish spelling may hold beyond ASCII; a token with others (Turkish Özcan,
# whose c is not a k) is not read by French or Spanish sound rules
_ROMANCE_LETTERS = frozenset("éèêëàâîïôûùçœáíóúñü")
_VOWELS = "aeiouy"

# French, applied in order to the ASCII form: vowel groups, soft c and g, silent endings
_FRENCH_STEPS: tuple[tuple[str, str], ...] = (
    (r"eau|au", "o"),
    (r"ou", "u"),
    (r"(?<=[jg])e(?=[aou])", ""),  # Jean, Georges: the e only softens the g
    (r"qu", "k"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"g(?=[eiy])", "ž"),
    (r"j", "ž"),
    (r"ent$", "an"),  # Innocent, Laurent: a nasal vowel
    (r"(?<=[aeiou]r)[tds]$|(?<=[aeiou])[tdsxz]$", ""),  # Gilbert, Bernard: silent final consonants
    (r"(?<=[^aeiou])e$", ""),  # Aline, Grace, Claudine: a silent final e
    (r"ie(?=r)", "je"),  # Pierre
    (r"([a-z])\1", r"\1"),
)
# Spanish: j and g before e/i as Х, z and soft c as С, ll as Љ, a silent initial h
_SPANISH_STEPS: tuple[tuple[str, str], ...] = (
    (r"^h", ""),
    (r"j", "h"),
    (r"g(?=[ei])", "h"),
    (r"ll", "lj"),
    (r"z", "s"),
    (r"c(?=[ei])", "s"),
    (r"c", "k"),
    (r"qu", "k"),
)
_FRENCH = tuple((re.compile(pattern), target) for pattern, target in _FRENCH_STEPS)
_SPANISH = tuple((re.compile(pattern), target) for pattern, target in _SPANISH_STEPS)
_GLIDE_AFTER_I = re.compile(r"(?<=i)j(?=[aeou])")


def _apply(steps: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    for pattern, target in steps:
        text = pattern.sub(target, text)
    return text


def without_glide(reading: str) -> str:
    """The reading without the j that Serbian writes between i and a vowel (Dijana, Marija)."""
    return _GLIDE_AFTER_I.sub("", reading)


@lru_cache(maxsize=65536)
def transcriptions(text: str) -> tuple[str, ...]:
    """Readings (glide removed) of a Latin token as Serbian transcription writes it by sound,
    each once (a tuple: kept by the thousand, and the garbage collector stops tracking a tuple
    of strings, not a set).

    Empty for a token with Slavic letters: its spelling is already Slavic and its j is the Slavic
    j (the Bosnian Džana is not the Slavic Jana).
    """
    if _SLAVIC_LETTERS.intersection(text) or not text.isalpha():
        return ()
    plain = ascii_fold(text).lower()
    if not plain.isascii():
        return ()
    spoken = [plain.replace(source, target) for source, target in _LETTER_RULES if source in plain]
    romance = all(c.isascii() or c in _ROMANCE_LETTERS for c in text)
    if romance and len(plain) >= 3 and any(c in _VOWELS for c in plain):
        spoken.extend((_apply(_FRENCH, plain), _apply(_SPANISH, plain)))
    return tuple(
        dict.fromkeys(
            without_glide(reading) for form in spoken if form for reading in readings(form)
        )
    )
