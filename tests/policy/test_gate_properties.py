"""Every read through the gate returns exactly what the reference model allows, and the audit
log names exactly what was returned."""

from __future__ import annotations

import json
import tempfile
from functools import lru_cache
from itertools import product
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from accord.errors import AccessDenied
from accord.model.ids import content_hash
from accord.policy import Action
from accord.store import Chunk, Store
from accord.store.batch import BatchMeta
from accord.store.gate import Gate, RecordQuery
from accord.store.sqlite import SqliteStore
from accord.store.tables import agreements as agreement_table
from accord.store.tables import audit_entries, batches, envelopes, records, releases
from tests.policy.convert import agreement_body, principal
from tests.policy.reference_model import RefAgreement, RefRecord, may
from tests.policy.strategies import PURPOSES, TODAY, agreements, users
from tests.policy.strategies import records as record_strategy


@lru_cache(maxsize=1)
def _store() -> Store:
    folder = Path(tempfile.mkdtemp(prefix="accord-gate-"))
    return SqliteStore(f"sqlite:///{folder / 'gate.db'}", b"k" * 32, None)


def _load(store: Store, items: list[RefRecord], terms: list[RefAgreement]) -> list[str]:
    with store.write() as conn:
        for table in (records, envelopes, agreement_table, releases):
            conn.execute(delete(table))
        for i, term in enumerate(terms):
            conn.execute(
                insert(agreement_table).values(
                    id=f"AGR-{i}", body=json.dumps(agreement_body(term, i)), created_at="2026"
                )
            )
    ids, chunk = [], Chunk(read=len(items))
    for i, item in enumerate(items):
        env_id = f"e{i}"
        chunk.envelopes[env_id] = (
            env_id,
            item.participant,
            item.authority,
            "d",
            ",".join(sorted(item.handling)),
            "named officers only" if "H3" in item.handling else None,
            "B",
            "2",
            item.subject,
            "fact",
            "serious-crime",
            "AGR",
            "2027-01-01",
            "2028-01-01",
            item.alert,
        )
        props = json.dumps({"name": [f"Person {i}"]})
        ids.append(f"r{i:03d}")
        chunk.records.append(
            (ids[-1], item.schema, f"Person {i}", props, env_id, content_hash([("p", props)]))
        )
        chunk.row_numbers.append(i + 2)
    meta = BatchMeta("b", "RS", "RS-GP", "d", "f", "0" * 64, "t", "", "serious-crime", "2026")
    store.write_batch(meta, [chunk])
    with store.write() as conn:
        conn.execute(delete(batches))
        restricted = [ids[i] for i, item in enumerate(items) if item.restricted]
        if restricted:
            conn.execute(
                records.update().where(records.c.id.in_(restricted)).values(restricted=True)
            )
    return ids


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(users(), min_size=2, max_size=4),
    items=st.lists(record_strategy(), min_size=3, max_size=8),
    terms=st.lists(agreements(), max_size=3),
    released_to=st.sets(st.integers(0, 7), max_size=4),
)
def test_gate_returns_exactly_what_the_model_allows(people, items, terms, released_to):  # type: ignore[no-untyped-def]
    store = _store()
    ids = _load(store, items, terms)
    gate = Gate(store, today=lambda: TODAY)
    for (u, user), purpose, action in product(
        enumerate(people), [*PURPOSES, None], [Action.READ, Action.EXPORT]
    ):
        # Releases are per authority: grant this user's authority the chosen records.
        with store.write() as conn:
            conn.execute(delete(releases))
            for i in released_to:
                if i < len(ids):
                    conn.execute(
                        insert(releases).values(
                            record_id=ids[i],
                            authority=user.authority,
                            granted_at="2026",
                            granted_by="x",
                            reference="s2",
                        )
                    )
        expected = {
            ids[i]
            for i, item in enumerate(items)
            if may(user, item, action.value, purpose, terms, TODAY, i in released_to)
        }
        who = principal(user, f"user{u}")
        try:
            got = gate.read(
                who, purpose, RecordQuery(limit=1000), justification="test", action=action
            )
        except AccessDenied:
            assert purpose is None or user.disabled
            continue
        assert {r.id for r in got} == expected
        with store.read() as conn:
            last = conn.execute(
                select(audit_entries).order_by(audit_entries.c.seq.desc()).limit(1)
            ).one()
        assert last.actor == f"user{u}" and set(json.loads(last.refs)) == expected
