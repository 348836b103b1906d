"""Pairwise and B-cubed precision, recall and F1 of a clustering against the truth.

Both come from the contingency table of (predicted cluster, true identity) counts, computed with
polars: no pair is ever listed.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

__all__ = ["Scores", "cluster_scores"]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.__dict__.items()}


def _scores(precision: float, recall: float) -> Scores:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def _pairs(count: pl.Expr) -> pl.Expr:
    return (count * (count - 1) / 2).sum()


def cluster_scores(
    clusters: pl.DataFrame, truth: pl.DataFrame, key: str = "record_id"
) -> dict[str, Scores]:
    """``{"pairwise": ..., "bcubed": ...}`` of ``clusters`` (``key``, ``cluster_id``) against
    ``truth`` (``key``, ``person_uid``), over the records present in both."""
    joined = clusters.select(key, pl.col("cluster_id").cast(pl.Utf8)).join(
        truth.select(key, pl.col("person_uid").cast(pl.Utf8)), on=key, how="inner"
    )
    cells = joined.group_by("cluster_id", "person_uid").agg(pl.len().alias("n"))
    predicted = cells.group_by("cluster_id").agg(pl.col("n").sum().alias("a"))
    true = cells.group_by("person_uid").agg(pl.col("n").sum().alias("b"))
    together = cells.select(_pairs(pl.col("n").cast(pl.Float64))).item()
    predicted_pairs = predicted.select(_pairs(pl.col("a").cast(pl.Float64))).item()
    true_pairs = true.select(_pairs(pl.col("b").cast(pl.Float64))).item()
    pairwise = _scores(
        together / predicted_pairs if predicted_pairs else 1.0,
        together / true_pairs if true_pairs else 1.0,
    )
    total = float(joined.height) or 1.0
    weighted = cells.join(predicted, on="cluster_id").join(true, on="person_uid")
    b_precision = weighted.select((pl.col("n") ** 2 / pl.col("a")).sum()).item() / total
    b_recall = weighted.select((pl.col("n") ** 2 / pl.col("b")).sum()).item() / total
    return {"pairwise": pairwise, "bcubed": _scores(b_precision, b_recall)}
