"""Male and female forms are different names and never match."""

from __future__ import annotations

from accord.names import compare, gender_forms


def test_gender_rules() -> None:
    assert gender_forms("aleksandar", "aleksandra")
    assert gender_forms("ivana", "ivan")
    assert gender_forms("petrovski", "petrovska")
    assert gender_forms("petrov", "petrova")
    assert gender_forms("dimitriev", "dimitrieva")
    assert gender_forms("putin", "putina")
    assert gender_forms("zlatko", "zlatka")
    assert gender_forms("dusan", "dusanka")
    assert gender_forms("jamil", "jamila")


def test_not_gender_forms() -> None:
    assert not gender_forms("jovanovic", "jovanovic")
    assert not gender_forms("marko", "mirko")
    assert not gender_forms("drita", "drite")  # Albanian definite / indefinite
    assert not gender_forms("hoxha", "hoxhe")
    assert not gender_forms("al", "ala")


def test_male_and_female_forms_do_not_match() -> None:
    for a, b in [
        ("Aleksandar Vučić", "Aleksandra Vučić"),
        ("Ivan Petrov", "Ivana Petrova"),
        ("Ivan Jovanović", "Ivana Jovanović"),
        ("Petar Petrovski", "Petra Petrovska"),
        ("Goran Stojanovski", "Gorana Stojanovska"),
        ("Александар Петровски", "Aleksandra Petrovska"),
        ("Jamil Haddad", "Jamila Haddad"),
        ("Agim Gashi", "Agime Gashi"),
        ("Dušan Ilić", "Dušanka Ilić"),
    ]:
        result = compare(a, b)
        assert not result.match, (a, b)
        assert any("gender form" in reason for reason in result.reasons), result.reasons


def test_gender_reason_names_the_part() -> None:
    assert compare("Aleksandar Vučić", "Aleksandra Vučić").reasons[0] == (
        "given names differ by gender form: Aleksandar / Aleksandra"
    )
    reasons = compare("Ana Petrovski", "Ana Petrovska").reasons
    assert "surnames differ by gender form: Petrovski / Petrovska" in reasons


def test_a_swap_that_looks_like_a_gender_form_is_a_typo_for_unknown_names() -> None:
    # Esra is a known female name, "Esar" is not a name: a swapped pair of letters
    assert compare("Esra Kurt", "Esar Kurt").match


def test_o_and_a_forms_and_known_exceptions() -> None:
    assert not compare("Mario Rossi", "Maria Rossi").match
    assert not compare("Zlatko Ilić", "Zlatka Ilić").match
    # Đura is a man's name too, a form of Đuro: the lexicon knows them as one name
    assert compare("Đuro Ilić", "Đura Ilić").match
