"""Pairwise and B-cubed scores on small examples worked by hand."""

from __future__ import annotations

import polars as pl
import pytest

from accord.linkage.metrics import cluster_scores


def _frame(labels: dict[str, str], column: str) -> pl.DataFrame:
    return pl.DataFrame({"record_id": list(labels), column: list(labels.values())})


def test_perfect_clustering_scores_one() -> None:
    truth = _frame({"a": "p", "b": "p", "c": "q"}, "person_uid")
    found = cluster_scores(_frame({"a": "1", "b": "1", "c": "2"}, "cluster_id"), truth)
    for scores in found.values():
        assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_one_false_merge() -> None:
    # truth: {a, b} {c}; found: {a, b, c}: 1 of 3 pairs right; every true pair found
    truth = _frame({"a": "p", "b": "p", "c": "q"}, "person_uid")
    found = cluster_scores(_frame({"a": "1", "b": "1", "c": "1"}, "cluster_id"), truth)
    assert found["pairwise"].precision == pytest.approx(1 / 3)
    assert found["pairwise"].recall == 1.0
    # B-cubed precision: a and b see 2 of 3 right, c sees 1 of 3
    assert found["bcubed"].precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert found["bcubed"].recall == 1.0


def test_one_missed_link() -> None:
    truth = _frame({"a": "p", "b": "p", "c": "p"}, "person_uid")
    found = cluster_scores(_frame({"a": "1", "b": "1", "c": "2"}, "cluster_id"), truth)
    assert found["pairwise"].precision == 1.0
    assert found["pairwise"].recall == pytest.approx(1 / 3)
    assert found["bcubed"].recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
