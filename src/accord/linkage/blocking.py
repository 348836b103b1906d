"""Candidate pairs: records that share a blocking key, with very common keys capped.

Keys come from the names layer's normalised forms (given-name id with the surname's consonant
skeleton, in both field orders; surname skeleton with the year of birth and the given name's
initial), from the date of birth with the given name, and from each document and phone
number. A key held by more records than the cap (a very common name) does not pair all of
them: its records are sorted by date of birth and name, and each is paired with its next
``window`` neighbours only. The report says how many pairs each kind of key gave, how many
of them no earlier kind had, and how many pairs the caps left out.

Runs as SQL on DuckDB over the prepared records; nothing here is computed per pair in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

__all__ = ["BLOCKING_KINDS", "KEY_KINDS", "LIST_KINDS", "BlockingReport", "candidate_pairs"]

#: kind -> SQL of the key (null when the record has none), over the prepared records.
KEY_KINDS: dict[str, str] = {
    "given name and surname": "'fs:' || key_fs",
    "given name and surname swapped": "'fs:' || last_lex1 || '|' || first_skel",
    "given name, surname, father's name and year of birth": (
        "'ff:' || key_fs || '|' || father_lex1 || '|' || dob_year"
    ),
    "surname, year of birth, initial and sex": (
        "'sy:' || last_skel || '|' || dob_year || '|' || left(first_tok1, 1) || '|' || sex"
    ),
    "date of birth and given name": (
        "case when dob_day is not null then 'dg:' || dob || '|' || first_lex1 end"
    ),
}
#: kind -> list column of the prepared records, each of whose values is a key of its own
LIST_KINDS: dict[str, str] = {"document number": "docs", "phone number": "phones"}
#: Every kind of key, in the order of their numbers (``match_key`` of a pair: the first kind
#: that produced it).
BLOCKING_KINDS = (*KEY_KINDS, *LIST_KINDS)


@dataclass
class BlockingReport:
    """Pairs produced per kind of key, the blocks over the cap and the pairs they left out."""

    cap: int
    window: int
    pairs: int = 0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    capped_blocks: int = 0
    capped_records: int = 0
    pairs_left_out: int = 0
    largest_block: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _keys_sql(table: str) -> str:
    parts = [
        f"select unique_id, {index} as kind, {sql} as key from {table}"
        for index, sql in enumerate(KEY_KINDS.values())
    ]
    for index, column in enumerate(LIST_KINDS.values(), start=len(KEY_KINDS)):
        parts.append(
            f"select unique_id, {index} as kind, '{column}:' || unnest({column}) as key "
            f"from {table} where {column} is not null"
        )
    return " union all ".join(parts)


def candidate_pairs(
    con: duckdb.DuckDBPyConnection, table: str, *, cap: int, window: int, out: str
) -> BlockingReport:
    """Create table ``out`` (match_key, join_key_l, join_key_r) of distinct candidate pairs."""
    kinds = list(BLOCKING_KINDS)
    # one sort of the records gives every capped block its order (date of birth, then name)
    con.execute(
        f"""
        create or replace temp table __accord_order as
        select unique_id, row_number() over (
            order by coalesce(dob, '9999'), first_canon, last_canon, unique_id) as rank
        from {table}
        """
    )
    # keys as 64-bit hashes: a million records hold millions of keys
    con.execute(
        f"""
        create or replace temp table __accord_keys as
        with raw as (select distinct unique_id, kind::utinyint as kind, hash(key) as key
                     from ({_keys_sql(table)}) where key is not null)
        select raw.unique_id, raw.kind, raw.key,
               count(*) over (partition by raw.key) as size,
               row_number() over (partition by raw.key order by o.rank) as pos
        from raw join __accord_order o using (unique_id)
        """
    )
    con.execute(
        f"""
        create or replace temp table __accord_pairs_all as
        with small as (select unique_id, kind, key from __accord_keys
                       where size <= {cap} and size > 1)
        select a.kind, a.unique_id as l, b.unique_id as r
        from small a join small b on a.key = b.key and a.unique_id < b.unique_id
        """
    )
    # each record of a capped block meets its next neighbours: the probes are made first so
    # that the join is on (key, position) and never on the key alone
    con.execute(
        f"""
        create or replace temp table __accord_big as
        select unique_id, kind, key, pos from __accord_keys where size > {cap}
        """
    )
    con.execute(
        f"""
        create or replace temp table __accord_probes as
        select a.unique_id, a.kind, a.key, a.pos + w.step as target
        from __accord_big a cross join range(1, {window + 1}) as w(step)
        """
    )
    con.execute(
        """
        insert into __accord_pairs_all
        select p.kind, least(p.unique_id, b.unique_id), greatest(p.unique_id, b.unique_id)
        from __accord_probes p join __accord_big b on b.key = p.key and b.pos = p.target
        """
    )
    con.execute(
        f"""
        create or replace table {out} as
        select cast(min(kind) as varchar) as match_key, l as join_key_l, r as join_key_r
        from __accord_pairs_all group by l, r
        """
    )
    report = BlockingReport(cap=cap, window=window)
    report.pairs = int(_scalar(con, f"select count(*) from {out}"))
    by_kind = con.execute("select kind, count(*) from __accord_pairs_all group by kind").fetchall()
    first = con.execute(f"select match_key, count(*) from {out} group by match_key").fetchall()
    first_by_kind = {int(k): int(n) for k, n in first}
    blocks = con.execute(
        "select kind, count(distinct key), max(size) from __accord_keys group by kind"
    ).fetchall()
    block_counts = {int(k): (int(n), int(m)) for k, n, m in blocks}
    for kind, pairs in by_kind:
        n_blocks, largest = block_counts.get(int(kind), (0, 0))
        report.by_kind[kinds[int(kind)]] = {
            "blocks": n_blocks,
            "largest": largest,
            "pairs": int(pairs),
            "new_pairs": first_by_kind.get(int(kind), 0),
        }
    capped = con.execute(
        f"""select count(*), coalesce(sum(size), 0),
                   coalesce(sum(size * (size - 1) / 2 - (size * {window}
                                - {window} * ({window} + 1) / 2)), 0),
                   coalesce(max(size), 0)
            from (select key, any_value(size) as size from __accord_keys group by key)
            where size > {cap}"""
    ).fetchall()[0]
    report.capped_blocks, report.capped_records = int(capped[0]), int(capped[1])
    report.pairs_left_out = int(capped[2])
    report.largest_block = int(_scalar(con, "select coalesce(max(size), 0) from __accord_keys"))
    for name in ("__accord_pairs_all", "__accord_keys", "__accord_order", "__accord_big",
                 "__accord_probes"):  # fmt: skip
        con.execute(f"drop table if exists {name}")
    return report


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    rows = con.execute(sql).fetchall()
    return rows[0][0] if rows else 0
