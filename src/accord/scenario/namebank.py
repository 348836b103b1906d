"""Names as the region's clerks write them: every pool name with its forms, and weighted draws.

A :class:`Name` holds one name in every spelling a registering participant may use, computed once
when the pools load. Drawing is a bisection over cumulative rank weights, so a draw costs one
random number.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from functools import cache, lru_cache

from accord.scenario import scripts
from accord.scenario.names_data import REGIONAL_POOLS
from accord.scenario.names_foreign import FOREIGN_POOLS

__all__ = ["COHORTS", "Name", "NamePool", "pool", "regional_name"]

#: Birth-year cohorts for first names (names are drawn conditional on the birth year).
COHORTS = (("old", 0, 1969), ("mid", 1970, 1994), ("young", 1995, 9999))

# Weight of the name of rank r (0-based) is 1 / (r + 1) ** _ZIPF: earlier names are commoner.
_ZIPF = 0.7


@dataclass(frozen=True, slots=True)
class Name:
    """One name in the spellings used across the region."""

    native: str  # as in the bearer's own civil register (Macedonian names in Cyrillic)
    latin: str  # as in the bearer's passport (Latin script)
    variants: tuple[str, ...]  # ASCII romanizations used by other clerks, commonest first
    slavic: str  # Serbo-Croatian Latin, as written by ear
    albanian: str  # Albanian spelling
    sr_cyr: str  # Serbian Cyrillic
    mk_cyr: str  # Macedonian Cyrillic
    macedonian: bool = False  # native script is Macedonian Cyrillic


def _dedupe(values: list[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return tuple(seen)


@lru_cache(maxsize=4096)
def regional_name(text: str, script: str) -> Name:
    if script == "mk":
        latin = scripts.mk_latin(text)
        slavic = scripts.slavic_from_mk_cyr(text)
        return Name(
            native=text,
            latin=latin,
            variants=_dedupe([latin, scripts.ascii_fold(slavic)]),
            slavic=slavic,
            albanian=latin,
            sr_cyr=scripts.sr_cyr_from_mk_cyr(text),
            mk_cyr=text,
            macedonian=True,
        )
    if script == "albanian":
        slavic = scripts.slavic_from_albanian(text)
        albanian = text
        variants = [scripts.ascii_fold(text)]
    elif script == "english":
        slavic = scripts.slavic_from_english(text)
        albanian = text
        variants = [text]
    else:  # Serbo-Croatian Latin
        slavic = text
        albanian = scripts.albanian_from_slavic(text)
        variants = [scripts.ascii_fold(text), scripts.ascii_fold(text, dj=False)]
    return Name(
        native=text,
        latin=text,
        variants=_dedupe(variants),
        slavic=slavic,
        albanian=albanian,
        sr_cyr=scripts.sr_cyr(slavic),
        mk_cyr=scripts.mk_cyr_from_slavic(slavic),
    )


def _foreign_name(line: str, script: str) -> tuple[Name, str | None]:
    parts = [part.strip() for part in line.split("|")]
    romanizations = [value.strip() for value in parts[0].split("/")]
    first = romanizations[0]
    sex: str | None = None
    if ":" in first:
        first, sex = first.split(":")
        romanizations[0] = first
    slavic = parts[1] if len(parts) > 1 and parts[1] else ""
    albanian = parts[2] if len(parts) > 2 and parts[2] else ""
    if script == "turkish":
        slavic = slavic or scripts.slavic_from_turkish(first)
        albanian = albanian or scripts.albanian_from_turkish(first)
    slavic = slavic or scripts.slavic_from_english(first)
    albanian = albanian or scripts.albanian_from_slavic(slavic)
    variants = _dedupe([scripts.ascii_fold(value) for value in romanizations])
    name = Name(
        native=first,
        latin=first,
        variants=variants,
        slavic=slavic,
        albanian=albanian,
        sr_cyr=scripts.sr_cyr(slavic),
        mk_cyr=scripts.mk_cyr_from_slavic(slavic),
    )
    return name, sex


class _Weighted:
    """Names with cumulative weights, drawn by bisection."""

    __slots__ = ("cumulative", "names", "total")

    def __init__(self, names: list[Name]) -> None:
        self.names = names
        running = 0.0
        self.cumulative: list[float] = []
        for rank in range(len(names)):
            running += 1.0 / (rank + 1) ** _ZIPF
            self.cumulative.append(running)
        self.total = running

    def draw(self, rng: random.Random) -> Name:
        return self.names[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


def _female_mk(surname: str) -> str:
    for male, female in (("ски", "ска"), ("ов", "ова"), ("ев", "ева")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


class NamePool:
    """The surnames and first names of one naming tradition."""

    def __init__(self, pool_id: str) -> None:
        self.id = pool_id
        self.foreign = pool_id in FOREIGN_POOLS
        self._first: dict[tuple[str, str], _Weighted] = {}
        if self.foreign:
            spec = FOREIGN_POOLS[pool_id]
            script = spec["script"]
            by_sex: dict[str, list[Name]] = {"M": [], "F": []}
            for line in _lines(spec["surnames"]):
                name, sex = _foreign_name(line, script)
                for bearer in ("M", "F"):
                    if sex in (None, bearer):
                        by_sex[bearer].append(name)
            self._surnames = {sex: _Weighted(names) for sex, names in by_sex.items()}
            for sex, field in (("M", "male"), ("F", "female")):
                names = [_foreign_name(line, script)[0] for line in _lines(spec[field])]
                for cohort, _, _ in COHORTS:
                    self._first[(sex, cohort)] = _Weighted(names)
        else:
            spec = REGIONAL_POOLS[pool_id]
            script = spec["script"]
            words = [word.replace("_", " ") for word in spec["surnames"].split()]
            male = [regional_name(word, script) for word in words]
            female_words = [_female_mk(word) for word in words] if script == "mk" else words
            female = [regional_name(word, script) for word in female_words]
            self._surnames = {"M": _Weighted(male), "F": _Weighted(female)}
            for sex, field in (("M", "male"), ("F", "female")):
                for cohort, _, _ in COHORTS:
                    names = [
                        regional_name(word.replace("_", " "), script)
                        for word in spec[f"{field}_{cohort}"].split()
                    ]
                    self._first[(sex, cohort)] = _Weighted(names)

    def surname(self, rng: random.Random, sex: str) -> Name:
        return self._surnames[sex].draw(rng)

    def surname_for(self, family: Name, sex: str) -> Name:
        """The form of a family's surname that a member of ``sex`` bears (-ски/-ска)."""
        if not family.macedonian:
            return family
        base = family.native
        if sex == "F":
            return regional_name(_female_mk(base), "mk")
        for female, male in (("ска", "ски"), ("ова", "ов"), ("ева", "ев")):
            if base.endswith(female):
                return regional_name(base[: -len(female)] + male, "mk")
        return family

    def first_name(self, rng: random.Random, sex: str, birth_year: int) -> Name:
        for cohort, start, end in COHORTS:
            if start <= birth_year <= end:
                return self._first[(sex, cohort)].draw(rng)
        raise AssertionError(birth_year)  # pragma: no cover - cohorts cover every year


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


@cache
def pool(pool_id: str) -> NamePool:
    """The name pool ``pool_id`` (a regional pool id or a foreign pool id), built once."""
    return NamePool(pool_id)
