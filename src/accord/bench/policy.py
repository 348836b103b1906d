"""``accord bench policy``: read N records through the policy path (decisions and audit writes
included) and the same query without it, in one run."""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from accord.model.ids import content_hash
from accord.policy import Principal, Role
from accord.store.batch import BatchMeta, Chunk
from accord.store.gate import Gate, RecordQuery
from accord.store.reading import RECORD_COLUMNS, EnvelopeCache, stored_record
from accord.store.sqlite import SqliteStore
from accord.store.tables import agreements, records, releases

__all__ = ["PolicyBench", "run_policy_bench"]

_AGREEMENT = {
    "id": "AGR-BENCH", "providers": ["AL", "RS"], "recipients": ["AL", "RS"], "schemata": ["*"],
    "purposes": ["serious-crime"], "handling": ["H0", "H1"], "valid_from": "2025-01-01",
}  # fmt: skip


@dataclass(frozen=True)
class PolicyBench:
    records: int
    returned: int
    seconds: float
    baseline_seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "seconds": self.seconds,
            "baseline_seconds": self.baseline_seconds,
            "ratio": round(self.seconds / self.baseline_seconds, 3),
        }


def _fill(store: SqliteStore, count: int) -> None:
    chunk = Chunk(read=count)
    for n, (code, authority) in enumerate((("RS", "RS-MUP"), ("AL", "AL-ASP"))):
        for h, handling in enumerate(("H0", "H0,H1", "H0,H2")):
            env_id = f"e{n}{h}"
            chunk.envelopes[env_id] = (env_id, code, authority, "bench", handling, None, "B",
                                       "2", "suspect", "fact", "serious-crime", "AGR-BENCH",
                                       "2030-01-01", "2031-01-01", None)  # fmt: skip
    for i in range(count):
        props = json.dumps({"name": [f"Person {i}"], "birthDate": ["1980-01-01"]})
        env_id = f"e{0 if i % 5 < 3 else 1}{i % 3}"
        chunk.records.append((f"r{i:08d}", "Person", f"Person {i}", props, env_id,
                              content_hash([("p", props)])))  # fmt: skip
    meta = BatchMeta("bench", "RS", "RS-MUP", "bench", "bench", "0" * 64, "bench", "",
                     "serious-crime", "2026-01-01")  # fmt: skip
    store.write_batch(meta, [chunk])
    with store.write() as conn:
        conn.execute(insert(agreements).values(id="AGR-BENCH", body=json.dumps(_AGREEMENT),
                                               created_at="2026-01-01"))  # fmt: skip
        released = [{"record_id": f"r{i:08d}", "authority": "RS-GP", "granted_at": "2026",
                     "granted_by": "bench", "reference": "bench"}
                    for i in range(count) if i % 5 >= 3 and i % 2 == 0]  # fmt: skip
        if released:
            conn.execute(insert(releases), released)


def run_policy_bench(count: int = 100_000, rounds: int = 3) -> PolicyBench:
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        store = SqliteStore(f"sqlite:///{Path(tmp) / 'bench.db'}", b"a" * 32, None)
        _fill(store, count)
        gate = Gate(store, today=lambda: date(2026, 6, 1))
        # An officer of another RS authority: sees RS records, AL records only where released.
        user = Principal("bench.officer", "RS", "RS-GP", frozenset({Role.OFFICER}))
        best, base, returned = float("inf"), float("inf"), 0
        for _ in range(rounds):
            start = time.perf_counter()
            # The same bulk read the gate does (own columns, envelopes built once), unchecked.
            with store.read() as conn:
                rows = conn.execute(select(*RECORD_COLUMNS).order_by(records.c.id)).all()
                seen = EnvelopeCache()
                seen.load(conn, rows)
                plain = [stored_record(row, seen[row[4]]) for row in rows]
            base = min(base, time.perf_counter() - start)
            start = time.perf_counter()
            found = gate.read(user, "serious-crime", RecordQuery(limit=count),
                              justification="benchmark")  # fmt: skip
            best = min(best, time.perf_counter() - start)
            returned = len(found)
            assert len(plain) == count
        store.close()
    return PolicyBench(count, returned, round(best, 3), round(base, 3))
