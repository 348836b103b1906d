"""The categories of the evaluation set: how each pair of one category is drawn.

Positives are two renderings of one person's name; hard negatives are two different names that a
general string measure finds alike (gender forms, siblings, other patronymics, similar surnames,
similar given names).
"""

from __future__ import annotations

import random

from accord.names.evalset import pairs, words
from accord.names.evalset import variants as var
from accord.names.evalset.draw import Made, PairBuilder, People

__all__ = ["add_all_categories"]


def add_all_categories(builder: PairBuilder, people: People, rng: random.Random) -> None:
    """Draw every category in a fixed order with its target size."""
    make = _Makers(people, rng)
    positives = (
        ("cyrillic-latin", 140, make.cyrillic_latin),
        ("ascii-folding", 100, make.ascii_folding),
        ("albanian-slavic", 90, make.albanian_slavic),
        ("turkish", 80, make.turkish),
        ("arabic-romanization", 120, make.arabic_romanization),
        ("arabic-script", 90, make.arabic_script),
        ("persian", 80, make.persian),
        ("particles", 60, make.particles),
        ("name-order", 70, make.name_order),
        ("compound-names", 60, make.compound_names),
        ("typos", 100, make.typos),
    )
    negatives = (
        ("gender-forms", 170, make.gender_forms),
        ("siblings", 140, make.siblings),
        ("namesakes-different-patronymic", 90, make.different_patronymic),
        ("similar-surnames", 140, make.similar_surnames),
        ("different-persons-similar-names", 180, make.similar_given_names),
    )
    for category, target, maker in positives:
        builder.fill(category, 1, target, maker)
    for category, target, maker in negatives:
        builder.fill(category, 0, target, maker)


_CULTURES = ("slavic", "macedonian", "albanian", "turkish", "arabic", "persian")


