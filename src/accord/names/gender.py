"""Male and female forms of one name: different names, never a match.

South Slavic given names and Macedonian, Bulgarian and Russian surnames change with gender:
Ivan / Ivana, Aleksandar / Aleksandra, Zlatko / Zlatka (and Mario / Maria), Dušan / Dušanka,
Petrov / Petrova, Dimitriev / Dimitrieva, Putin / Putina, Petrovski / Petrovska. Arabic given
names often take a feminine -a (Jamil / Jamila, Amin / Amina). Surnames in -ić (Jovanović) and
Albanian, Turkish and Arabic surnames do not change, so two people of different gender can share
them; their given names then differ. Albanian and Turkish given names take a feminine -e after a
consonant (Agim / Agime, Fatmir / Fatmire, Emin / Emine) except after n, where French spellings
add a silent e to a man's name (Amine, Yassine): there the lexicon decides.

The rules work on readings (see :mod:`accord.names.equivalences`): lowercase, script-independent.
"""

from __future__ import annotations

from accord.names.lexicon import Lexeme

__all__ = ["gender_forms", "gender_rule", "given_name_gender", "is_surname_form"]

_VOWELS = frozenset("aeiou")
_SURNAME_ENDINGS = ("ski", "ska", "cki", "cka", "ov", "ova", "ev", "eva", "in", "ina", "skaja")


def _rule(male: str, female: str) -> str | None:
    """The rule by which ``female`` is the female form of ``male``, if one applies."""
    if len(male) < 3 or male == female:
        return None
    if male[-1] not in _VOWELS:
        # Ivan/Ivana, Petrov/Petrova, Jamil/Jamila; Dušan/Dušanka, Stojan/Stojanka
        if female in (male + "a", male + "ka"):
            return "add-a"
        # Aleksandar/Aleksandra, Petar/Petra: one swap away, so also a common typing error
        if male.endswith("ar") and female == male[:-2] + "ra":
            return "ar-ra"
        # Agim/Agime, Fatmir/Fatmire (Albanian), Selim/Selime (Turkish); not Amin/Amine
        if len(male) >= 4 and male[-1] != "n" and female == male + "e":
            return "add-e"
        return None
    # Zlatko/Zlatka, Branko/Branka, Mario/Maria, Antonio/Antonia
    if male.endswith("o") and len(male) >= 4 and female == male[:-1] + "a":
        return "o-a"
    # Petrovski/Petrovska, Kovalski/Kovalska, Petrovsky/Petrovskaya
    if male.endswith("ki") and female in (male[:-1] + "a", male[:-1] + "aja"):
        return "ski-ska"
    return None


def gender_rule(first: str, second: str) -> tuple[str, bool] | None:
    """The male/female rule two readings follow, and whether ``first`` is the male form."""
    rule = _rule(first, second)
    if rule is not None:
        return rule, True
    rule = _rule(second, first)
    if rule is not None:
        return rule, False
    return None


def gender_forms(first: str, second: str) -> bool:
    """Whether two readings are the male and the female form of one name, in either order."""
    return gender_rule(first, second) is not None


def is_surname_form(reading: str) -> bool:
    """Whether a reading ends like a gendered surname (-ski/-ska, -ov/-ova, -ev/-eva, -in/-ina)."""
    return reading.endswith(_SURNAME_ENDINGS)


def given_name_gender(lexemes: tuple[Lexeme, ...]) -> str | None:
    """The gender of a token's known given names, or None when unknown or both."""
    genders = {lexeme.gender for lexeme in lexemes if lexeme.kind == "g"}
    if len(genders) == 1:
        return genders.pop()
    return None
