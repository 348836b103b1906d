"""Foreign names as Serbian and Macedonian Cyrillic transcribe them by sound.

Serbian orthography (Pravopis srpskoga jezika, rules of transcription) writes the j of English
and of romanized Arabic, Persian and Indian names as Џ (John -> Џон, Jamal -> Џамал), the French
j as Ж (Jean -> Жан), kh as Х or, in names naturalised long ago, К (Genghis Khan -> Џингис-кан),
and a doubled consonant once (Abdullah -> Абдулах).
"""

from __future__ import annotations

import pytest

from accord.names import compare


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Rajesh", "Раџеш"),  # English j -> џ
        ("Arjun Singh", "Арџун Синг"),
        ("Vijay", "Виџај"),
        ("Anjali", "Анџали"),
        ("Hajar", "Хаџар"),  # Arabic ج -> џ
        ("Ajmal", "Аџмал"),  # a known Arabic name whose j is a glide before m
        ("Khan", "Кан"),  # kh -> к
        ("Rohullah", "Рухулах"),  # -ullah written -улах, o/u as romanizations swap them
        ("Hamidullah", "Хамидулах"),
    ],
)
def test_cyrillic_transcription_of_foreign_names_matches(latin: str, cyrillic: str) -> None:
    result = compare(latin, cyrillic)
    assert result.match, (latin, cyrillic, result)
    assert result.score >= 0.85


def test_transcription_is_named_in_the_reasons() -> None:
    reasons = compare("Rajesh", "Раџеш").reasons
    assert "a foreign name as Serbian transcription writes it: Rajesh / Radžeš" in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Džana", "Jana"),  # Џ and Ј are different letters in Slavic names
        ("Ivan", "Ivana"),  # a gender form stays different in any script
        ("Иван", "Ivana"),
        ("Rajesh", "Раџеша"),  # a letter more is not a transcription
    ],
)
def test_transcription_does_not_join_different_names(a: str, b: str) -> None:
    assert not compare(a, b).match, compare(a, b)


def test_slavic_letters_are_not_transcribed() -> None:
    # a spelling with č ć š ž đ is already Slavic: its j is the Slavic j, not an English one
    assert not compare("Jašar", "Džašar").match
