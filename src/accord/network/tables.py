"""The network table contract: the two polars tables the engine takes.

The service builds these tables from what a user may see (through the policy gate); the engine
builds a graph from them and never looks elsewhere. Column names and types are defined here once.

nodes
    ``id`` (unique, non-empty), ``kind`` (person, company, phone, account, ...), ``label``
    (display name), ``participants`` (comma-joined participant codes whose records stand behind the
    node), ``record_ids`` (the records behind it).
edges
    ``source``/``target`` (node ids), ``kind`` (ownership, payment, call, ...), ``weight`` (> 0:
    how strong, e.g. number of calls), ``amount`` (payments, EUR; nullable), ``time`` (nullable),
    ``record_id`` (the record the edge comes from, nullable).

Only ``id``/``kind`` and ``source``/``target``/``kind`` are required; the other columns are filled
with their defaults (label = id, no participants, no records, weight 1, no amount, time or record)
when absent. Kinds are open vocabularies: the lists below name those the engine knows how to read
(for example when exporting FollowTheMoney entities); any other lower-case kind is kept as it is.
"""

from __future__ import annotations

import re

import polars as pl

from accord.errors import InputError

__all__ = [
    "DIRECTED_EDGE_KINDS",
    "EDGE_KINDS",
    "EDGE_SCHEMA",
    "MONEY_EDGE_KINDS",
    "NODE_KINDS",
    "NODE_SCHEMA",
    "check_edges",
    "check_nodes",
    "empty_edges",
    "empty_nodes",
]

NODE_SCHEMA = pl.Schema(
    {
        "id": pl.Utf8(),
        "kind": pl.Utf8(),
        "label": pl.Utf8(),
        "participants": pl.Utf8(),
        "record_ids": pl.List(pl.Utf8()),
    }
)

EDGE_SCHEMA = pl.Schema(
    {
        "source": pl.Utf8(),
        "target": pl.Utf8(),
        "kind": pl.Utf8(),
        "weight": pl.Float64(),
        "amount": pl.Float64(),
        "time": pl.Datetime("us"),
        "record_id": pl.Utf8(),
    }
)

NODE_KINDS = (
    "person", "company", "organization", "phone", "email", "vehicle", "vessel", "account",
    "wallet", "address", "shipment",
)  # fmt: skip

EDGE_KINDS = (
    "ownership", "directorship", "family", "association", "employment", "call", "message",
    "payment", "transfer", "shared_address", "shared_phone", "shared_vehicle", "travel_together",
    "holds", "uses", "registered",
)  # fmt: skip

# Edges whose direction carries meaning (owner -> asset, payer -> payee). The others are
# symmetric relations and are read both ways by paths and neighbourhoods.
DIRECTED_EDGE_KINDS = frozenset(
    {"ownership", "directorship", "employment", "call", "message", "payment", "transfer",
     "holds", "uses", "registered"}
)  # fmt: skip

# Edges that move money; money-flow tracing and the detectors read only these.
MONEY_EDGE_KINDS = frozenset({"payment", "transfer"})

_KIND = re.compile(r"^[a-z][a-z0-9_]{0,63}$")

_NODE_DEFAULTS: dict[str, pl.Expr] = {
    "label": pl.col("id"),
    "participants": pl.lit("", dtype=pl.Utf8),
    "record_ids": pl.lit([], dtype=pl.List(pl.Utf8())),
}

_EDGE_DEFAULTS: dict[str, pl.Expr] = {
    "weight": pl.lit(1.0, dtype=pl.Float64),
    "amount": pl.lit(None, dtype=pl.Float64),
    "time": pl.lit(None, dtype=pl.Datetime("us")),
    "record_id": pl.lit(None, dtype=pl.Utf8),
}


def empty_nodes() -> pl.DataFrame:
    """A node table with no rows and the contract's columns."""
    return pl.DataFrame(schema=NODE_SCHEMA)


def empty_edges() -> pl.DataFrame:
    """An edge table with no rows and the contract's columns."""
    return pl.DataFrame(schema=EDGE_SCHEMA)


def check_nodes(nodes: pl.DataFrame) -> pl.DataFrame:
    """Return the node table in the contract's column order and types, or raise InputError.

    Missing optional columns get their defaults; ``label`` nulls become the id.
    """
    table = _conform("nodes", nodes, NODE_SCHEMA, ("id", "kind"), _NODE_DEFAULTS)
    table = table.with_columns(
        pl.col("label").fill_null(pl.col("id")),
        pl.col("participants").fill_null(""),
        pl.col("record_ids").fill_null(pl.lit([], dtype=pl.List(pl.Utf8()))),
    )
    _no_empty("nodes", table, "id")
    _kinds("nodes", table)
    repeated = ~pl.col("id").is_first_distinct()
    if table.select(repeated.any()).item():
        row = _first_row(table, repeated)
        raise InputError(
            f"nodes: row {row}: id {table['id'][row]!r} appears more than once",
            hint="give every node a unique id; merge the duplicates before building the network",
        )
    return table


