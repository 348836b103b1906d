"""The normalised columns of a link input, computed once per record and compared in SQL.

Name columns come from the names layer (:func:`accord.names.name_features`), computed once per
*distinct* given name and per distinct surname and joined back with polars: a million records
hold a few tens of thousands of distinct names. Everything else is a polars expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from accord.linkage.inputs import INPUT_COLUMNS, OPTIONAL_COLUMNS
from accord.linkage.values import (
    birth_date_parts,
    clean_text,
    document_numbers,
    nationality_code,
    phone_numbers,
    registration_day,
    sex_code,
)
from accord.names import canonical, name_features
from accord.names.gender import gender_rule, is_surname_form
from accord.names.similarity import token_info

__all__ = ["FEATURE_COLUMNS", "InputReport", "prepare"]

#: The columns Splink compares (besides ``unique_id``).
FEATURE_COLUMNS = (
    "first_lex", "first_lex1", "first_tok1", "first_canon", "first_known1", "first_gender",
    "first_male_forms", "first_skel", "last_lex", "last_lex1", "last_tok1", "last_canon",
    "last_known1", "last_skel", "last_male_forms", "full_lex", "st_key", "key_fs", "dob",
    "dob_year", "dob_month", "dob_day", "sex", "nationality", "docs", "doc1", "doc_shapes", "place",
    "father_lex1", "father_canon", "all_lex", "phones", "phone1", "reg_day",
)  # fmt: skip


@dataclass(frozen=True)
class InputReport:
    """What the reading of the input made of its values (nothing is dropped)."""

    records: int
    no_name: int
    dates_partial: int
    dates_repaired: int
    dates_unreadable: int

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _male_forms(reading: str, given: bool) -> list[str]:
    """The male forms a female reading is the female of (Aleksandra -> aleksandar)."""
    if len(reading) >= 5 and reading[-1] == "e":
        candidates = {reading[:-1]}  # Agime -> agim
    elif len(reading) < 4 or reading[-1] != "a":
        return []
    else:
        candidates = {reading[:-1], reading[:-1] + "o", reading[:-1] + "i"}
    if reading.endswith("ka"):
        candidates.add(reading[:-2])
    if reading.endswith("ra"):
        candidates.add(reading[:-2] + "ar")
    if reading.endswith("aja"):
        candidates.add(reading[:-3] + "i")
    found = []
    for male in sorted(candidates):
        rule = gender_rule(male, reading)
        if rule is None or not rule[1]:
            continue
        # Merjeme is the Albanian form of Merjem, itself a woman's name: not its female form
        if given and token_info(male).gender == "f":
            continue
        # Esra / Esar is a typing error unless the male form is a known name
        if rule[0] == "ar-ra" and not (given and token_info(male).lexemes):
            continue
        found.append(male)
    return found


def _first_token(text: str) -> str | None:
    return text.split(" ", 1)[0] if text else None


def _given_row(value: str) -> dict[str, object]:
    # an unknown token written with Serbian dž or Egyptian g for the j of an Arabic name (Маџид,
    # Gaburi) already reads as that name here (the names layer's reading of Arabic ج)
    features = name_features(value, None)
    lexemes, readings = features.first_lexeme, features.first_canon
    tok1 = _first_token(readings)
    lex1 = _first_token(lexemes)
    # the skeleton a surname would have: for records whose two names were swapped
    skeletons = name_features(None, value).last_skeleton.split(" ")
    return {
        "first_name": value,
        "first_lex": lexemes or None,
        "first_lex1": lex1,
        "first_tok1": tok1,
        "first_canon": readings or None,
        "first_known1": bool(lex1 and ":" in lex1),
        "first_gender": features.first_gender,
        "first_male_forms": _male_forms(tok1, True) if tok1 else [],
        "first_skel": skeletons[0] or None,
    }


def _family_row(value: str) -> dict[str, object]:
    features = name_features(None, value)
    lexemes, readings = features.last_lexeme, features.last_canon
    tok1 = _first_token(readings)
    lex1 = _first_token(lexemes)
    skeletons = [s for s in features.last_skeleton.split(" ") if s]
    return {
        "last_name": value,
        "last_lex": lexemes or None,
        "last_lex1": lex1,
        "last_tok1": tok1,
        "last_canon": readings or None,
        "last_known1": bool(lex1 and ":" in lex1),
        "last_skel": skeletons[0] if skeletons else None,
        "last_male_forms": _male_forms(tok1, False) if tok1 and is_surname_form(tok1) else [],
    }


_GIVEN_SCHEMA: dict[str, Any] = {
    "first_name": pl.Utf8, "first_lex": pl.Utf8, "first_lex1": pl.Utf8, "first_tok1": pl.Utf8,
    "first_canon": pl.Utf8, "first_known1": pl.Boolean, "first_gender": pl.Utf8,
    "first_male_forms": pl.List(pl.Utf8), "first_skel": pl.Utf8,
}  # fmt: skip
_FAMILY_SCHEMA: dict[str, Any] = {
    "last_name": pl.Utf8, "last_lex": pl.Utf8, "last_lex1": pl.Utf8, "last_tok1": pl.Utf8,
    "last_canon": pl.Utf8, "last_known1": pl.Boolean, "last_skel": pl.Utf8,
    "last_male_forms": pl.List(pl.Utf8),
}  # fmt: skip


def _name_table(values: pl.Series, given: bool) -> pl.DataFrame:
    distinct = values.drop_nulls().unique().to_list()
    build = _given_row if given else _family_row
    return pl.DataFrame(
        [build(v) for v in distinct], schema=_GIVEN_SCHEMA if given else _FAMILY_SCHEMA
    )


def _place_table(values: pl.Series) -> pl.DataFrame:
    distinct = values.drop_nulls().unique().to_list()
    return pl.DataFrame(
        {"birth_place": distinct, "place": [canonical(v) or None for v in distinct]},
        schema={"birth_place": pl.Utf8, "place": pl.Utf8},
    )


def _father_table(values: pl.Series) -> pl.DataFrame:
    rows = []
    for value in values.drop_nulls().unique().to_list():
        features = name_features(value, None)
        rows.append((value, _first_token(features.first_lexeme), features.first_canon or None))
    return pl.DataFrame(
        rows,
        schema={"father_name": pl.Utf8, "father_lex1": pl.Utf8, "father_canon": pl.Utf8},
        orient="row",
    )


def _sorted_readings() -> pl.Expr:
    tokens = (
        pl.concat_list(
            pl.col("first_canon").fill_null("").str.split(" "),
            pl.col("last_canon").fill_null("").str.split(" "),
        )
        .list.eval(pl.element().filter(pl.element() != ""))
        .list.sort()
    )
    return pl.when(tokens.list.len() > 0).then(tokens.list.join(" "))


def prepare(frame: pl.DataFrame) -> tuple[pl.DataFrame, InputReport]:
    """The link input with ``unique_id`` (its row number) and :data:`FEATURE_COLUMNS`."""
    for column in OPTIONAL_COLUMNS:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.Utf8).alias(column))
    text = [c for c in (*INPUT_COLUMNS, *OPTIONAL_COLUMNS) if c != "record_id"]
    base = frame.select(
        pl.int_range(0, frame.height, dtype=pl.Int64).alias("unique_id"),
        pl.col("record_id").cast(pl.Utf8),
        *(clean_text(c).alias(c) for c in text),
    )
    base = birth_date_parts(base, "birth_date")
    base = base.with_columns(
        sex=sex_code("sex"),
        nationality=nationality_code("nationality"),
        docs=document_numbers("document_number"),
        phones=phone_numbers("phone"),
        reg_day=registration_day("registered_on"),
    ).with_columns(
        doc1=pl.col("docs").list.first(),
        phone1=pl.col("phones").list.first(),
        # the kind of a number by its letters and digits (13 digits: a JMBG; A9999999: a
        # passport), so that two different numbers of one kind tell two people apart
        doc_shapes=pl.col("docs")
        .list.eval(pl.element().str.replace_all(r"\d", "9").str.replace_all(r"[^9]", "A"))
        .list.unique(),
    )
    base = base.join(_name_table(base["first_name"], True), on="first_name", how="left")
    base = base.join(_name_table(base["last_name"], False), on="last_name", how="left")
    base = base.join(_place_table(base["birth_place"]), on="birth_place", how="left")
    base = base.join(_father_table(base["father_name"]), on="father_name", how="left")
    base = base.with_columns(
        full_lex=pl.when(pl.col("first_lex").is_not_null() & pl.col("last_lex").is_not_null()).then(
            pl.concat_str("first_lex", "last_lex", separator=" ")
        ),
        st_key=_sorted_readings(),
        all_lex=pl.concat_list(
            pl.col("first_lex").fill_null("").str.split(" "),
            pl.col("last_lex").fill_null("").str.split(" "),
        ).list.eval(pl.element().filter(pl.element() != "")),
        key_fs=pl.when(pl.col("first_lex1").is_not_null() & pl.col("last_skel").is_not_null()).then(
            pl.concat_str("first_lex1", "last_skel", separator="|")
        ),
    ).sort("unique_id")
    report = InputReport(
        records=base.height,
        no_name=int(
            base.select((pl.col("first_lex").is_null() & pl.col("last_lex").is_null()).sum()).item()
        ),
        dates_partial=int(base.select(pl.col("dob_status").is_in(["year", "month"]).sum()).item()),
        dates_repaired=int(base.select((pl.col("dob_status") == "repaired").sum()).item()),
        dates_unreadable=int(base.select((pl.col("dob_status") == "unreadable").sum()).item()),
    )
    return base.select("unique_id", "record_id", "participant", *FEATURE_COLUMNS), report
