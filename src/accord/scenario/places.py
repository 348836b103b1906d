"""Places of the scenario: cities, border crossing points by border section, ports.

Crossing points and hotspots follow shared/reference/domain-facts.md §1.5 (GI-TOC "Spot Prices"
2021, IOM 2018, Frontex WB quarterly 2018, AP 2023): Gevgelija/Vinojug, Preševo/Miratovac,
Dimitrovgrad/Gradina, Horgoš/Röszke, Subotica, Kelebija, Kikinda, Šid/Tovarnik, Zvornik,
Bijeljina, Bratunac, Kakavijë, Kapshticë, Hani i Hotit/Božaj, Trebinje, Gacko, Foča, Bihać,
Velika Kladuša, Maljevac, Izačić. Names are written in the reporting participant's own spelling
(Macedonian in Cyrillic).
"""

from __future__ import annotations

__all__ = ["CITIES", "CROSSING_POINTS", "PORTS", "crossing_points", "script_of"]

#: Cities by participant, in native spelling (birth places, addresses, safe houses).
CITIES: dict[str, tuple[str, ...]] = {
    "RS": ("Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica", "Čačak", "Kraljevo",
           "Novi Pazar", "Leskovac", "Pančevo", "Šabac", "Sombor", "Kikinda", "Pirot"),
    "BA": ("Sarajevo", "Banja Luka", "Tuzla", "Zenica", "Mostar", "Bihać", "Bijeljina",
           "Brčko", "Cazin", "Trebinje", "Velika Kladuša", "Zvornik"),
    "ME": ("Podgorica", "Nikšić", "Bar", "Budva", "Herceg Novi", "Pljevlja", "Bijelo Polje",
           "Kotor", "Ulcinj", "Rožaje", "Tivat", "Cetinje"),
    "MK": ("Скопје", "Битола", "Куманово", "Прилеп", "Тетово", "Охрид", "Велес", "Штип",
           "Гостивар", "Струмица", "Гевгелија"),
    "AL": ("Tiranë", "Durrës", "Vlorë", "Elbasan", "Shkodër", "Fier", "Korçë", "Berat",
           "Lushnjë", "Kukës", "Sarandë"),
    "XK": ("Prishtinë", "Prizren", "Pejë", "Gjakovë", "Ferizaj", "Gjilan", "Mitrovicë",
           "Podujevë", "Vushtrri", "Suharekë"),
    "HR": ("Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Slavonski Brod", "Vukovar"),
    "GB": ("London", "Birmingham", "Manchester", "Leeds", "Liverpool", "Glasgow", "Bristol"),
    "HU": ("Szeged", "Budapest", "Kiskunhalas", "Mórahalom"),
    "SY": ("Aleppo", "Damascus", "Idlib", "Deir ez-Zor", "Homs", "Raqqa", "Hasakah"),
    "AF": ("Kabul", "Herat", "Kunduz", "Jalalabad", "Mazar-i-Sharif", "Ghazni"),
    "TR": ("Istanbul", "Ankara", "Gaziantep", "Van", "Diyarbakir", "Izmir"),
    "EC": ("Guayaquil", "Machala", "Quito", "Manta"),
}  # fmt: skip

