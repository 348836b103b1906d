"""Ingest files and retry quarantined rows."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from accord.errors import InputError
from accord.ingest import IngestJob, IngestReport, ingest_file
from accord.services.context import Services

__all__ = ["ingest_path", "retry_quarantine"]


def ingest_path(
    services: Services,
    path: Path,
    *,
    participant: str,
    authority: str,
    dataset: str,
    mapping: Path | None,
    actor: str,
    strict: bool = False,
    on_rows: Callable[[int], None] | None = None,
) -> IngestReport:
    job = IngestJob(
        path=path,
        participant=participant,
        authority=authority,
        dataset=dataset,
        mapping=mapping,
        actor=actor,
        id_key=services.settings.id_key,
        retention=services.retention,
        strict=strict,
    )
    return ingest_file(services.store, job, on_rows)


def retry_quarantine(
    services: Services, entry_ids: list[int], corrections: dict[str, str], actor: str
) -> IngestReport:
    """Validate quarantined rows again (with corrected values) as a new batch of their dataset.

    The rows keep their original row numbers; entries whose rows now pass are marked resolved.
    """
    entries = [services.store.quarantine_entry(i) for i in entry_ids]
    if not entries:
        raise InputError("No quarantine entries given.", hint="`accord quarantine list`.")
    batch_ids = {entry["batch_id"] for entry in entries}
    if len(batch_ids) != 1:
        raise InputError("Retry entries of one batch at a time.")
    batch = services.store.batch(batch_ids.pop())
    rows = []
    for entry in entries:
        raw = json.loads(entry["raw"])
        if not raw:
            raise InputError(
                f"Quarantine entry {entry['id']} holds no readable row ({entry['reason']}).",
                hint="Fix the file and ingest it again.",
            )
        raw.update(corrections)
        rows.append(raw)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / f"{Path(batch['source']).stem}-retry.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        mapping = Path(tmp) / "mapping.yaml"
        mapping.write_text(batch["mapping"], encoding="utf-8")
        report = ingest_path(
            services,
            data,
            participant=batch["participant"],
            authority=batch["authority"],
            dataset=batch["dataset"],
            mapping=mapping,
            actor=actor,
        )
    if report.result.quarantined == 0:
        with services.store.write() as conn:
            services.store.resolve_quarantine(conn, entry_ids, "resolved")
    return report
