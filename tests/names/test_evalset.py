"""The committed evaluation set: reproducible, large and hard enough; Accord meets its targets."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from accord.names.evalset import HARD_NEGATIVE_CATEGORIES, generate_pairs, to_csv
from accord.names.evaluate import average_precision, evaluate, load_pairs, measure


def test_committed_file_is_what_the_generator_writes() -> None:
    committed = resources.files("accord.names").joinpath("data/eval_pairs.csv").read_text("utf-8")
    assert committed == to_csv(generate_pairs())


def test_size_balance_and_splits() -> None:
    pairs = load_pairs("all")
    assert len(pairs) >= 1000
    hard = sum(1 for p in pairs if p.category in HARD_NEGATIVE_CATEGORIES)
    assert hard / len(pairs) >= 0.40
    assert all(p.label == 0 for p in pairs if p.category in HARD_NEGATIVE_CATEGORIES)
    heldout = sum(1 for p in pairs if p.split == "heldout")
    assert 0.2 <= heldout / len(pairs) <= 0.3
    assert len({(p.name_a, p.name_b) for p in pairs}) == len(pairs)
    assert len(Counter(p.category for p in pairs)) >= 15


def test_metrics() -> None:
    assert average_precision([0.9, 0.8, 0.1], [1, 1, 0]) == 1.0
    assert average_precision([0.9, 0.8, 0.1], [0, 1, 1]) == (0.5 * 0.5 + 0.5 * (2 / 3))
    m = measure([0.9, 0.6, 0.4, 0.1], [1, 0, 1, 0], 0.5)
    assert (m.precision, m.recall, m.f1) == (0.5, 0.5, 0.5)


def test_accord_reaches_the_targets_on_both_splits() -> None:
    for split in ("dev", "heldout"):
        report = evaluate(split)
        assert report.accord.f1 >= 0.95, split
        assert report.accord.average_precision >= 0.97, split
        assert report.accord.f1 > report.baseline.f1