#: (from, to) -> reporting participant -> crossing points in that participant's spelling.
CROSSING_POINTS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("TR", "GR"): {"GR": ("Evros - Orestiada", "Feres", "Lesvos", "Samos", "Chios")},
    ("TR", "BG"): {"BG": ("Kapitan Andreevo", "Elhovo", "Malko Tarnovo", "Svilengrad")},
    ("GR", "MK"): {"MK": ("Гевгелија", "Богородица", "Стар Дојран", "Винојуг"),
                   "GR": ("Evzoni", "Niki", "Doirani")},
    ("MK", "BG"): {"MK": ("Деве Баир", "Делчево"), "BG": ("Gyueshevo", "Zlatarevo")},
    ("HR", "HU"): {"HU": ("Letenye", "Udvar"), "HR": ("Goričan", "Duboševica")},
    ("GB", "AL"): {"AL": ("Aeroporti Nënë Tereza Rinas",)},
    ("GB", "ME"): {"ME": ("Aerodrom Podgorica", "Aerodrom Tivat")},
    ("GB", "HR"): {"HR": ("Zračna luka Split", "Zračna luka Dubrovnik")},
    ("MK", "RS"): {"MK": ("Табановце", "Лојане"), "RS": ("Preševo", "Miratovac", "Vranje")},
    ("BG", "RS"): {"RS": ("Gradina", "Dimitrovgrad", "Pirot", "Zaječar"),
                   "BG": ("Kalotina", "Vrashka Chuka")},
    ("RS", "HU"): {
        "HU": ("Röszke", "Ásotthalom", "Kelebia", "Tompa", "Mórahalom"),
        "RS": ("Horgoš", "Subotica", "Kelebija", "Sombor"),
    },
    ("RS", "HR"): {"HR": ("Tovarnik", "Bajakovo", "Ilok"), "RS": ("Šid", "Batrovci", "Adaševci")},
    ("RS", "RO"): {"RS": ("Kikinda", "Srpska Crnja", "Vršac")},
    ("RS", "BA"): {
        "BA": ("Zvornik", "Karakaj", "Bijeljina", "Bratunac", "Pavlovića most"),
        "RS": ("Mali Zvornik", "Sremska Rača", "Ljubovija"),
    },
    ("BA", "HR"): {
        "HR": ("Maljevac", "Velika Kladuša", "Izačić", "Cetingrad"),
        "BA": ("Velika Kladuša", "Bihać", "Izačić"),
    },
    ("GR", "AL"): {"AL": ("Kakavijë", "Kapshticë", "Tre Urat"),
                   "GR": ("Kakavia", "Krystallopigi")},
    ("AL", "ME"): {"ME": ("Božaj", "Sukobin", "Grnčar"), "AL": ("Hani i Hotit", "Muriqan")},
    ("ME", "BA"): {"BA": ("Trebinje", "Gacko", "Foča", "Klobuk"),
                   "ME": ("Šćepan Polje", "Sitnica")},
    ("FR", "GB"): {"GB": ("Dover", "Dungeness", "Folkestone", "Lydd")},
    ("AIR", "RS"): {"RS": ("Aerodrom Nikola Tesla Beograd",)},
    ("AIR", "AL"): {"AL": ("Aeroporti Nënë Tereza Rinas",)},
    # Regular crossings of residents travelling in the region.
    ("XK", "AL"): {"AL": ("Morinë", "Qafë Prush"), "XK": ("Vërmicë",)},
    ("XK", "MK"): {"MK": ("Блаце", "Јажинце"), "XK": ("Hani i Elezit",)},
    ("XK", "ME"): {"ME": ("Kula",), "XK": ("Kulla",)},
    ("XK", "RS"): {"RS": ("Jarinje", "Merdare", "Končulj"), "XK": ("Jarinjë", "Merdarë")},
    ("MK", "AL"): {"AL": ("Qafë Thanë", "Tushemisht"), "MK": ("Ќафасан", "Свети Наум")},
    ("ME", "HR"): {"HR": ("Karasovići",), "ME": ("Debeli Brijeg",)},
    ("ME", "RS"): {"RS": ("Gostun", "Špiljani"), "ME": ("Dobrakovo", "Dračenovac")},
    ("BA", "ME"): {"ME": ("Vraćenovići", "Šćepan Polje"), "BA": ("Klobuk", "Hum")},
    ("HR", "BA"): {"BA": ("Bosanski Brod", "Gradiška", "Orašje"),
                   "HR": ("Slavonski Brod", "Stara Gradiška")},
}  # fmt: skip

#: Ports of the cocaine route (domain-facts §6.1): name, country.
PORTS: tuple[tuple[str, str], ...] = (
    ("Puerto de Guayaquil", "EC"),
    ("Puerto de Buenaventura", "CO"),
    ("Port of Antwerp-Bruges", "BE"),
    ("Port of Rotterdam", "NL"),
    ("Luka Bar", "ME"),
    ("Porti i Durrësit", "AL"),
    ("Luka Ploče", "HR"),
    ("Luka Rijeka", "HR"),
)


def script_of(participant: str) -> str:
    """The script of a participant's place names, as namebank pools call it."""
    return {"MK": "mk", "AL": "albanian", "XK": "albanian"}.get(participant, "slavic")


def crossing_points(section: tuple[str, str], reporter: str) -> tuple[str, ...]:
    """The crossing points of a border section (either direction) named by ``reporter``."""
    found = CROSSING_POINTS.get(section, {}).get(reporter)
    if found is None:
        found = CROSSING_POINTS.get((section[1], section[0]), {}).get(reporter)
    return found or ("",)
