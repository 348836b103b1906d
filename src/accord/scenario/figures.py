"""Public figures the scenario is scaled to, each with its source.

Migration (shared/reference/domain-facts.md §1.2-1.4): Frontex, "Monthly detections of illegal
border-crossing" (FRAN data), Western Balkan route, as tidied in GitHub ``iom/gdidata``
``data/frontex.rda`` (data as of 3 June 2025). Detections, not persons.
Visa regimes (§2.2): Serbia's re-imposition of visas for Burundi (21 Oct 2022), Tunisia
(20 Nov 2022) and India (1 Jan 2023); Cuba's date is only known to fall between Jan 2023 and
Jan 2024 (passport-index snapshots) and is assumed here to be 1 Jul 2023. Turkey stays visa-free.
Smuggling prices (§6.3): GI-TOC "Spot Prices" 2021, Quartz 2016, AP 2023 (EUR 2,350 Serbia to
Hungary), Nova ekonomija 2025 (up to EUR 4,000 through Serbia), Radio Slovenia (EUR 200-500 per
border hop). Cocaine (§6.1): wholesale EUR 35,000-38,000 per kg in the Western Balkans (GI-TOC
2020). Cash reporting threshold: EUR 15,000 (Serbian AML law; the EU's cash-transaction level).
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "CASH_THRESHOLD_EUR",
    "COCAINE_EUR_PER_KG",
    "LEG_PRICES_EUR",
    "MIGRANT_NATIONALITIES",
    "MONTHLY_DETECTIONS",
    "NATIONALITY_DETECTIONS",
    "REFERENCE_DATE",
    "VISA_FREE_UNTIL",
    "YEARLY_DETECTIONS",
    "nationality_shares",
]

#: The scenario's "today": the London meeting of the interior ministers.
REFERENCE_DATE = date(2025, 10, 22)

#: Western Balkan route detections per year (2025: January-April only).
YEARLY_DETECTIONS = {2022: 144_118, 2023: 99_002, 2024: 21_525, 2025: 3_436}

#: Western Balkan route detections per month (the September-October peak; the November 2023
#: cliff after the Serbian police operation at the Hungarian border).
MONTHLY_DETECTIONS = {
    2022: (6021, 5663, 7345, 9545, 12596, 14697, 14783, 16540, 18877, 19282, 11228, 7541),
    2023: (5023, 3652, 6723, 7372, 8483, 7308, 10199, 14207, 16642, 17125, 1206, 1062),
    2024: (1927, 1938, 1897, 1478, 1849, 1452, 1626, 2445, 2477, 2103, 1403, 930),
    2025: (839, 639, 788, 1170, 0, 0, 0, 0, 0, 0, 0, 0),
}

#: The nationalities generated, ISO alpha-2.
MIGRANT_NATIONALITIES = ("SY", "AF", "TR", "PK", "IQ", "MA", "IN", "TN", "BI", "BD", "CU", "IR")

#: Detections by nationality and year on the route (Frontex, via iom/gdidata).
NATIONALITY_DETECTIONS: dict[int, dict[str, int]] = {
    2022: {"SY": 79932, "AF": 23409, "TR": 8836, "PK": 6370, "IQ": 1896, "MA": 3117,
           "IN": 6992, "TN": 6782, "BI": 2309, "BD": 313, "CU": 562, "IR": 305},
    2023: {"SY": 72937, "AF": 7349, "TR": 8930, "PK": 2021, "IQ": 1527, "MA": 988,
           "IN": 352, "TN": 44, "BI": 102, "BD": 727, "CU": 704, "IR": 194},
    2024: {"SY": 7022, "AF": 2041, "TR": 6210, "PK": 654, "IQ": 717, "MA": 469,
           "IN": 395, "TN": 32, "BI": 17, "BD": 471, "CU": 28, "IR": 226},
    2025: {"SY": 554, "AF": 410, "TR": 975, "PK": 49, "IQ": 106, "MA": 222,
           "IN": 37, "TN": 7, "BI": 0, "BD": 102, "CU": 5, "IR": 55},
}  # fmt: skip

#: Last day of visa-free entry to Serbia for the nationalities of the 2022 Belgrade air route.
VISA_FREE_UNTIL = {
    "BI": date(2022, 10, 20),
    "TN": date(2022, 11, 19),
    "IN": date(2022, 12, 31),
    "CU": date(2023, 6, 30),  # assumption, see the module docstring
    "TR": date(2099, 12, 31),
}

#: Price ranges per leg and person (EUR).
LEG_PRICES_EUR: dict[tuple[str, str], tuple[int, int]] = {
    ("TR", "GR"): (1000, 2500),
    ("TR", "BG"): (800, 2000),
    ("GR", "MK"): (200, 500),
    ("MK", "RS"): (200, 500),
    ("BG", "RS"): (300, 800),
    ("RS", "HU"): (500, 5000),
    ("RS", "HR"): (500, 2500),
    ("RS", "RO"): (300, 1500),
    ("RS", "BA"): (200, 500),
    ("BA", "HR"): (1000, 3000),
    ("GR", "AL"): (200, 500),
    ("AL", "ME"): (200, 500),
    ("ME", "BA"): (200, 500),
}

COCAINE_EUR_PER_KG = (35_000, 38_000)
CASH_THRESHOLD_EUR = 15_000


def nationality_shares(year: int) -> dict[str, float]:
    """Each generated nationality's share of the year's detections (the 12 renormalised)."""
    counts = NATIONALITY_DETECTIONS[year]
    total = sum(counts.values())
    return {nationality: count / total for nationality, count in counts.items()}
