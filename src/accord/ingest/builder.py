"""Turn rows into checked records column by column.

Each distinct value of a column is validated once (values repeat a lot in real files) and the
results are mapped back onto the column with polars; the JSON of the properties, the envelope
and the retention dates are assembled as columns too. Rows with any problem go to quarantine
with every reason; the others become record tuples for the store.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import polars as pl

from accord.errors import InputError
from accord.ingest.envelope_values import envelope_validator
from accord.ingest.mapping import Mapping, Source
from accord.ingest.packed import RecordColumns
from accord.ingest.readers import Row
from accord.ingest.values import Invalid, validator_for
from accord.ingest.vector import VectorCleaner, vector_cleaner
from accord.model.codes import SubjectCategory
from accord.model.ids import record_id_maker
from accord.model.reference import RetentionTable
from accord.store.batch import Chunk, QuarantineRow

__all__ = ["MULTI", "RowBuilder"]

#: Separates several values of one property in one cell (FtM entity streams).
MULTI = "\x1e"
_CACHE_LIMIT = 500_000
#: What json.dumps(..., ensure_ascii=False) escapes in text that passed the checks (the checks
#: strip every other control character); the backslash first.
_JSON_ESCAPES = (
    ("\\", "\\\\"),
    ('"', '\\"'),
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\x08", "\\b"),
    ("\x0c", "\\f"),
)
_NEEDS_ESCAPE = r'[\\"\n\r\t\x08\x0c]'
_REQUIRED_ENVELOPE = ("handling", "source_reliability", "information_accuracy",
                      "subject_category", "nature", "purpose", "legal_basis")  # fmt: skip


class _Column:
    """One mapped value: where it comes from, how it is cleaned, and the distinct values seen."""

    def __init__(
        self,
        name: str,
        source: Source,
        clean: Callable[[str], str],
        fast: VectorCleaner | None = None,
    ) -> None:
        self.name = name
        self.source = source
        self.clean = clean
        self.fast = fast
        self.cache: dict[str, str | Invalid] = {}

    def expr(self) -> pl.Expr:
        if self.source.column is not None:
            raw = pl.col(self.source.column)
        elif self.source.template is not None:
            names = self.source.columns
            pattern = self.source.template
            for name in names:
                pattern = pattern.replace("{" + name + "}", "{}")
            raw = pl.format(pattern, *(pl.col(n) for n in names))
        else:
            raw = pl.lit("" if self.source.literal is None else str(self.source.literal))
        return raw.cast(pl.Utf8).str.strip_chars().alias(self.name)

    def check(self, text: str) -> str | Invalid:
        found = self.cache.get(text)
        if found is None:
            try:
                found = self._clean_all(text)
            except Invalid as exc:
                found = exc
            if len(self.cache) < _CACHE_LIMIT:
                self.cache[text] = found
        return found

    def _clean_all(self, text: str) -> str:
        if MULTI not in text:
            return self.clean(text)
        parts = [self.clean(p.strip()) for p in text.split(MULTI) if p.strip()]
        return MULTI.join(dict.fromkeys(parts))

    @staticmethod
    def _fast_path(fast: VectorCleaner, raw: pl.Series) -> pl.Series:
        """The fast path over a column; over its distinct values where they repeat (names,
        dates, codes), mapped back onto the column."""
        distinct = raw.unique()
        if len(distinct) * 2 > len(raw):
            return fast(raw)
        return raw.replace_strict(distinct, fast(distinct), default=None, return_dtype=pl.Utf8)

    def evaluate(self, raw: pl.Series) -> tuple[pl.Series, pl.Series]:
        """(cleaned values, reasons) for a column: well-formed values through the vectorised
        fast path, the rest checked once per distinct text."""
        fast = None
        if self.fast is not None and not raw.str.contains(MULTI, literal=True).any():
            fast = self._fast_path(self.fast, raw)
            rest = raw.filter(fast.is_null() & (raw != ""))
        else:
            rest = raw
        good: dict[str, str] = {}
        bad: dict[str, str] = {}
        for text in rest.unique().to_list():
            if not text:
                continue
            found = self.check(text)
            if isinstance(found, Invalid):
                bad[text] = str(found)
            else:
                good[text] = found
        values = raw.replace_strict(good, default=None, return_dtype=pl.Utf8)
        if fast is not None:
            values = fast.fill_null(values)
        reasons = raw.replace_strict(bad, default=None, return_dtype=pl.Utf8)
        return values, reasons


class RowBuilder:
    """Builds the store's record tuples for one file of one participant, authority, dataset."""

    def __init__(
        self,
        mapping: Mapping,
        *,
        participant: str,
        authority: str,
        dataset: str,
        id_key: bytes,
        retention: RetentionTable,
        today: date,
        source: str,
    ) -> None:
        self.mapping = mapping
        self.participant, self.authority, self.dataset = participant, authority, dataset
        self.id_key, self.source = id_key, source
        self.columns = [
            _Column(name, src, self._prop_cleaner(name, src), self._fast(name, src))
            for name, src in sorted(mapping.properties.items())
        ]
        self.envelope = [_Column(name, src, envelope_validator(name))
                         for name, src in sorted(mapping.envelope.items())]  # fmt: skip
        self.fixed = self._check_literals()
        self.required = [p for p in mapping.schema.required if p in mapping.properties]
        self.caption_props = [p for p in mapping.schema.caption if p in mapping.properties]
        self.make_id = record_id_maker(id_key, participant, authority, dataset)
        self.review = {c.value: retention.dates(c, today)[0].isoformat() for c in SubjectCategory}
        self.delete = {c.value: retention.dates(c, today)[1].isoformat() for c in SubjectCategory}
        self.fragments: dict[str, str] = {}

    def _check_literals(self) -> dict[str, str]:
        """A bad literal in the mapping would fail every row: stop before reading any.
        Returns the envelope's literal values, checked once for the whole file."""
        fixed: dict[str, str] = {}
        for kind, columns in (("property", self.columns), ("envelope field", self.envelope)):
            for column in columns:
                if column.source.literal is None:
                    continue
                found = column.check(str(column.source.literal).strip())
                if isinstance(found, Invalid):
                    raise InputError(
                        f"Mapping {self.mapping.path}: the {kind} {column.name} is set to "
                        f"{column.source.literal!r}, which is {found}.",
                        hint="Correct the value in the mapping file.",
                    )
                if kind == "envelope field":
                    fixed[column.name] = found
        return fixed

    def _fast(self, name: str, source: Source) -> VectorCleaner | None:
        if source.ref is not None:
            return None
        return vector_cleaner(self.mapping.prop(name), source.formats)

    def _prop_cleaner(self, name: str, source: Source) -> Callable[[str], str]:
        if source.ref is not None:
            return record_id_maker(
                self.id_key, self.participant, self.authority, source.ref or self.dataset
            )
        return validator_for(self.mapping.prop(name), self.participant, source.formats)

    def _fragments(self, name: str, values: pl.Series) -> pl.Series:
        """``"name": [values]`` as JSON text for every row (null where there is no value)."""
        if values.str.contains(r"[\x00-\x07\x0b\x0e-\x1f]").any():  # several values, or rare
            mapping = {v: self._fragment(name, v) for v in values.unique().drop_nulls()}
            return values.replace_strict(mapping, default=None, return_dtype=pl.Utf8)
        escaped = values
        if values.str.contains(_NEEDS_ESCAPE).any():
            for char, escape in _JSON_ESCAPES:
                escaped = escaped.str.replace_all(char, escape, literal=True)
        parts = [pl.lit(f'"{name}": ["'), pl.lit(escaped), pl.lit('"]')]
        return pl.select(pl.concat_str(parts)).to_series()

    def _fragment(self, name: str, value: str) -> str:
        key = name + "\x1f" + value
        found = self.fragments.get(key)
        if found is None:
            found = f'"{name}": ' + json.dumps(value.split(MULTI), ensure_ascii=False)
            if len(self.fragments) < _CACHE_LIMIT:
                self.fragments[key] = found
        return found

    def build(self, rows: Sequence[Row], header: Sequence[str]) -> Chunk:
        """Check rows read one by one (unreadable ones are quarantined as they are)."""
        good = [row for row in rows if row.values is not None]
        bad = [
            QuarantineRow(self.source, row.number, "(row)", "", row.problem or "", {})
            for row in rows
            if row.values is None
        ]
        columns = list(zip(*(row.values for row in good if row.values is not None), strict=True))
        frame = pl.DataFrame(
            {name: list(values) for name, values in zip(header, columns, strict=True)}
            if columns else None,
            schema=dict.fromkeys(header, pl.Utf8),
        )  # fmt: skip
        chunk = self.build_frame(frame, [row.number for row in good])
        chunk.read += len(bad)
        chunk.quarantined = bad + chunk.quarantined
        return chunk

    def build_frame(self, frame: pl.DataFrame, numbers: Sequence[int]) -> Chunk:
        """Check a frame of rows (all text columns) whose file row numbers are ``numbers``."""
        chunk, columns = self.build_columns(frame, numbers)
        if columns is not None:
            chunk.records.extend(columns.rows())
        return chunk

    def build_columns(
        self, frame: pl.DataFrame, numbers: Sequence[int]
    ) -> tuple[Chunk, RecordColumns | None]:
        """Like :meth:`build_frame`, with the records left as columns (None if there are none)."""
        chunk = Chunk(read=frame.height)
        if frame.height == 0:
            return chunk, None
        out, problem = self._evaluate(frame)
        flagged = problem.to_list()
        keep = [i for i, bad in enumerate(flagged) if not bad]
        for i, bad in enumerate(flagged):
            if bad:
                raw = {
                    k: ("" if v is None else str(v)) for k, v in frame.row(i, named=True).items()
                }
                chunk.quarantined.append(self._quarantine(numbers[i], raw, out, i))
        if not keep:
            return chunk, None
        columns, envelopes = self._records(out[keep] if len(keep) < frame.height else out)
        chunk.envelopes.update(envelopes)
        chunk.row_numbers.extend(numbers[i] for i in keep)
        return chunk, columns

    def _evaluate(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series]:
        """Clean every mapped column; returns the cleaned frame and a per-row problem flag."""
        raw = frame.select(
            [c.expr() for c in self.columns]
            + [c.expr().alias("env:" + c.name) for c in self.envelope if c.source.literal is None]
            + [pl.concat_str([pl.col(k).str.strip_chars() for k in self.mapping.key],
                             separator="\x1e").alias("key:"),
               pl.any_horizontal([pl.col(k).str.strip_chars() == "" for k in self.mapping.key])
               .alias("key:empty")]
        )  # fmt: skip
        series: list[pl.Series] = [raw["key:"], raw["key:empty"]]
        for column in self.columns:
            values, reasons = column.evaluate(raw[column.name])
            fragments = self._fragments(column.name, values)
            series += [values.alias("val:" + column.name), reasons.alias("err:" + column.name),
                       fragments.alias("json:" + column.name)]  # fmt: skip
        for column in self.envelope:
            if column.source.literal is None:
                values, reasons = column.evaluate(raw["env:" + column.name])
                series += [
                    values.alias("env:" + column.name),
                    reasons.alias("enverr:" + column.name),
                ]
        out = pl.DataFrame(series)
        for name, value in self.fixed.items():
            out = out.with_columns(pl.lit(value, dtype=pl.Utf8).alias("env:" + name))
        return out, out.select(self._problem_expr()).to_series()

    def _problem_expr(self) -> pl.Expr:
        checks = [pl.col("key:empty")]
        checks += [pl.col(c).is_not_null() for c in self._error_columns()]
        checks += [pl.col("val:" + name).is_null() for name in self.required]
        for name in _REQUIRED_ENVELOPE:
            column = "env:" + name
            checks.append(pl.col(column).is_null() if self._has_env(name) else pl.lit(True))
        note = pl.col("env:handling_note") if self._has_env("handling_note") else pl.lit(None)
        if self._has_env("handling"):
            checks.append(pl.col("env:handling").str.contains("H3") & note.is_null())
        return pl.any_horizontal(checks).alias("problem")

    def _error_columns(self) -> list[str]:
        return [f"err:{c.name}" for c in self.columns] + [
            f"enverr:{c.name}" for c in self.envelope if c.source.literal is None
        ]

    def _has_env(self, name: str) -> bool:
        return any(c.name == name for c in self.envelope)

    def _quarantine(
        self, number: int, values: dict[str, str], out: pl.DataFrame, i: int
    ) -> QuarantineRow:
        found = out.row(i, named=True)
        problems: list[tuple[str, str, str]] = []
        if found["key:empty"]:
            problems.append((",".join(self.mapping.key), "", "the key is empty; each row needs it"))
        labelled = [("err:", c) for c in self.columns] + [("enverr:", c) for c in self.envelope]
        for prefix, column in labelled:
            reason = found.get(prefix + column.name)
            if reason:
                where = column.source.column or column.name
                problems.append((where, values.get(where, "")[:500], reason))
        for name in self.required:
            if found["val:" + name] is None:
                problems.append((name, "", f"{name} is required for {self.mapping.schema.name}"))
        for name in _REQUIRED_ENVELOPE:
            if found.get("env:" + name) is None and not any(p[0] == name for p in problems):
                problems.append((name, "", f"the envelope field {name} is empty"))
        if "H3" in (found.get("env:handling") or "") and not found.get("env:handling_note"):
            problems.append(("handling_note", "", "H3 needs its restriction stated in words"))
        field, value, _ = problems[0] if problems else ("(row)", "", "")
        reason = "; ".join(f"{f}: {r}" for f, _, r in problems)
        return QuarantineRow(self.source, number, field, value, reason, values)

    def _records(self, out: pl.DataFrame) -> tuple[RecordColumns, dict[str, tuple[Any, ...]]]:
        """Record columns and the envelopes they refer to (each distinct envelope once)."""
        names = [c.name for c in self.columns]
        body = pl.concat_str([pl.col("json:" + n) for n in names], separator=", ",
                             ignore_nulls=True)  # fmt: skip
        explicit = pl.concat_str(
            [pl.lit(f"{c.name}=") + pl.col("env:" + c.name) for c in self.envelope],
            separator="\x1f", ignore_nulls=True,
        )  # fmt: skip
        category = pl.col("env:subject_category")
        review = (
            pl.col("env:review_date")
            if self._has_env("review_date")
            else category.replace_strict(self.review, default=None, return_dtype=pl.Utf8)
        )
        delete = (
            pl.col("env:delete_by")
            if self._has_env("delete_by")
            else category.replace_strict(self.delete, default=None, return_dtype=pl.Utf8)
        )
        caption = (
            pl.coalesce([pl.col("val:" + p) for p in self.caption_props])
            if self.caption_props
            else pl.lit("")
        )
        envelope = [
            pl.lit(self.participant), pl.lit(self.authority), pl.lit(self.dataset),
            pl.col("env:handling"), self._optional("handling_note"),
            pl.col("env:source_reliability"), pl.col("env:information_accuracy"), category,
            pl.col("env:nature"), pl.col("env:purpose"), pl.col("env:legal_basis"),
            pl.min_horizontal(review, delete), delete, self._optional("alert"),
        ]  # fmt: skip
        properties = pl.lit("{") + body + pl.lit("}")
        frame = out.select(
            pl.col("key:"),
            caption.str.split(MULTI).list.first().fill_null("").str.slice(0, 500).alias("caption"),
            properties.alias("properties"),
            # What the content hash covers, as UTF-8 bytes ready for hashlib.
            pl.concat_str([properties, explicit.fill_null("")], separator="\x1d")
            .cast(pl.Binary).alias("content"),
            pl.concat_str([e.fill_null("") for e in envelope], separator="\x1f").alias("env"),
        )  # fmt: skip
        envelopes: dict[str, tuple[Any, ...]] = {}
        ids: dict[str, str] = {}
        for text in frame["env"].unique().to_list():
            envelope_id = hashlib.sha256(text.encode()).hexdigest()[:32]
            ids[text] = envelope_id
            values = [v or None for v in text.split("\x1f")]
            envelopes[envelope_id] = (envelope_id, *values)
        # The only per-row Python work left: the two hashes.
        sha256 = hashlib.sha256
        columns = RecordColumns(
            ids=list(map(self.make_id, frame["key:"].to_list())),
            schema=self.mapping.schema.name,
            captions=frame["caption"],
            properties=frame["properties"],
            envelope_ids=frame["env"].replace_strict(ids, return_dtype=pl.Utf8),
            content_hashes=[sha256(content).hexdigest() for content in frame["content"].to_list()],
        )
        return columns, envelopes

    def _optional(self, name: str) -> pl.Expr:
        return pl.col("env:" + name) if self._has_env(name) else pl.lit(None, dtype=pl.Utf8)
