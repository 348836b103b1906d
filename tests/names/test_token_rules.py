"""Each rule of the token comparison, on the features a token's analysis works out once."""

from __future__ import annotations

import pytest

from accord.names.compare import name_tokens
from accord.names.similarity import match_tokens


def _kind(a: str, b: str) -> tuple[float, str]:
    first, second = name_tokens(a).tokens[0], name_tokens(b).tokens[0]
    found = match_tokens(first, second)
    assert tuple(match_tokens(second, first)) == tuple(found)  # symmetric
    return found.score, found.kind


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Hasani", "Hasan", "nisba"),  # a stem among the other's readings
        ("Ahmadi", "Ahmed", "nisba"),  # through the lexicon: both forms are known names
        ("Hoxha", "Hoxhaj", "nisba"),
        ("Mohammadi", "Muhamedi", "nisba-variant"),  # one known name under both -i forms
        ("Мухамеди", "Mohammadi", "nisba-variant"),
        ("Alali", "Ali", "article"),  # the article written on
        ("Aldouri", "الدوري", "article"),  # ... and compared by consonants
        ("Rajesh", "Раџеш", "transcription"),  # Serbian Cyrillic writes it by sound
        ("Jean", "Жан", "transcription"),
        ("Niyonzima", "Nijonzima", "equivalent"),  # a reading in common
        ("Dervihi", "Dervih", "different"),  # a typing error is not read as a nisba
    ],
)
def test_each_rule_finds_its_pairs(a: str, b: str, kind: str) -> None:
    assert _kind(a, b)[1] == kind


def test_rules_do_not_reach_unrelated_tokens() -> None:
    score, kind = _kind("Eleni", "Živković")
    assert kind == "fuzzy"
    assert score < 0.5
