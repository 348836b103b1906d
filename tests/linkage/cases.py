"""Small link inputs for the tests: the region's hard cases, spelled as its records spell them."""

from __future__ import annotations

import polars as pl

from accord.linkage.inputs import INPUT_COLUMNS

#: The columns of the cases below (the optional ``phone`` is left out: absent means unknown).
COLUMNS = (*INPUT_COLUMNS, "birth_place", "father_name")

# record_id, participant, first, last, born, sex, nationality, document, birth place, father
HARD_CASES: list[tuple[str | None, ...]] = [
    # Serbian Cyrillic and Latin, ASCII: one person
    (
        "rs-petar",
        "RS",
        "Петар",
        "Петровић",
        "12.05.1980.",
        "M",
        "SRB",
        "1205980710012",
        "Ниш",
        "Јован",
    ),
    ("gb-petar", "GB", "PETAR", "PETROVIC", "1980-05-12", "M", "SRB", "", "", ""),
    ("hu-petar", "HU", "Petar", "Petrović", "1980-05", "M", "SRB", "120598071OO12", "Nis", "Jovan"),
    # Albanian and Slavic spellings, Cyrillic: one person
    (
        "xk-arben",
        "XK",
        "Arben",
        "Krasniqi",
        "1975-06-07",
        "M",
        "XKX",
        "1234567890",
        "Prishtinë",
        "Bajram",
    ),
    ("rs-arben", "RS", "Арбен", "Краснићи", "07.06.1975", "M", "XKX", "", "Приштина", "Бајрам"),
    ("me-arben", "ME", "Arben", "Krasnici", "1975", "M", "XK", "", "", "Bajram"),
    # Arabic-script and romanized forms of one Syrian name: one person
    ("hu-mhd", "HU", "MOHAMMED", "AL-TAMIMI", "1988-07-01", "M", "SYR", "N1234567", "", "AHMAD"),
    ("rs-mhd", "RS", "Мухамед", "Ал Тамими", "01.07.1988", "M", "SYR", "", "", "Ахмед"),
    ("gr-mhd", "GR", "Muhammad", "Tamimi", "1988-07-01", "M", "SYR", "N1234S67", "", "Ahmad"),
    # male and female forms of one name, same family: two people
    ("rs-aleksandar", "RS", "Aleksandar", "Vučić", "1990-01-02", "M", "SRB", "", "", "Milan"),
    ("rs-aleksandra", "RS", "Aleksandra", "Vučić", "1990-01-02", "F", "SRB", "", "", "Milan"),
    ("mk-petrovska", "MK", "Ана", "Петровска", "1991-03-04", "", "MKD", "", "", ""),
    ("mk-petrovski", "MK", "Ане", "Петровски", "1991-03-04", "", "MKD", "", "", ""),
    # twins: same surname, date and place of birth, father; different given names: two people
    (
        "rs-twin-1",
        "RS",
        "Nikola",
        "Jovanović",
        "1995-03-04",
        "M",
        "SRB",
        "0403995710034",
        "Beograd",
        "Zoran",
    ),
    (
        "rs-twin-2",
        "RS",
        "Marko",
        "Jovanović",
        "1995-03-04",
        "M",
        "SRB",
        "0403995710042",
        "Beograd",
        "Zoran",
    ),
    ("gb-twin-2", "GB", "MARKO", "JOVANOVIC", "1995-03-04", "M", "SRB", "", "", ""),
    # siblings: same surname and father, born years apart: two people
    ("xk-sister", "XK", "Fatmire", "Gashi", "1983-02-11", "F", "XKX", "", "Pejë", "Ramadan"),
    ("xk-brother", "XK", "Fatmir", "Gashi", "1979-09-30", "M", "XKX", "", "Pejë", "Ramadan"),
    # father and son of one name: two people
    (
        "ba-father",
        "BA",
        "Emir",
        "Hodžić",
        "1961-04-20",
        "M",
        "BIH",
        "2004961170010",
        "Tuzla",
        "Mehmed",
    ),
    ("ba-son", "BA", "Emir", "Hodžić", "1989-11-02", "M", "BIH", "0211989170033", "Tuzla", "Emir"),
]

#: record id -> the person it is
PERSONS = {
    "rs-petar": "petar", "gb-petar": "petar", "hu-petar": "petar",
    "xk-arben": "arben", "rs-arben": "arben", "me-arben": "arben",
    "hu-mhd": "mhd", "rs-mhd": "mhd", "gr-mhd": "mhd",
    "rs-aleksandar": "aleksandar", "rs-aleksandra": "aleksandra",
    "mk-petrovski": "petrovski", "mk-petrovska": "petrovska",
    "rs-twin-1": "nikola", "rs-twin-2": "marko", "gb-twin-2": "marko",
    "xk-sister": "fatmire", "xk-brother": "fatmir",
    "ba-father": "emir-1961", "ba-son": "emir-1989",
}  # fmt: skip


def frame(rows: list[tuple[str | None, ...]], columns: tuple[str, ...] = COLUMNS) -> pl.DataFrame:
    """A link input of these rows (empty strings become unknown)."""
    cleaned = [tuple(v if v != "" else None for v in row) for row in rows]
    return pl.DataFrame(cleaned, schema={c: pl.Utf8 for c in columns}, orient="row")
