"""Train the screening weights with Splink's EM on generated data, in the levels the scorer
computes in Python (:mod:`.levels`).

The name level is the band of :func:`accord.names.name_score`, which Splink reaches through a
DuckDB function; the date-of-birth, nationality and sex levels are written in SQL below, level
for level as :mod:`.levels` computes them. The saved model is Splink's own JSON (m and u per
level). Needs DuckDB and NumPy (for DuckDB's Python functions); the scorer needs neither.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from accord.names.compare import name_tokens
from accord.screening.entries import IndexEntry
from accord.screening.identifiers import IdentifierKind, fold_identifier
from accord.screening.levels import name_level

__all__ = ["linker_for", "splink_settings", "train_splink_model", "training_rows"]

_NAME_FUNCTION = "accord_name_level"


def _name_sql(level: str) -> str:
    return f"{_NAME_FUNCTION}(full_name_l, full_name_r) = '{level}'"


_FULL = "dob_d_l IS NOT NULL AND dob_d_r IS NOT NULL"
_MONTHS_AGREE = "(dob_m_l IS NULL OR dob_m_r IS NULL OR dob_m_l = dob_m_r)"
_DAYS_AGREE = "(dob_d_l IS NULL OR dob_d_r IS NULL OR dob_d_l = dob_d_r)"
_PLACEHOLDER = "((dob_m_l = 1 AND dob_d_l = 1) OR (dob_m_r = 1 AND dob_d_r = 1))"

DOB_SQL = {
    "exact": f"{_FULL} AND dob_y_l = dob_y_r AND dob_m_l = dob_m_r AND dob_d_l = dob_d_r",
    "swap": f"{_FULL} AND dob_y_l = dob_y_r AND dob_m_l = dob_d_r AND dob_d_l = dob_m_r",
    "partial": (
        f"dob_y_l = dob_y_r AND (({_FULL} AND {_PLACEHOLDER}) OR "
        f"(NOT ({_FULL}) AND {_MONTHS_AGREE}))"
    ),
    "year_off": f"abs(dob_y_l - dob_y_r) = 1 AND {_MONTHS_AGREE} AND {_DAYS_AGREE}",
}


#: Starting m probabilities of the EM: what a border officer would guess. EM then moves them;
#: a start near the right answer keeps it from settling on "namesakes of one nationality" as
#: the matching class.
_START_M = {
    "same": 0.85,
    "close": 0.1,
    "weak": 0.03,
    "exact": 0.8,
    "swap": 0.02,
    "partial": 0.08,
    "year_off": 0.05,
    "else": 0.03,
}


def _level(sql: str, label: str, null: bool = False) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
    elif label in _START_M:
        level["m_probability"] = _START_M[label]
    return level


def _comparisons() -> list[Any]:
    import splink.comparison_library as cl

    name = cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            _level("full_name_l IS NULL OR full_name_r IS NULL", "null", null=True),
            *(_level(_name_sql(label), label) for label in ("same", "close", "weak")),
            _level("ELSE", "else"),
        ],
    )
    dob = cl.CustomComparison(
        output_column_name="dob",
        comparison_levels=[
            _level("dob_y_l IS NULL OR dob_y_r IS NULL", "null", null=True),
            *(_level(sql, label) for label, sql in DOB_SQL.items()),
            _level("ELSE", "else"),
        ],
    )
    exact = [
        cl.CustomComparison(
            output_column_name=column,
            comparison_levels=[
                _level(f"{column}_l IS NULL OR {column}_r IS NULL", "null", null=True),
                _level(f"{column}_l = {column}_r", "exact"),
                _level("ELSE", "else"),
            ],
        )
        for column in ("nationality", "sex")
    ]
    document = cl.CustomComparison(
        output_column_name="document",
        comparison_levels=[
            _level("docs_l IS NULL OR docs_r IS NULL", "null", null=True),
            _level("list_has_any(docs_l, docs_r)", "exact"),
            _level("ELSE", "else"),
        ],
    )
    return [name, dob, *exact, document]


def _blocking_keys(name: str) -> tuple[str | None, str | None]:
    tokens = [t for t in name_tokens(name).tokens if t.skeletons and t.skeletons[0]]
    if not tokens:
        return None, None
    first = tokens[0].skeletons[0]
    if len(tokens) < 2:
        return None, first
    pair = sorted((first, tokens[1].skeletons[0]))
    return "|".join(pair), first


def training_rows(entries: Sequence[IndexEntry]) -> list[dict[str, Any]]:
    """One row per person: the columns the Splink model compares and blocks on."""
    rows = []
    for entry in entries:
        if not entry.names:
            continue
        name = entry.names[0]
        pair, first = _blocking_keys(name)
        birth = entry.birth
        docs = sorted(
            {
                folded.strict
                for kind, value in entry.identifiers
                if kind is IdentifierKind.DOCUMENT
                and (folded := fold_identifier(kind, value)) is not None
            }
        )
        rows.append(
            {
                "unique_id": entry.record_id,
                "full_name": name,
                "dob_y": birth.year or None,
                "dob_m": birth.month or None,
                "dob_d": birth.day or None,
                "nationality": entry.nationality,
                "sex": entry.sex,
                "docs": docs or None,
                "blk_doc": docs[0] if docs else None,
                "blk_pair": pair,
                "blk_first": first,
            }
        )
    return rows


def splink_settings() -> Any:
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=_comparisons(),
        blocking_rules_to_generate_predictions=[
            block_on("blk_pair"),
            block_on("blk_first", "dob_y"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def _register_name_function(con: Any) -> None:
    from duckdb.sqltypes import VARCHAR

    def level(a: str | None, b: str | None) -> str | None:
        if a is None or b is None:
            return None
        return name_level(a, b)[0]

    con.create_function(
        _NAME_FUNCTION,
        level,
        [VARCHAR, VARCHAR],
        VARCHAR,
        null_handling="special",
        side_effects=False,
    )


def linker_for(rows: list[dict[str, Any]], settings: Any) -> Any:
    """A Splink linker on DuckDB over ``rows``, with the name function registered."""
    import duckdb
    import pyarrow as pa
    from splink import DuckDBAPI, Linker

    con = duckdb.connect()
    _register_name_function(con)
    db_api = DuckDBAPI(connection=con)
    frame = db_api.register(pa.Table.from_pylist(rows), dataset_display_name="persons")
    return Linker(frame, settings, log_level=logging.WARNING)


def train_splink_model(entries: Sequence[IndexEntry], seed: int = 2025) -> dict[str, Any]:
    """Splink's EM on the given persons; returns the saved model (Splink's JSON as a dict)."""
    from splink import block_on

    linker = linker_for(training_rows(entries), splink_settings())
    linker.training.estimate_probability_two_random_records_match(
        [block_on("full_name", "dob_y", "dob_m", "dob_d")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=seed)
    # one session blocks on the date of birth (and learns the name and document levels), the
    # other on a document number (and learns the date-of-birth levels). Blocking on the name
    # instead lets namesakes of one nationality pass for the matching class.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("dob_y", "dob_m", "dob_d")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("blk_doc"))
    model: dict[str, Any] = linker.misc.save_model_to_json()
    return model


class SplinkBaseline:
    """Splink's own prediction of one new record against the reference set (the baseline of
    ``accord bench screen``): ``predict_between`` with the trained model, per query."""

    def __init__(self, reference: Sequence[IndexEntry], model: dict[str, Any]) -> None:
        import duckdb
        import pyarrow as pa
        from splink import DuckDBAPI, Linker

        con = duckdb.connect()
        _register_name_function(con)
        self._pa = pa
        self._db = DuckDBAPI(connection=con)
        rows = training_rows(reference)
        self._reference = self._db.register(pa.Table.from_pylist(rows), table_name="reference")
        settings = dict(model)
        settings["blocking_rules_to_generate_predictions"] = [
            "l.blk_pair = r.blk_pair",
            "l.blk_first = r.blk_first AND l.dob_y = r.dob_y",
        ]
        settings["link_type"] = "dedupe_only"
        self._linker = Linker(self._reference, settings, log_level=logging.WARNING)
        self._count = 0

    def match(self, entry: IndexEntry) -> list[tuple[str, float]]:
        """(record id, match weight) of the reference records Splink finds for ``entry``."""
        rows = training_rows([entry])
        if not rows:
            return []
        self._count += 1
        rows[0]["unique_id"] = f"query-{self._count}"
        new = self._db.register(self._pa.Table.from_pylist(rows))
        found = self._linker.inference.predict_between(
            self._reference, new, warning_mode="never"
        ).as_record_list()
        new.drop_table_from_database_and_remove_from_cache(force_non_splink_table=True)
        return [(str(r["unique_id_l"]), float(r["match_weight"])) for r in found]
