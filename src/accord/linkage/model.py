"""Accord's comparisons: what two records are compared on, level by level, as SQL on the
normalised columns of :mod:`accord.linkage.features`.

Plain data (Splink's settings-dictionary form), so that the model can be read, tested and stored
without Splink; :mod:`accord.linkage.splink_adapter` hands it to Splink. Levels go from the most
telling down; every level has a label in words, which becomes the evidence of a link.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "COMPARISONS",
    "CONTRADICTIONS",
    "EM_BLOCKING_RULES",
    "FIXED_M",
    "PRIOR_RULES",
    "SOFT_CONFLICTS",
    "STRONG_LEVELS",
    "comparison_fields",
    "comparisons_with_defaults",
    "shipped_parameters",
]


def _jw(a: str, b: str, at_least: float) -> str:
    return f"jaro_winkler_similarity({a}, {b}) >= {at_least}"


def _null(*columns: str) -> str:
    return " or ".join(f"{c}_l is null or {c}_r is null" for c in columns)


def _level(sql: str, label: str, **extra: Any) -> dict[str, Any]:
    return {"sql_condition": sql, "label_for_charts": label, **extra}


def _null_level(sql: str) -> dict[str, Any]:
    return {"sql_condition": sql, "label_for_charts": "unknown on one side", "is_null_level": True}


def _else() -> dict[str, Any]:
    # a new dict each time: one shared level object would take every comparison's parameters
    return {"sql_condition": "ELSE", "label_for_charts": "different"}


# Two different names that the lexicon knows (Hassan / Hussein, Petrović / Petković) are never
# "spelled alike", however close their letters.
_KNOWN_DIFFERENT_FIRST = "(first_known1_l and first_known1_r and first_lex1_l <> first_lex1_r)"
_KNOWN_DIFFERENT_LAST = "(last_known1_l and last_known1_r and last_lex1_l <> last_lex1_r)"
_FIRST_SAME = "first_lex1_l = first_lex1_r"
_LAST_SAME = "(last_lex_l = last_lex_r or last_lex1_l = last_lex1_r)"
_FIRST_ALIKE = (
    f"(not {_KNOWN_DIFFERENT_FIRST} and ({_jw('first_tok1_l', 'first_tok1_r', 0.88)}"
    f" or {_jw('first_canon_l', 'first_canon_r', 0.9)}))"
)
_LAST_ALIKE = (
    f"(not {_KNOWN_DIFFERENT_LAST} and ({_jw('last_tok1_l', 'last_tok1_r', 0.88)}"
    f" or {_jw('last_canon_l', 'last_canon_r', 0.9)}))"
)
_SWAPPED = "st_key_l = st_key_r or (first_lex1_l = last_lex1_r and last_lex1_l = first_lex1_r)"
_SWAPPED_ALIKE = (
    f"({_jw('first_tok1_l', 'last_tok1_r', 0.88)} and {_jw('last_tok1_l', 'first_tok1_r', 0.88)})"
)
#: Aleksandar / Aleksandra, Petrovski / Petrovska: two people, never a spelling variant (unless
#: the lexicon knows both as one name of one gender: Yasmin / Jasmina).
GENDER_FORMS = (
    "((list_contains(first_male_forms_l, first_tok1_r)"
    " or list_contains(first_male_forms_r, first_tok1_l))"
    " and first_lex1_l <> first_lex1_r and not coalesce(first_gender_l = first_gender_r, false))"
    " or ((list_contains(last_male_forms_l, last_tok1_r)"
    " or list_contains(last_male_forms_r, last_tok1_l)) and last_lex1_l <> last_lex1_r)"
    " or (first_gender_l <> first_gender_r and first_lex1_l <> first_lex1_r"
    f" and {_jw('first_tok1_l', 'first_tok1_r', 0.8)}"
    # Hala Hasan / Hasan Hala: one given name written as the other record's surname
    " and not list_contains(all_lex_r, first_lex1_l)"
    " and not list_contains(all_lex_l, first_lex1_r))"
)
#: Two given names the lexicon knows as different names, neither of which appears anywhere in
#: the other record's names (so not a swap, nor a father's name written as a given name).
KNOWN_DIFFERENT_GIVEN = (
    f"{_KNOWN_DIFFERENT_FIRST} and not list_contains(all_lex_r, first_lex1_l)"
    " and not list_contains(all_lex_l, first_lex1_r)"
)

#: Given names far apart in any reading (Nikola / Petar), neither appearing anywhere in the other
#: record's names, nor the names swapped between the fields.
CLEARLY_DIFFERENT_GIVEN = (
    "jaro_winkler_similarity(first_tok1_l, first_tok1_r) < 0.7"
    " and jaro_winkler_similarity(first_canon_l, first_canon_r) < 0.7"
    " and not list_contains(all_lex_r, first_lex1_l)"
    " and not list_contains(all_lex_l, first_lex1_r)"
    " and coalesce(jaro_winkler_similarity(first_tok1_l, last_tok1_r) < 0.88, true)"
    " and coalesce(jaro_winkler_similarity(last_tok1_l, first_tok1_r) < 0.88, true)"
)

NAME = {
    "output_column_name": "name",
    "comparison_description": "given names and surnames",
    "comparison_levels": [
        _null_level(
            "(first_lex_l is null and last_lex_l is null)"
            " or (first_lex_r is null and last_lex_r is null)"
        ),
        _level(GENDER_FORMS, "male and female forms of one name"),
        _level(
            "first_lex_l = first_lex_r and last_lex_l = last_lex_r",
            "same given name and surname",
            tf_adjustment_column="full_lex",
            disable_tf_exact_match_detection=True,
        ),
        _level(_SWAPPED, "same names in other fields or order"),
        _level(
            f"{_LAST_SAME} and {_FIRST_SAME}",
            "same surname and first given name; a further given or father's name in one",
        ),
        _level(
            f"({_FIRST_SAME} and {_LAST_ALIKE}) or ({_LAST_SAME} and {_FIRST_ALIKE})",
            "one name the same, the other spelled alike",
        ),
        _level(
            f"({_FIRST_ALIKE} and {_LAST_ALIKE}) or {_SWAPPED_ALIKE}",
            "given name and surname spelled alike",
        ),
        _level(
            f"{_LAST_SAME} and {KNOWN_DIFFERENT_GIVEN}",
            "same surname, given names known to be different",
        ),
        _level(_LAST_SAME, "same surname, different given name"),
        _level(_FIRST_SAME, "same given name, different surname"),
        _else(),
    ],
}

_STAND_IN = "(dob_month_{s} = 1 and dob_day_{s} = 1)"
_MONTHS_AGREE = "(dob_month_l is null or dob_month_r is null or dob_month_l = dob_month_r)"
_DAYS_AGREE = "(dob_day_l is null or dob_day_r is null or dob_day_l = dob_day_r)"

BIRTH_DATE = {
    "output_column_name": "birth_date",
    "comparison_description": "dates of birth, full or partial",
    "comparison_levels": [
        _null_level(_null("dob")),
        # 1 January stands in for an unknown day and month in many migrants' records: the same
        # stand-in in two records says little more than the same year
        _level(
            f"dob_day_l is not null and dob_l = dob_r and {_STAND_IN.format(s='l')}",
            "same date of birth, 1 January",
        ),
        _level(
            "dob_day_l is not null and dob_l = dob_r",
            "same date of birth",
            tf_adjustment_column="dob",
            disable_tf_exact_match_detection=True,
        ),
        _level(
            "dob_year_l = dob_year_r and dob_month_l = dob_month_r and"
            " (dob_day_l is null or dob_day_r is null)",
            "same year and month; the day unknown in one",
        ),
        _level(
            "dob_year_l = dob_year_r and (dob_month_l is null or dob_month_r is null)",
            "same year; the date unknown in one",
        ),
        _level(
            "dob_year_l = dob_year_r and dob_day_l = dob_month_r and dob_month_l = dob_day_r",
            "day and month swapped",
        ),
        _level(
            "dob_day_l is not null and dob_day_r is not null and hamming(dob_l, dob_r) = 1",
            "one digit apart",
        ),
        _level(
            f"abs(dob_year_l - dob_year_r) = 1 and {_MONTHS_AGREE} and {_DAYS_AGREE}",
            "year off by one",
        ),
        _level("dob_year_l = dob_year_r", "same year, different day or month"),
        _else(),
    ],
}

#: Two numbers of one kind (same letters-and-digits shape), none in common, not a typing slip.
DIFFERENT_DOCUMENTS = (
    "not list_has_any(docs_l, docs_r)"
    " and list_has_any(doc_shapes_l, doc_shapes_r)"
    " and levenshtein(doc1_l, doc1_r) > 1"
)

DOCUMENT = {
    "output_column_name": "document",
    "comparison_description": "document numbers, look-alike characters folded",
    "comparison_levels": [
        _null_level(_null("docs")),
        _level("list_has_any(docs_l, docs_r)", "a document number in common"),
        _level("levenshtein(doc1_l, doc1_r) <= 1", "document numbers one character apart"),
        _level(DIFFERENT_DOCUMENTS, "different numbers of one kind of document"),
        _level("ELSE", "different kinds of document"),
    ],
}


def _exact(column: str, output: str, description: str, label: str) -> dict[str, Any]:
    return {
        "output_column_name": output,
        "comparison_description": description,
        "comparison_levels": [
            _null_level(_null(column)),
            _level(f"{column}_l = {column}_r", label),
            _else(),
        ],
    }


SEX = _exact("sex", "sex", "sex", "same sex")
NATIONALITY = _exact("nationality", "nationality", "nationality", "same nationality")

PLACE = {
    "output_column_name": "birth_place",
    "comparison_description": "place of birth, in any script",
    "comparison_levels": [
        _null_level(_null("place")),
        _level("place_l = place_r", "same place of birth"),
        _level(_jw("place_l", "place_r", 0.88), "place of birth spelled alike"),
        _else(),
    ],
}

FATHER = {
    "output_column_name": "father_name",
    "comparison_description": "father's given name",
    "comparison_levels": [
        _null_level(_null("father_lex1")),
        # term-frequency adjusted: the region's common names are common fathers' names too,
        # and namesakes of a common name often share a common father's name
        _level(
            "father_lex1_l = father_lex1_r",
            "same father's name",
            tf_adjustment_column="father_lex1",
            disable_tf_exact_match_detection=True,
        ),
        _level(_jw("father_canon_l", "father_canon_r", 0.9), "father's name spelled alike"),
        _else(),
    ],
}

#: Phones change hands and numbers change, so a different number is weighed, never a
#: contradiction; a number in common is strong evidence (its last eight digits, see
#: :func:`accord.linkage.values.phone_numbers`).
PHONE = {
    "output_column_name": "phone",
    "comparison_description": "phone numbers, compared on their last digits",
    "comparison_levels": [
        _null_level(_null("phones")),
        _level("list_has_any(phones_l, phones_r)", "a phone number in common"),
        _else(),
    ],
}

#: One participant's file rarely holds one person twice (its own registrations are matched on
#: entry), while namesakes of a common name fill it: two records of one participant are
#: weighed as such (in the development region, 300,000 records, 2.8% of one person's pairs of
#: records against 12% of random pairs; among the links of 0.98 to 0.999, 31% of the pairs
#: within one participant were one person, against 74% of those across participants).
SOURCE = {
    "output_column_name": "source",
    "comparison_description": "the participant that holds each record",
    "comparison_levels": [
        _null_level(_null("participant")),
        _level("participant_l = participant_r", "one participant's records"),
        _level("ELSE", "records of different participants"),
    ],
}

#: When each record was made: a migrant's registrations along the route follow one another within
#: days or weeks, while namesakes of a common name were registered in other months and years (in
#: the development region, 300,000 records, 79% of the true pairs the threshold missed were
#: registered within 30 days of each other, against 12% of the false pairs linked and 8% of
#: namesakes of one spelling).
REGISTRATION = {
    "output_column_name": "registration",
    "comparison_description": "the days between the records' first registrations",
    "comparison_levels": [
        _null_level(_null("reg_day")),
        _level("abs(reg_day_l - reg_day_r) <= 30", "registered within 30 days"),
        _level("abs(reg_day_l - reg_day_r) <= 365", "registered within a year"),
        _level("ELSE", "registered more than a year apart"),
    ],
}

COMPARISONS: tuple[dict[str, Any], ...] = (
    NAME,
    BIRTH_DATE,
    DOCUMENT,
    SEX,
    NATIONALITY,
    PLACE,
    FATHER,
    PHONE,
    SOURCE,
    REGISTRATION,
)

#: Pairs that are never one person, whatever else agrees: they are not linked, directly or
#: through other records (cannot-link constraints of the clustering).
CONTRADICTIONS: dict[str, str] = {
    "male and female forms of one name": GENDER_FORMS,
    "different sex": "sex_l <> sex_r",
    "given names known to be different": KNOWN_DIFFERENT_GIVEN,
    "clearly different given names": CLEARLY_DIFFERENT_GIVEN,
    "different numbers of one kind of document": (
        f"docs_l is not null and docs_r is not null and {DIFFERENT_DOCUMENTS}"
    ),
}

#: Pairs whose records disagree where one person's records rarely do, yet can (a clerk's
#: typing, a stand-in date): not contradictions, but two groups of records holding such a pair
#: are not joined by a weak link alone (:data:`STRONG_LEVELS`; :mod:`accord.linkage.cluster`).
#: Namesakes of a common name are otherwise chained into one identity through records that
#: have no date or no father's name.
SOFT_CONFLICTS: dict[str, str] = {
    "different full dates of birth": (
        "dob_day_l is not null and dob_day_r is not null and dob_l <> dob_r"
        " and hamming(dob_l, dob_r) > 1"
        " and not (dob_year_l = dob_year_r and dob_day_l = dob_month_r"
        " and dob_month_l = dob_day_r)"
        " and not (abs(dob_year_l - dob_year_r) = 1 and dob_month_l = dob_month_r"
        " and dob_day_l = dob_day_r)"
        # 1 January stands in for an unknown day and month in many migrants' records
        f" and not {_STAND_IN.format(s='l')} and not {_STAND_IN.format(s='r')}"
    ),
    # the year alone when one date is partial: a year off by one is a common slip, by two not
    "years of birth two or more apart": "abs(dob_year_l - dob_year_r) >= 2",
    "different fathers' names": (
        "father_lex1_l <> father_lex1_r"
        f" and not {_jw('father_canon_l', 'father_canon_r', 0.9)}"
        # a father's name written as a further given name or the surname is not a conflict
        " and not list_contains(all_lex_r, father_lex1_l)"
        " and not list_contains(all_lex_l, father_lex1_r)"
    ),
}

#: The levels that make a link strong: evidence beyond the names (the same full date, or day
#: and month swapped; a document or phone number in common). A link without any is weak. A
#: date one digit apart is weak: two records of different people show it 68 times as often as the
#: same date (u 0.27% against 0.004%), and its weight is under +2.
STRONG_LEVELS: dict[str, frozenset[str]] = {
    "birth_date": frozenset({"same date of birth", "day and month swapped"}),
    "document": frozenset({"a document number in common", "document numbers one character apart"}),
    "phone": frozenset({"a phone number in common"}),
}

#: EM sessions: each estimates the m of every comparison its rule does not use, and the final
#: m is their mean. Every rule admits few namesakes: a session blocked on a common name and a
#: year alone (tried before) took the many namesakes of the region's common names for matches
#: and taught the model that a different father's name or phone number is common in one person.
EM_BLOCKING_RULES = (
    "l.doc1 = r.doc1",
    "l.phone1 = r.phone1",
    "l.key_fs = r.key_fs and l.dob = r.dob and l.dob_day is not null",
    "l.dob = r.dob and l.dob_day is not null and l.nationality = r.nationality and l.sex = r.sex",
)

#: Comparisons whose m is kept as shipped, not trained. Every record of one person in the
#: generated regions carries one nationality and one phone number, so EM learns that a
#: different one never happens and makes it a veto (a different phone weighed -8 in the model
#: trained on the development region, and inputs under 2,000 records are scored with it). In
#: real files nationalities differ (Kosovo and Serbian documents, dual nationals, old codes) and
#: one person's records carry different numbers (a local SIM in each country on the route, a
#: number changed between two registrations years apart): the shipped m assumes a quarter of a
#: person's pairs of records that both hold a number disagree (a different number weighs -2).
#: What keeps namesakes with different numbers apart is the clustering: no weak link joins two
#: groups of records without a number in common (:mod:`accord.linkage.traits`).
FIXED_M = ("nationality", "phone")

#: Rules that admit almost only true matches, to estimate the prior for the size of the data.
PRIOR_RULES = (
    "l.key_fs = r.key_fs and l.dob = r.dob and l.dob_day is not null",
    "l.doc1 = r.doc1",
)


def comparison_fields() -> list[str]:
    """The output names of Accord's comparisons, in order."""
    return [str(c["output_column_name"]) for c in COMPARISONS]


