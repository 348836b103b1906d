"""The map of the Western Balkan route: where the crossing points are, and how to draw them.

Coordinates are approximate public geography (WGS 84, to about 1 km), enough for an overview
map drawn as SVG on the server: no map tiles, nothing fetched from elsewhere. Names in the
records come in the reporting participant's script and spelling; they are matched here by
their ASCII-folded Latin form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from accord.names import ascii_fold, to_latin

__all__ = [
    "COUNTRY_ANCHORS",
    "CROSSING_POINTS",
    "MapFrame",
    "Point",
    "crossing_key",
    "find_crossing",
    "section_key",
]

#: Where a country's label and the ends of its route segments are drawn (lat, lon).
COUNTRY_ANCHORS: dict[str, tuple[float, float]] = {
    "TR": (41.45, 27.1),
    "GR": (40.35, 22.6),
    "BG": (42.55, 24.6),
    "MK": (41.55, 21.65),
    "AL": (41.0, 20.05),
    "XK": (42.6, 20.9),
    "ME": (42.75, 19.3),
    "RS": (44.0, 20.8),
    "BA": (44.15, 17.9),
    "HR": (45.55, 16.6),
    "HU": (46.75, 19.3),
    "RO": (45.7, 21.9),
    "SI": (46.1, 14.8),
}


@dataclass(frozen=True)
class Point:
    name: str
    section: tuple[str, str]
    lat: float
    lon: float


def _p(name: str, section: str, lat: float, lon: float) -> Point:
    a, b = section.split("-")
    return Point(name, (a, b), lat, lon)


#: Crossing points of the route and of regular travel in the region, by border section.
CROSSING_POINTS: tuple[Point, ...] = (
    _p("Evros - Orestiada", "TR-GR", 41.50, 26.53),
    _p("Feres", "TR-GR", 40.89, 26.17),
    _p("Lesvos", "TR-GR", 39.10, 26.55),
    _p("Samos", "TR-GR", 37.75, 26.97),
    _p("Chios", "TR-GR", 38.37, 26.13),
    _p("Kapitan Andreevo", "TR-BG", 41.72, 26.32),
    _p("Elhovo", "TR-BG", 42.17, 26.57),
    _p("Malko Tarnovo", "TR-BG", 41.98, 27.53),
    _p("Svilengrad", "TR-BG", 41.77, 26.20),
    _p("Gevgelija", "GR-MK", 41.14, 22.50),
    _p("Bogorodica", "GR-MK", 41.12, 22.55),
    _p("Star Dojran", "GR-MK", 41.18, 22.72),
    _p("Vinojug", "GR-MK", 41.16, 22.49),
    _p("Evzoni", "GR-MK", 41.10, 22.56),
    _p("Niki", "GR-MK", 40.90, 21.43),
    _p("Doirani", "GR-MK", 41.17, 22.75),
    _p("Deve Bair", "MK-BG", 42.18, 22.35),
    _p("Delcevo", "MK-BG", 41.93, 22.90),
    _p("Gyueshevo", "MK-BG", 42.21, 22.40),
    _p("Zlatarevo", "MK-BG", 41.90, 22.96),
    _p("Letenye", "HR-HU", 46.43, 16.73),
    _p("Udvar", "HR-HU", 45.90, 18.65),
    _p("Gorican", "HR-HU", 46.39, 16.68),
    _p("Dubosevica", "HR-HU", 45.88, 18.62),
    _p("Tabanovce", "MK-RS", 42.22, 21.71),
    _p("Lojane", "MK-RS", 42.23, 21.66),
    _p("Presevo", "MK-RS", 42.31, 21.65),
    _p("Miratovac", "MK-RS", 42.27, 21.68),
    _p("Vranje", "MK-RS", 42.55, 21.90),
    _p("Gradina", "BG-RS", 42.99, 22.83),
    _p("Dimitrovgrad", "BG-RS", 43.02, 22.78),
    _p("Pirot", "BG-RS", 43.15, 22.59),
    _p("Zajecar", "BG-RS", 43.90, 22.28),
    _p("Kalotina", "BG-RS", 42.99, 22.87),
    _p("Vrashka Chuka", "BG-RS", 43.82, 22.38),
    _p("Roszke", "RS-HU", 46.19, 20.04),
    _p("Asotthalom", "RS-HU", 46.20, 19.78),
    _p("Kelebia", "RS-HU", 46.20, 19.62),
    _p("Tompa", "RS-HU", 46.21, 19.54),
    _p("Morahalom", "RS-HU", 46.22, 19.88),
    _p("Horgos", "RS-HU", 46.15, 19.97),
    _p("Subotica", "RS-HU", 46.10, 19.67),
    _p("Kelebija", "RS-HU", 46.17, 19.61),
    _p("Sombor", "RS-HU", 45.77, 19.11),
    _p("Tovarnik", "RS-HR", 45.16, 19.15),
    _p("Bajakovo", "RS-HR", 45.06, 19.10),
    _p("Ilok", "RS-HR", 45.22, 19.37),
    _p("Sid", "RS-HR", 45.13, 19.23),
    _p("Batrovci", "RS-HR", 45.05, 19.11),
    _p("Adasevci", "RS-HR", 45.08, 19.20),
    _p("Kikinda", "RS-RO", 45.83, 20.47),
    _p("Srpska Crnja", "RS-RO", 45.72, 20.69),
    _p("Vrsac", "RS-RO", 45.12, 21.30),
    _p("Zvornik", "RS-BA", 44.39, 19.10),
    _p("Karakaj", "RS-BA", 44.41, 19.13),
    _p("Bijeljina", "RS-BA", 44.76, 19.21),
    _p("Bratunac", "RS-BA", 44.19, 19.33),
    _p("Pavlovica most", "RS-BA", 44.81, 19.34),
    _p("Mali Zvornik", "RS-BA", 44.37, 19.11),
    _p("Sremska Raca", "RS-BA", 44.92, 19.33),
    _p("Ljubovija", "RS-BA", 44.19, 19.37),
    _p("Maljevac", "BA-HR", 45.20, 15.78),
    _p("Velika Kladusa", "BA-HR", 45.18, 15.81),
    _p("Izacic", "BA-HR", 44.88, 15.77),
    _p("Cetingrad", "BA-HR", 45.16, 15.74),
    _p("Bihac", "BA-HR", 44.82, 15.87),
    _p("Kakavije", "GR-AL", 39.91, 20.32),
    _p("Kapshtice", "GR-AL", 40.63, 20.96),
    _p("Tre Urat", "GR-AL", 40.18, 20.58),
    _p("Kakavia", "GR-AL", 39.90, 20.33),
    _p("Krystallopigi", "GR-AL", 40.64, 20.99),
    _p("Bozaj", "AL-ME", 42.37, 19.43),
    _p("Sukobin", "AL-ME", 41.95, 19.37),
    _p("Grncar", "AL-ME", 42.54, 19.77),
    _p("Hani i Hotit", "AL-ME", 42.35, 19.45),
    _p("Muriqan", "AL-ME", 41.94, 19.36),
    _p("Trebinje", "ME-BA", 42.71, 18.34),
    _p("Gacko", "ME-BA", 43.17, 18.54),
    _p("Foca", "ME-BA", 43.50, 18.78),
    _p("Klobuk", "ME-BA", 42.70, 18.53),
    _p("Scepan Polje", "ME-BA", 43.32, 18.83),
    _p("Sitnica", "ME-BA", 42.77, 18.50),
    _p("Aerodrom Nikola Tesla Beograd", "AIR-RS", 44.82, 20.29),
    _p("Aeroporti Nene Tereza Rinas", "AIR-AL", 41.41, 19.72),
    _p("Aerodrom Podgorica", "GB-ME", 42.36, 19.25),
    _p("Aerodrom Tivat", "GB-ME", 42.40, 18.72),
    _p("Zracna luka Split", "GB-HR", 43.54, 16.30),
    _p("Zracna luka Dubrovnik", "GB-HR", 42.56, 18.27),
    _p("Morine", "XK-AL", 42.11, 20.56),
    _p("Qafe Prush", "XK-AL", 42.30, 20.27),
    _p("Vermice", "XK-AL", 42.12, 20.57),
    _p("Blace", "XK-MK", 42.08, 21.29),
    _p("Jazince", "XK-MK", 42.06, 21.02),
    _p("Hani i Elezit", "XK-MK", 42.15, 21.30),
    _p("Kula", "XK-ME", 42.77, 20.12),
    _p("Kulla", "XK-ME", 42.77, 20.13),
    _p("Jarinje", "XK-RS", 43.22, 20.62),
    _p("Merdare", "XK-RS", 42.96, 21.22),
    _p("Konculj", "XK-RS", 42.57, 21.64),
    _p("Qafe Thane", "MK-AL", 41.19, 20.58),
    _p("Tushemisht", "MK-AL", 40.91, 20.72),
    _p("Kjafasan", "MK-AL", 41.18, 20.59),
    _p("Sveti Naum", "MK-AL", 40.91, 20.74),
    _p("Karasovici", "ME-HR", 42.49, 18.48),
    _p("Debeli Brijeg", "ME-HR", 42.48, 18.50),
    _p("Gostun", "ME-RS", 43.24, 19.70),
    _p("Spiljani", "ME-RS", 43.06, 20.27),
    _p("Dobrakovo", "ME-RS", 43.13, 19.75),
    _p("Dracenovac", "ME-RS", 43.05, 20.24),
    _p("Vracenovici", "BA-ME", 42.77, 18.55),
    _p("Hum", "BA-ME", 43.34, 18.84),
    _p("Bosanski Brod", "HR-BA", 45.14, 18.02),
    _p("Gradiska", "HR-BA", 45.14, 17.25),
    _p("Orasje", "HR-BA", 45.04, 18.69),
    _p("Slavonski Brod", "HR-BA", 45.16, 18.01),
    _p("Stara Gradiska", "HR-BA", 45.15, 17.25),
)


def crossing_key(name: str) -> str:
    """The form by which names of crossing points are matched, whatever the script."""
    return " ".join(ascii_fold(to_latin(name)).lower().replace("-", " ").split())


def section_key(section: str) -> tuple[str, str] | None:
    """A border section (``MK-RS`` or ``RS-MK``) as an unordered pair, for the map."""
    parts = section.strip().upper().split("-")
    if len(parts) != 2 or not all(parts):
        return None
    a, b = parts
    return (a, b) if a <= b else (b, a)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Point]:
    found: dict[str, Point] = {}
    for point in CROSSING_POINTS:
        found.setdefault(crossing_key(point.name), point)
    return found


def find_crossing(name: str) -> Point | None:
    return _by_key().get(crossing_key(name))


@dataclass(frozen=True)
class MapFrame:
    """An equirectangular projection scaled by the cosine of the middle latitude: true enough
    in shape for a region this size."""

    west: float = 13.8
    east: float = 27.9
    south: float = 37.4
    north: float = 47.2
    scale: float = 62.0

    @property
    def _kx(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2)) * self.scale

    @property
    def width(self) -> int:
        return round((self.east - self.west) * self._kx)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (round((lon - self.west) * self._kx, 1), round((self.north - lat) * self.scale, 1))

    def meridians(self) -> list[tuple[int, float]]:
        return [(lon, self.xy(self.north, lon)[0]) for lon in range(14, 28, 2)]

    def parallels(self) -> list[tuple[int, float]]:
        return [(lat, self.xy(lat, self.west)[1]) for lat in range(38, 48, 2)]
