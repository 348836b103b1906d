"""The one module that talks to Splink (5, DuckDB backend).

Accord hands it records with their normalised columns, its comparisons (plain settings data from
:mod:`accord.linkage.model`) and a table of candidate pairs (:mod:`accord.linkage.blocking`);
it trains the model (u by random sampling, m by EM over the EM blocking rules, the prior from
near-certain rules for the size of the data), scores the candidate pairs and returns the scored
pairs with each comparison's level and match weight: the evidence of every link. The baseline,
a plain Splink model with Splink's own standard comparisons, is here too.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

__all__ = [
    "LevelInfo",
    "ScoredPairs",
    "TrainingOptions",
    "baseline_predictions",
    "score_pairs",
]

logging.getLogger("splink").setLevel(logging.ERROR)


@dataclass(frozen=True)
class TrainingOptions:
    """How the model is trained. ``u_pairs``/``em_pairs`` bound the work at any size. With
    ``train`` false the comparisons' own m and u are used as they are; ``prior`` then (or
    when the rules find no match to estimate it from) is the prior."""

    train: bool = True
    u_pairs: float = 2e6
    em_pairs: float = 2e6
    seed: int = 42
    prior_recall: float = 0.8
    prior: float = 1e-4


@dataclass(frozen=True)
class LevelInfo:
    """One level of one comparison, as trained."""

    label: str
    match_weight: float
    m: float | None
    u: float | None


@dataclass
class ScoredPairs:
    """Pairs at or above the threshold: ``unique_id_l``, ``unique_id_r``, ``match_weight``,
    ``match_probability``, ``match_key`` and, per comparison ``c``, ``gamma_c`` and ``mw_c``."""

    table: pa.Table
    prior: float
    fields: list[str]
    levels: dict[str, dict[int, LevelInfo]] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)
    training: list[str] = field(default_factory=list)


def _settings(
    comparisons: Sequence[dict[str, Any]], prior: float, retain: bool = True
) -> dict[str, Any]:
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "comparisons": list(comparisons),
        "blocking_rules_to_generate_predictions": [],
        "probability_two_random_records_match": prior,
        # the matching columns bring each comparison's level (gamma_) into the predictions
        "retain_matching_columns": retain,
        "retain_intermediate_calculation_columns": retain,
        "max_iterations": 20,
    }


def _linker(con: duckdb.DuckDBPyConnection, table: str, settings: dict[str, Any]) -> Any:
    from splink import DuckDBAPI, Linker

    db_api = DuckDBAPI(connection=con)
    records = db_api.register(table)
    # the settings are Accord's own and tested; validating them re-parses every SQL level
    return Linker(records, settings, log_level=None, validate_settings=False)


def _train(
    linker: Any, options: TrainingOptions, em_rules: Sequence[str], prior_rules: Sequence[str]
) -> list[str]:
    """Train in place; returns what was trained and what could not be (too little data)."""
    notes: list[str] = []
    steps: list[tuple[str, Any]] = [
        (
            "prior from rules",
            lambda: linker.training.estimate_probability_two_random_records_match(
                list(prior_rules), recall=options.prior_recall
            ),
        ),
        (
            "u by random sampling",
            lambda: linker.training.estimate_u_using_random_sampling(
                max_pairs=options.u_pairs, seed=options.seed
            ),
        ),
    ]
    for rule in em_rules:
        steps.append(
            (
                f"m by EM on {rule}",
                lambda rule=rule: (
                    linker.training.estimate_parameters_using_expectation_maximisation(
                        rule, estimate_without_term_frequencies=True, max_pairs=options.em_pairs
                    )
                ),
            )
        )
    for name, step in steps:
        try:
            step()
            notes.append(name)
        except Exception as exc:
            notes.append(f"{name}: skipped ({type(exc).__name__})")
    settings = linker._settings_obj
    prior = float(settings._probability_two_random_records_match)
    if not 0.0 < prior < 1.0:
        settings._probability_two_random_records_match = options.prior
        notes.append("prior: the default, as the rules found no match")
    return notes


def _level_weights(linker: Any) -> dict[str, dict[int, float]]:
    """Per comparison, each level's match weight as Splink writes it into the SQL."""
    return {
        str(comparison.output_column_name): {
            int(level.comparison_vector_value): float(level._match_weight)
            for level in comparison.comparison_levels
        }
        for comparison in linker._settings_obj.comparisons
    }


