"""Relations that no single record states: travelling together, sharing a vehicle, a phone or an
address.

*Travelling together*: two persons crossing at the same crossing point on the same day (within
``window_hours`` of each other when the crossing times are known) in the same vehicle, or in the
same direction. Strangers cross in the same direction at the same point on the same day every
day, so the direction alone links two persons only when they were seen so at ``min_together``
crossings or more (a family crossing border after border together), and only where at most
``max_group`` persons crossed there that day; one crossing in the same vehicle links them. The
edge's weight is the number of crossings they made together.

*Sharing*: persons tied to the same vehicle, phone or address. A thing tied to more than
``max_shared`` persons (a coach, a reception centre's address, a call centre's number) says
nothing about any two of them, so it links nobody by itself; its persons stay tied to it.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

from accord.errors import InputError
from accord.services.network_edges import Edge, parse_time
from accord.services.network_nodes import NodeBook
from accord.store.records import StoredRecord

__all__ = ["RelationRules", "shared_edges", "travel_edges"]

#: Edge kinds that tie a person to a thing, and the shared relation each gives.
_SHARED = {
    ("vehicle", "ownership"): "shared_vehicle",
    ("vehicle", "uses"): "shared_vehicle",
    ("phone", "uses"): "shared_phone",
    ("address", "address"): "shared_address",
}


@dataclass(frozen=True)
class RelationRules:
    """How derived relations are found (see the module)."""

    window_hours: float = 6.0
    max_group: int = 12
    max_shared: int = 20
    min_together: int = 2

    def __post_init__(self) -> None:
        if not 0 < self.window_hours <= 72:
            raise InputError(
                f"The travel window of {self.window_hours} hours is out of range.",
                hint="Give a window between 0 and 72 hours.",
            )
        if self.max_group < 2 or self.max_shared < 2:
            raise InputError(
                "The group limits must be at least 2.",
                hint="max_group and max_shared count persons; 2 is the smallest useful value.",
            )
        if self.min_together < 1:
            raise InputError(
                f"min_together is {self.min_together}; it counts crossings.",
                hint="Give 1 (one shared crossing links) or more.",
            )


@dataclass
class _Together:
    """Two persons seen crossing together: when first, on which record, how often, and whether
    in the same vehicle."""

    time: datetime | None
    record_id: str
    crossings: set[tuple[str, str]] = field(default_factory=set)
    vehicle: bool = False


@dataclass(frozen=True)
class _Crossing:
    record_id: str
    person: str
    time: datetime | None
    direction: str
    vehicle: str | None


def _point(record: StoredRecord) -> str | None:
    values = record.properties.get("crossingPoint") or []
    if not values:
        return None
    return unicodedata.normalize("NFKC", values[0]).casefold().strip() or None


def _close(a: _Crossing, b: _Crossing, window_hours: float) -> bool:
    if a.time is None or b.time is None:
        return True  # only the day is known: the same day is as close as can be told
    if a.time.time() == b.time.time() == datetime.min.time():
        return True
    return abs((a.time - b.time).total_seconds()) <= window_hours * 3600


def travel_edges(
    book: NodeBook, crossings: Iterable[StoredRecord], rules: RelationRules
) -> list[Edge]:
    """``travel_together`` edges between the persons of the crossings a user sees."""
    groups: dict[tuple[str, str], list[_Crossing]] = defaultdict(list)
    for record in crossings:
        person = book.node_of((record.properties.get("person") or [""])[0])
        when = parse_time((record.properties.get("date") or [""])[0])
        point = _point(record)
        if person is None or when is None or point is None:
            continue
        vehicle = book.node_of((record.properties.get("vehicle") or [""])[0])
        direction = ((record.properties.get("direction") or [""])[0]).casefold()
        groups[(point, when.date().isoformat())].append(
            _Crossing(record.id, person, when, direction, vehicle)
        )
    seen: dict[tuple[str, str], _Together] = {}
    for group in groups.values():
        by_direction: dict[str, set[str]] = defaultdict(set)
        for crossing in group:
            by_direction[crossing.direction].add(crossing.person)
        for a, b in combinations(sorted(group, key=lambda c: c.record_id), 2):
            if a.person == b.person or not _close(a, b, rules.window_hours):
                continue
            same_vehicle = a.vehicle is not None and a.vehicle == b.vehicle
            small = len(by_direction[a.direction]) <= rules.max_group
            if same_vehicle or (a.direction == b.direction and a.direction and small):
                pair = (min(a.person, b.person), max(a.person, b.person))
                together = seen.setdefault(pair, _Together(a.time, a.record_id))
                together.crossings.add((a.record_id, b.record_id))
                together.vehicle = together.vehicle or same_vehicle
    return [
        Edge(*pair, "travel_together", float(len(t.crossings)), None, t.time, t.record_id)
        for pair, t in seen.items()
        if t.vehicle or len(t.crossings) >= rules.min_together
    ]


def shared_edges(book: NodeBook, edges: Sequence[Edge], rules: RelationRules) -> list[Edge]:
    """Person-to-person edges through a vehicle, phone or address both are tied to."""
    tied: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for edge in edges:
        thing_kind = book.kind_of(edge.target)
        relation = _SHARED.get((thing_kind or "", edge.kind))
        if relation is None or book.kind_of(edge.source) != "person" or edge.record_id is None:
            continue
        persons = tied[(edge.target, relation)]
        # the evidence of a person's tie is its smallest record, whatever the reading order
        if edge.source not in persons or edge.record_id < persons[edge.source]:
            persons[edge.source] = edge.record_id
    found: list[Edge] = []
    for (_thing, relation), persons in sorted(tied.items()):
        if not 2 <= len(persons) <= rules.max_shared:
            continue
        for a, b in combinations(sorted(persons), 2):
            evidence = min(persons[a], persons[b])
            found.append(Edge(a, b, relation, 1.0, None, None, evidence))
    return found
