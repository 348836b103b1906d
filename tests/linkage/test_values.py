"""Reading the non-name fields: dates of birth, sex, nationality, document numbers."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from accord.linkage.values import birth_date_parts, document_numbers, nationality_code, sex_code


def _dates(*values: str | None) -> list[tuple[str | None, str]]:
    frame = birth_date_parts(
        pl.DataFrame({"birth_date": list(values)}, schema={"birth_date": pl.Utf8})
    )
    return list(zip(frame["dob"].to_list(), frame["dob_status"].to_list(), strict=True))


def test_full_and_partial_dates_in_the_regions_layouts() -> None:
    assert _dates("1980-05-12", "12.05.1980.", "12/05/1980", "1980.05.12.", "2001-1-5") == [
        ("1980-05-12", "full"),
        ("1980-05-12", "full"),
        ("1980-05-12", "full"),
        ("1980-05-12", "full"),
        ("2001-01-05", "full"),
    ]
    assert _dates("1985", "1985-07", "07.1985") == [
        ("1985", "year"),
        ("1985-07", "month"),
        ("1985-07", "month"),
    ]


def test_zero_day_and_month_mean_unknown() -> None:
    assert _dates("00.00.1985", "00/00/1985", "1985.00.00.", "00.07.1985") == [
        ("1985", "year"),
        ("1985", "year"),
        ("1985", "year"),
        ("1985-07", "month"),
    ]


def test_impossible_dates_keep_their_year_and_garbage_is_unknown() -> None:
    assert _dates("31-02-1990", "1990-02-30", "1990-13-01") == [("1990", "repaired")] * 3
    assert _dates("abc", "0000", "12.05.3000", "😀", "", None) == [
        (None, "unreadable"),
        (None, "unreadable"),
        (None, "unreadable"),
        (None, "unreadable"),
        (None, "empty"),
        (None, "empty"),
    ]


@given(st.text(max_size=40))
def test_any_text_is_read_without_error_and_never_drops_the_row(text: str) -> None:
    frame = birth_date_parts(pl.DataFrame({"birth_date": [text, "1980-01-02"]}))
    assert frame.height == 2
    assert frame["dob"][1] == "1980-01-02"


def test_sex_and_nationality_codes() -> None:
    frame = pl.DataFrame(
        {"sex": ["m", "Ж", "female", "x", None], "nat": ["SRB", "XKX", "sy", "RKS", None]}
    ).select(sex=sex_code("sex"), nat=nationality_code("nat"))
    assert frame["sex"].to_list() == ["M", "F", "F", None, None]
    assert frame["nat"].to_list() == ["RS", "XK", "SY", "XK", None]


def test_document_numbers_fold_look_alike_characters() -> None:
    frame = pl.DataFrame(
        {"doc": ["P-0123 4567", "РО1234567;AB1", "N12345O78|n1234so78", "", None]}
    ).select(docs=document_numbers("doc"))
    docs = frame["docs"].to_list()
    assert docs[0] == ["P01234567"]
    # Cyrillic Р and О read as Latin P and O, then O folded to 0; too short a number dropped
    assert docs[1] == ["P01234567"]
    # O/0 and S/5 misreadings of one number give one key
    assert docs[2] == ["N12345078"]
    assert docs[3] is None and docs[4] is None
