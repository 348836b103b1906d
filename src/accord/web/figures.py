"""Migration detections over time, by route segment and by nationality, from the BorderCrossing
records the user may see (read through the gate, logged). Every count shown is at least the
suppression threshold; smaller ones, zero included, show as "fewer than the threshold", and
rows or points with no count at or above it are left out altogether."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from accord.policy import Principal, suppress
from accord.services import Services
from accord.store.gate import RecordQuery
from accord.store.records import StoredRecord
from accord.web.geo import COUNTRY_ANCHORS, CROSSING_POINTS, MapFrame, find_crossing, section_key

__all__ = ["GRANULARITIES", "MigrationFigures", "Series", "migration_figures"]

GRANULARITIES = ("year", "quarter", "month")
DETECTION = "detection"
_LIMIT = 200_000
_ID_CHUNK = 500
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    #: one value per period; None where the count is below the threshold (or zero)
    values: list[int | None]


@dataclass
class MigrationFigures:
    threshold: int
    granularity: str
    periods: list[str] = field(default_factory=list)
    segments: list[Series] = field(default_factory=list)
    nationalities: list[Series] = field(default_factory=list)
    #: the map: route segments and crossing points, each with a count or None (below threshold)
    lines: list[dict[str, object]] = field(default_factory=list)
    points: list[dict[str, object]] = field(default_factory=list)
    countries: list[dict[str, object]] = field(default_factory=list)
    frame: MapFrame = field(default_factory=MapFrame)
    unplaced: int | None = None

    @property
    def empty(self) -> bool:
        return not self.segments and not self.nationalities


def _period(day: str, granularity: str) -> str | None:
    if len(day) < 7 or not day[:4].isdigit():
        return None
    year, month = day[:4], day[5:7]
    if granularity == "year":
        return year
    if granularity == "quarter":
        if not month.isdigit() or not 1 <= int(month) <= 12:
            return None
        return f"{year}-Q{(int(month) - 1) // 3 + 1}"
    return f"{year}-{month}"


def _first(record: StoredRecord, name: str) -> str:
    values = record.properties.get(name) or [""]
    return values[0] or ""


def _shown(counts: Counter[K], threshold: int) -> dict[K, int]:
    """Only the counts at or above the threshold (suppress() drops zeros, None for small)."""
    return {k: v for k, v in suppress(counts, threshold).items() if v is not None}


def _series(
    counts: Counter[tuple[str, str]], periods: list[str], threshold: int, names: dict[str, str]
) -> list[Series]:
    shown = _shown(counts, threshold)
    keys = sorted({key for key, _period in shown})
    return [
        Series(key, names.get(key, key), [shown.get((key, p)) for p in periods]) for key in keys
    ]


def _nationalities(
    services: Services, user: Principal, purpose: str, justification: str, ids: Iterable[str]
) -> dict[str, str]:
    """Person id -> nationality, for the persons the user may see."""
    wanted = sorted(set(ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[start : start + _ID_CHUNK]
        people = services.gate.read(
            user,
            purpose,
            RecordQuery(ids=chunk, schema="Person", limit=len(chunk)),
            justification=justification,
        )
        for person in people:
            found[person.id] = _first(person, "nationality").upper()
    return found


def migration_figures(
    services: Services,
    user: Principal,
    purpose: str,
    justification: str,
    granularity: str,
    country_names: dict[str, str],
) -> MigrationFigures:
    threshold = services.settings.suppression_threshold
    crossings = services.gate.read(
        user,
        purpose,
        RecordQuery(schema="BorderCrossing", limit=_LIMIT),
        justification=justification,
    )
    detections = [r for r in crossings if _first(r, "direction").lower() == DETECTION]
    persons = _nationalities(
        services, user, purpose, justification, (_first(r, "person") for r in detections)
    )
    by_segment: Counter[tuple[str, str]] = Counter()
    by_nationality: Counter[tuple[str, str]] = Counter()
    by_section: Counter[tuple[str, str]] = Counter()
    by_point: Counter[str] = Counter()
    unplaced = 0
    periods: set[str] = set()
    for record in detections:
        period = _period(_first(record, "date"), granularity)
        if period is None:
            continue
        periods.add(period)
        segment = _first(record, "borderSection").upper() or "?"
        by_segment[(segment, period)] += 1
        nationality = persons.get(_first(record, "person"), "") or "?"
        by_nationality[(nationality, period)] += 1
        pair = section_key(segment)
        if pair is not None:
            by_section[pair] += 1
        point = find_crossing(_first(record, "crossingPoint"))
        if point is None:
            unplaced += 1
        else:
            by_point[point.name] += 1
    ordered = sorted(periods)
    figures = MigrationFigures(threshold, granularity, ordered)
    figures.segments = _series(by_segment, ordered, threshold, {"?": "?"})
    figures.nationalities = _series(by_nationality, ordered, threshold, country_names)
    _draw(figures, _shown(by_section, threshold), _shown(by_point, threshold))
    figures.unplaced = unplaced if unplaced >= threshold else None
    return figures


def _draw(
    figures: MigrationFigures, sections: dict[tuple[str, str], int], points: dict[str, int]
) -> None:
    """Map geometry: every known route segment and crossing point is drawn (they are reference
    geography); counts appear only where they reach the threshold."""
    frame = figures.frame
    placed: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for point in CROSSING_POINTS:
        pair = section_key("-".join(point.section))
        x, y = frame.xy(point.lat, point.lon)
        if pair is not None:
            placed.setdefault(pair, []).append((x, y))
        count = points.get(point.name)
        figures.points.append(
            {"name": point.name, "x": x, "y": y, "count": count, "section": "-".join(point.section)}
        )
    for pair, spots in sorted(placed.items()):
        if pair[0] not in COUNTRY_ANCHORS or pair[1] not in COUNTRY_ANCHORS:
            continue
        ax, ay = frame.xy(*COUNTRY_ANCHORS[pair[0]])
        bx, by = frame.xy(*COUNTRY_ANCHORS[pair[1]])
        mx = round(sum(x for x, _ in spots) / len(spots), 1)
        my = round(sum(y for _, y in spots) / len(spots), 1)
        figures.lines.append(
            {
                "section": f"{pair[0]}-{pair[1]}",
                "path": f"M{ax},{ay} L{mx},{my} L{bx},{by}",
                "count": sections.get(pair),
                "mx": mx,
                "my": my,
            }
        )
    for code, (lat, lon) in sorted(COUNTRY_ANCHORS.items()):
        x, y = frame.xy(lat, lon)
        figures.countries.append({"code": code, "x": x, "y": y})
