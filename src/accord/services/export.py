"""Exports through the policy path, marked with the user and every restriction they carry."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.model.codes import format_handling
from accord.policy import Action, Principal, combined_handling
from accord.services.context import Services
from accord.store.gate import RecordQuery

__all__ = ["EXPORT_FORMATS", "export_records"]

EXPORT_FORMATS = ("ftm", "csv")


def export_records(
    services: Services,
    user: Principal,
    purpose: str,
    fmt: str,
    out: Path,
    query: RecordQuery,
    justification: str,
) -> dict[str, Any]:
    """Write the records this user may export; returns the export's marking."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"Unknown export format {fmt!r}.", hint="Use ftm or csv.")
    found = services.gate.read(
        user, purpose, query, justification=justification, action=Action.EXPORT
    )
    restrictions = combined_handling(r.envelope for r in found)
    notes = {r.envelope.handling_note for r in found if r.envelope.handling_note}
    marking = {
        "exported_by": user.username,
        "authority": user.authority,
        "purpose": purpose,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "records": len(found),
        "handling": format_handling(restrictions) if restrictions else "",
        "handling_notes": sorted(notes),
        "notice": "Every restriction of every record applies to this file as a whole.",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "ftm":
        with out.open("w", encoding="utf-8") as fh:
            for record in found:
                fh.write(json.dumps(record.to_entity().to_dict(), ensure_ascii=False) + "\n")
    else:
        props = sorted({name for record in found for name in record.properties})
        with out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "schema", "participant", "authority", "handling", *props])
            for record in found:
                env = record.envelope
                values = ["; ".join(record.properties.get(p, [])) for p in props]
                writer.writerow(
                    [
                        record.id,
                        record.schema,
                        env.participant,
                        env.authority,
                        env.handling_text,
                        *values,
                    ]
                )
    marking_path = out.with_name(out.name + ".marking.json")
    marking_path.write_text(json.dumps(marking, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return {**marking, "file": str(out), "marking_file": str(marking_path)}
