"""Arabic and Persian script to Latin, and the particles and compounds of Arabic-origin names.

Arabic script writes few vowels, so its Latin form is a skeleton ("محمد" -> "mhmd", with ع kept as
an apostrophe: "سعيد" -> "s'id", not "sid" like "سيد"); the matcher compares such tokens by their
consonants. Latin spellings differ in how they write the article
(al-, el-, Al , at-), the links (bin, ibn, ben), and compounds such as Abd al-Rahman, Abdul Rahman,
Abdurrahman or Nur al-Din, Nureddine: these are joined into one token here so that every spelling
of one compound compares as one name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ARTICLES",
    "LINKS",
    "arabic_to_latin",
    "has_arabic",
    "is_article",
    "join_compounds",
    "strip_article_readings",
]

_LETTERS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ء": "",
    "ؤ": "u",
    "ئ": "i",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "ى": "a",
    # Persian and Urdu letters
    "پ": "p",
    "چ": "ch",
    "ژ": "zh",
    "گ": "g",
    "ک": "k",
    "ی": "y",
    "ۀ": "e",
    "ە": "e",
    "ہ": "h",
    "ے": "e",
    "ڤ": "v",
}
_LONG_VOWELS = {"و": ("w", "u"), "ي": ("y", "i"), "ی": ("y", "i")}
_WHOLE_WORDS = {
    "بن": "bin",
    "ابن": "ibn",
    "بنت": "bint",
    "ابو": "abu",
    "أبو": "abu",
    "عبد": "abd",
    "الله": "allah",
}
# Tashkil (short-vowel marks), superscript alef and tatweel: not letters of the name.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")

ARTICLES = frozenset({"al", "el", "ul", "il"})
_ASSIMILATED = frozenset(
    {
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "an",
        "ash",
        "ath",
        "adh",
        "ed",
        "er",
        "es",
        "et",
        "ez",
        "en",
        "ud",
        "ur",
        "us",
        "ut",
        "uz",
        "un",
    }
)
LINKS = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould", "b"})
_ABD = frozenset(
    {
        "abd",
        "abdul",
        "abdel",
        "abdal",
        "abdol",
        "abdoul",
        "abdu",
        "abdur",
        "abder",
        "abdar",
        "abdus",
        "abdes",
        "abdas",
        "abdi",
        "abdoel",
    }
)
_ABU = frozenset({"abu", "abou", "abo", "ebu"})
_DIN = frozenset(
    {
        "din",
        "deen",
        "dine",
        "dinn",
        "eddine",
        "eddin",
        "uddin",
        "uddeen",
        "addin",
        "iddin",
        "ettin",
        "attin",
        "edin",
    }
)
_ALLAH = frozenset({"allah", "ullah", "ollah", "ulla", "alla", "ulah"})
_JOINED_ABD = re.compile(r"^abd(?:ou|u|e|a|o|i)?(l(?!l)|ll|rr|ss|zz|tt|dd|nn|shsh)?(.{3,})$")
_JOINED_DIN = re.compile(r"^(.{3,}?)(?:uddin|uddeen|eddine|eddin|addin|iddin|ettin|attin)$")
# -ulah, -olah: Serbian and Bosnian spelling writes the double l once (Рухулах, Abdulah)
_JOINED_ALLAH = re.compile(r"^(.{3,}?)(?:ullah|ollah|allah|ulla|ulah|olah)$")


def has_arabic(text: str) -> bool:
    """Whether any letter of the text is in the Arabic script (Arabic, Persian, Urdu)."""
    return any(
        "\u0600" <= c <= "\u06ff"
        or "\u0750" <= c <= "\u077f"
        or "\ufb50" <= c <= "\ufdff"
        or "\ufe70" <= c <= "\ufeff"
        for c in text
    )


#: Latin letters that an h after them would turn into another letter (sh, kh, th, dh, zh, gh, ch)
_DIGRAPH_HEADS = frozenset("sktdzgc")


def _romanise_word(word: str) -> str:
    if word in _WHOLE_WORDS:
        return _WHOLE_WORDS[word]
    prefix = ""
    if word.startswith("عبد") and len(word) > 4:
        prefix, word = "abd ", word[3:]
        if word in _WHOLE_WORDS:
            return prefix + _WHOLE_WORDS[word]
    if word.startswith("ال") and len(word) > 3:
        prefix, word = prefix + "al-", word[2:]
    out: list[str] = []
    last = len(word) - 1
    for index, char in enumerate(word):
        if char in _LONG_VOWELS:
            consonant, vowel = _LONG_VOWELS[char]
            out.append(consonant if index == 0 else vowel)
        elif char == "ه" and index == last and index > 0 and word[index - 1] not in "اوي":
            out.append("e")  # a final vowel (Fatemeh, Zohreh), not a consonant h
        else:
            letter = _LETTERS.get(char, char if char.isalpha() and char.isascii() else "")
            if letter.startswith("h") and out and out[-1][-1:] in _DIGRAPH_HEADS:
                # س then ح is s, h: not the digraph sh of ش (سحر Sahar, not "sr")
                letter = "'" + letter
            out.append(letter)
    return prefix + "".join(out)


@lru_cache(maxsize=16384)
def arabic_to_latin(text: str) -> str:
    """A Latin skeleton of Arabic or Persian script: consonants and long vowels only."""
    if not has_arabic(text):
        return text
    text = _MARKS.sub("", unicodedata.normalize("NFKC", text))
    words = []
    for word in text.split():
        if has_arabic(word):
            words.append(_romanise_word(word))
        else:
            words.append(word)
    return " ".join(words)


def strip_article_readings(token: str) -> tuple[str, ...]:
    """Other readings of a token with the article or ``ben`` written on: Altamimi -> tamimi."""
    for prefix, rest_min in (("al", 5), ("el", 5), ("ben", 4)):
        if token.startswith(prefix) and len(token) - len(prefix) >= rest_min:
            return (token[len(prefix) :],)
    return ()


def _strip_connector(rest: str) -> str:
    match = _JOINED_ABD.match("abd" + rest)
    if match is None:
        return rest
    joint, tail = match.group(1) or "", match.group(2)
    if joint in ("ll", "rr", "ss", "zz", "tt", "dd", "nn") or joint == "shsh":
        tail = joint[: len(joint) // 2] + tail
    return tail


def _spaced_tail(token: str) -> str:
    # "Abd Allah", "Abdul Alrahman": the article may be written on the second word
    if token.startswith(("al", "el", "ul")) and len(token) > 4:
        return token[2:]
    return token


def is_article(token: str, hyphen_next: bool) -> bool:
    """An Arabic article (al-, el-; ad-, as-... when a hyphen joins it to the name)."""
    return token in ARTICLES or (hyphen_next and token in _ASSIMILATED)


def join_compounds(tokens: list[str], hyphens: list[bool]) -> tuple[list[str], list[str]]:
    """Drop articles and links, join Abd/Abu/-din/-allah compounds.

    ``hyphens[i]`` says whether token i was joined to the next by a hyphen (at-Tamimi). Returns
    the tokens and the particles that were dropped.
    """
    out: list[str] = []
    dropped: list[str] = []
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        has_next = index + 1 < count
        if has_next and is_article(token, hyphens[index]):
            dropped.append(token)
            index += 1
            continue
        if has_next and token in LINKS and index > 0:
            dropped.append(token)
            index += 1
            continue
        if has_next and (token in _ABD or token in _ABU):
            head = "abd" if token in _ABD else "abu"
            index += 1
            if index + 1 < count and is_article(tokens[index], hyphens[index]):
                index += 1
            out.append(
                head + _strip_connector(tokens[index]) if head == "abd" else head + tokens[index]
            )
            index += 1
            continue
        if out and (token in _DIN or token in _ALLAH):
            out[-1] += "din" if token in _DIN else "lah"
            index += 1
            continue
        out.append(_join_single(token))
        index += 1
    return out, dropped


def _join_single(token: str) -> str:
    """One written-together compound in the form the spaced spelling gets."""
    if token.startswith("abd") and len(token) > 5 and token not in _ABD:
        return "abd" + _strip_connector(token[3:])
    match = _JOINED_DIN.match(token)
    if match is not None:
        return match.group(1) + "din"
    match = _JOINED_ALLAH.match(token)
    if match is not None:
        return match.group(1) + "lah"
    return token
