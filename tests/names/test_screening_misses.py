"""Misses found by screening: Arabic ج in every romanization, Chowdhury, nisba forms."""

from __future__ import annotations

from itertools import combinations

import pytest

from accord.names import compare, name_features, names_in_common
from accord.names.evaluate import load_pairs, unknown_name_scores

JABURI = ("Al-Jaburi", "Ал Џубури", "Al-Djaburi", "El Gaburi", "الجبوري")


@pytest.mark.parametrize(("a", "b"), list(combinations(JABURI, 2)))
def test_arabic_jim_written_j_dz_dj_or_g(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.match, (a, b, result)
    assert result.score >= 0.95


def test_jim_spellings_meet_under_one_linkage_key() -> None:
    lexemes = {name_features(None, name).last_lexeme for name in JABURI}
    assert len(lexemes) == 1
    assert compare("Маџид", "Majid").match
    assert compare("Gamil Hassan", "Jamil Hassan").match


def test_jim_reading_only_for_arabic_names_written_with_j() -> None:
    # Goran stays Goran; a typing error in Güneş is not read as Yunis (whose j is a y)
    assert name_features("Goran", None).first_lexeme != name_features("Joran", None).first_lexeme
    assert ":" not in name_features("Güneeş", None).first_lexeme
    assert compare("Esra Güneeş", "Esra Güneş").score < compare("Esra Güneş", "Esra Güneş").score
    # a Bosnian Džana is not the Slavic Jana
    assert not compare("Džana", "Jana").match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Chowdhury", "Choudhury"),
        ("Chowdhury", "Coudri"),
        ("Choudhury", "Coudri"),
        ("Rahim Chaudhry", "Rahim Chowdhury"),
    ],
)
def test_chowdhury_spellings(a: str, b: str) -> None:
    assert compare(a, b).match


def test_ow_before_a_consonant_keeps_the_slavic_reading() -> None:
    assert compare("Grabowski", "Grabovski").match
    assert compare("Marek Kowalski", "Marek Kovalski").match


def test_nisba_is_not_the_same_name_nor_a_contradiction() -> None:
    alone = compare("Ahmad", "Ahmadi")
    assert not alone.match
    assert "a name and its nisba (-i) form, not the same name: Ahmad / Ahmadi" in alone.reasons
    assert not compare("Ahmed Ali", "Ahmadi Ali").match
    assert not compare("Hasan Krasniqi", "Hasani Krasniqi").match
    # weakly against, not as strongly as a different name: a third agreeing part can carry it
    nisba = compare("Ali Ahmad Karimi", "Ali Ahmadi Karimi")
    different = compare("Ali Ahmad Karimi", "Ali Mahmud Karimi")
    assert nisba.match and not different.match
    # a typing error that ends in -i is not a nisba
    assert compare("Driton Dervishi", "Driton Dervihi").match


def test_gender_forms_still_apart() -> None:
    assert not compare("Aleksandar Petrovski", "Aleksandra Petrovska").match
    assert not compare("Petrovski", "Petrovska").match
    assert not compare("Jamil Haddad", "Jamila Haddad").match
    assert not compare("Džemal Hodžić", "Džemila Hodžić").match


def test_unknown_name_scores_withhold_the_pairs_names_and_restore_them() -> None:
    pairs = [p for p in load_pairs("dev") if p.category == "different-persons-similar-names"][:40]
    before = [compare(p.name_a, p.name_b).score for p in pairs]
    withheld = unknown_name_scores(pairs)
    # without the lexicon some of these different names look like spellings of one name
    assert sum(s >= 0.5 for s in withheld) > sum(s >= 0.5 for s in before)
    assert [compare(p.name_a, p.name_b).score for p in pairs] == before


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zahra Mohammadi", "Захра Мухамеди"),
        ("Sadaf Mohammadi", "Sadaf Muhamedi"),
        ("Ajmal Mohammadi", "Аџмал Мухамеди"),
        ("Nargis Mohammadi", "Наргис Мухамеди"),
    ],
)
def test_one_nisba_in_two_spellings_of_its_name(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.match and result.score >= 0.95, (a, b, result)


def test_nisbas_of_different_names_stay_apart() -> None:
    assert not compare("Ahmadi", "Mohammadi").match
    assert not compare("Zahra Karimi", "Zahra Rahimi").match
    # a name beside a nisba formed on another spelling of it is still only a nisba
    assert not compare("Muhamed", "Mohammadi").match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohamed El Khatib", "Мухаед Ал Хатиб"),
        ("Mohammad Hakimi", "Мухмаед Хакими"),
        ("Hyader Kasim", "Hajdar Kasim"),
    ],
)
def test_a_slip_in_another_romanization_of_an_arabic_name(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.match, (a, b, result)


def test_a_slip_from_a_slavic_name_is_not_read_across_its_spellings() -> None:
    # Mario is one letter from Maria, a spelling of Marija: the last letter is the gender
    assert not compare("Mario", "Марија").match
    assert not compare("Mario Petrović", "Marija Petrović").match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Klea Šehu", "Klea Shhu"),  # the reading of Shhu is "su": two letters
        ("Ibrahim Al Haan", "Ibrahim Al Hasan"),  # Haan reads "han"
        ("Mustafa Al Tammii", "Мустафа Ал Тамими"),  # Tammii reads "tami": not a shorter stem
    ],
)
def test_a_typing_slip_that_a_reading_shortens_is_still_a_slip(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.match, (a, b, result)


def test_a_suffix_that_adds_letters_still_makes_another_surname() -> None:
    assert not compare("Arben Hoxha", "Arben Hoxhaj").match
    assert not compare("Mustafa Tami", "Mustafa Tamimi").match


@pytest.mark.parametrize(
    ("a", "b", "common"),
    [
        ("Basir Safi", "Басир Фахим", 1),  # the surname replaced
        ("Ali Ahmad", "Али Ахмади", 1),  # a nisba is no name in common
        ("Ahmad Ali", "Ali Ahmad", 2),
        ("Petar Petrović", "Marko Marković", 0),
        ("J. Smith", "John Brown", 0),  # an initial is not a name
    ],
)
def test_names_in_common_counts_the_tokens_that_pair_as_one_name(
    a: str, b: str, common: int
) -> None:
    assert names_in_common(a, b) == common
    assert names_in_common(b, a) == common
