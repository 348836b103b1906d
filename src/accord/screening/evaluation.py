"""Measure and calibrate the screening on generated data with planted truth.

The design: the persons of a generated region (every spelling, script and clerical error the
generator plants) with their true identities (``truth/identities.csv``). A sample of records is
held out and screened against the index of the others; a held-out record whose person has
another record in the index must hit one of that person's records, and every other hit is false.
The planted queries of ``truth/screening_hits.csv`` are screened too.
"""

from __future__ import annotations

import csv
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.model.ids import record_id_maker
from accord.screening.entries import IndexEntry
from accord.screening.identifiers import IdentifierKind, fold_identifier
from accord.screening.index import HIT_NAME_LEVELS, Candidate, ScreeningIndex
from accord.screening.query import CheckedQuery, ScreenQuery, check_query

__all__ = [
    "Outcome",
    "choose_bands",
    "evaluate",
    "planted_queries",
    "query_of",
    "read_truth",
    "split_holdout",
]


def read_truth(folder: Path, id_key: bytes) -> dict[str, str]:
    """record id -> true person id, for every Person record of a generated region."""
    path = folder / "truth" / "identities.csv"
    if not path.is_file():
        raise InputError(
            f"{folder} has no truth/identities.csv.",
            hint="Point at a folder written by `accord scenario generate`.",
        )
    makers: dict[tuple[str, str, str], Callable[[str], str]] = {}
    truth: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            scope = (row["participant"], row["authority"], row["dataset"])
            make = makers.get(scope)
            if make is None:
                make = makers[scope] = record_id_maker(id_key, *scope)
            truth[make(row["key"])] = row["person_uid"]
    return truth


def query_of(entry: IndexEntry) -> CheckedQuery:
    """The query an officer would type for this person record (with its document numbers)."""
    documents = tuple(
        folded
        for kind, value in entry.identifiers
        if kind is IdentifierKind.DOCUMENT and (folded := fold_identifier(kind, value))
    )
    return CheckedQuery(entry.names[0], entry.birth, entry.nationality, entry.sex, documents)


def split_holdout(
    entries: Sequence[IndexEntry], truth: dict[str, str], size: int, seed: int
) -> tuple[list[IndexEntry], list[IndexEntry]]:
    """(indexed, held out): ``size`` person records drawn at random, half of them of persons
    with another record, half of persons with none (where the data allow)."""
    persons = [e for e in entries if e.names and e.record_id in truth]
    counts: dict[str, int] = {}
    for entry in persons:
        uid = truth[entry.record_id]
        counts[uid] = counts.get(uid, 0) + 1
    rng = random.Random(seed)
    repeated = [e for e in persons if counts[truth[e.record_id]] > 1]
    single = [e for e in persons if counts[truth[e.record_id]] == 1]
    rng.shuffle(repeated)
    rng.shuffle(single)
    held: list[IndexEntry] = []
    taken: set[str] = set()
    for entry in repeated:
        uid = truth[entry.record_id]
        if len(held) >= size // 2:
            break
        if uid not in taken:  # hold out one record per person, keep the others indexed
            taken.add(uid)
            held.append(entry)
    held += single[: size - len(held)]
    out = {e.record_id for e in held}
    return [e for e in entries if e.record_id not in out], held


@dataclass
class Outcome:
    """Scored candidates of each held-out query, with truth, and timings."""

    rows: list[tuple[float, bool, str | None, bool]] = field(default_factory=list)
    expected: int = 0
    found: int = 0
    seconds: list[float] = field(default_factory=list)
    high_hits: int = 0
    high_false: int = 0
    review_hits: int = 0
    review_false: int = 0

    def figures(self) -> dict[str, Any]:
        timings = sorted(self.seconds)

        def pct(p: float) -> float:
            if not timings:
                return 0.0
            return round(timings[min(len(timings) - 1, int(p * len(timings)))] * 1000, 3)

        review_precision = (
            (self.review_hits - self.review_false) / self.review_hits if self.review_hits else None
        )
        return {
            "queries": len(self.seconds),
            "expected_hits": self.expected,
            "recall": round(self.found / self.expected, 4) if self.expected else None,
            "high_hits": self.high_hits,
            "high_false_rate": round(self.high_false / self.high_hits, 4)
            if self.high_hits
            else None,
            "review_hits": self.review_hits,
            "review_false_rate": round(self.review_false / self.review_hits, 4)
            if self.review_hits
            else None,
            "review_precision": round(review_precision, 4)
            if review_precision is not None
            else None,
            "p50_ms": pct(0.5),
            "p99_ms": pct(0.99),
        }


