"""The trained match weights, read from a Splink model saved as JSON, and the score bands.

A Splink model holds, per comparison, the m and u probability of each level; the weight of a
level is log2(m / u), and a candidate's score is the sum of the weights of its levels (null
levels count 0). ``bands`` holds the two thresholds calibrated on generated data
(:mod:`.train`): at or above ``high`` at most 1% of hits were false; between ``review`` and
``high`` a person must look at the reasons.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from accord.errors import ConfigError

__all__ = ["MatchModel", "default_model", "load_model"]

_WEIGHT_CAP = 20.0


@dataclass(frozen=True)
class MatchModel:
    """Weights per (comparison, level label) and the two band thresholds."""

    weights: dict[tuple[str, str], float]
    high: float
    review: float
    calibration: dict[str, Any] = field(default_factory=dict)
    splink: dict[str, Any] = field(default_factory=dict)

    def weight(self, comparison: str, level: str | None) -> float:
        if level is None:
            return 0.0
        return self.weights.get((comparison, level), 0.0)

    @cached_property
    def dob_weights(self) -> tuple[float, ...]:
        """The weight of each date-of-birth level, in the order of :data:`.levels.DOB_LEVELS`
        (looked up once: the ranking of every query reads them)."""
        from accord.screening.levels import DOB_LEVELS

        return tuple(self.weight("dob", level) for level in DOB_LEVELS)

    def score(self, levels: dict[str, str | None]) -> float:
        """The summed weights of a pair's levels, in their order (what :meth:`weight` gives
        each, summed without a call per level: it runs for every candidate scored)."""
        weights, total = self.weights, 0.0
        for comparison, level in levels.items():
            if level is not None:  # a null level weighs nothing
                total += weights.get((comparison, level), 0.0)
        return total

    def band(self, score: float) -> str | None:
        if score >= self.high:
            return "high"
        if score >= self.review:
            return "review"
        return None


def _weights(splink: dict[str, Any]) -> dict[tuple[str, str], float]:
    weights: dict[tuple[str, str], float] = {}
    for comparison in splink.get("comparisons", []):
        name = comparison["output_column_name"]
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            if not m or not u:
                continue
            weight = math.log2(float(m) / float(u))
            weights[name, level["label_for_charts"]] = max(-_WEIGHT_CAP, min(_WEIGHT_CAP, weight))
    return weights


def model_from_dict(data: dict[str, Any]) -> MatchModel:
    try:
        splink = data["splink_model"]
        bands = data["bands"]
        return MatchModel(
            _weights(splink),
            float(bands["high"]),
            float(bands["review"]),
            dict(data.get("calibration") or {}),
            splink,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"The screening model is malformed: {exc}.") from exc


def load_model(path: Path) -> MatchModel:
    try:
        return model_from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"The screening model {path} cannot be read: {exc}.",
            hint="Train one with `accord screen train`.",
        ) from exc


@lru_cache(maxsize=1)
def default_model() -> MatchModel:
    """The model shipped with Accord (``screening/data/model.json``)."""
    text = resources.files("accord.screening").joinpath("data", "model.json").read_text("utf-8")
    return model_from_dict(json.loads(text))
