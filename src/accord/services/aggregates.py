"""Aggregate counts over what a user may see, suppressed below the threshold."""

from __future__ import annotations

from collections import Counter
from typing import Any

from accord.errors import InputError
from accord.policy import Principal, suppress
from accord.services.context import Services
from accord.store.gate import RecordQuery
from accord.store.records import StoredRecord

__all__ = ["GROUPINGS", "count_records"]

GROUPINGS = {
    "participant": lambda r: r.envelope.participant,
    "authority": lambda r: r.envelope.authority,
    "schema": lambda r: r.schema,
    "subject_category": lambda r: r.envelope.subject_category.value,
    "dataset": lambda r: r.envelope.dataset,
}


def count_records(
    services: Services, user: Principal, purpose: str, by: list[str], justification: str
) -> list[dict[str, Any]]:
    """Counts of the records this user may see, by the given fields; small counts suppressed."""
    unknown = [name for name in by if name not in GROUPINGS]
    if unknown or not by:
        raise InputError(f"Cannot count by {', '.join(unknown) or 'nothing'}.",
                         hint="Use one or more of: " + ", ".join(GROUPINGS) + ".")  # fmt: skip
    found: list[StoredRecord] = services.gate.read(
        user, purpose, RecordQuery(limit=100_000), justification=justification
    )
    counts = Counter(tuple(GROUPINGS[name](r) for name in by) for r in found)
    shown = suppress(counts, services.settings.suppression_threshold)
    rows = []
    for key, count in sorted(shown.items()):
        row: dict[str, Any] = dict(zip(by, key, strict=True))
        row["count"] = count if count is not None else f"<{services.settings.suppression_threshold}"
        rows.append(row)
    return rows
