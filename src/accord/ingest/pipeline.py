"""Ingest one file: check everything, build records by column, hand the batch to the store."""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path

import polars as pl

from accord.errors import InputError
from accord.ingest.builder import RowBuilder
from accord.ingest.fast_csv import read_well_formed_csv
from accord.ingest.ftm import entity_header, entity_rows, schema_mapping
from accord.ingest.mapping import Mapping, load_mapping
from accord.ingest.parallel import PARALLEL_MIN_ROWS, BuilderPool, BuilderSpec, WorkerUsage
from accord.ingest.prefetch import prefetch
from accord.ingest.readers import (
    FileFormat,
    Row,
    csv_dialect,
    detect_format,
    read_header,
    read_rows,
)
from accord.model.reference import RetentionTable, get_authority, get_participant
from accord.store import BatchMeta, BatchResult, Chunk, QuarantineRow, Store

__all__ = ["CHUNK_ROWS", "IngestJob", "IngestReport", "ingest_file"]

CHUNK_ROWS = 20_000


@dataclass(frozen=True)
class IngestJob:
    path: Path
    participant: str
    authority: str
    dataset: str
    mapping: Path | None
    actor: str
    id_key: bytes
    retention: RetentionTable
    strict: bool = False
    today: date = field(default_factory=lambda: datetime.now(UTC).date())


@dataclass
class IngestReport:
    result: BatchResult
    format: str
    unknown_columns: list[str]
    #: What the worker processes that checked the file used (None if there were none).
    workers: WorkerUsage | None = None


def _file_sha256(path: Path) -> tuple[str, int]:
    """The file's SHA-256, and its number of lines (to tell early whether it is large)."""
    digest = hashlib.sha256()
    lines = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            lines += block.count(b"\n")
    return digest.hexdigest(), lines


def _check_job(job: IngestJob) -> tuple[str, str]:
    participant = get_participant(job.participant).code
    authority = get_authority(job.authority, participant).id
    dataset = job.dataset.strip()
    if not dataset or len(dataset) > 128 or not all(c.isalnum() or c in "-_." for c in dataset):
        raise InputError(
            f"Dataset name {job.dataset!r} is not usable.",
            hint="Use 1-128 letters, digits, '-', '_' or '.', e.g. wanted-persons-2025.",
        )
    return participant, authority


def ingest_file(
    store: Store, job: IngestJob, on_rows: Callable[[int], None] | None = None
) -> IngestReport:
    """Ingest ``job.path`` as one atomic batch. Re-running it stores nothing twice."""
    participant, authority = _check_job(job)
    fmt = detect_format(job.path)
    if job.mapping is None:
        raise InputError(
            f"No mapping given for {job.path}.",
            hint="Pass --mapping FILE; it maps columns to properties and sets the envelope "
            "(see docs/mapping.md).",
        )
    file_sha256, lines = _file_sha256(job.path)
    pool = None
    if fmt == FileFormat.CSV and lines > PARALLEL_MIN_ROWS and (os.cpu_count() or 1) > 1:
        # Started first, so that the workers load while this process reads the mapping and
        # the file; closed below whatever happens, a bad mapping included.
        spec = BuilderSpec(job.mapping, participant, authority, job.dataset.strip(), job.id_key,
                           job.retention, job.today, job.path.name)  # fmt: skip
        pool = BuilderPool(spec)
    try:
        return _ingest(store, job, fmt, (participant, authority), file_sha256, pool, on_rows)
    finally:
        if pool is not None:
            pool.close()


