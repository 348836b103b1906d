"""Spelling equivalences: the forms under which two spellings of one name coincide.

A token (one lowercase word, already in Latin letters) gets one or a few *readings*: ASCII strings
where the region's spelling systems are written alike. Serbo-Croatian, Macedonian, Albanian,
Turkish, German, French and Hungarian renderings of one sound get one letter:

* č ć ç ch tch tsch cz cs kj(Ќ) and Albanian q -> ``c``;   š ş sh sch -> ``s``;   ž zh zs -> ``z``
* đ dj gj(Ѓ, Albanian gj) -> ``d`` (gj also ``g``: Gorgi for Ѓорѓи);   dž dzh xh(Albanian) -> ``dz``
* kh -> ``h``, gh -> ``g``, ph -> ``f``, th -> ``t``, dh -> ``d``, w -> ``v``, x -> ``ks``
* ou oo -> ``u``, ee -> ``i``, oe ue (German for ö ü) -> ``o`` ``u``; y before a vowel -> ``j``
  otherwise ``i``; ai ay ei ey ej before a consonant -> ``ai``; doubled letters written once;
  a final h after a vowel dropped (Fatimah, Abdullah).

Where one spelling stands for two sounds a token has two readings: ``ch`` is č in Jovanovich but
š in Rachid and h in Achmed; ``q`` is ć in Krasniqi but k in Tariq; ``dj`` is đ in Djordje but j
in Djamel; ``ow`` before a consonant is ov in Grabowski and u in Chowdhury.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from accord.names.arabic import strip_article_readings

__all__ = ["MAX_READINGS", "readings", "skeleton", "vowel_class"]

MAX_READINGS = 4

_LETTERS = {
    "đ": "d",
    "ǵ": "d",
    "ḱ": "c",
    "č": "c",
    "ć": "c",
    "ç": "c",
    "š": "s",
    "ş": "s",
    "ș": "s",
    "ž": "z",
    "ë": "e",
    "ğ": "g",
    "ı": "i",
    "ö": "o",
    "ü": "u",
    "ä": "a",
    "ß": "s",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ţ": "t",
    "ț": "t",
    "ñ": "n",
}
# Placeholders for spellings with two or three readings.
_CH, _DJ, _Q, _GJ, _KJ, _OW = "1", "2", "3", "4", "5", "6"
_ALTERNATIVES = {
    _CH: ("c", "s", "h"),
    _DJ: ("d", "j"),
    _Q: ("c", "k"),
    _GJ: ("d", "g"),
    _KJ: ("c", "k"),
    _OW: ("ov", "u"),
}
_DIGRAPHS = {
    "tsch": "c",
    "dsch": "dz",
    "dzh": "dz",
    "xh": "dz",
    "sch": "s",
    "tch": "c",
    "zh": "z",
    "sh": "s",
    "cz": "c",
    "cs": "c",
    "zs": "z",
    "kh": "h",
    "gh": "g",
    "ph": "f",
    "th": "t",
    "dh": "d",
    "gj": _GJ,
    "kj": _KJ,
    "ch": _CH,
    "dj": _DJ,
    "q": _Q,
    "x": "ks",
    "w": "v",
    "ou": "u",
    "oo": "u",
    "ee": "i",
    "oe": "o",
    "ue": "u",
    "ts": "c",
}
_DIGRAPH_RE = re.compile("|".join(sorted(map(re.escape, _DIGRAPHS), key=len, reverse=True)))
_VOWELS = "aeiou"
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxyz")
_Y_BEFORE_VOWEL = re.compile(r"(?:(?<=^)|(?<=[aeiou]))y(?=[aeiou])")
_GLIDE = re.compile(r"[ae][iyj](?=[^aeiou]|$)")
_DOUBLE = re.compile(r"(.)\1+")
_DOUBLE_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1+")
_FRENCH_W = re.compile(r"^u(?=[aei])")
# ow before a consonant: Slavic -ov- (Grabowski) or English ou (Chowdhury, Choudhury)
_OW_BEFORE_CONSONANT = re.compile(r"ow(?=[b-df-hj-np-tv-z])")


def _letters(token: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", token):
        mapped = _LETTERS.get(char)
        if mapped is None:
            mapped = unicodedata.normalize("NFD", char)[0] if not char.isascii() else char
            if not mapped.isascii():
                mapped = ""
        out.append(mapped)
    return "".join(out)


def _base_form(token: str) -> str:
    text = _DOUBLE_CONSONANT.sub(r"\1", _letters(token.replace("dž", "dz")))
    text = _FRENCH_W.sub("v", text.replace("ou", "u", 1)) if text.startswith("ou") else text
    text = _OW_BEFORE_CONSONANT.sub(_OW, text)
    text = _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group(0)], text)
    text = _Y_BEFORE_VOWEL.sub("j", text).replace("y", "i")
    text = _GLIDE.sub("ai", text)
    if len(text) > 3 and text.endswith("h") and text[-2] in _VOWELS:
        text = text[:-1]
    return text


@lru_cache(maxsize=65536)
def readings(token: str) -> tuple[str, ...]:
    """The spelling-equivalence forms of one lowercase Latin token, the usual reading first."""
    base = _base_form(token)
    slots = [p for p in _ALTERNATIVES if p in base]
    forms: list[str] = []
    for choice in product(*(_ALTERNATIVES[p] for p in slots)):
        form = base
        for slot, letter in zip(slots, choice, strict=True):
            form = form.replace(slot, letter)
        forms.append(_DOUBLE.sub(r"\1", form))
    extra: list[str] = []
    for form in forms[:2]:
        if len(form) >= 6 and form.endswith("ne"):
            extra.append(form[:-1])  # French final e: Abderrahmane, Yassine
        extra.extend(strip_article_readings(form))
    unique = list(dict.fromkeys(f for f in forms + extra if f))
    return tuple(unique[:MAX_READINGS]) or ("",)


@lru_cache(maxsize=65536)
def skeleton(reading: str) -> str:
    """Consonants only, as Arabic script writes a name: vowels, and w/y/j inside it, dropped.

    ``Hussein`` and ``حسين`` both give ``hsn``; so does ``Hassan``, which is why the lexicon, not
    the skeleton, decides between known names.
    """
    if not reading:
        return ""
    head = reading[0] if reading[0] in _CONSONANTS else ""
    rest = "".join(c for c in reading[1:] if c in _CONSONANTS and c not in "vjy")
    # Arabic ق is written q, k or g (Qahtani, Kahtani, Gahtani)
    return _DOUBLE.sub(r"\1", (head + rest).replace("g", "k"))


@lru_cache(maxsize=65536)
def vowel_class(reading: str) -> str:
    """The reading with o written as u and e as i, as Arabic romanizations swap them."""
    return _DOUBLE.sub(r"\1", reading.replace("o", "u").replace("e", "i"))
