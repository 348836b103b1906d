"""Batch linkage of a link input into identities, with the evidence of every link.

Steps: normalised columns once per record (:mod:`~accord.linkage.features`), candidate pairs
with capped blocks (:mod:`~accord.linkage.blocking`), contradictions
(:mod:`~accord.linkage.contradictions`), the Splink model trained and scored
(:mod:`~accord.linkage.splink_adapter`), then identities at the threshold with the constraints
(:mod:`~accord.linkage.cluster`). Every input record is in the result exactly once.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import igraph as ig
import polars as pl

from accord.errors import InputError
from accord.linkage.blocking import BLOCKING_KINDS, candidate_pairs
from accord.linkage.cluster import cluster_records
from accord.linkage.contradictions import flag_contradictions
from accord.linkage.features import prepare
from accord.linkage.inputs import check_input
from accord.linkage.lone import LoneRule
from accord.linkage.model import (
    CONTRADICTIONS,
    EM_BLOCKING_RULES,
    PRIOR_RULES,
    SOFT_CONFLICTS,
    STRONG_LEVELS,
    comparisons_with_defaults,
)
from accord.linkage.splink_adapter import ScoredPairs, TrainingOptions, score_pairs
from accord.linkage.traits import RecordTraits

__all__ = ["Constraints", "LinkOptions", "LinkResult", "link_records"]

log = logging.getLogger(__name__)

_CONFIRMED = '[{"field":"judgement","level":"kept together by an analyst\'s confirmation"}]'
#: Below this many records the model is not trained: the shipped parameters are used.
MIN_TRAINING_RECORDS = 2000


@dataclass(frozen=True)
class LinkOptions:
    """``threshold``: the match probability at which two records are linked; ``block_cap`` and
    ``window``: see :mod:`accord.linkage.blocking`; ``memory_limit``: DuckDB's, e.g. ``"4GB"``;
    ``lone_attach_at`` and ``lone_rival_at``: the bounds of :class:`accord.linkage.lone.LoneRule`
    (``lone_attach_at`` None: records left alone stay alone)."""

    threshold: float = 0.98
    lone_attach_at: float | None = 0.95
    lone_rival_at: float = 0.95
    block_cap: int = 50
    window: int = 5
    u_pairs: float = 1e6
    em_pairs: float = 2e6
    seed: int = 42
    threads: int | None = None
    memory_limit: str = "3GB"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def lone_rule(self) -> LoneRule | None:
        """The rule for records left alone, or None when it is off."""
        if self.lone_attach_at is None or self.lone_attach_at >= self.threshold:
            return None
        return LoneRule(self.lone_attach_at, min(self.lone_rival_at, self.lone_attach_at))


@dataclass(frozen=True)
class Constraints:
    """Judgements of analysts: record pairs never to be joined, groups to keep together, and
    groups never to be joined with one another."""

    cannot_link: Sequence[tuple[str, str]] = ()
    must_link: Sequence[Sequence[str]] = ()
    apart: Sequence[Sequence[str]] = ()


@dataclass
class LinkResult:
    """``members``: one row per input record: ``record_id``, ``participant``, ``anchor`` (the
    record id of its identity's first record), ``linked_to``, ``match_weight``,
    ``match_probability``, ``evidence`` (JSON: the comparisons of the link that attached it)."""

    members: pl.DataFrame
    report: dict[str, Any] = field(default_factory=dict)


def _connect(options: LinkOptions, spill: str) -> duckdb.DuckDBPyConnection:
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", options.memory_limit):
        raise InputError(
            f"Memory limit {options.memory_limit!r} is not a size.", hint="Write e.g. 3GB."
        )
    con = duckdb.connect(":memory:")
    if options.threads:
        con.execute(f"set threads = {int(options.threads)}")
    # DuckDB spills to disk beyond its limit rather than holding every intermediate table
    con.execute(f"set memory_limit = '{options.memory_limit}'")
    con.execute(f"set temp_directory = '{spill}'")
    con.execute("set preserve_insertion_order = false")
    con.execute("set enable_progress_bar = false")
    return con


def _evidence(scored: ScoredPairs, table: pl.DataFrame) -> pl.DataFrame:
    """Per pair of ``table`` (rows of ``scored``): the comparisons that were known on both
    sides, their level and weight, as a JSON list. Written as text by column: polars'
    struct-to-JSON took 20 s per 100,000 links."""
    parts = []
    for name in scored.fields:
        # each level's whole JSON object but its weight, quoted once here
        heads = {
            code: f'{{"field":{json.dumps(name)},"level":{json.dumps(level.label)},"weight":'
            for code, level in scored.levels[name].items()
        }
        weight = pl.col(f"mw_{name}")
        if f"mw_tf_adj_{name}" in table.columns:
            weight = weight + pl.col(f"mw_tf_adj_{name}")
        gamma = pl.col(f"gamma_{name}")
        number = (
            pl.when(weight.is_finite())
            .then(weight.round(2).cast(pl.Utf8))
            .otherwise(pl.lit("null"))
        )
        head = gamma.replace_strict(heads, default=None, return_dtype=pl.Utf8)
        parts.append(pl.when(gamma >= 0).then(pl.concat_str(head, number, pl.lit("}"))))
    objects = pl.concat_list(parts).list.drop_nulls().list.join(",")
    strong = pl.lit(False)
    for name, labels in STRONG_LEVELS.items():
        if name in scored.fields:
            codes = [code for code, level in scored.levels[name].items() if level.label in labels]
            strong = strong | pl.col(f"gamma_{name}").is_in(codes)
    return table.select(
        "unique_id_l",
        "unique_id_r",
        pl.col("match_weight").round(3),
        pl.col("match_probability").round(6),
        pl.col("match_key")
        .cast(pl.Int64, strict=False)
        .replace_strict(dict(enumerate(BLOCKING_KINDS)), default=None, return_dtype=pl.Utf8)
        .alias("blocked_on"),
        pl.concat_str(pl.lit("["), objects, pl.lit("]")).alias("evidence"),
        strong.alias("strong"),
    )


def _ids(prepared: pl.DataFrame, pairs: Sequence[Sequence[str]]) -> list[list[int]]:
    lookup = dict(zip(prepared["record_id"], prepared["unique_id"], strict=True))
    return [[lookup[r] for r in group if r in lookup] for group in pairs]


@dataclass
class _Scored:
    """``links``: the pairs at or above the threshold, with their evidence; ``near``: the pairs
    below it that the lone-record rule reads (their evidence is built for those that attach)."""

    links: pl.DataFrame
    near: pl.DataFrame | None = None
    pairs: ScoredPairs | None = None

    def near_evidence(self, rows: Sequence[int]) -> pl.DataFrame:
        assert self.near is not None and self.pairs is not None
        return _evidence(self.pairs, self.near[list(rows)])


def _scored_links(
    con: duckdb.DuckDBPyConnection, count: int, options: LinkOptions, report: dict[str, Any]
) -> _Scored:
    links = pl.DataFrame(
        schema={"unique_id_l": pl.Int64, "unique_id_r": pl.Int64, "match_weight": pl.Float64,
                "match_probability": pl.Float64, "blocked_on": pl.Utf8, "evidence": pl.Utf8,
                "strong": pl.Boolean}
    )  # fmt: skip
    if not report["blocking"]["pairs"]:
        return _Scored(links)
    trained = count >= MIN_TRAINING_RECORDS
    training = TrainingOptions(
        train=trained,
        u_pairs=options.u_pairs,
        em_pairs=options.em_pairs,
        seed=options.seed,
        prior=min(0.5, 1.0 / max(count, 2)),
    )
    lone = options.lone_rule()
    scored = score_pairs(
        con, "accord_records", "accord_pairs", comparisons_with_defaults(trained),
        threshold=min(options.threshold, lone.rival_at) if lone else options.threshold,
        options=training, em_rules=EM_BLOCKING_RULES,
        prior_rules=PRIOR_RULES,
    )  # fmt: skip
    report["model"] = {
        "prior": scored.prior,
        "training": scored.training,
        "levels": {
            name: {level.label: level.match_weight for level in levels.values()}
            for name, levels in scored.levels.items()
        },
    }
    if trained:
        # m and u as trained: what :mod:`accord.linkage.parameters` ships
        report["model"]["parameters"] = {
            name: {
                level.label: {"m": level.m, "u": level.u}
                for level in levels.values()
                if level.m is not None
            }
            for name, levels in scored.levels.items()
        }
    table = pl.from_arrow(scored.table)
    assert isinstance(table, pl.DataFrame)
    above = pl.col("match_probability") >= options.threshold
    if lone is None:
        return _Scored(_evidence(scored, table.filter(above)))
    near = table.filter(~above)
    report["pairs_below_threshold_read"] = near.height
    return _Scored(_evidence(scored, table.filter(above)), near, scored)


def _contradictions_within(
    con: duckdb.DuckDBPyConnection, count: int, links: pl.DataFrame, attaching: pl.DataFrame
) -> pl.DataFrame:
    """The contradicted and the softly conflicting pairs (``reason``) whose records the links
    join, directly or not: the only ones that can constrain the clustering (all of them would
    not fit in memory at scale). One pass for both: a contradiction's reason comes first.
    The ``attaching`` pairs (below the threshold, strong enough to attach a lone record) join
    components too, so that the rule sees the conflicts of a record with its identity."""
    joined = pl.concat([links.select("unique_id_l", "unique_id_r"), attaching])
    graph = ig.Graph(
        n=count, edges=list(zip(joined["unique_id_l"], joined["unique_id_r"], strict=True))
    )
    components = pl.DataFrame(
        {"unique_id": range(count), "component": graph.connected_components().membership},
        schema={"unique_id": pl.Int64, "component": pl.Int64},
    )
    con.register("__accord_components", components.to_arrow())
    try:
        flag_contradictions(
            con, "accord_records", "accord_pairs", "accord_contradictions", "__accord_components",
            rules={**CONTRADICTIONS, **SOFT_CONFLICTS},
        )  # fmt: skip
    finally:
        con.unregister("__accord_components")
    found: pl.DataFrame = con.sql(
        "select unique_id_l, unique_id_r, reason from accord_contradictions"
    ).pl()
    return found


def link_records(
    frame: pl.DataFrame, options: LinkOptions | None = None, constraints: Constraints | None = None
) -> LinkResult:
    """Link the records of a link input (:mod:`accord.linkage.inputs`) into identities."""
    options = options or LinkOptions()
    constraints = constraints or Constraints()
    check_input(frame)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    prepared, input_report = prepare(frame)
    timings["features"] = time.perf_counter() - started
    log.info("features of %d records: %.1f s", prepared.height, timings["features"])
    report: dict[str, Any] = {
        "records": prepared.height,
        "input": input_report.to_dict(),
        "options": options.to_dict(),
    }
    count = prepared.height
    with tempfile.TemporaryDirectory(prefix="accord-linkage-") as spill:
        con = _connect(options, spill)
        try:
            con.register("__accord_prepared", prepared.to_arrow())
            con.execute("create table accord_records as select * from __accord_prepared")
            con.unregister("__accord_prepared")
            prepared = prepared.select(
                "unique_id", "record_id", "participant", "phones", "dob_year", "dob"
            )
            step = time.perf_counter()
            blocking = candidate_pairs(
                con, "accord_records", cap=options.block_cap, window=options.window,
                out="accord_pairs",
            )  # fmt: skip
            report["blocking"] = blocking.to_dict()
            timings["blocking"] = time.perf_counter() - step
            log.info("blocking: %.1f s", timings["blocking"])
            step = time.perf_counter()
            scored = _scored_links(con, count, options, report)
            links = scored.links
            timings["scoring"] = time.perf_counter() - step
            log.info("scoring: %.1f s", timings["scoring"])
            step = time.perf_counter()
            lone = options.lone_rule()
            near = (
                scored.near.select("unique_id_l", "unique_id_r", "match_probability")
                if scored.near is not None
                else None
            )
            attaching = (
                near.filter(pl.col("match_probability") >= lone.attach_at).drop("match_probability")
                if near is not None and lone is not None
                else pl.DataFrame(schema={"unique_id_l": pl.Int64, "unique_id_r": pl.Int64})
            )
            contradicted = _contradictions_within(con, count, links, attaching)
            reasons = dict(
                con.execute(
                    "select reason, count(*) from accord_contradictions group by 1 order by 1"
                ).fetchall()
            )
            report["contradictions"] = {k: v for k, v in reasons.items() if k in CONTRADICTIONS}
            report["soft_conflicts"] = {k: v for k, v in reasons.items() if k in SOFT_CONFLICTS}
        finally:
            con.close()
    cannot = pl.DataFrame(
        [tuple(pair) for pair in _ids(prepared, constraints.cannot_link) if len(pair) == 2],
        schema={"unique_id_l": pl.Int64, "unique_id_r": pl.Int64},
        orient="row",
    )
    soft = pl.col("reason").is_in(list(SOFT_CONFLICTS))
    clustering = cluster_records(
        count,
        links,
        pl.concat([contradicted.filter(~soft).drop("reason"), cannot]),
        _ids(prepared, constraints.must_link),
        _ids(prepared, constraints.apart),
        soft_conflicts=contradicted.filter(soft).drop("reason"),
        traits=RecordTraits(
            prepared["phones"].to_list(), prepared["dob_year"].to_list(), prepared["dob"].to_list()
        ),
        near=near,
        lone=lone,
    )
    parent = clustering.parent
    height = links.height
    below = sorted({row - height for _, row in parent.values() if row >= height})
    if below:
        # the links that attached lone records, with their pairs' evidence, after the others
        position = {height + row: height + k for k, row in enumerate(below)}
        links = pl.concat([links, scored.near_evidence(below)])
        parent = {child: (up, position.get(row, row)) for child, (up, row) in parent.items()}
    members = _members(prepared, links, clustering.cluster, parent)
    timings["clustering"] = time.perf_counter() - step
    sizes = members.group_by("anchor").len()
    report.update(
        links=height,
        links_refused=clustering.skipped_links,
        lone_records_attached=clustering.lone_attached,
        identities=sizes.height,
        identities_with_several_records=int((sizes["len"] > 1).sum()),
        largest_identity=int(sizes.select(pl.col("len").max()).item() or 0),
        seconds={k: round(v, 2) for k, v in timings.items()},
    )
    return LinkResult(members, report)


def _members(
    prepared: pl.DataFrame,
    links: pl.DataFrame,
    cluster: list[int],
    parent: dict[int, tuple[int, int]],
) -> pl.DataFrame:
    tree = pl.DataFrame(
        [(child, up, row) for child, (up, row) in parent.items()],
        schema={"unique_id": pl.Int64, "parent": pl.Int64, "row": pl.Int64},
        orient="row",
    )
    indexed = links.with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
    tree = tree.join(indexed, on="row", how="left")
    ids = prepared.select("unique_id", "record_id", "participant")
    base = ids.with_columns(anchor_id=pl.Series(cluster, dtype=pl.Int64))
    base = base.join(
        ids.select(pl.col("unique_id").alias("anchor_id"), pl.col("record_id").alias("anchor")),
        on="anchor_id",
    )
    base = base.join(tree, on="unique_id", how="left").join(
        ids.select(pl.col("unique_id").alias("parent"), pl.col("record_id").alias("linked_to")),
        on="parent",
        how="left",
    )
    confirmed = pl.col("parent").is_not_null() & (pl.col("row") < 0)
    base = base.with_columns(
        evidence=pl.when(confirmed).then(pl.lit(_CONFIRMED)).otherwise(pl.col("evidence")),
        blocked_on=pl.when(confirmed).then(pl.lit("judgement")).otherwise(pl.col("blocked_on")),
    )
    return base.sort("unique_id").select(
        "record_id", "participant", "anchor", "linked_to", "match_weight", "match_probability",
        "blocked_on", "evidence",
    )  # fmt: skip