def _levels(linker: Any) -> dict[str, dict[int, LevelInfo]]:
    found: dict[str, dict[int, LevelInfo]] = {}
    for comparison in linker._settings_obj.comparisons:
        levels: dict[int, LevelInfo] = {}
        for level in comparison.comparison_levels:
            weight = 0.0 if level.is_null_level else float(level._log2_bayes_factor)
            levels[int(level.comparison_vector_value)] = LevelInfo(
                label=str(level.label_for_charts),
                match_weight=round(weight, 3),
                m=None if level.is_null_level else level.m_probability,
                u=None if level.is_null_level else level.u_probability,
            )
        found[str(comparison.output_column_name)] = levels
    return found


def score_pairs(
    con: duckdb.DuckDBPyConnection,
    records: str,
    pairs: str,
    comparisons: Sequence[dict[str, Any]],
    *,
    threshold: float,
    options: TrainingOptions,
    em_rules: Sequence[str],
    prior_rules: Sequence[str],
) -> ScoredPairs:
    """Train on ``records`` and score the candidate ``pairs`` (both DuckDB tables of ``con``);
    keep the pairs whose match probability is at least ``threshold``."""
    linker = _linker(con, records, _settings(comparisons, options.prior))
    notes = _train(linker, options, em_rules, prior_rules) if options.train else ["not trained"]
    weights = _level_weights(linker)
    # Each level's weight names the level when no two levels of a comparison weigh the same;
    # then the (costly) matching columns need not be carried through the prediction.
    distinct = all(len(set(w.values())) == len(w) for w in weights.values())
    linker._settings_obj._retain_matching_columns = not distinct
    linker.table_management.register_blocked_pairs_for_predict(linker._db_api.register(pairs))
    predicted = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    fields = [str(c.output_column_name) for c in linker._settings_obj.comparisons]
    wanted = ["unique_id_l", "unique_id_r", "match_weight", "match_probability", "match_key"]
    names = {c.unquote().name for c in predicted.columns}
    for name in fields:
        if distinct:
            cases = " ".join(
                f"when cast({weight!r} as float8) then {code}"
                for code, weight in weights[name].items()
            )
            wanted.append(f"case mw_{name} {cases} end::integer as gamma_{name}")
        else:
            wanted.append(f"gamma_{name}")
        wanted.append(f"mw_{name}")
        if f"mw_tf_adj_{name}" in names:
            wanted.append(f"mw_tf_adj_{name}")
    relation = con.sql(f"select {', '.join(wanted)} from {predicted.physical_name}")
    table = relation.arrow()
    if not isinstance(table, pa.Table):
        table = table.read_all()
    settings = linker._settings_obj
    result = ScoredPairs(
        table=table,
        prior=float(settings._probability_two_random_records_match),
        fields=fields,
        levels=_levels(linker),
        model=linker.misc.save_model_to_json(),
        training=notes,
    )
    linker.table_management.delete_tables_created_by_splink_from_db()
    return result


def _baseline_comparisons() -> list[Any]:
    import splink.comparison_library as cl

    return [
        cl.NameComparison("first_name"),
        cl.NameComparison("last_name"),
        cl.DateOfBirthComparison("birth_date", input_is_string=True),
        cl.ExactMatch("sex"),
        cl.ExactMatch("nationality"),
        cl.ExactMatch("document_number"),
    ]


def baseline_predictions(
    con: duckdb.DuckDBPyConnection,
    records: str,
    *,
    threshold: float,
    options: TrainingOptions,
) -> pa.Table:
    """A plain Splink model on the raw columns (``first_name``, ``last_name``, ``birth_date``
    ISO text, ``sex``, ``nationality``, ``document_number``): Splink's standard name and date
    comparisons, exact-match blocking (both names and the year of birth; either name and the
    date of birth; the document number), trained the same way. Returns ``unique_id_l``,
    ``unique_id_r`` and ``match_probability`` above ``threshold``."""
    from splink import block_on

    settings = _settings(_baseline_comparisons(), options.prior, retain=False)
    settings["blocking_rules_to_generate_predictions"] = [
        block_on("first_name", "last_name", "substr(birth_date, 1, 4)"),
        block_on("last_name", "birth_date"),
        block_on("first_name", "birth_date"),
        block_on("document_number"),
    ]
    linker = _linker(con, records, settings)
    if options.train:
        _train(
            linker,
            options,
            [
                "l.first_name = r.first_name and l.last_name = r.last_name",
                "l.birth_date = r.birth_date",
            ],
            [
                "l.first_name = r.first_name and l.last_name = r.last_name"
                " and l.birth_date = r.birth_date"
            ],
        )
    predicted = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    relation = con.sql(
        f"select unique_id_l, unique_id_r, match_probability from {predicted.physical_name}"
    )
    table = relation.arrow()
    if not isinstance(table, pa.Table):
        table = table.read_all()
    linker.table_management.delete_tables_created_by_splink_from_db()
    return table
