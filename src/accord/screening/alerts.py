"""What a record's alert changes in screening: each alert's share of the names a query
compares, and a missing child's alert matched more loosely than a person flagged ``wanted``."""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.names import names_in_common
from accord.screening.entries import IndexEntry

__all__ = ["MISSING_ALERT", "one_name_of_a_missing_child", "reserved_positions"]

#: The alert of a missing person, whose names are matched more loosely.
MISSING_ALERT = "missing"


def reserved_positions(alerts: np.ndarray[Any, Any], compared: int, reserved: int) -> set[int]:
    """Positions (in ranked order) of the candidates whose names are compared whatever ranks
    above them: when the candidates are under several alerts, the best of each, an equal
    share of the ``compared`` comparisons (at most ``reserved``) each."""
    if not len(alerts) or alerts.min() == alerts.max():
        return set()
    present = np.unique(alerts).tolist()
    share = min(reserved, compared // len(present))
    kept: set[int] = set()
    for alert in present:
        kept.update(np.flatnonzero(alerts == alert)[:share].tolist())
    return kept


def one_name_of_a_missing_child(
    levels: dict[str, str | None], entry: IndexEntry, query_name: str
) -> bool:
    """Whether a missing child's alert is a review hit on one name in common with the query
    and the full date of birth (not a 1 January placeholder), the nationality and sex not
    differing. A child who goes missing on the way is registered again by each authority, and
    the other name often in another form or another name altogether (the father's, the
    family's nisba, a clan name): by the name level alone, the alert would be missed."""
    if levels.get("dob") != "exact" or "else" in (levels.get("nationality"), levels.get("sex")):
        return False
    if entry.envelope.alert != MISSING_ALERT or (entry.birth.month, entry.birth.day) == (1, 1):
        return False
    return any(names_in_common(query_name, name) for name in entry.names)