class _Makers:
    def __init__(self, people: People, rng: random.Random) -> None:
        self.people = people
        self.rng = rng

    def _gender(self) -> str:
        return self.rng.choice("mf")

    def _render_other(self, culture: str, name: str) -> str:
        """The same name in another script or spelling that records of the tradition use."""
        if culture in ("slavic", "bosniak"):
            roll = self.rng.random()
            if roll < 0.4:
                return var.serbian_cyrillic(name)
            if roll < 0.8:
                return var.serbian_rendering(name, "keyboard")
            return var.serbian_rendering(name, "plain").upper()
        if culture == "albanian":
            if self.rng.random() < 0.5:
                return var.albanian_to_slavic(name)
            return var.albanian_ascii(name)
        if culture == "turkish":
            return var.turkish_rendering(name, self.rng.choice(var.TURKISH_STYLES))
        return name.upper()

    # positives

    def cyrillic_latin(self) -> Made:
        if self.rng.random() < 0.62:
            given, surname = self.people.slavic(self._gender())
            latin = f"{given} {surname}"
            cyrillic = var.serbian_cyrillic(latin)
            roll = self.rng.random()
            if roll < 0.4:
                other = latin
            elif roll < 0.7:
                other = var.serbian_rendering(latin, "keyboard")
            elif roll < 0.8:
                other = var.serbian_rendering(latin, "keyboard").upper()
            elif roll < 0.9:
                cyrillic = f"{var.serbian_cyrillic(given)} {surname}"
                other = var.serbian_rendering(latin, "keyboard")
            else:
                other = var.serbian_rendering(latin, "plain")
            return cyrillic, other, f"sr:{latin}"
        given, surname = self.people.macedonian(self._gender())
        cyrillic = f"{given} {surname}"
        latin = var.macedonian_latin(cyrillic, self.rng.choice(var.MK_STYLES))
        if self.rng.random() < 0.1:
            latin = latin.upper()
        return cyrillic, latin, f"mk:{cyrillic}"

    def ascii_folding(self) -> Made:
        given, surname = self.people.slavic(self._gender())
        name = f"{given} {surname}"
        styles = ("keyboard", "plain", "english", "german", "french", "hungarian", "albanian")
        style = self.rng.choices(styles, weights=(30, 20, 15, 10, 8, 5, 7))[0]
        other = var.serbian_rendering(name, style)
        if self.rng.random() < 0.08:
            other = other.upper()
        return name, other, f"sr:{name}"

    def albanian_slavic(self) -> Made:
        given, surname = self.people.albanian(self._gender())
        name = f"{given} {surname}"
        roll = self.rng.random()
        if roll < 0.45:
            return name, var.albanian_to_slavic(name), f"sq:{name}"
        if roll < 0.6:
            return name, var.serbian_cyrillic(var.albanian_to_slavic(name)), f"sq:{name}"
        if roll < 0.75:
            return name, var.albanian_ascii(name), f"sq:{name}"
        if roll < 0.9:
            slavic = var.serbian_rendering(var.albanian_to_slavic(name), "keyboard")
            return name, slavic, f"sq:{name}"
        return var.albanian_ascii(name), var.albanian_to_slavic(name), f"sq:{name}"

    def turkish(self) -> Made:
        given, surname = self.people.turkish(self._gender())
        name = f"{given} {surname}"
        roll = self.rng.random()
        if roll < 0.15:
            upper = var.turkish_upper(name)
            return upper, var.turkish_rendering(upper, "ascii"), f"tr:{name}"
        if roll < 0.25:
            return name, var.turkish_rendering(name, "ascii").upper(), f"tr:{name}"
        style = self.rng.choices(var.TURKISH_STYLES, weights=(35, 10, 15, 15))[0]
        return name, var.turkish_rendering(name, style), f"tr:{name}"

    def _arabic_given(self, gender: str) -> tuple[str, tuple[str, ...]]:
        table = words.ARABIC_MALE if gender == "m" else words.ARABIC_FEMALE
        return self.people.variants(table)

    def arabic_romanization(self) -> Made:
        gender = self._gender()
        script, spellings = self._arabic_given(gender)
        family, family_spellings = self.people.variants(words.ARABIC_SURNAMES)
        parts_a = [self.rng.choice(spellings)]
        parts_b = [self.rng.choice(spellings)]
        group = f"ar:{script}|{family}"
        if self.rng.random() < 0.25:
            father, father_spellings = self._arabic_given("m")
            parts_a.append(self.rng.choice(father_spellings))
            parts_b.append(self.rng.choice(father_spellings))
            group += f"|{father}"
        parts_a.append(var.with_article(self.rng.choice(family_spellings), self.rng))
        parts_b.append(var.with_article(self.rng.choice(family_spellings), self.rng))
        return " ".join(parts_a), " ".join(parts_b), group

    def arabic_script(self) -> Made:
        script, spellings = self._arabic_given(self._gender())
        family, family_spellings = self.people.variants(words.ARABIC_SURNAMES)
        arabic = [script]
        latin = [self.rng.choice(spellings)]
        group = f"ar:{script}|{family}"
        if self.rng.random() < 0.25:
            father, father_spellings = self._arabic_given("m")
            arabic.append(father)
            latin.append(self.rng.choice(father_spellings))
            group += f"|{father}"
        arabic.append(family)
        latin.append(var.with_article(self.rng.choice(family_spellings), self.rng))
        return " ".join(arabic), " ".join(latin), group

    def persian(self) -> Made:
        table = words.PERSIAN_MALE if self._gender() == "m" else words.PERSIAN_FEMALE
        script, spellings = self.people.variants(table)
        family, family_spellings = self.people.variants(words.PERSIAN_SURNAMES)
        latin = f"{self.rng.choice(spellings)} {self.rng.choice(family_spellings)}"
        group = f"fa:{script}|{family}"
        if self.rng.random() < 0.6:
            return f"{script} {family}", latin, group
        other = f"{self.rng.choice(spellings)} {self.rng.choice(family_spellings)}"
        return latin, other, group

    def particles(self) -> Made:
        _, spellings = self._arabic_given(self._gender())
        given = self.rng.choice(spellings)
        family, family_spellings = self.people.variants(words.ARABIC_SURNAMES)
        core = self.rng.choice(family_spellings)
        group = f"ar:{given}|{family}"
        if self.rng.random() < 0.35:
            _, father_spellings = self._arabic_given("m")
            father = self.rng.choice(father_spellings)
            link_a, link_b = self.rng.sample(["bin", "ibn", "ben", "Bin", ""], 2)
            return (
                f"{given} {link_a} {father} {core}",
                f"{given} {link_b} {father} {core}",
                f"{group}|{father}",
            )
        return (
            f"{given} {var.with_article(core, self.rng)}",
            f"{given} {var.with_article(core, self.rng)}",
            group,
        )

    def name_order(self) -> Made:
        culture = self.rng.choice(_CULTURES)
        given, surname = self.people.latin_home(culture, self._gender())
        name = f"{given} {surname}"
        forms = (
            f"{surname} {given}",
            f"{surname.upper()} {given}",
            f"{surname}, {given}",
            f"{surname.upper()}, {given.upper()}",
        )
        other = self.rng.choice(forms)
        if self.rng.random() < 0.3:
            other = self._render_other(culture, other)
        return name, other, f"{culture}:{name}"

    def compound_names(self) -> Made:
        roll = self.rng.random()
        if roll < 0.5:
            spellings = self.rng.choice(pairs.COMPOUND_ARABIC)
            first, second = self.rng.sample(list(spellings), 2)
            surname = self.people.surname(self.rng.choice(("arabic", "persian")))
            return f"{first} {surname}", f"{second} {surname}", f"compound:{spellings[0]}"
        culture = self.rng.choice(("slavic", "albanian", "macedonian"))
        gender = self._gender()
        given_pool = self.people.given_pool(culture, gender)
        first, second = self.rng.sample(given_pool, 2)
        surname = self.people.surname(culture)
        if gender == "f" and culture == "macedonian":
            surname = var.macedonian_female_surname(surname)
        full = f"{first} {second} {surname}"
        other = self.rng.choice((f"{first}-{second} {surname}", f"{first} {surname}"))
        maiden = self.people.surname(culture)
        if gender == "f" and culture == "macedonian":
            maiden = var.macedonian_female_surname(maiden)
        if roll >= 0.75 and gender == "f" and maiden != surname:
            # a married woman's double surname: maiden name first, often hyphenated or dropped
            full = f"{first} {maiden} {surname}"
            other = self.rng.choice((f"{first} {maiden}-{surname}", f"{first} {surname}"))
        return full, other, f"{culture}:{full}"

    def typos(self) -> Made:
        culture = self.rng.choice(_CULTURES)
        given, surname = self.people.latin_home(culture, self._gender())
        tokens = [given, surname]
        index = 1 if len(surname) >= 5 and self.rng.random() < 0.6 else 0
        changed = var.typo(tokens[index], self.rng)
        if changed == tokens[index]:
            return None
        typed = list(tokens)
        typed[index] = changed
        return " ".join(tokens), " ".join(typed), f"{culture}:{given} {surname}"

    # hard negatives

    def gender_forms(self) -> Made:
        culture = self.rng.choices(
            ("slavic", "bosniak", "arabic", "albanian"), weights=(60, 12, 18, 10)
        )[0]
        male, female = self.rng.choice(pairs.GENDER_PAIRS[culture])
        if culture == "slavic" and self.rng.random() < 0.4:
            surname = self.people.pick(words.MACEDONIAN_SURNAMES)
            a = f"{var.serbian_cyrillic(male)} {surname}"
            b = f"{var.serbian_cyrillic(female)} {var.macedonian_female_surname(surname)}"
            if self.rng.random() < 0.6:
                style = self.rng.choice(var.MK_STYLES)
                a = var.macedonian_latin(a, style)
                b = var.macedonian_latin(b, self.rng.choice((style, "official")))
            return a, b, f"gender:{male}|{surname}"
        surname = self.people.surname(culture)
        a, b = f"{male} {surname}", f"{female} {surname}"
        if self.rng.random() < 0.3:
            b = self._render_other(culture, b)
        return a, b, f"gender:{male}|{surname}"

    def siblings(self) -> Made:
        culture = self.rng.choice((*_CULTURES, "bosniak"))
        gender = self._gender()
        first, second = self.rng.sample(self.people.given_pool(culture, gender), 2)
        surname = self.people.surname(culture)
        if gender == "f" and culture == "macedonian":
            surname = var.macedonian_female_surname(surname)
        a, b = f"{first} {surname}", f"{second} {surname}"
        if self.rng.random() < 0.3:
            b = self._render_other(culture, b)
        return a, b, f"siblings:{first}|{second}|{surname}"

    def different_patronymic(self) -> Made:
        culture = self.rng.choice(("slavic", "albanian", "arabic", "persian", "macedonian"))
        gender = self._gender()
        given = self.rng.choice(self.people.given_pool(culture, gender))
        father_a, father_b = self.rng.sample(self.people.given_pool(culture, "m"), 2)
        surname = self.people.surname(culture)
        if gender == "f" and culture == "macedonian":
            surname = var.macedonian_female_surname(surname)
        if culture == "slavic" and self.rng.random() < 0.4:
            a = f"{given} ({father_a}) {surname}"
            b = f"{given} ({father_b}) {surname}"
        elif culture == "arabic" and self.rng.random() < 0.4:
            a = f"{given} bin {father_a} {surname}"
            b = f"{given} bin {father_b} {surname}"
        else:
            a = f"{given} {father_a} {surname}"
            b = f"{given} {father_b} {surname}"
        if self.rng.random() < 0.25:
            b = self._render_other(culture, b)
        return a, b, f"patronymic:{given}|{father_a}|{father_b}|{surname}"

    def similar_surnames(self) -> Made:
        culture = self.rng.choices(
            tuple(pairs.SIMILAR_SURNAMES), weights=(30, 6, 12, 16, 12, 10, 8)
        )[0]
        first, second = self.rng.choice(pairs.SIMILAR_SURNAMES[culture])
        given_culture = "slavic" if culture == "bosniak" else culture
        given = self.rng.choice(self.people.given_pool(given_culture, "m"))
        if culture == "arabic":
            first, second = (var.with_article(first, self.rng), var.with_article(second, self.rng))
        a, b = f"{given} {first}", f"{given} {second}"
        if self.rng.random() < 0.3:
            b = self._render_other(given_culture, b)
        return a, b, f"similar:{given}|{first}|{second}"

    def similar_given_names(self) -> Made:
        culture = self.rng.choices(tuple(pairs.DISTINCT_GIVEN), weights=(30, 15, 35, 10, 10))[0]
        first, second = self.rng.choice(pairs.DISTINCT_GIVEN[culture])
        surname = self.people.surname(culture)
        a, b = f"{first} {surname}", f"{second} {surname}"
        if self.rng.random() < 0.3:
            b = self._render_other(culture, b)
        return a, b, f"distinct:{first}|{second}|{surname}"
