"""How each participant writes its records: script, diacritics, date format, column names,
CSV dialect and the rate of clerical errors.

The rates below are the "stated rates" of the scenario (docs/scenario.md repeats them): they are
chosen to be realistic for manual registration at borders, not taken from a statistic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = [
    "CONVENTIONS",
    "DATE_FORMATS",
    "Convention",
    "ErrorRates",
    "header",
]


@dataclass(frozen=True, slots=True)
class ErrorRates:
    """Per-record probabilities of clerical errors."""

    typo: float = 0.03  # one letter dropped, doubled or two letters swapped in a name
    name_swap: float = 0.02  # surname written in the first-name field and vice versa
    missing_birth_date: float = 0.03
    partial_birth_date: float = 0.04  # only YYYY or YYYY-MM recorded
    day_month_swap: float = 0.02  # 03.12. for 12.03. (only where both are <= 12)
    missing_document: float = 0.10  # document number left empty although one was shown
    missing_nationality: float = 0.02
    lookalike: float = 0.02  # O/0, I/1 or a Cyrillic look-alike letter in an identifier
    invalid_date: float = 0.0  # of unknown birth dates: day and month written 00 (00.00.YYYY)


#: Noise profiles: border registrations of migrants are the noisiest, registries the cleanest.
BORDER = ErrorRates()
MIGRANT = ErrorRates(
    typo=0.05, name_swap=0.04, partial_birth_date=0.06, missing_document=0.2, invalid_date=0.03
)
POLICE = ErrorRates(typo=0.02, name_swap=0.01, missing_birth_date=0.02, partial_birth_date=0.02)
REGISTRY = ErrorRates(
    typo=0.005,
    name_swap=0.0,
    missing_birth_date=0.0,
    partial_birth_date=0.0,
    day_month_swap=0.002,
    missing_document=0.0,
    missing_nationality=0.0,
    lookalike=0.005,
)

#: strptime formats a mapping declares for each date style (ISO partial dates are always valid).
DATE_FORMATS: dict[str, list[str]] = {
    "dmy_dot": ["%d.%m.%Y"],
    "dmy_dot_mixed": ["%d.%m.%Y.", "%d.%m.%Y"],  # Serbian writes a trailing dot, not always
    "dmy_slash": ["%d/%m/%Y"],
    "iso": ["%Y-%m-%d"],
    "ymd_hu": ["%Y.%m.%d."],
}


@dataclass(frozen=True, slots=True)
class Convention:
    """The writing conventions of one participant (or one of its sources)."""

    participant: str
    language: str  # column vocabulary
    mode: str  # sr (Serbian Cyrillic/Latin), mk, sl (Latin), sq (Albanian), ascii
    cyrillic: float = 0.0  # share of records written in Cyrillic
    diacritics: float = 1.0  # share of Latin records that keep diacritics
    upper: bool = False  # names in capitals (MRZ style)
    date_style: str = "dmy_dot"
    country_style: str = "alpha3"
    delimiter: str = ","
    encoding: str = "utf-8"
    copy_document: float = 0.3  # chance a clerk copies a foreign name from the passport
    errors: ErrorRates = BORDER

    def variant(self, **changes: object) -> Convention:
        """This convention with some fields changed (another source of the same participant)."""
        return replace(self, **changes)  # type: ignore[arg-type]


CONVENTIONS: dict[str, Convention] = {
    "RS": Convention("RS", "sr", "sr", cyrillic=0.6, diacritics=0.75, date_style="dmy_dot_mixed"),
    "MK": Convention("MK", "mk", "mk", cyrillic=0.55, date_style="dmy_dot"),
    "BA": Convention(
        "BA", "bs", "sl", diacritics=0.6, delimiter=";", encoding="cp1250", date_style="dmy_dot"
    ),
    "ME": Convention("ME", "me", "sl", diacritics=0.65, delimiter=";"),
    "HR": Convention("HR", "hr", "sl", diacritics=0.9, delimiter=";"),
    "AL": Convention("AL", "sq", "sq", diacritics=0.55, date_style="dmy_slash"),
    "XK": Convention("XK", "sq", "sq", diacritics=0.5),
    "GB": Convention("GB", "en", "ascii", date_style="iso", copy_document=1.0),
    "HU": Convention("HU", "hu", "ascii", upper=True, date_style="ymd_hu", delimiter=";"),
    "GR": Convention("GR", "en", "ascii", upper=True, date_style="dmy_slash"),
    "BG": Convention("BG", "en", "ascii", upper=True),
    "EU": Convention("EU", "en", "ascii", date_style="iso", country_style="alpha2"),
    "FRONTEX": Convention("FRONTEX", "en", "ascii", date_style="iso", country_style="alpha2"),
    "EUROPOL": Convention("EUROPOL", "en", "ascii", date_style="iso", country_style="alpha2"),
}

# Column names of the person and crossing files in each participant's language. Columns not
# listed keep their logical (English) name.
_VOCABULARY: dict[str, dict[str, str]] = {
    "sr": {
        "key": "evid_broj", "first_name": "ime", "last_name": "prezime", "father_name": "ime_oca",
        "birth_date": "datum_rodjenja", "birth_place": "mesto_rodjenja", "sex": "pol",
        "nationality": "drzavljanstvo", "id_number": "jmbg", "document_number": "broj_pasosa",
        "phone": "telefon", "address": "adresa", "person_ref": "osoba", "date": "datum",
        "crossing_point": "granicni_prelaz", "direction": "smer",
    },
    "mk": {
        "key": "evid_broj", "first_name": "ime", "last_name": "prezime",
        "father_name": "tatkovo_ime", "birth_date": "datum_na_ragjanje",
        "birth_place": "mesto_na_ragjanje", "sex": "pol", "nationality": "drzhavjanstvo",
        "id_number": "embg", "document_number": "broj_na_patna_isprava", "phone": "telefon",
        "person_ref": "lice", "date": "datum", "crossing_point": "granichen_premin",
    },
    "bs": {
        "key": "evid_broj", "first_name": "ime", "last_name": "prezime", "father_name": "ime_oca",
        "birth_date": "datum_rodjenja", "birth_place": "mjesto_rodjenja", "sex": "spol",
        "nationality": "drzavljanstvo", "id_number": "jmb", "document_number": "broj_pasosa",
        "phone": "telefon", "person_ref": "osoba", "date": "datum",
        "crossing_point": "granicni_prijelaz",
    },
    "me": {
        "key": "evid_broj", "first_name": "ime", "last_name": "prezime", "father_name": "ime_oca",
        "birth_date": "datum_rodjenja", "birth_place": "mjesto_rodjenja", "sex": "pol",
        "nationality": "drzavljanstvo", "id_number": "jmbg", "document_number": "broj_pasosa",
        "phone": "telefon", "person_ref": "lice", "date": "datum",
        "crossing_point": "granicni_prelaz",
    },
    "hr": {
        "key": "urudzbeni_broj", "first_name": "ime", "last_name": "prezime",
        "father_name": "ime_oca", "birth_date": "datum_rodjenja", "birth_place": "mjesto_rodjenja",
        "sex": "spol", "nationality": "drzavljanstvo", "id_number": "oib_jmbg",
        "document_number": "broj_isprave", "phone": "telefon", "person_ref": "osoba",
        "date": "datum", "crossing_point": "granicni_prijelaz",
    },
    "sq": {
        "key": "nr_regjistrimi", "first_name": "emri", "last_name": "mbiemri",
        "father_name": "atesia", "birth_date": "datelindja", "birth_place": "vendlindja",
        "sex": "gjinia", "nationality": "shtetesia", "id_number": "nr_personal",
        "document_number": "nr_dokumentit", "phone": "telefoni", "person_ref": "personi",
        "date": "data", "crossing_point": "pika_kufitare",
    },
    "en": {
        "key": "record_id", "first_name": "forename", "last_name": "surname",
        "father_name": "father_name", "birth_date": "date_of_birth",
        "birth_place": "place_of_birth", "sex": "gender", "nationality": "nationality",
        "id_number": "personal_number", "document_number": "document_no",
        "person_ref": "subject_id",
    },
    "hu": {
        "key": "azonosito", "first_name": "utonev", "last_name": "csaladi_nev",
        "father_name": "apja_neve", "birth_date": "szuletesi_datum",
        "birth_place": "szuletesi_hely", "sex": "nem", "nationality": "allampolgarsag",
        "id_number": "szemelyi_azonosito", "document_number": "okmanyszam",
        "person_ref": "szemely", "date": "datum", "crossing_point": "hatarszakasz",
    },
}  # fmt: skip


def header(language: str, column: str) -> str:
    """The file column name for logical ``column`` in ``language``."""
    return _VOCABULARY.get(language, {}).get(column, column)
