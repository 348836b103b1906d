"""Arrival-list traffic for ``accord bench api``: queries made from the region's own persons.

The planted queries of a region are few (48 at scale 10,000); sent round and round, they would
find every name comparison already in the server's caches and measure an easier path than a
border post's. Most queries at a border are travellers that nobody flagged, each with a name
seen for the first time: these queries are the persons the region's participants hold (most
not flagged, so mostly no-hits that still share name keys with flagged namesakes), as many as
the load will send, each sent about once.
"""

from __future__ import annotations

import random
from typing import Any

import orjson
from sqlalchemy import select

from accord.services import Services
from accord.store.tables import records

__all__ = ["traveller_bodies"]


def _first(values: dict[str, list[str]], *names: str) -> str:
    for name in names:
        found = values.get(name)
        if found:
            return found[0]
    return ""


def traveller_bodies(svc: Services, count: int, seed: int = 2025) -> list[dict[str, Any]]:
    """Up to ``count`` screening request bodies, one per stored person with a name."""
    query = select(records.c.properties).where(records.c.schema == "Person")
    with svc.store.read() as conn:
        rows = conn.execute(query.order_by(records.c.id).limit(count * 2)).all()
    bodies: list[dict[str, Any]] = []
    for n, (raw,) in enumerate(rows):
        props: dict[str, list[str]] = orjson.loads(raw)
        first, last = _first(props, "firstName"), _first(props, "lastName")
        name = "" if first or last else _first(props, "name")
        if not (first or last or name):
            continue
        terms = {
            "ref": f"traveller-{n}",
            "first_name": first,
            "last_name": last,
            "name": name,
            "birth_date": _first(props, "birthDate")[:10],
            "nationality": _first(props, "nationality").upper()[:2],
        }
        bodies.append(
            {"purpose": "border-management", "query": {k: v for k, v in terms.items() if v}}
        )
        if len(bodies) >= count:
            break
    random.Random(seed).shuffle(bodies)
    return bodies
