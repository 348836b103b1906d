"""Aggregate indicators: migration detections counted from the generated records, and violence
against women and girls (VAWG) as counts only - never a victim's identity.

VAWG figures marked ``public`` are from domain-facts §5.2: Serbia registered 28,413 domestic
violence incidents in 2023 (Network of Women Against Violence, womenngo.org.rs); femicides in
Serbia 28 in 2023 (to 6 December) and 17 in 2024 (Autonomous Women's Center Belgrade). All other
values are ``synthetic``: drawn around plausible rates per 100,000 inhabitants, scaled by
population ([general] census figures: Serbia 6.6 m, Bosnia and Herzegovina 3.4 m, Albania 2.4 m,
North Macedonia 1.8 m, Kosovo* 1.6 m, Montenegro 0.62 m). Shelter places are set against the
Council of Europe minimum standard of one family place per 10,000 inhabitants (GREVIO).
Technology-facilitated categories follow Directive (EU) 2024/1385 (Arts. 5-7).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from accord.scenario.rng import stream

__all__ = ["MIGRATION_COLUMNS", "VAWG_COLUMNS", "migration_rows", "vawg_rows"]

MIGRATION_COLUMNS = (
    "year", "month", "route", "border_section", "reporting_participant", "nationality",
    "detections",
)  # fmt: skip
VAWG_COLUMNS = ("participant", "year", "indicator", "value", "basis", "source")

_POPULATION = {
    "RS": 6_600_000,
    "BA": 3_400_000,
    "AL": 2_400_000,
    "MK": 1_840_000,
    "XK": 1_590_000,
    "ME": 620_000,
}
# indicator -> rate per 100,000 inhabitants (synthetic baseline)
_RATES = {
    "domestic_violence_reports": 380.0,
    "protection_orders_issued": 95.0,
    "protection_orders_breached": 8.0,
    "prosecutions": 55.0,
    "convictions": 30.0,
    "femicides": 0.35,
    "helpline_calls": 150.0,
    "tfgbv_image_based_abuse": 4.0,
    "tfgbv_cyberstalking": 6.0,
    "tfgbv_cyber_harassment": 9.0,
}
_PUBLIC = {
    ("RS", 2023, "domestic_violence_reports"): (28_413, "Network of Women Against Violence, 2023"),
    ("RS", 2023, "femicides"): (28, "Autonomous Women's Center Belgrade (to 6 Dec 2023)"),
    ("RS", 2024, "femicides"): (17, "Autonomous Women's Center Belgrade"),
}


def vawg_rows(seed: int) -> list[tuple[str, ...]]:
    """Counts by participant, year and indicator (2022-2024)."""
    rows: list[tuple[str, ...]] = []
    for participant in sorted(_POPULATION):
        population = _POPULATION[participant]
        for year in (2022, 2023, 2024):
            rng = stream(seed, "vawg", participant, year)
            for indicator, rate in _RATES.items():
                public = _PUBLIC.get((participant, year, indicator))
                if public is not None:
                    rows.append(
                        (participant, str(year), indicator, str(public[0]), "public", public[1])
                    )
                    continue
                value = round(population / 100_000 * rate * rng.uniform(0.7, 1.3))
                rows.append((participant, str(year), indicator, str(value), "synthetic", ""))
            standard = population // 10_000
            places = round(standard * rng.uniform(0.3, 0.8))
            rows.append(
                (
                    participant,
                    str(year),
                    "shelter_places",
                    str(places),
                    "synthetic",
                    f"CoE minimum standard: {standard}",
                )
            )
    return rows


def migration_rows(counters: Counter[tuple[Any, ...]]) -> list[tuple[str, ...]]:
    """Detections by year, month, route, border section, reporter and nationality."""
    rows: list[tuple[str, ...]] = []
    for (year, month, route, hop, reporter, nationality), count in sorted(counters.items()):
        section = f"{hop[0]}-{hop[1]}"
        rows.append((str(year), f"{month:02d}", route, section, reporter, nationality, str(count)))
    return rows
