"""Accord's names layer: person names across the scripts and spellings of the region.

Pure: reads only its own shipped data files. What it offers:

* :func:`compare` / :func:`name_score`: two names in any script -> score, match and reasons;
  :func:`analyse_names` analyses many ahead of their comparisons;
* :func:`normalise`, :func:`canonical`, :func:`blocking_keys`, :func:`name_features`: columns and
  keys computed once per record for linkage and screening;
* :func:`to_latin`, :func:`to_cyrillic`, :func:`ascii_fold`, :func:`arabic_to_latin`:
  transliteration;
* :func:`readings` and :func:`gender_forms`: the spelling equivalences and male/female rules the
  comparison uses.
"""

from accord.names.arabic import arabic_to_latin
from accord.names.compare import (
    DEFAULT_THRESHOLD,
    Comparison,
    analyse_names,
    compare,
    name_score,
    names_in_common,
)
from accord.names.equivalences import readings
from accord.names.gender import gender_forms
from accord.names.keys import NameFeatures, blocking_keys, canonical, name_features, normalise
from accord.names.transliterate import ascii_fold, to_cyrillic, to_latin

__all__ = [
    "DEFAULT_THRESHOLD",
    "Comparison",
    "NameFeatures",
    "analyse_names",
    "arabic_to_latin",
    "ascii_fold",
    "blocking_keys",
    "canonical",
    "compare",
    "gender_forms",
    "name_features",
    "name_score",
    "names_in_common",
    "normalise",
    "readings",
    "to_cyrillic",
    "to_latin",
]
