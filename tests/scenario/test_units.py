"""Spelling rules, identifiers, keys and errors, checked on their own."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from accord.scenario import documents, noise, scripts
from accord.scenario.catalogue import convention
from accord.scenario.conventions import ErrorRates
from accord.scenario.namebank import pool
from accord.scenario.persons import spell
from accord.scenario.rng import KeyMaker, derive_seed


def test_serbian_and_macedonian_scripts() -> None:
    assert scripts.sr_cyr("Đorđević") == "Ђорђевић"
    assert scripts.sr_cyr("Ljiljana Njegoš Džajić") == "Љиљана Његош Џајић"
    assert scripts.mk_latin("Ѓорѓиевски") == "Gjorgjievski"
    assert scripts.slavic_from_mk_cyr("Ѓорѓиевски") == "Đorđievski"
    assert scripts.sr_cyr_from_mk_cyr("Ѓорѓиевски") == "Ђорђиевски"
    assert scripts.ascii_fold("Đorđević") == "Djordjevic"
    assert scripts.ascii_fold("ĐORĐEVIĆ") == "DJORDJEVIC"
    assert scripts.ascii_fold("Đorđević", dj=False) == "Dordevic"


def test_albanian_and_slavic_spellings() -> None:
    assert scripts.slavic_from_albanian("Krasniqi") == "Krasnići"
    assert scripts.slavic_from_albanian("Hoxha") == "Hodža"
    assert scripts.slavic_from_albanian("Berisha") == "Beriša"
    assert scripts.albanian_from_slavic("Jovanović") == "Jovanoviq"
    assert scripts.strip_albanian("Gëzim Çela") == "Gezim Cela"
    assert scripts.slavic_from_turkish("Hüseyin Yılmaz") == "Husejin Jilmaz"
    assert scripts.slavic_from_english("Youssef") == "Jusef"
    assert scripts.slavic_from_english("Al-Shammari") == "Al Šamari"


def test_each_registrar_spells_mohammed_its_own_way() -> None:
    names = pool("levant")
    mohammed = next(n for n in names._first[("M", "mid")].names if n.native == "Mohammed")
    assert spell(mohammed, convention("BA-BP"), False, True, False, 0) == "Muhamed"
    assert spell(mohammed, convention("RS-GP"), True, True, False, 0) == "Мухамед"
    assert spell(mohammed, convention("GB-BF"), False, True, True, 2) == "Mohamed"
    assert spell(mohammed, convention("HU-ORFK"), False, True, True, 0) == "MOHAMMED"


def test_macedonian_surnames_have_female_forms() -> None:
    names = pool("mk")
    rng = random.Random(1)
    family = names.surname(rng, "M")
    assert names.surname_for(family, "F").native.endswith(("ска", "ова", "ева")) or (
        family.native[-1] not in "иов"
    )


def _jmbg_valid(number: str) -> bool:
    weights = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    control = 11 - sum(int(d) * w for d, w in zip(number[:12], weights, strict=True)) % 11
    return int(number[12]) == (0 if control == 11 else control)


@given(st.integers(0, 10**6), st.dates(date(1930, 1, 1), date(2020, 12, 31)))
def test_jmbg_control_digit(seed: int, born: date) -> None:
    number = documents.jmbg(random.Random(seed), born, "F", "RS")
    assert len(number) == 13 and number.startswith(f"{born.day:02d}{born.month:02d}")
    assert int(number[9:12]) >= 500
    assert _jmbg_valid(number)


@given(st.integers(0, 10**6))
def test_imo_and_container_check_digits(seed: int) -> None:
    rng = random.Random(seed)
    imo = documents.imo_number(rng)[3:]
    assert sum(int(d) * w for d, w in zip(imo[:6], range(7, 1, -1), strict=True)) % 10 == int(
        imo[6]
    )
    container = documents.container_number(rng)
    assert len(container) == 11 and container[3] == "U"


@given(st.sets(st.integers(0, 10**9), min_size=2, max_size=200), st.integers(0, 1000))
def test_keys_are_unique_per_dataset(numbers: set[int], seed: int) -> None:
    maker = KeyMaker(seed)
    keys = {maker.key("RS/border_persons", "RS-GP", number) for number in numbers}
    assert len(keys) == len(numbers)


def test_seeds_are_stable_across_processes() -> None:
    assert derive_seed(1, "migration", 0) == derive_seed(1, "migration", 0)
    assert derive_seed(1, "migration", 0) != derive_seed(1, "migration", 1)


@given(st.text(min_size=4, max_size=30), st.integers(0, 1000))
def test_a_typo_changes_one_letter_at_most(text: str, seed: int) -> None:
    result = noise.typo(random.Random(seed), text)
    assert abs(len(result) - len(text)) <= 1
    assert result[0] == text[0]


def test_lookalike_characters() -> None:
    rng = random.Random(4)
    assert noise.lookalike(rng, "AB0123") != "AB0123"
    assert noise.lookalike(rng, "xyz") == "xyz"


def test_birth_dates_with_the_stated_errors() -> None:
    rng = random.Random(9)
    born = date(1990, 3, 12)
    values = [noise.birth_date_text(rng, born, True, "dmy_dot", ErrorRates()) for _ in range(4000)]
    assert values.count("12.03.1990") > 3500
    assert "1990" in values and "1990-03" in values and "03.12.1990" in values and "" in values
    unknown = {noise.birth_date_text(rng, born, False, "dmy_dot", ErrorRates()) for _ in range(200)}
    assert unknown <= {"01.01.1989", "01.01.1990", "01.01.1991", "1989", "1990", "1991", ""}
