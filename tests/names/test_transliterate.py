"""Serbian and Macedonian Cyrillic to and from Latin, with the digraphs, and ASCII folding."""

from __future__ import annotations

from accord.names import ascii_fold, to_cyrillic, to_latin


def test_serbian_cyrillic_to_gaj_latin() -> None:
    assert to_latin("Петровић") == "Petrović"
    assert to_latin("Ђорђе Ђорђевић") == "Đorđe Đorđević"
    assert to_latin("Јовановић") == "Jovanović"


def test_digraphs_from_single_letters() -> None:
    assert to_latin("Љубиша") == "Ljubiša"
    assert to_latin("Његош") == "Njegoš"
    assert to_latin("Џаковић") == "Džaković"
    assert to_latin("Ѓорѓи") == "Gjorgji"
    assert to_latin("Ќосески") == "Kjoseski"
    assert to_latin("Ѕвезда") == "Dzvezda"


def test_digraphs_in_capitals() -> None:
    assert to_latin("ЉУБИША") == "LJUBIŠA"
    assert to_latin("ЊЕГОШ") == "NJEGOŠ"
    assert to_latin("Љ. Петровић") == "Lj. Petrović"  # an initial keeps the digraph's case


def test_latin_to_cyrillic_serbian_and_macedonian() -> None:
    assert to_cyrillic("Ljubiša Džaković") == "Љубиша Џаковић"
    assert to_cyrillic("Đorđe Petrović") == "Ђорђе Петровић"
    assert to_cyrillic("Gjorgji Kjoseski", language="mk") == "Ѓорѓи Ќосески"
    assert to_cyrillic("Zhivko Chavdarovski", language="mk") == "Живко Чавдаровски"


def test_ascii_forms_people_type() -> None:
    assert ascii_fold("Đorđe Petrović") == "Djordje Petrovic"
    assert ascii_fold("Džemal Šarić Žižić") == "Dzemal Saric Zizic"
    assert ascii_fold("Ђорђе Петровић") == "Djordje Petrovic"
    assert ascii_fold("Hüseyin Yıldırım Şahin Çelik Doğan") == "Huseyin Yildirim Sahin Celik Dogan"
    assert ascii_fold("Gëzim Çela") == "Gezim Cela"


def test_other_cyrillic_letters_are_transliterated() -> None:
    assert to_latin("Юрий Щербаков") == "Jurij Ščerbakov"
    assert to_latin("Мельник") == "Melnik"


def test_text_without_cyrillic_is_unchanged() -> None:
    assert to_latin("Petar Petrović") == "Petar Petrović"
    assert to_latin("محمد") == "محمد"
