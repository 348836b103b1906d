"""Blocking keys and linkage columns are the same for one name in any script or spelling."""

from __future__ import annotations

from accord.names import NameFeatures, blocking_keys, canonical, name_features, normalise


def _shared(a: str, b: str) -> set[str]:
    return set(blocking_keys(a)) & set(blocking_keys(b))


def test_blocking_keys_survive_script_and_romanization() -> None:
    assert _shared("Петар Петровић", "Petar Petrovic")
    assert _shared("Ђорђе Ђорђевић", "Djordje Djordjevic")
    assert _shared("Ђорђе Ђорђевић", "Dorde Dordevic")
    assert _shared("محمد التميمي", "Mohammed al-Tamimi")
    assert _shared("Mohammed al-Tamimi", "Muhammad Tamimi")
    assert _shared("Bajram Krasniqi", "Bajram Krasnići")
    assert _shared("Hüseyin Yılmaz", "Huseyin Yilmaz")
    assert _shared("حسين الجبوري", "Hussein Jubouri")


def test_sorted_token_key_ignores_order() -> None:
    a = [k for k in blocking_keys("Petrović Petar") if k.startswith("st:")]
    b = [k for k in blocking_keys("Petar Petrovic") if k.startswith("st:")]
    assert a == b == ["st:petar petrovic"]


def test_keys_of_bad_input() -> None:
    assert blocking_keys("") == []
    assert blocking_keys("😀 !!!") == []
    assert len(blocking_keys("Petar " * 3000)) < 20


def test_normalise_and_canonical() -> None:
    assert normalise("Ђорђе Петровић") == "djordje petrovic"
    assert normalise("Mohammed al-Tamimi") == "mohammed tamimi"
    assert normalise("محمد") == "muhammad"
    assert canonical("Đorđe Petrović") == canonical("Djordje Petrovic") == "dorde petrovic"
    assert canonical("Krasniqi") == canonical("Krasnići")


def test_name_features() -> None:
    cyrillic = name_features("Ђорђе", "Петровић")
    latin = name_features("Djordje", "Petrovic")
    assert isinstance(cyrillic, NameFeatures)
    assert cyrillic.first_norm == latin.first_norm == "djordje"
    assert cyrillic.last_norm == "petrovic"
    assert cyrillic.full_norm == "djordje petrovic"
    assert cyrillic.first_canon == latin.first_canon
    assert cyrillic.first_lexeme == latin.first_lexeme
    assert cyrillic.first_gender == "m"
    assert cyrillic.last_skeleton == latin.last_skeleton
    assert set(cyrillic.keys) == set(latin.keys)


def test_name_features_known_names_and_gender() -> None:
    assert name_features("Mohammed", "").first_lexeme == name_features("محمد", "").first_lexeme
    assert name_features("Aleksandra", "Petrovska").first_gender == "f"
    assert name_features("Xyzq", "Petrovska").first_gender is None
    empty = name_features(None, None)
    assert empty.full_norm == "" and empty.keys == ()
