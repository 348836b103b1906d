"""Search the records the user may see, open one, export what may be exported. Every read goes
through the read gate with the purpose and justification the user gives."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from starlette.datastructures import FormData

from accord.errors import InputError, NotFound
from accord.model.reference import participants
from accord.model.schemata import get_schema
from accord.names import to_cyrillic, to_latin
from accord.policy import ACTION_ROLES, Action, Role
from accord.services.export import EXPORT_FORMATS, export_records
from accord.store.gate import RecordQuery
from accord.store.records import StoredRecord
from accord.web.guard import Viewer, ViewerDep, checked_form, remember, require_roles, text
from accord.web.i18n import N_
from accord.web.reasons import Reason, default_purpose, reason_from
from accord.web.render import page
from accord.web.state import web_state

__all__ = ["SCHEMATA", "router"]

router = APIRouter()

PAGE = 50
EXPORT_LIMIT = 5000
#: The kinds of record a search offers (any other schema is still found by text).
SCHEMATA = (
    "Person",
    "Passport",
    "Identification",
    "Vehicle",
    "BorderCrossing",
    "Visa",
    "ReturnCase",
    "Company",
    "BankAccount",
    "Payment",
    "Firearm",
    "Vessel",
    "AssetDeclaration",
    "RealEstate",
)
_READERS = ACTION_ROLES[Action.READ] | {Role.DPO}
_NOT_READER = N_("Your roles do not allow you to read records.")
RecordId = Annotated[str, PathParam(max_length=64)]


def _require_reader(request: Request, who: Viewer) -> None:
    require_roles(request, who, _READERS, _NOT_READER)


def _filters(form: FormData | None) -> dict[str, Any]:
    if form is None:
        return {"q": "", "schema": "", "participant": "", "offset": 0}
    offset = text(form, "offset", 10)
    return {
        "q": text(form, "q", 200),
        "schema": text(form, "schema", 64),
        "participant": text(form, "participant", 16).upper(),
        "offset": int(offset) if offset.isdigit() else 0,
    }


def spellings(text: str) -> list[str]:
    """The text as typed and in the region's other script (Serbian and Macedonian Cyrillic,
    Latin), each also with a capital first letter: records keep names as their provider
    wrote them, and the caption search matches letter case exactly outside ASCII."""
    found: list[str] = []
    for form in (text, to_latin(text), to_cyrillic(text, "sr"), to_cyrillic(text, "mk")):
        for variant in (form, form[:1].upper() + form[1:]):
            if variant and variant not in found:
                found.append(variant)
    return found


def _queries(filters: dict[str, Any], limit: int) -> list[RecordQuery]:
    if filters["participant"] and filters["participant"] not in participants():
        raise InputError(f"Unknown participant {filters['participant']!r}.")
    texts: list[str | None] = [*spellings(filters["q"])] if filters["q"] else [None]
    return [
        RecordQuery(
            text=text,
            schema=filters["schema"] or None,
            participant=filters["participant"] or None,
            limit=limit,
            offset=filters["offset"],
        )
        for text in texts
    ]


def _read(
    request: Request, who: Viewer, filters: dict[str, Any], reason: Reason, limit: int
) -> list[StoredRecord]:
    """The records of every spelling of the search, each read through the gate (and logged)."""
    gate = web_state(request).services.gate
    found: dict[str, StoredRecord] = {}
    for query in _queries(filters, limit):
        for record in gate.read(
            who.user, reason.purpose, query, justification=reason.justification
        ):
            found.setdefault(record.id, record)
    return list(found.values())[:limit]


def _search_page(
    request: Request,
    who: Viewer,
    filters: dict[str, Any],
    reason: Reason | None,
    results: list[StoredRecord] | None,
    status: int = 200,
) -> Response:
    return page(
        request,
        "search.html",
        who,
        status=status,
        filters=filters,
        purpose=reason.purpose if reason else default_purpose(who),
        justification=reason.justification if reason else who.session.justification,
        errors=reason.errors if reason else {},
        results=results,
        page_size=PAGE,
        schemata=SCHEMATA,
        participant_codes=sorted(participants()),
        can_export=who.has(*ACTION_ROLES[Action.EXPORT]),
        formats=EXPORT_FORMATS,
    )


@router.get("/search", include_in_schema=False)
def search_form(request: Request, who: ViewerDep) -> Response:
    _require_reader(request, who)
    return _search_page(request, who, _filters(None), None, None)


@router.post("/search", include_in_schema=False)
async def search(request: Request, who: ViewerDep) -> Response:
    _require_reader(request, who)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    filters = _filters(form)
    reason = reason_from(form)
    if not reason.ok:
        return _search_page(request, who, filters, reason, None, status=400)
    found = _read(request, who, filters, reason, PAGE)
    remember(request, reason.purpose, reason.justification)
    return _search_page(request, who, filters, reason, found)


def _properties(record: StoredRecord) -> list[dict[str, Any]]:
    """The record's properties, the schema's featured ones first, with readable values
    (a country's name beside its code)."""
    schema = get_schema(record.schema)
    featured = list(schema.featured)
    rows = []
    for name, values in record.properties.items():
        prop = schema.get(name)
        shown = [v for v in values if v]
        if not shown:
            continue
        entity = prop is not None and prop.type.name == "entity"
        readable = []
        for value in shown:
            caption = prop.type.caption(value) if prop is not None and not entity else value
            readable.append(value if caption in (None, value) else f"{caption} ({value})")
        rows.append(
            {
                "name": name,
                "label": prop.label if prop is not None else name,
                "entity": entity,
                "values": shown if entity else readable,
                "order": (featured.index(name) if name in featured else len(featured)),
            }
        )
    return sorted(rows, key=lambda row: (row["order"], row["label"]))


def _record_page(
    request: Request, who: Viewer, record_id: str, reason: Reason | None, status: int = 200
) -> Response:
    return page(
        request,
        "record_reason.html",
        who,
        status=status,
        record_id=record_id,
        purpose=reason.purpose if reason else default_purpose(who),
        justification=reason.justification if reason else who.session.justification,
        errors=reason.errors if reason else {},
    )


@router.get("/records/{record_id}", include_in_schema=False)
def record_form(request: Request, who: ViewerDep, record_id: RecordId) -> Response:
    """Opening a record asks first why (its purpose and justification)."""
    _require_reader(request, who)
    return _record_page(request, who, record_id, None)


@router.post("/records/{record_id}", include_in_schema=False)
async def record(request: Request, who: ViewerDep, record_id: RecordId) -> Response:
    _require_reader(request, who)
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    reason = reason_from(form)
    if not reason.ok:
        return _record_page(request, who, record_id, reason, status=400)
    services = web_state(request).services
    try:
        found = services.gate.get(who.user, reason.purpose, record_id, reason.justification)
    except NotFound:
        raise NotFound(N_("There is no record with this reference that you may see.")) from None
    remember(request, reason.purpose, reason.justification)
    schema = get_schema(found.schema)
    return page(
        request,
        "record.html",
        who,
        record=found,
        envelope=found.envelope,
        schema_label=schema.label,
        properties=_properties(found),
        purpose=reason.purpose,
        justification=reason.justification,
    )


@router.post("/export", include_in_schema=False)
async def export(request: Request, who: ViewerDep) -> Response:
    """The search's records that the user may export, with the export's marking, as a zip."""
    require_roles(
        request,
        who,
        ACTION_ROLES[Action.EXPORT],
        N_("Your roles do not allow you to export records."),
    )
    form = await checked_form(request, "sid:" + who.session.sid, who.user)
    filters = _filters(form) | {"offset": 0}
    reason = reason_from(form)
    if not reason.ok:
        return _search_page(request, who, filters, reason, None, status=400)
    fmt = text(form, "format", 8)
    services = web_state(request).services
    suffix = "jsonl" if fmt == "ftm" else "csv"
    # The search's records in every spelling (read, and logged, as the search was), then
    # exported through the gate again: only those the user may export leave Accord.
    ids = [r.id for r in _read(request, who, filters, reason, EXPORT_LIMIT)]
    query = RecordQuery(ids=ids, limit=len(ids))
    with tempfile.TemporaryDirectory(prefix="accord-export-") as folder:
        out = Path(folder) / f"accord-export.{suffix}"
        marking = export_records(
            services, who.user, reason.purpose, fmt, out, query, reason.justification
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.write(out, out.name)
            bundle.write(Path(marking["marking_file"]), Path(marking["marking_file"]).name)
    remember(request, reason.purpose, reason.justification)
    name = f"accord-export-{who.user.username}.zip"
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