def check_edges(edges: pl.DataFrame, *, nodes: pl.DataFrame | None = None) -> pl.DataFrame:
    """Return the edge table in the contract's column order and types, or raise InputError.

    With ``nodes`` (an already checked node table) every endpoint must be one of its ids.
    Self-loops are allowed here; the graph builder sets them aside and counts them.
    """
    table = _conform("edges", edges, EDGE_SCHEMA, ("source", "target", "kind"), _EDGE_DEFAULTS)
    table = table.with_columns(pl.col("weight").fill_null(1.0))
    for column in ("source", "target"):
        _no_empty("edges", table, column)
    _kinds("edges", table)
    bad_weight = ~pl.col("weight").is_finite() | (pl.col("weight") <= 0)
    if table.select(bad_weight.any()).item():
        row = _first_row(table, bad_weight)
        raise InputError(
            f"edges: row {row}: weight {table['weight'][row]!r} is not a positive finite number",
            hint="weights say how strong a link is (e.g. number of calls); use a value above 0",
        )
    bad_amount = pl.col("amount").is_not_null() & (
        ~pl.col("amount").is_finite() | (pl.col("amount") < 0)
    )
    if table.select(bad_amount.any()).item():
        row = _first_row(table, bad_amount)
        raise InputError(
            f"edges: row {row}: amount {table['amount'][row]!r} is negative or not finite",
            hint="amounts are in EUR and at least 0; leave the amount empty when unknown",
        )
    if nodes is not None:
        known = nodes.get_column("id")
        for column in ("source", "target"):
            unknown = ~pl.col(column).is_in(known.implode())
            if table.select(unknown.any()).item():
                row = _first_row(table, unknown)
                raise InputError(
                    f"edges: row {row}: {column} {table[column][row]!r} is not a node id",
                    hint="every edge endpoint must be listed in the node table",
                )
    return table


def _conform(
    name: str,
    table: pl.DataFrame,
    schema: pl.Schema,
    required: tuple[str, ...],
    defaults: dict[str, pl.Expr],
) -> pl.DataFrame:
    if not isinstance(table, pl.DataFrame):
        raise InputError(
            f"{name}: expected a polars DataFrame, got {type(table).__name__}",
            hint="build the table with polars using the columns of accord.network.tables",
        )
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise InputError(
            f"{name}: missing column(s) {', '.join(missing)}",
            hint=f"a {name} table needs the columns {', '.join(schema.names())}",
        )
    extra = [column for column in table.columns if column not in schema]
    if extra:
        raise InputError(
            f"{name}: unknown column(s) {', '.join(extra)}",
            hint=f"a {name} table has only the columns {', '.join(schema.names())}",
        )
    columns: list[pl.Expr] = []
    for column, dtype in schema.items():
        if column not in table.columns:
            columns.append(defaults[column].alias(column))
            continue
        actual = table.schema[column]
        if actual == dtype or actual == pl.Null:
            columns.append(pl.col(column).cast(dtype))
        elif isinstance(actual, pl.Datetime) and isinstance(dtype, pl.Datetime):
            # Times are compared as UTC wall-clock: aware times are converted, naive kept.
            value = pl.col(column)
            if actual.time_zone is not None:
                value = value.dt.convert_time_zone("UTC").dt.replace_time_zone(None)
            columns.append(value.cast(dtype))
        elif dtype == pl.Float64 and actual.is_numeric():
            columns.append(pl.col(column).cast(dtype))
        else:
            raise InputError(
                f"{name}: column {column} has type {actual}, expected {dtype}",
                hint="convert the column before building the network",
            )
    return table.select(columns)


def _no_empty(name: str, table: pl.DataFrame, column: str) -> None:
    empty = pl.col(column).is_null() | (pl.col(column).str.strip_chars() == "")
    if table.select(empty.any()).item():
        row = _first_row(table, empty)
        raise InputError(
            f"{name}: row {row}: {column} is empty",
            hint=f"every row of the {name} table needs a {column}",
        )


def _kinds(name: str, table: pl.DataFrame) -> None:
    kinds = table.get_column("kind").unique()
    for kind in kinds.to_list():
        if kind is None or not _KIND.match(kind):
            row = _first_row(
                table, pl.col("kind").is_null() if kind is None else pl.col("kind") == kind
            )
            raise InputError(
                f"{name}: row {row}: kind {kind!r} is not a lower-case word",
                hint="use a kind such as "
                + ", ".join((NODE_KINDS if name == "nodes" else EDGE_KINDS)[:5])
                + " (letters, digits and _)",
            )


def _first_row(table: pl.DataFrame, condition: pl.Expr) -> int:
    found = table.with_row_index("_row").filter(condition).get_column("_row")
    return int(found[0])