def evaluate(
    index: ScreeningIndex,
    queries: Sequence[tuple[CheckedQuery, set[str]]],
    truth_of: Callable[[str], str | None],
    same_person: Callable[[str, str], bool],
    query_uids: Sequence[str | None],
) -> Outcome:
    """Screen each query; ``queries`` pairs a query with the record ids it must hit."""
    outcome = Outcome()
    for (query, expected), uid in zip(queries, query_uids, strict=True):
        start = time.perf_counter()
        candidates = index.search(query)
        outcome.seconds.append(time.perf_counter() - start)
        hits = [c for c in candidates if c.band is not None]
        if expected:
            outcome.expected += 1
            if any(c.record_id in expected for c in hits):
                outcome.found += 1
        for candidate in candidates:
            if candidate.decoy:
                continue
            true = candidate.record_id in expected or (
                uid is not None and same_person(uid, candidate.record_id)
            )
            outcome.rows.append(
                (candidate.score, true, candidate.levels.get("name"), bool(candidate.identifiers))
            )
            _count(outcome, candidate, true)
    return outcome


def _count(outcome: Outcome, candidate: Candidate, true: bool) -> None:
    if candidate.band == "high":
        outcome.high_hits += 1
        outcome.high_false += not true
    elif candidate.band == "review":
        outcome.review_hits += 1
        outcome.review_false += not true


def choose_bands(
    rows: Sequence[tuple[float, bool, str | None, bool]],
    max_false_high: float = 0.01,
    min_review_precision: float = 0.5,
) -> dict[str, float]:
    """The lowest ``high`` threshold at which no more than ``max_false_high`` of the hits above
    it are false (with a margin: half that rate), and the lowest ``review`` threshold at which
    the hits between it and ``high`` are still right at least ``min_review_precision`` of the
    time. Scores are sums of level weights and tie often: thresholds sit between distinct
    scores."""
    scored = sorted(
        ((score, true) for score, true, name, _ in rows if name in HIT_NAME_LEVELS),
        key=lambda item: -item[0],
    )
    high = scored[0][0] + 1 if scored else 10.0
    false = 0
    for position, (score, true) in enumerate(scored, start=1):
        false += not true
        boundary = position == len(scored) or scored[position][0] < score
        if boundary and position >= 20 and false / position <= max_false_high / 2:
            high = score  # scores tie often: a threshold sits between two distinct scores
    review = high
    below = [(score, true) for score, true in scored if score < high]
    right = 0
    for position, (score, true) in enumerate(below, start=1):
        right += true
        boundary = position == len(below) or below[position][0] < score
        if boundary and right / position >= min_review_precision:
            review = score
    return {"high": round(high, 3), "review": round(min(review, high), 3)}


def planted_queries(folder: Path) -> list[tuple[ScreenQuery, dict[str, str], bool]]:
    """The planted screening queries of a generated region: (query, target, expect_hit)."""
    path = folder / "truth" / "screening_hits.csv"
    found = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kind = row["kind"]
            fields: dict[str, str] = {"ref": row["query_id"]}
            if kind == "person":
                fields.update(
                    first_name=row["first_name"],
                    last_name=row["last_name"],
                    birth_date=row["birth_date"],
                    nationality=row["nationality"],
                    document=row["document_number"],
                )
            else:
                fields[kind] = row["identifier"] or row["document_number"]
            target = {k: row[k] for k in ("participant", "authority", "dataset", "key", "alert")}
            found.append((ScreenQuery.from_dict(fields), target, row["expect_hit"] == "true"))
    return found


def checked(query: ScreenQuery) -> CheckedQuery | None:
    try:
        return check_query(query)
    except InputError:
        return None
