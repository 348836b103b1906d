"""Candidate pairs that are never one person (:data:`accord.linkage.model.CONTRADICTIONS`).

Evaluated in SQL over the candidate pairs, with the same ``_l``/``_r`` column names the
comparisons use. The clustering takes them as cannot-link constraints, so that twins or a
brother and sister are not joined through a third record either.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import duckdb

from accord.linkage.model import CONTRADICTIONS

__all__ = ["flag_contradictions"]

_COLUMN = re.compile(r"\b([a-z][a-z0-9_]*)_(l|r)\b")


def _columns_used(rules: Mapping[str, str]) -> list[str]:
    found: set[str] = set()
    for sql in rules.values():
        found.update(name for name, _ in _COLUMN.findall(sql))
    return sorted(found)


def flag_contradictions(
    con: duckdb.DuckDBPyConnection,
    records: str,
    pairs: str,
    out: str,
    components: str | None = None,
    rules: Mapping[str, str] = CONTRADICTIONS,
) -> int:
    """Create table ``out`` (``unique_id_l``, ``unique_id_r``, ``reason``) of the candidate
    ``pairs`` (``join_key_l``, ``join_key_r``) that meet a contradiction (or another of the
    ``rules``: reason to SQL condition, the first that holds is the reason); return their number.

    With ``components`` (a table of ``unique_id``, ``component``), only pairs within one
    component are looked at: the only ones that can constrain the clustering."""
    if components:
        # materialised first, so that the planner cannot join every pair to the records
        con.execute(
            f"""create or replace temp table __accord_within as
                select p.join_key_l, p.join_key_r from {pairs} p
                join {components} a on a.unique_id = p.join_key_l
                join {components} b on b.unique_id = p.join_key_r
                where a.component = b.component"""
        )
        pairs = "__accord_within"
    columns = _columns_used(rules)
    select = ", ".join(f"{side}.{name} as {name}_{side}" for name in columns for side in ("l", "r"))
    # a reason is a sentence, and may hold an apostrophe (father's): quoted as SQL text
    cases = " ".join(
        f"when {sql} then '{reason.replace(chr(39), chr(39) * 2)}'" for reason, sql in rules.items()
    )
    con.execute(
        f"""
        create or replace table {out} as
        select unique_id_l, unique_id_r, reason from (
            select p.join_key_l as unique_id_l, p.join_key_r as unique_id_r,
                   case {cases} end as reason
            from (select p.join_key_l, p.join_key_r, {select}
                  from {pairs} p
                  join {records} l on l.unique_id = p.join_key_l
                  join {records} r on r.unique_id = p.join_key_r) as p
        ) where reason is not null
        """
    )
    rows = con.execute(f"select count(*) from {out}").fetchall()
    con.execute("drop table if exists __accord_within")
    return int(rows[0][0])
