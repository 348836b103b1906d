"""The append-only, hash-chained audit log (shared/DESIGN.md §5).

Each entry holds references (record ids, batch ids, user names) and a keyed hash of its details;
the details themselves (query terms, before and after values) sit in ``audit_values``, which
retention may erase without breaking the chain. Entry hashes chain with SHA-256; signed
checkpoints of the head (HMAC with the audit key, kept outside the database, and appended to a
checkpoint file outside the database too) detect a chain rewritten with recomputed hashes and a
cut-off tail.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from accord.store.driver_statements import DriverStatement
from accord.store.tables import audit_checkpoints, audit_entries, audit_head, audit_values

__all__ = ["GENESIS", "AuditEntry", "AuditLog", "Verification"]

GENESIS = "0" * 64

# Fixed statements: compiled once, values always bound as parameters.
_LOCK_HEAD = update(audit_head).where(audit_head.c.id == 1).values(id=1)
_READ_HEAD = select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)
_MOVE_HEAD = (
    update(audit_head)
    .where(audit_head.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)
_INSERT_ENTRY = insert(audit_entries)
_INSERT_VALUES = insert(audit_values)
_INSERT_CHECKPOINT = insert(audit_checkpoints)
# The same statements for the append, run on the driver's cursor (every audited write runs
# them: see accord.store.driver_statements).
_APPEND_LOCK = DriverStatement(_LOCK_HEAD)
_APPEND_READ = DriverStatement(_READ_HEAD)
_APPEND_MOVE = DriverStatement(_MOVE_HEAD)
_APPEND_ENTRIES = DriverStatement(_INSERT_ENTRY)
_APPEND_VALUES = DriverStatement(_INSERT_VALUES)
_APPEND_CHECKPOINT = DriverStatement(_INSERT_CHECKPOINT)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class AuditEntry:
    """One processing operation: who did what, for which purpose, to which references."""

    actor: str
    authority: str
    action: str
    purpose: str
    refs: Sequence[str] = ()
    legal_basis: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    first_bad: int | None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "first_bad": self.first_bad}


def _link_hash(prev_hash: str, row: dict[str, Any]) -> str:
    parts = [
        prev_hash,
        str(row["seq"]),
        row["at"],
        row["actor"],
        row["authority"],
        row["action"],
        row["purpose"],
        row["legal_basis"],
        hashlib.sha256(row["refs"].encode("utf-8")).hexdigest(),
        row["detail_hash"],
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class AuditLog:
    """Appends to and verifies the chain. Appends happen inside the caller's transaction."""

    def __init__(self, key: bytes, checkpoint_file: Path | None) -> None:
        self._key = key
        self._checkpoint_file = checkpoint_file

    def _sign(self, seq: int, head: str) -> str:
        return hmac.new(self._key, f"{seq}:{head}".encode(), hashlib.sha256).hexdigest()

    def _detail_hash(self, detail: dict[str, Any]) -> str:
        text = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
        return hmac.new(self._key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def append(self, conn: Connection, entries: Iterable[AuditEntry]) -> int:
        """Append entries in order; returns the new head's sequence number.

        The head row is updated first so that concurrent writers serialise on it (a row lock
        on PostgreSQL, the database write lock on SQLite). The statements are fixed, with
        their values bound as parameters, so that each is compiled once per process.
        """
        entries = list(entries)
        if not entries:
            return self.head(conn)[0]
        _APPEND_LOCK.run(conn)
        ((seq, prev),) = _APPEND_READ.rows(conn)
        rows, values = [], []
        at = now_iso()
        for entry in entries:
            seq += 1
            row = {
                "seq": seq,
                "at": at,
                "actor": entry.actor,
                "authority": entry.authority,
                "action": entry.action,
                "purpose": entry.purpose,
                "legal_basis": entry.legal_basis,
                "refs": json.dumps(list(entry.refs)),
                "detail_hash": self._detail_hash(entry.detail),
            }
            row["prev_hash"] = prev
            row["hash"] = prev = _link_hash(prev, row)
            rows.append(row)
            if entry.detail:
                values.append({"seq": seq, "detail": json.dumps(entry.detail, default=str)})
        _APPEND_ENTRIES.run_many(conn, rows)
        if values:
            _APPEND_VALUES.run_many(conn, values)
        _APPEND_MOVE.run(conn, {"new_seq": seq, "new_hash": prev})
        self._checkpoint(conn, seq, prev, at)
        return int(seq)

    def _checkpoint(self, conn: Connection, seq: int, head: str, at: str) -> None:
        signature = self._sign(seq, head)
        _APPEND_CHECKPOINT.run(conn, {"seq": seq, "hash": head, "at": at, "signature": signature})
        if self._checkpoint_file is not None:
            # The file outside the database is what catches a tail cut together with its
            # checkpoint rows; appends of one short line are atomic under O_APPEND.
            line = json.dumps({"seq": seq, "hash": head, "at": at, "signature": signature}) + "\n"
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
            try:
                fd = os.open(self._checkpoint_file, flags, 0o600)
            except FileNotFoundError:  # its directory is made on the first append (or again)
                self._checkpoint_file.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self._checkpoint_file, flags, 0o600)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)

    def head(self, conn: Connection) -> tuple[int, str]:
        seq, head = conn.execute(_READ_HEAD).one()
        return int(seq), str(head)

    def _file_checkpoints(self) -> list[dict[str, Any]]:
        if self._checkpoint_file is None or not self._checkpoint_file.exists():
            return []
        found = []
        for line in self._checkpoint_file.read_text().splitlines():
            try:
                found.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a torn last line from a crash; the signed ones before it still count
        return found

    def verify(self, conn: Connection) -> Verification:
        """Walk the chain and compare it with every signed checkpoint."""
        by_seq: dict[int, str] = {}
        prev, expected, count = GENESIS, 1, 0
        rows = conn.execute(select(audit_entries).order_by(audit_entries.c.seq)).mappings()
        for row in rows:
            count += 1
            seq = int(row["seq"])
            if seq != expected:
                return Verification(False, count, expected, "an entry is missing or out of order")
            if row["prev_hash"] != prev or _link_hash(prev, dict(row)) != row["hash"]:
                return Verification(False, count, seq, "an entry was altered")
            prev = row["hash"]
            by_seq[seq] = prev
            expected += 1
        last = expected - 1
        stored = [dict(r) for r in conn.execute(select(audit_checkpoints)).mappings()]
        checkpoints = stored + self._file_checkpoints()
        for cp in sorted(checkpoints, key=lambda c: int(c["seq"])):
            seq = int(cp["seq"])
            if not hmac.compare_digest(self._sign(seq, cp["hash"]), cp["signature"]):
                return Verification(False, count, seq, "a checkpoint's signature is wrong")
            if seq > last:
                return Verification(False, count, last + 1, "the chain ends before a checkpoint")
            if by_seq.get(seq) != cp["hash"]:
                return Verification(False, count, seq, "the chain differs from a checkpoint")
        head_seq, head_hash = self.head(conn)
        if head_seq != last or (last and head_hash != prev):
            return Verification(False, count, min(head_seq, last) + 1, "the head does not match")
        return Verification(True, count, None)
