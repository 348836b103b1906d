"""The shipped parameters (``data/default_parameters.json``) and how they are retrained.

They are where EM starts on every input and the whole model of an input too small to train on
(:data:`accord.linkage.engine.MIN_TRAINING_RECORDS`). They are retrained by linking the
development region and keeping each level's trained m and u
(``accord eval link --seed 2025 --scale 100000 --save-parameters FILE``); the m of the
comparisons in :data:`accord.linkage.model.FIXED_M` stays as shipped, as in every run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.linkage.model import FIXED_M, shipped_parameters

__all__ = ["retrained_parameters", "write_parameters"]

Levels = Mapping[str, Mapping[str, Mapping[str, float | None]]]


def _probability(value: float | None, where: str) -> float:
    if value is None or not 0.0 <= float(value) <= 1.0:
        raise InputError(
            f"The trained {where} is {value!r}, not a probability.",
            hint="Retrain on a region of at least a few thousand records.",
        )
    # a level never seen in training keeps a tiny probability: a zero would be a veto
    return max(round(float(value), 8), 1e-6)


def retrained_parameters(trained: Levels, about: str) -> dict[str, Any]:
    """The parameters document from a run's trained ``{comparison: {level label: {"m", "u"}}}``
    (the ``model.parameters`` of a link report). Levels the run did not train keep the shipped
    values; the m of :data:`FIXED_M` comparisons is the shipped one."""
    shipped = shipped_parameters()
    levels: dict[str, dict[str, dict[str, float]]] = {}
    for comparison, old_levels in shipped.items():
        new_levels = trained.get(comparison, {})
        levels[comparison] = {}
        for label, old in old_levels.items():
            new = new_levels.get(label)
            if new is None:
                levels[comparison][label] = dict(old)
                continue
            where = f"{comparison} level {label!r}"
            m = old["m"] if comparison in FIXED_M else _probability(new.get("m"), f"m of {where}")
            levels[comparison][label] = {"m": m, "u": _probability(new.get("u"), f"u of {where}")}
    return {"about": about, "levels": levels}


def write_parameters(document: Mapping[str, Any], path: Path) -> None:
    """Write a parameters document as the shipped file is written (UTF-8, indented)."""
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
