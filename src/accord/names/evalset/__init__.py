"""The labelled evaluation set for name matching, generated deterministically from word lists.

Rebuild the committed file with
``python -m accord.names.evalset > src/accord/names/data/eval_pairs.csv``; a test checks that the
committed file is exactly what this package produces. A quarter of the people (and of the negative
pairs) go to the held-out split, chosen by a hash, so that no tuning sees them. The generator
spells names with its own tables (``variants``), never with the matcher it measures.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence

from accord.names.evalset.categories import add_all_categories
from accord.names.evalset.draw import HARD_NEGATIVE_CATEGORIES, SEED, EvalPair, PairBuilder, People

__all__ = ["HARD_NEGATIVE_CATEGORIES", "EvalPair", "generate_pairs", "to_csv"]


def generate_pairs(seed: int = SEED) -> list[EvalPair]:
    """Every pair of the evaluation set, in a fixed order."""
    rng = random.Random(seed)
    builder = PairBuilder(rng)
    add_all_categories(builder, People(rng), rng)
    return builder.pairs


def to_csv(pairs: Sequence[EvalPair]) -> str:
    """The pairs as CSV text with the header name_a,name_b,label,category,split."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name_a", "name_b", "label", "category", "split"])
    for pair in pairs:
        writer.writerow([pair.name_a, pair.name_b, pair.label, pair.category, pair.split])
    return buffer.getvalue()
