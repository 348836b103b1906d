"""Running a scenario: themes in the main process, the bulk of persons in chunks (optionally in
worker processes), every chunk appended to the files in a fixed order.

Memory stays bounded: a chunk's rows live only until they are written, and at most two chunks
per worker are in flight. The output depends only on the seed and the scale, never on the number
of workers.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from accord.errors import InputError
from accord.scenario.catalogue import LEGAL_BASES, catalogue
from accord.scenario.cocaine import generate_cocaine
from accord.scenario.finance import generate_finance
from accord.scenario.firearms import generate_firearms
from accord.scenario.indicators import MIGRATION_COLUMNS, VAWG_COLUMNS, migration_rows, vawg_rows
from accord.scenario.integrity import generate_integrity
from accord.scenario.manifest import ordered, write_manifest, write_mappings
from accord.scenario.migration import generate_migrants
from accord.scenario.residents import generate_residents
from accord.scenario.rng import stream
from accord.scenario.sink import TRUTH_FILES, Batch, Sink
from accord.scenario.smuggling import generate_smuggling
from accord.scenario.theme import Theme
from accord.scenario.writer import OutputWriter

__all__ = ["ScenarioSummary", "generate", "plan"]

CHUNK = 10_000
MIGRANTS_PER_SCALE = 0.22  # migrants per unit of scale (about 2.6 person records each)
RESIDENTS_PER_SCALE = 0.20  # residents per unit of scale (about 2.1 person records each)
MAX_SCALE = 20_000_000


@dataclass(frozen=True)
class ScenarioSummary:
    """What a run wrote, and where."""

    seed: int
    scale: int
    out: Path
    files: int
    rows: int
    person_records: int
    rows_by_participant: dict[str, int]
    rows_by_theme: dict[str, dict[str, int]]
    truth: dict[str, int]
    legal_bases: tuple[str, ...]
    seconds: float = 0.0
    sizes: dict[str, int] = field(default_factory=dict)


def plan(scale: int) -> dict[str, int]:
    """How many of each thing a scale makes (scale ~ the number of person records)."""
    return {
        "migrants": round(scale * MIGRANTS_PER_SCALE),
        "residents": round(scale * RESIDENTS_PER_SCALE),
        "smuggling_networks": max(2, scale // 30_000),
        "cocaine_chains": max(2, scale // 100_000),
        "finance_schemes": max(2, scale // 50_000),
        "firearms": max(50, scale // 100),
        "officials": max(20, scale // 2_000),
    }


_THEMES: tuple[tuple[str, str, int, str, Callable[[Theme, int], None]], ...] = (
    ("smuggling", "SMG", 0, "smuggling_networks", generate_smuggling),
    ("cocaine", "COC", 10_000_000, "cocaine_chains", generate_cocaine),
    ("finance", "FIN", 20_000_000, "finance_schemes", generate_finance),
    ("firearms", "SALW", 30_000_000, "firearms", generate_firearms),
    ("integrity", "RAI", 40_000_000, "officials", generate_integrity),
)


def _theme_batches(seed: int, sizes: dict[str, int]) -> Iterator[Batch]:
    for name, code, offset, size_key, run in _THEMES:
        rng = stream(seed, "theme", name)
        sink = Sink(seed, rng)
        sink.theme = name
        run(Theme(sink, rng, code, offset), sizes[size_key])
        yield sink.drain()


def _run_chunk(task: tuple[int, str, int, int, int]) -> Batch:
    """Generate one chunk of migrants or residents (runs in a worker process)."""
    seed, kind, index, start, count = task
    rng = stream(seed, kind, index)
    sink = Sink(seed, rng)
    sink.theme = kind
    if kind == "migration":
        generate_migrants(sink, rng, start, count)
    else:
        generate_residents(sink, rng, start, count)
    return sink.drain()


def _tasks(seed: int, sizes: dict[str, int]) -> list[tuple[int, str, int, int, int]]:
    tasks = []
    for kind, total in (("migration", sizes["migrants"]), ("residents", sizes["residents"])):
        for index, start in enumerate(range(0, total, CHUNK)):
            tasks.append((seed, kind, index, start, min(CHUNK, total - start)))
    return tasks


def _chunks(tasks: list[tuple[int, str, int, int, int]], workers: int) -> Iterator[Batch]:
    """The chunks' batches in task order, from ``workers`` processes (at most 2 each queued)."""
    if workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield _run_chunk(task)
        return
    # Not fork: a caller may already run polars' or DuckDB's threads, and a forked child
    # inherits their locks in whatever state they were (the child then hangs or crashes).
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        pending: deque[Any] = deque()
        queue = iter(tasks)
        for task in queue:
            pending.append(pool.apply_async(_run_chunk, (task,)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            batch = pending.popleft().get()
            following = next(queue, None)
            if following is not None:
                pending.append(pool.apply_async(_run_chunk, (following,)))
            yield batch


def _prepare(out: Path) -> None:
    """Make ``out`` ready: new, empty, or holding an earlier scenario (which is removed)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file.", hint="Give a directory for the scenario.")
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "manifest.json"
    if manifest.exists():
        previous = json.loads(manifest.read_text(encoding="utf-8"))
        for entry in previous.get("files", []):
            for key in ("path", "mapping"):
                (out / entry[key]).unlink(missing_ok=True)
        shutil.rmtree(out / "truth", ignore_errors=True)
        manifest.unlink()
        for child in sorted(out.iterdir()):
            if child.is_dir() and not any(child.iterdir()):
                child.rmdir()
    if any(not child.name.startswith(".") for child in out.iterdir()):
        raise InputError(
            f"The directory {out} is not empty and holds no earlier scenario.",
            hint="Give a new or empty directory, or one written by `accord scenario generate`.",
        )


def _write_table(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def generate(
    seed: int, scale: int, out: Path, progress: bool = False, workers: int | None = None
) -> ScenarioSummary:
    """Write the scenario of ``seed`` at ``scale`` (about that many person records) to ``out``."""
    if not 100 <= scale <= MAX_SCALE:
        raise InputError(
            f"The scale {scale} is out of range.",
            hint=f"Use a scale between 100 and {MAX_SCALE:,} (about the number of person records).",
        )
    started = time.perf_counter()
    _prepare(out)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    sizes = plan(scale)
    specs = catalogue()
    writer = OutputWriter(out, specs)
    counters: Counter[tuple[Any, ...]] = Counter()
    theme_rows: Counter[tuple[str, str]] = Counter()
    tasks = _tasks(seed, sizes)
    bar = Progress(
        TextColumn("[bold]scenario[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=not progress,
        transient=False,
    )
    with bar:
        job = bar.add_task("themes", total=len(_THEMES) + len(tasks))
        for batch in _theme_batches(seed, sizes):
            writer.write(batch)
            theme_rows.update(batch.theme_rows)
            bar.advance(job)
        bar.update(job, description="persons")
        for batch in _chunks(tasks, workers):
            writer.write(batch)
            counters.update(batch.counters)
            theme_rows.update(batch.theme_rows)
            bar.advance(job)
    writer.close()
    truth_rows = dict(writer.truth_rows)
    for name, header in TRUTH_FILES.items():
        if name not in truth_rows:
            _write_table(out / "truth" / f"{name}.csv", header, [])
            truth_rows[name] = 0
    migration = migration_rows(counters)
    _write_table(out / "truth" / "indicators_migration.csv", MIGRATION_COLUMNS, migration)
    vawg = vawg_rows(seed)
    _write_table(out / "truth" / "indicators_vawg.csv", VAWG_COLUMNS, vawg)
    truth_rows.update(indicators_migration=len(migration), indicators_vawg=len(vawg))
    written = ordered(specs, set(writer.rows))
    write_mappings(out, written)
    write_manifest(out, seed, scale, written, writer.rows, truth_rows)
    by_participant: Counter[str] = Counter()
    for spec_id, count in writer.rows.items():
        by_participant[specs[spec_id].participant] += count
    by_theme: dict[str, dict[str, int]] = {}
    for (participant, theme), count in sorted(theme_rows.items()):
        by_theme.setdefault(theme, {})[participant] = count
    persons = sum(n for spec_id, n in writer.rows.items() if specs[spec_id].schema == "Person")
    return ScenarioSummary(
        seed=seed,
        scale=scale,
        out=out,
        files=len(written),
        rows=sum(writer.rows.values()),
        person_records=persons,
        rows_by_participant=dict(sorted(by_participant.items())),
        rows_by_theme=by_theme,
        truth=dict(sorted(truth_rows.items())),
        legal_bases=tuple(LEGAL_BASES),
        seconds=time.perf_counter() - started,
        sizes=sizes,
    )
