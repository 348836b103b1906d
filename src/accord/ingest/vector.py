"""Vectorised fast paths of the value checks, for the common well-formed values.

Each function takes a column of raw text and returns the cleaned value where the fast path is
sure (the same result the per-value check in :mod:`accord.ingest.values` gives) and null
where it is not; those values then go through the per-value check, once per distinct value.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from followthemoney.property import Property

__all__ = ["vector_cleaner"]

_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
VectorCleaner = Callable[[pl.Series], pl.Series]


def _text(max_length: int, collapse: bool) -> VectorCleaner:
    def clean(raw: pl.Series) -> pl.Series:
        text = raw.str.replace_all(_CONTROL, "").str.normalize("NFC").str.strip_chars()
        if collapse:
            text = text.str.replace_all(r"\s+", " ")
        ok = text.str.len_chars() <= max_length
        if collapse:
            ok = ok & text.str.contains(r"[\p{L}\p{N}]")
        return pl.select(pl.when(ok).then(text).otherwise(None)).to_series()

    return clean


def _iso_dates(raw: pl.Series) -> pl.Series:
    text = raw.str.strip_chars()
    full = (
        text.str.contains(r"^\d{4}-\d{2}-\d{2}$")
        & text.str.to_date("%Y-%m-%d", strict=False).is_not_null()
    )
    year = text.str.slice(0, 4).cast(pl.Int32, strict=False)
    in_range = (year >= 1800) & (year <= 2100)
    month = text.str.slice(5, 2).cast(pl.Int32, strict=False)
    year_month = text.str.contains(r"^\d{4}-\d{2}$") & (month >= 1) & (month <= 12)
    year_only = text.str.contains(r"^\d{4}$")
    ok = in_range & (full | year_month | year_only)
    return pl.select(pl.when(ok).then(text).otherwise(None)).to_series()


def vector_cleaner(prop: Property, formats: tuple[str, ...]) -> VectorCleaner | None:
    """The fast path for a property's values, or None where every value takes the slow one."""
    name = prop.type.name
    if name == "identifier" and not prop.format:
        return _text(prop.max_length or 65000, collapse=True)
    if name in ("name", "string", "text", "address"):
        return _text(prop.max_length or 65000, collapse=False)
    if name == "date" and not formats:
        return _iso_dates
    return None
