"""Name pools of the migrants' countries of origin and of the cocaine-route countries.

Each line is one name: ``Romanization1/Romanization2/... | Slavic | Albanian``. The romanizations
are the spellings found in passports and in English-language records, most common first (for
Turkish and Spanish names the first is the native spelling with its diacritics). The Slavic form
is what a Serbo-Croatian-speaking clerk writes by ear (Mohammed -> Muhamed, Youssef -> Jusuf);
the Albanian form what an Albanian clerk writes (Hussein -> Hysen). Empty forms are derived by the
rules in :mod:`accord.scenario.scripts`. A ``:M`` or ``:F`` after a surname restricts it to one
sex (Singh, Kaur, Akter, Begum).

Sources (public facts, shared/reference/domain-facts.md §7.2-7.3): names-dataset frequency ranks
used only to order the lists, Faker locale lists (tr_TR, en_PK, en_IN), romanization variants
(Muhammad / Mohammed / Mohamed / Muhamed; Hussein / Hossein / Hüseyin / Husejn; Yusuf / Youssef /
Jusuf; al-/el- articles; Maghreb French forms; Afghans without inherited surnames).
"""

from __future__ import annotations

from accord.scenario import names_asia, names_other

__all__ = ["FOREIGN_POOLS", "POOL_OF_COUNTRY"]

#: pool id -> field -> lines of names.
FOREIGN_POOLS: dict[str, dict[str, str]] = {**names_asia.POOLS, **names_other.POOLS}

#: Country (ISO 3166 alpha-2) -> name pool of its nationals.
POOL_OF_COUNTRY: dict[str, str] = {
    "SY": "levant",
    "IQ": "levant",
    "AF": "afghan",
    "IR": "iranian",
    "TR": "turkish",
    "MA": "maghreb",
    "TN": "maghreb",
    "PK": "south_asian",
    "BD": "south_asian",
    "IN": "indian",
    "BI": "burundian",
    "CU": "hispanic",
    "EC": "hispanic",
    "CO": "hispanic",
}