@lru_cache(maxsize=1)
def _defaults() -> dict[str, dict[str, dict[str, float]]]:
    text = resources.files("accord.linkage").joinpath("data", "default_parameters.json")
    return dict(json.loads(text.read_text(encoding="utf-8"))["levels"])


def shipped_parameters() -> dict[str, dict[str, dict[str, float]]]:
    """The shipped m and u of each level: ``{comparison: {level label: {"m", "u"}}}``."""
    return copy.deepcopy(_defaults())


def comparisons_with_defaults(term_frequencies: bool = True) -> list[dict[str, Any]]:
    """:data:`COMPARISONS` with each level's starting m and u (``data/default_parameters.json``):
    where EM starts, and the model itself for inputs too small to train on. Without
    ``term_frequencies`` the levels make no term-frequency adjustment (in a small input every
    name is frequent)."""
    found = copy.deepcopy(list(COMPARISONS))
    defaults = _defaults()
    for comparison in found:
        levels = defaults.get(str(comparison["output_column_name"]), {})
        for level in comparison["comparison_levels"]:
            known = levels.get(str(level.get("label_for_charts")))
            if known and not level.get("is_null_level"):
                level["m_probability"] = known["m"]
                level["u_probability"] = known["u"]
                if comparison["output_column_name"] in FIXED_M:
                    level["fix_m_probability"] = True
            if not term_frequencies:
                level.pop("tf_adjustment_column", None)
                level.pop("disable_tf_exact_match_detection", None)
    return found
