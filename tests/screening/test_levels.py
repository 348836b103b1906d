"""The scorer's levels in Python agree with the SQL levels the weights were trained on; the
identifier folds and date readings behave as documented."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.screening.dates import BirthDate, parse_birth_date
from accord.screening.identifiers import IdentifierKind, fold_identifier
from accord.screening.levels import dob_level, document_level, exact_level, name_level
from accord.screening.model import default_model

DATES = [
    BirthDate(),
    BirthDate(1985),
    BirthDate(1985, 3),
    BirthDate(1985, 3, 12),
    BirthDate(1985, 12, 3),
    BirthDate(1986, 3, 12),
    BirthDate(1985, 1, 1),
    BirthDate(1984),
    BirthDate(1985, 4, 12),
    BirthDate(1986, 3),
]
NAMES = [
    "Petar Petrović",
    "Петар Петровић",
    "Petar Petorvic",
    "Marko Petrović",
    "Aleksandra Petrović",
    "Mohammed al-Tamimi",
    "محمد التميمي",
    "Ana",
]


def test_python_levels_equal_the_trained_sql_levels() -> None:
    pytest.importorskip("numpy")  # DuckDB's Python functions need it
    duckdb = pytest.importorskip("duckdb")
    from accord.screening.train import _comparisons, _register_name_function

    con = duckdb.connect()
    _register_name_function(con)
    rows = []
    for (a, b), (da, db) in itertools.product(
        itertools.combinations(NAMES, 2), itertools.product(DATES, DATES)
    ):
        rows.append(
            (
                a,
                b,
                da.year or None,
                da.month or None,
                da.day or None,
                db.year or None,
                db.month or None,
                db.day or None,
            )
        )
    con.execute(
        "CREATE TABLE p (full_name_l VARCHAR, full_name_r VARCHAR, dob_y_l INT, "
        "dob_m_l INT, dob_d_l INT, dob_y_r INT, dob_m_r INT, dob_d_r INT)"
    )
    con.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    comparisons = {c.create_output_column_name(): c for c in _comparisons()}
    for name in ("name", "dob"):
        levels = comparisons[name].create_comparison_levels()
        cases = " ".join(
            f"WHEN {lvl.create_sql('duckdb')} THEN '{lvl.create_label_for_charts()}'"
            for lvl in levels
            if lvl.create_sql("duckdb") != "ELSE"
        )
        sql = f"SELECT *, CASE {cases} ELSE 'else' END FROM p"
        for row in con.execute(sql).fetchall():
            a, b, ya, ma, da, yb, mb, db, label = row
            if name == "name":
                expected = name_level(a, b)[0]
            else:
                expected = dob_level(
                    BirthDate(ya or 0, ma or 0, da or 0), BirthDate(yb or 0, mb or 0, db or 0)
                )
            assert (expected or "null") == label, row


def test_weights_are_log2_m_over_u_of_the_saved_splink_model() -> None:
    model = default_model()
    for comparison in model.splink["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level") or not level.get("u_probability"):
                continue
            weight = math.log2(level["m_probability"] / level["u_probability"])
            found = model.weight(comparison["output_column_name"], level["label_for_charts"])
            assert found == pytest.approx(max(-20.0, min(20.0, weight)))
    assert model.high > model.review
    assert model.band(model.high) == "high" and model.band(model.review) == "review"
    assert model.band(model.review - 0.01) is None


def test_dob_levels() -> None:
    full = BirthDate(1985, 3, 12)
    assert dob_level(full, full) == "exact"
    assert dob_level(full, BirthDate(1985, 12, 3)) == "swap"
    assert dob_level(full, BirthDate(1985)) == "partial"
    assert dob_level(full, BirthDate(1985, 1, 1)) == "partial"  # the 1 January placeholder
    assert dob_level(full, BirthDate(1986, 3, 12)) == "year_off"
    assert dob_level(full, BirthDate(1990, 3, 12)) == "else"
    assert dob_level(full, BirthDate()) is None
    assert exact_level("RS", "RS") == "exact" and exact_level("RS", None) is None
    assert document_level(frozenset({1}), frozenset({1, 2})) == "exact"
    assert document_level(frozenset({1}), frozenset({2})) == "else"
    assert document_level(frozenset(), frozenset({2})) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-03-12", BirthDate(1985, 3, 12)),
        ("12.03.1985.", BirthDate(1985, 3, 12)),
        ("12/03/1985", BirthDate(1985, 3, 12)),
        ("1985.03.12.", BirthDate(1985, 3, 12)),
        ("00.00.1975", BirthDate(1975)),
        ("1990-07", BirthDate(1990, 7)),
        ("31-02-1990", BirthDate(1990)),
        ("yesterday", BirthDate()),
        ("", BirthDate()),
    ],
)
def test_birth_dates(text: str, expected: BirthDate) -> None:
    assert parse_birth_date(text) == expected


def test_identifier_folds() -> None:
    def strict(kind: IdentifierKind, value: str) -> str | None:
        found = fold_identifier(kind, value)
        return found.strict if found else None

    assert strict(IdentifierKind.DOCUMENT, "КО 123-4567") == strict(
        IdentifierKind.DOCUMENT, "k01234567"
    )
    assert strict(IdentifierKind.VEHICLE, "NG 649 РR") == strict(IdentifierKind.VEHICLE, "NG649PR")
    assert strict(IdentifierKind.FIREARM, "68O335") == strict(IdentifierKind.FIREARM, "680335")
    assert strict(IdentifierKind.DOCUMENT, "Il1O0") == "11100"
    loose = fold_identifier(IdentifierKind.DOCUMENT, "BS7654321")
    assert loose is not None and loose.loose == "857654321" and loose.strict == "BS7654321"
    assert strict(IdentifierKind.PHONE, "00381 64 123 4567") == "381641234567"
    assert strict(IdentifierKind.IBAN, "rs35 2600 0560 1001 6113 79") == "RS35260005601001611379"
    assert fold_identifier(IdentifierKind.DOCUMENT, "AB1") is None  # too short to index


@given(
    st.text(alphabet="ABCDEFGHJKMNPRTUVWXY0123456789OIL", min_size=5, max_size=12),
    st.sampled_from([" ", "-", ".", "/", ""]),
)
def test_fold_ignores_case_separators_and_is_stable(value: str, separator: str) -> None:
    written = separator.join(value.lower())
    a = fold_identifier(IdentifierKind.DOCUMENT, value)
    b = fold_identifier(IdentifierKind.DOCUMENT, written)
    assert a is not None and b is not None and a.strict == b.strict
    again = fold_identifier(IdentifierKind.DOCUMENT, a.strict)
    assert again is not None and again.strict == a.strict
