"""Why a planted hit was missed: each miss of ``accord bench screen`` with its cause, written
to a CSV file beside the generated region (generated data only) and counted by cause."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from accord.cli.screen_bench_store import iso_birth
from accord.screening import Candidate, CheckedQuery, IndexEntry, ScreeningIndex, ScreenQuery
from accord.screening.answered import answered_hits
from accord.screening.dates import BirthDate, parse_birth_date

__all__ = ["answered", "count_misses", "diagnose", "listed", "miss_row", "write_misses"]

#: The causes, in the order they are looked for.
NOT_INDEXED = "record not in the index"
BAD_QUERY = "query refused by the checks"
NO_KEY = "no name key in common with the query"
OUTRANKED = "under the query's name keys but outranked (not among the candidates scored)"
NAME_ELSE = "names layer scores the two spellings under 0.5 (name level else)"
BELOW = "scored below the review band"


def diagnose(index: ScreeningIndex, query: CheckedQuery | None, record_id: str) -> tuple[bool, str]:
    """Whether the planted record is a hit of the query in the index, and if not, why."""
    if index.entry_for(record_id) is None:
        return False, NOT_INDEXED
    if query is None:
        return False, BAD_QUERY
    for candidate in index.search(query):
        if candidate.record_id != record_id or candidate.decoy:
            continue
        if candidate.band:
            return True, ""
        if candidate.levels.get("name") == "else" and not candidate.identifiers:
            return False, NAME_ELSE
        return False, f"{BELOW} (score {candidate.score:.1f})"
    return False, OUTRANKED if index.under_name_keys(query, record_id) else NO_KEY


def answered(index: ScreeningIndex, query: CheckedQuery | None, record_id: str) -> bool:
    """Whether the record is among the hits an answer returns: the first
    :data:`~accord.services.screening.MAX_HITS` banded candidates, high band first, then by
    score, in the index's order (the desk's cut, before its policy check, which lets the
    bench's officer see every record)."""
    from accord.services.screening import MAX_HITS

    if query is None:
        return False
    banded = [c for c in index.search(query) if c.band and not c.decoy]
    return any(c.record_id == record_id for c in listed(index, banded, MAX_HITS))


def listed(index: ScreeningIndex, hits: list[Candidate], limit: int) -> list[Candidate]:
    """The hits an answer lists, cut as the desk cuts them (:func:`answered_hits`)."""

    def alert(candidate: Candidate) -> str | None:
        entry = index.entry(candidate.entry)
        return entry.envelope.alert if entry is not None else None

    return answered_hits(hits, limit, order=lambda c: (c.band != "high", -c.score), alert=alert)


def miss_row(
    index: ScreeningIndex, query: ScreenQuery, target: dict[str, str], record_id: str, why: str
) -> dict[str, str]:
    entry = index.entry_for(record_id)
    return {
        "query": query.ref,
        "dataset": target["dataset"],
        "alert": target["alert"],
        "cause": why,
        "query_name": query.name or f"{query.first_name} {query.last_name}".strip(),
        "query_birth_date": query.birth_date,
        "record_name": entry.names[0] if entry and entry.names else "",
        "record_birth": iso_birth(entry) if entry else "",
        "variant": _variant(query, entry),
    }


def _date_kind(birth: BirthDate) -> str:
    if not birth.year:
        return "no date"
    if not birth.month:
        return "year only"
    if (birth.month, birth.day) == (1, 1):
        return "1 January"
    return "full date" if birth.day else "year and month"


def _script(name: str) -> str:
    if any("\u0400" <= ch <= "\u04ff" for ch in name):
        return "Cyrillic"
    if any("\u0600" <= ch <= "\u06ff" for ch in name):
        return "Arabic"
    return "Latin"


def _variant(query: ScreenQuery, entry: IndexEntry | None) -> str:
    """How the query and the record are written: date of birth given (query / record) and
    script (query / record)."""
    name = query.name or f"{query.first_name} {query.last_name}"
    record = entry.names[0] if entry and entry.names else ""
    dates = f"{_date_kind(parse_birth_date(query.birth_date))} / "
    dates += _date_kind(entry.birth) if entry else "-"
    return f"{dates}; {_script(name)} / {_script(record) if record else '-'}"


def count_misses(misses: list[dict[str, str]], by: str = "dataset") -> dict[str, Any]:
    """Misses by dataset (or another column, such as ``variant``) and by cause (the score is
    left out of the cause here)."""
    found: dict[str, dict[str, int]] = {}
    for miss in misses:
        cause = miss["cause"].split(" (score")[0]
        by_cause = found.setdefault(miss[by], {})
        by_cause[cause] = by_cause.get(cause, 0) + 1
    return found


def write_misses(path: Path, misses: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(_FIELDS))
        writer.writeheader()
        writer.writerows(misses)
    return path


_FIELDS = ("query", "dataset", "alert", "cause", "query_name", "query_birth_date", "record_name",
           "record_birth", "variant")  # fmt: skip
