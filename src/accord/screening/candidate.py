"""A candidate of a screening query: the entry it reached, how it compares, and its band."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.screening.identifiers import IdentifierKind

__all__ = ["Candidate"]


@dataclass
class Candidate:
    """An entry a query reached, how it compares, and its band (None: below the bands)."""

    entry: int
    record_id: str
    levels: dict[str, str | None] = field(default_factory=dict)
    score: float = 0.0
    name_score: float = 0.0
    identifiers: list[tuple[IdentifierKind, bool]] = field(default_factory=list)
    band: str | None = None
    decoy: bool = False
    #: a missing child's alert hit by one name in common and the full date of birth
    one_name: bool = False