def _ingest(
    store: Store,
    job: IngestJob,
    fmt: str,
    originator: tuple[str, str],
    file_sha256: str,
    pool: BuilderPool | None,
    on_rows: Callable[[int], None] | None,
) -> IngestReport:
    assert job.mapping is not None
    participant, authority = originator
    tabular = fmt != FileFormat.FTM
    mapping = load_mapping(job.mapping, tabular=tabular)
    unknown: list[str] = []
    header: list[str] = []
    if tabular:
        header = read_header(job.path, fmt, mapping.csv.delimiter, mapping.csv.encoding)
        missing = sorted(mapping.columns - set(header))
        if missing:
            raise InputError(
                f"{job.path}: the column(s) {', '.join(missing)} named in {mapping.path} are "
                "not in the file.",
                hint=f"The file's columns are: {', '.join(header)}. Fix the mapping or the file.",
            )
        unknown = [column for column in header if column not in mapping.columns]
        if unknown and job.strict:
            raise InputError(
                f"{job.path}: unknown column(s) {', '.join(unknown)}.",
                hint="Map them in the mapping file, or drop --strict to ignore them.",
            )
    meta = BatchMeta(
        id=f"b{datetime.now(UTC).strftime('%Y%m%d%H%M%S')}{secrets.token_hex(4)}",
        participant=participant,
        authority=authority,
        dataset=job.dataset.strip(),
        source=job.path.name,
        file_sha256=file_sha256,
        actor=job.actor,
        mapping=job.mapping.read_text(encoding="utf-8"),
        purpose=mapping.envelope["purpose"].literal or "collection",
        started_at=datetime.now(UTC).isoformat(timespec="microseconds"),
    )

    def builder(m: Mapping) -> RowBuilder:
        return RowBuilder(
            m,
            participant=participant,
            authority=authority,
            dataset=meta.dataset,
            id_key=job.id_key,
            retention=job.retention,
            today=job.today,
            source=job.path.name,
        )

    chunks = _chunks(job, mapping, fmt, header, pool, builder, on_rows)
    result = store.write_batch(meta, prefetch(chunks))
    usage = None if pool is None else pool.usage()
    return IngestReport(result, fmt, unknown, workers=usage)


def _chunks(
    job: IngestJob,
    mapping: Mapping,
    fmt: str,
    header: list[str],
    pool: BuilderPool | None,
    builder: Callable[[Mapping], RowBuilder],
    on_rows: Callable[[int], None] | None,
) -> Iterator[Chunk]:
    """The file's chunks of checked rows, by the fastest reader the file allows."""
    frame = None
    if fmt == FileFormat.CSV:
        delimiter, encoding = csv_dialect(job.path, mapping.csv.delimiter, mapping.csv.encoding)
        frame = read_well_formed_csv(job.path, delimiter, encoding, header)
    if frame is not None and pool is not None and frame.height >= PARALLEL_MIN_ROWS:
        return pool.chunks(frame, CHUNK_ROWS, on_rows)
    if pool is not None:
        pool.close()  # the careful reader takes the file, in this process
    if frame is not None:
        return _frame_chunks(frame, builder(mapping), on_rows)
    if fmt != FileFormat.FTM:
        rows = read_rows(job.path, fmt, mapping.csv.delimiter, mapping.csv.encoding)
        return _tabular_chunks(rows, builder(mapping), header, on_rows)
    return _entity_chunks(job.path, mapping, builder, on_rows)


def _frame_chunks(
    frame: pl.DataFrame, builder: RowBuilder, on_rows: Callable[[int], None] | None
) -> Iterator[Chunk]:
    for start in range(0, frame.height, CHUNK_ROWS):
        part = frame.slice(start, CHUNK_ROWS)
        # The header is line 1 and no field spans lines, so row i is line i + 2.
        yield builder.build_frame(part, range(start + 2, start + 2 + part.height))
        if on_rows:
            on_rows(part.height)


def _tabular_chunks(
    rows: Iterator[Row],
    builder: RowBuilder,
    header: list[str],
    on_rows: Callable[[int], None] | None,
) -> Iterator[Chunk]:
    while batch := list(islice(rows, CHUNK_ROWS)):
        yield builder.build(batch, header)
        if on_rows:
            on_rows(len(batch))


def _entity_chunks(
    path: Path,
    mapping: Mapping,
    builder: Callable[[Mapping], RowBuilder],
    on_rows: Callable[[int], None] | None,
) -> Iterator[Chunk]:
    builders: dict[str, RowBuilder] = {}
    entities = entity_rows(path)
    while batch := list(islice(entities, CHUNK_ROWS)):
        chunk = Chunk(read=0)
        by_schema: dict[str | None, list[Row]] = {}
        for schema, row in batch:
            by_schema.setdefault(schema, []).append(row)
        for schema, rows in by_schema.items():
            if schema is None:
                part = Chunk(read=len(rows), quarantined=[_unreadable(r, path) for r in rows])
            else:
                if schema not in builders:
                    builders[schema] = builder(schema_mapping(schema, mapping))
                part = builders[schema].build(rows, list(entity_header(schema)))
            chunk.read += part.read
            chunk.records += part.records
            chunk.envelopes.update(part.envelopes)
            chunk.row_numbers += part.row_numbers
            chunk.quarantined += part.quarantined
        yield chunk
        if on_rows:
            on_rows(len(batch))


def _unreadable(row: Row, path: Path) -> QuarantineRow:
    return QuarantineRow(path.name, row.number, "(line)", "", row.problem or "", {})
