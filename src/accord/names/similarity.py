"""How alike two name tokens are, and why.

Order of the checks: the same letters (with or without diacritics); one known name; a male/female
pair (never a match); an initial; a shared reading (equivalent spellings); two different known
names; the article written on; Arabic-script consonants; surnames that differ by a whole suffix
(Simić / Simović, Hoxha / Hoxhaj, Kovač / Kovačević: different names, not typing errors); then
string distance on the readings for spellings no rule covers (typing errors, rarer romanizations).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rigour.text.distance import jaro_winkler, levenshtein

from accord.names.equivalences import MAX_READINGS, readings, skeleton, vowel_class
from accord.names.gender import gender_rule, given_name_gender
from accord.names.lexicon import Lexeme, arabic_jim_reading, lexemes_of, spellings_of
from accord.names.memo import Memo, memoized
from accord.names.transcription import transcriptions, without_glide
from accord.names.transliterate import ascii_fold

__all__ = ["TokenInfo", "TokenMatch", "match_tokens", "token_info"]

# Scores of the kinds of agreement that are not measured by distance.
EQUIVALENT = 1.0
KNOWN_VARIANT = 0.99
SKELETON = 0.93
VOWEL_VARIANT = 0.94
DIFFERENT_CAP = 0.6
INITIAL = 0.88
# a nisba (Ahmadi, Hasani: "of Ahmad", "of Hasan") beside the name it is formed on: not the same
# name, but not a sign of two people either (one document gives the father's name, another the
# family's nisba), so it counts a little against rather than strongly
NISBA = 0.82
TYPO_OF_KNOWN = 0.93
TYPO_OF_UNKNOWN = 0.9
# a foreign name as Serbian and Macedonian Cyrillic transcribe it by sound (Rajesh / Раџеш): strong
# agreement, a little below a shared reading because Џ and Ј are different letters in Slavic names
TRANSCRIPTION = 0.95
_DIGRAPH_INITIALS = frozenset({"lj", "nj", "dž"})
# below this Jaro-Winkler, no other reading makes two tokens close: skip the finer measures
_UNRELATED = 0.6


@dataclass(frozen=True, slots=True, eq=False)
class TokenInfo:
    """One token and everything the comparison needs to know about it.

    Compared and hashed by identity: :func:`token_info` hands out one object per token text.
    """

    text: str
    vowelless: bool
    folded: str
    readings: tuple[str, ...]
    skeletons: tuple[str, ...]
    lexemes: tuple[Lexeme, ...]
    lexeme_ids: frozenset[str]
    gender: str | None
    # What the rules of :func:`_match` would otherwise work out again for every pair the
    # token is in (a new query meets some thirty pairs; each rule's loops over the readings
    # cost more than the look-up of what was worked out once, in :func:`token_info`):
    #: the readings as a set
    reading_set: frozenset[str]
    #: its first two readings less a nisba's -i (Ahmadi: ahmad), those long enough to be one
    nisba_stems: tuple[str, ...]
    #: the known names those stems spell, when the token is a known name itself
    nisba_ids: frozenset[str]
    #: the known names its first reading less a nisba's -i spells (None: not a nisba form)
    nisba_of: frozenset[str] | None
    #: its readings with the Arabic article taken off (Alali: ali), where one is written on
    article_rests: tuple[str, ...]
    #: its readings without the Serbian glide (:func:`without_glide`)
    unglided: frozenset[str]

    @property
    def display(self) -> str:
        if self.vowelless and self.lexemes:
            return self.lexemes[0].display  # محمد shows as Muhammad, not Mhmd
        return self.text[:1].upper() + self.text[1:]


class TokenMatch(NamedTuple):
    """How two tokens compare: a score in [0, 1] and the kind of agreement or difference (a
    tuple of a number and a string, which the garbage collector stops tracking: see
    :mod:`.memo`)."""

    score: float
    kind: str


@memoized(65536)
def token_info(text: str, vowelless: bool = False) -> TokenInfo:
    """Readings, skeletons, known names and gender of one token (cached)."""
    token_readings = readings(text)
    lexemes = lexemes_of(token_readings, vowelless)
    if not lexemes and not vowelless:
        jim = arabic_jim_reading(token_readings)
        if jim is not None:  # Џубури, Gaburi: read as the known Jubouri
            reading, lexemes = jim
            token_readings = tuple(dict.fromkeys((reading, *token_readings)))[:MAX_READINGS]
    skeletons = tuple(dict.fromkeys(skeleton(r) for r in token_readings if r))
    stems = tuple(r[:-1] for r in token_readings[:2] if len(r) >= 5 and r.endswith("i"))
    first = token_readings[0] if token_readings else ""
    return TokenInfo(
        text,
        vowelless,
        ascii_fold(text).lower(),
        token_readings,
        skeletons,
        lexemes,
        frozenset(lexeme.ident for lexeme in lexemes),
        given_name_gender(lexemes),
        reading_set=frozenset(token_readings),
        nisba_stems=stems,
        # through the lexicon only where the -i form is itself known (Ahmadi / Ahmed), so
        # that a typing error (Dervihi) is not read as a nisba of a name it happens to spell
        nisba_ids=_known_ids(stems) if lexemes else frozenset(),
        nisba_of=_known_ids((first[:-1],)) if len(first) >= 5 and first.endswith("i") else None,
        article_rests=tuple(
            r[2:] for r in token_readings if len(r) >= 5 and r.startswith(("al", "el"))
        ),
        unglided=frozenset(without_glide(reading) for reading in token_readings),
    )


def _known_ids(spellings: tuple[str, ...]) -> frozenset[str]:
    """The known names (Latin script) any of ``spellings`` is a reading of."""
    return frozenset(lexeme.ident for lexeme in lexemes_of(spellings, False))


def _distance(a: str, b: str) -> int:
    """Edit distance where one swap of neighbouring letters is one error, not two."""
    d = levenshtein(a, b)
    if d == 2 and len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]:
            return 1
    return d


def _string_score(a: str, b: str, distance: int | None = None) -> float:
    """Jaro-Winkler and edit similarity, averaged: both must be high for a high score."""
    if not a or not b:
        return 0.0
    if distance is None:
        distance = _distance(a, b)
    edit = 1.0 - distance / max(len(a), len(b))
    return (jaro_winkler(a, b, cutoff=0.0) + edit) / 2.0


def _closeness(a: TokenInfo, b: TokenInfo) -> tuple[float, bool]:
    """The best string score over the two usual readings of each, and whether one slip apart.

    The slip is looked for on the plain ASCII forms too: a spelling rule may turn one slip into
    two (Ademi / Admei: the second reads "admai").
    """
    best, one_slip = 0.0, False
    for x in a.readings[:2]:
        for y in b.readings[:2]:
            distance = _distance(x, y)
            one_slip = one_slip or distance == 1
            best = max(best, _string_score(x, y, distance))
    if not one_slip:
        one_slip = _distance(a.folded, b.folded) == 1
    return best, one_slip


def _slip_from_known(known: TokenInfo, other: TokenInfo) -> bool:
    """An unknown token one slip from another listed spelling of a known Arabic-origin name:
    Мухаед beside Mohamed is a typing error of Muhamed, Hyader beside Haidar one of Hyder. The
    slip is the same evidence whichever romanization it was made in. Only for Arabic-origin
    names, whose many romanizations are the point: a Slavic name's last letter is its gender
    (Mario is one slip from Maria, a spelling of Marija)."""
    if not known.lexemes or other.lexemes or len(other.readings[0]) < 4:
        return False
    for lexeme in known.lexemes:
        if not lexeme.arabic:
            continue
        for spelling in spellings_of(lexeme.ident):
            if abs(len(spelling) - len(other.readings[0])) > 1:
                continue
            if any(_distance(spelling, reading) == 1 for reading in other.readings[:2]):
                return True
    return False


def _suffix_variant(a: str, b: str) -> bool:
    """Different surnames built on one stem: Simić/Simović, Hoxha/Hoxhaj, Demir/Demirci."""
    short, long = sorted((a, b), key=len)
    if len(short) < 3:
        return False
    if long.startswith(short) and len(long) - len(short) >= 2:
        return True
    for infix in ("ov", "ev"):
        if long.endswith("ic") and long[:-2].endswith(infix) and long[:-4] == short[:-2]:
            return True
    # Albanian -aj (written -ai in readings): Hoxha/Hoxhaj, Gjoni/Gjonaj
    stem = short[:-1] if short[-1] in "aeiu" else short
    return long.endswith("ai") and long[:-2] == stem


def _article_joined(a: TokenInfo, b: TokenInfo) -> bool:
    """One token is the other with the article written on: Alali / Ali, Aldouri / الدوري."""
    by_consonants = a.vowelless or b.vowelless
    for x, y in ((a, b), (b, a)):
        for rest in x.article_rests:
            if rest in y.reading_set:
                return True
            if by_consonants and any(
                len(other) > 1 and skeleton(rest) == skeleton(other) for other in y.readings
            ):
                return True
    return False


def _gender_pair(a: TokenInfo, b: TokenInfo) -> bool:
    if a.readings[0][:2] != b.readings[0][:2]:
        return False
    found = gender_rule(a.readings[0], b.readings[0])
    if found is not None:
        rule, a_is_male = found
        male = a if a_is_male else b
        # Esar / Esra is a swapped pair of letters unless Esar is a known name
        return rule != "ar-ra" or bool(male.lexemes)
    if {a.gender, b.gender} == {"m", "f"}:
        return _string_score(a.readings[0], b.readings[0]) >= 0.8
    return False


def _nisba(a: TokenInfo, b: TokenInfo) -> bool:
    """One token is the other with the nisba ending -i: Ahmadi / Ahmed, Hasani / Hasan (by
    :attr:`TokenInfo.nisba_stems` and :attr:`TokenInfo.nisba_ids`)."""
    for x, y in ((a, b), (b, a)):
        if x.nisba_stems and (
            not y.reading_set.isdisjoint(x.nisba_stems) or not x.nisba_ids.isdisjoint(y.lexeme_ids)
        ):
            return True
    return False


def _same_nisba(a: TokenInfo, b: TokenInfo) -> bool:
    """Both tokens are the nisba of one known name in two spellings: Mohammadi / Muhamedi
    (Мухамеди, formed on the Bosnian Muhamed), Hasani / Hassani. One of the two -i forms must be
    a known name itself, so that two typing errors are not read as nisbas."""
    if not (a.lexemes or b.lexemes) or a.nisba_of is None or b.nisba_of is None:
        return False
    return not a.nisba_of.isdisjoint(b.nisba_of)


def _transcribed(a: TokenInfo, b: TokenInfo) -> bool:
    """One token is the other as Cyrillic transcription writes it: Rajesh / Radžeš, Jean / Žan.

    Only between names the lexicon does not know: among known names it decides (the Bosnian
    Džana is not the Slavic Jana), and known Arabic names have their own ج reading.
    """
    if a.vowelless or b.vowelless or a.lexemes or b.lexemes:
        return False
    return not b.unglided.isdisjoint(transcriptions(a.text)) or not a.unglided.isdisjoint(
        transcriptions(b.text)
    )


def _known(a: TokenInfo, b: TokenInfo) -> TokenMatch | None:
    if not a.lexemes or not b.lexemes:
        return None
    if a.lexeme_ids & b.lexeme_ids:
        return TokenMatch(KNOWN_VARIANT, "known-variant")
    # the exact value matters little: any two different known names count strongly against
    return TokenMatch(DIFFERENT_CAP * jaro_winkler(a.readings[0], b.readings[0]), "different")


def _initial_of(initial: TokenInfo, name: TokenInfo) -> bool:
    """An initial (J., Ј., Đ., Lj.) that agrees with the start of the other token."""
    if not (len(initial.text) == 1 or initial.text in _DIGRAPH_INITIALS) or len(name.text) < 3:
        return False
    if name.folded.startswith(initial.folded):
        return True
    return any(r.startswith(initial.readings[0]) for r in name.readings)


def _typo_score(a: TokenInfo, b: TokenInfo) -> float:
    """The score of a one-letter slip: likelier a typing error beside a known name. A token is
    as long as the longer of its reading and its letters as written: a reading may shorten a
    name that was typed in full (Shhu reads "su", Haan "han")."""
    shortest = min(_length(a), _length(b))
    if shortest < 4:
        return 0.0
    score = TYPO_OF_KNOWN if (a.lexemes or b.lexemes) else TYPO_OF_UNKNOWN
    return score if shortest >= 5 else score - 0.03


def _length(token: TokenInfo) -> int:
    return max(len(token.readings[0]), len(token.folded))


def _one_stem(a: TokenInfo, b: TokenInfo) -> bool:
    """Two surnames built on one stem (:func:`_suffix_variant`), unless written with as many
    letters and one slip apart: collapsing doubled letters in a reading can make a typing
    error look like another suffix (Tammii reads "tami" beside Tamimi)."""
    if not _suffix_variant(a.readings[0], b.readings[0]):
        return False
    return len(a.folded) != len(b.folded) or _distance(a.folded, b.folded) != 1


#: Token comparisons kept, by the two tokens' texts (:func:`match_tokens`), as plain tuples:
#: the collector stops tracking a tuple of a number and a string, not a named tuple. Screening
#: new names against a million persons meets some 200,000 distinct token pairs in its first
#: 19,000 queries: with 131,072 kept, each query still computed about 11 pairs; with all kept,
#: about 7 (and fewer as more come back). At some 230 bytes a pair, the 524,288 kept here
#: take at most about 120 MB.
MATCHES: Memo[tuple[str, bool, str, bool], tuple[float, str]] = Memo(2**19)


def match_tokens(a: TokenInfo, b: TokenInfo) -> TokenMatch:
    """Compare two tokens; symmetric. Kept in :data:`MATCHES` by the tokens' texts (a token's
    analysis is a function of its text and script): a new query meets some thirty token pairs
    it has not met before, and every other pair again."""
    key = (a.text, a.vowelless, b.text, b.vowelless)
    found = MATCHES.get(key)
    if found is None:
        match = _match(a, b)
        MATCHES.put(key, (match.score, match.kind))
        return match
    return _as_match(TokenMatch, found)


_as_match = tuple.__new__


def _match(a: TokenInfo, b: TokenInfo) -> TokenMatch:
    if a.text == b.text:
        return TokenMatch(1.0, "exact")
    if a.folded == b.folded and a.folded:
        return TokenMatch(1.0, "folded")
    if a.lexeme_ids & b.lexeme_ids:
        return TokenMatch(KNOWN_VARIANT, "known-variant")  # Đuro / Đura: one name, not a pair
    if _gender_pair(a, b):
        return TokenMatch(0.0, "gender")
    if _initial_of(a, b) or _initial_of(b, a):
        return TokenMatch(INITIAL, "initial")
    if not a.reading_set.isdisjoint(b.reading_set):
        return TokenMatch(EQUIVALENT, "equivalent")
    if _nisba(a, b):
        return TokenMatch(NISBA, "nisba")
    if _same_nisba(a, b):
        return TokenMatch(KNOWN_VARIANT, "nisba-variant")
    known = _known(a, b)
    if known is not None:
        return known
    if _article_joined(a, b):
        return TokenMatch(EQUIVALENT, "article")
    if _transcribed(a, b):
        return TokenMatch(TRANSCRIPTION, "transcription")
    if a.vowelless or b.vowelless:
        if set(a.skeletons) & set(b.skeletons) and min(map(len, a.skeletons)) >= 2:
            return TokenMatch(SKELETON, "skeleton")
        best = max((_string_score(x, y) for x in a.skeletons for y in b.skeletons), default=0.0)
        return TokenMatch(0.9 * best, "fuzzy")
    quick = jaro_winkler(a.readings[0], b.readings[0], cutoff=0.0)
    if quick < _UNRELATED and jaro_winkler(a.folded, b.folded, cutoff=0.0) < _UNRELATED:
        return TokenMatch(_string_score(a.readings[0], b.readings[0]), "fuzzy")  # unrelated
    best, one_slip = _closeness(a, b)
    one_slip = one_slip or _slip_from_known(a, b) or _slip_from_known(b, a)
    if _one_stem(a, b):
        return TokenMatch(min(best, DIFFERENT_CAP), "different")
    fuzzy = max(best, _typo_score(a, b)) if one_slip else best
    if fuzzy < VOWEL_VARIANT and vowel_class(a.readings[0]) == vowel_class(b.readings[0]):
        return TokenMatch(VOWEL_VARIANT, "vowel-variant")
    return TokenMatch(fuzzy, "fuzzy")
