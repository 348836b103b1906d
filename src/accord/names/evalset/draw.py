"""Drawing names of each tradition, and collecting the pairs with their split."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accord.names.evalset import variants as var
from accord.names.evalset import words

__all__ = ["HARD_NEGATIVE_CATEGORIES", "SEED", "EvalPair", "Made", "PairBuilder", "People"]

SEED = 20251027
HARD_NEGATIVE_CATEGORIES = frozenset(
    {
        "gender-forms",
        "siblings",
        "namesakes-different-patronymic",
        "similar-surnames",
        "different-persons-similar-names",
    }
)

Variants = tuple[tuple[str, tuple[str, ...]], ...]
Made = tuple[str, str, str] | None


@dataclass(frozen=True)
class EvalPair:
    """One labelled pair: 1 if both names can be the same person's name, 0 if not."""

    name_a: str
    name_b: str
    label: int
    category: str
    split: str


def _split_of(group: str) -> str:
    digest = hashlib.sha256(group.encode("utf-8")).digest()
    return "heldout" if digest[0] % 4 == 0 else "dev"


class PairBuilder:
    """Collects labelled pairs, drops duplicates and assigns each to a split."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pairs: list[EvalPair] = []
        self._seen: set[tuple[str, str]] = set()

    def fill(self, category: str, label: int, target: int, make: Callable[[], Made]) -> None:
        added = 0
        for _ in range(target * 30):
            if added >= target:
                break
            made = make()
            if made is not None and self._add(*made, label=label, category=category):
                added += 1

    def _add(self, a: str, b: str, group: str, *, label: int, category: str) -> bool:
        a, b = " ".join(a.split()), " ".join(b.split())
        key = (min(a, b), max(a, b))
        if not a or not b or a == b or key in self._seen:
            return False
        self._seen.add(key)
        if self.rng.random() < 0.5:
            a, b = b, a
        self.pairs.append(EvalPair(a, b, label, category, _split_of(group)))
        return True


class People:
    """Draws names of one tradition in their home spelling."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        return self.rng.choice(list(items))

    def slavic(self, gender: str) -> tuple[str, str]:
        if self.rng.random() < 0.3:
            given = words.BOSNIAK_MALE if gender == "m" else words.BOSNIAK_FEMALE
            return self.pick(given), self.pick(words.BOSNIAK_SURNAMES)
        given = words.SERBIAN_MALE if gender == "m" else words.SERBIAN_FEMALE
        return self.pick(given), self.pick(words.SERBIAN_SURNAMES)

    def macedonian(self, gender: str) -> tuple[str, str]:
        """Cyrillic given name and surname in the form for the gender."""
        if gender == "m":
            return self.pick(words.MACEDONIAN_MALE), self.pick(words.MACEDONIAN_SURNAMES)
        surname = var.macedonian_female_surname(self.pick(words.MACEDONIAN_SURNAMES))
        return self.pick(words.MACEDONIAN_FEMALE), surname

    def albanian(self, gender: str) -> tuple[str, str]:
        given = words.ALBANIAN_MALE if gender == "m" else words.ALBANIAN_FEMALE
        return self.pick(given), self.pick(words.ALBANIAN_SURNAMES)

    def turkish(self, gender: str) -> tuple[str, str]:
        given = words.TURKISH_MALE if gender == "m" else words.TURKISH_FEMALE
        return self.pick(given), self.pick(words.TURKISH_SURNAMES)

    def variants(self, table: Variants) -> tuple[str, tuple[str, ...]]:
        return self.rng.choice(list(table))

    def latin_home(self, culture: str, gender: str) -> tuple[str, str]:
        """A Latin-script name of the tradition (first spelling for Arabic and Persian)."""
        if culture == "slavic":
            return self.slavic(gender)
        if culture == "macedonian":
            given, surname = self.macedonian(gender)
            return var.macedonian_latin(given, "official"), var.macedonian_latin(
                surname, "official"
            )
        if culture == "albanian":
            return self.albanian(gender)
        if culture == "turkish":
            return self.turkish(gender)
        if culture == "arabic":
            table = words.ARABIC_MALE if gender == "m" else words.ARABIC_FEMALE
            return self.variants(table)[1][0], self.variants(words.ARABIC_SURNAMES)[1][0]
        table = words.PERSIAN_MALE if gender == "m" else words.PERSIAN_FEMALE
        return self.variants(table)[1][0], self.variants(words.PERSIAN_SURNAMES)[1][0]

    def given_pool(self, culture: str, gender: str) -> list[str]:
        """Distinct given names of a tradition, one spelling each."""
        pools: dict[str, tuple[Sequence[str], Sequence[str]]] = {
            "slavic": (words.SERBIAN_MALE, words.SERBIAN_FEMALE),
            "bosniak": (words.BOSNIAK_MALE, words.BOSNIAK_FEMALE),
            "albanian": (words.ALBANIAN_MALE, words.ALBANIAN_FEMALE),
            "turkish": (words.TURKISH_MALE, words.TURKISH_FEMALE),
            "arabic": (_first(words.ARABIC_MALE), _first(words.ARABIC_FEMALE)),
            "persian": (_first(words.PERSIAN_MALE), _first(words.PERSIAN_FEMALE)),
        }
        if culture == "macedonian":
            male = [var.macedonian_latin(n, "official") for n in words.MACEDONIAN_MALE]
            female = [var.macedonian_latin(n, "official") for n in words.MACEDONIAN_FEMALE]
            return male if gender == "m" else female
        male_pool, female_pool = pools[culture]
        return list(male_pool if gender == "m" else female_pool)

    def surname(self, culture: str) -> str:
        if culture == "slavic":
            return self.pick(words.SERBIAN_SURNAMES)
        if culture == "bosniak":
            return self.pick(words.BOSNIAK_SURNAMES)
        if culture == "albanian":
            return self.pick(words.ALBANIAN_SURNAMES)
        if culture == "turkish":
            return self.pick(words.TURKISH_SURNAMES)
        if culture == "macedonian":
            return var.macedonian_latin(self.pick(words.MACEDONIAN_SURNAMES), "official")
        if culture == "arabic":
            return var.with_article(
                self.rng.choice(self.variants(words.ARABIC_SURNAMES)[1]), self.rng
            )
        return self.rng.choice(self.variants(words.PERSIAN_SURNAMES)[1])


def _first(table: Variants) -> list[str]:
    return [spellings[0] for _, spellings in table]
