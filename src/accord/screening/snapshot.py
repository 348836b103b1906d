"""The screening index persisted beside the store, so that a process does not rebuild it.

A snapshot is the index's state (entries, name postings, identifier tables as keyed hashes)
and the source's watermark. A process that finds a snapshot loads it and then reads from the
store, through the gate, only what changed since that watermark: records written, alerts
lifted, erasures. It is written after a build, after a refresh that took records out (so that
an erased person's entry does not stay on disk), and when many records were re-read since the
last one.

The file holds personal data (names and dates of birth of flagged persons), like the store: it
lives in the data directory, readable by its owner only, and is signed with a key derived from
the screening key. A file whose signature does not verify under the current or the previous
screening key, written for another store, by another version of the name keys or in another
format, is ignored and the index built anew. The signature is checked before anything in the
file is read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle  # only files whose signature verifies are unpickled (see load_snapshot)
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from accord.screening.digests import Hasher
from accord.screening.index import ScreeningIndex
from accord.screening.keys import entry_keys
from accord.screening.model import MatchModel

__all__ = ["FORMAT", "Snapshot", "load_snapshot", "save_snapshot", "snapshot_path"]

FORMAT = 4
# Names in several scripts and spellings whose keys change whenever the names layer's keys do.
_PROBES = (
    "Петар Петровић",
    "Đorđe Šćekić",
    "Xhevdet Çollaku",
    "Muhammad Al-Jaburi",
    "Abd al-Rahman Chowdhury",
    "Ahmad Ahmadi",
    "Ал Џубури",
    "Mohammad Alali",
    "Aleksandra Petrovska",
)


@dataclass
class Snapshot:
    """A loaded snapshot: the index and the watermark it was current at."""

    index: ScreeningIndex
    watermark: str
    key_fingerprint: str


def snapshot_path(data_dir: Path, database_url: str) -> Path:
    """Where the snapshot of the index of the store at ``database_url`` is kept."""
    store = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:16]
    return data_dir / "screening" / f"index-{store}.snapshot"


def keys_version() -> str:
    """Changes when the name keys of the names layer change (a snapshot then is stale): the
    keys of a few probe names, and the lexicon, whose known names give keys of their own."""
    keys = sorted(k for name in _PROBES for k in entry_keys((name,), 1980))
    lexicon = resources.files("accord.names").joinpath("data/lexicon.txt").read_bytes()
    keys.append(hashlib.sha256(lexicon).hexdigest())
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:16]


def _signing_key(hasher: Hasher) -> bytes:
    return hasher.derive(b"accord-screening-index-snapshot")


def save_snapshot(path: Path, index: ScreeningIndex, watermark: str, hasher: Hasher) -> int:
    """Write the snapshot atomically (a reader sees the old file or the new one, never half);
    returns its size in bytes."""
    body = pickle.dumps(index.state(), protocol=pickle.HIGHEST_PROTOCOL)
    header = {
        "format": FORMAT,
        "keys_version": keys_version(),
        "watermark": watermark,
        "key": hasher.fingerprint,
        "entries": len(index),
    }
    text = json.dumps(header, sort_keys=True).encode("utf-8")
    mac = hmac.new(_signing_key(hasher), text + b"\n" + body, "sha256").hexdigest()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(mac.encode("ascii") + b"\n" + text + b"\n")
        fh.write(body)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)
    return len(body)


def load_snapshot(path: Path, model: MatchModel, hashers: list[Hasher]) -> Snapshot | None:
    """The snapshot at ``path`` if it verifies under one of ``hashers`` and fits this version
    of the name keys; None otherwise (the caller builds the index anew)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    mac, _, rest = data.partition(b"\n")
    text, _, body = rest.partition(b"\n")
    try:
        header: dict[str, Any] = json.loads(text)
    except ValueError:
        return None
    signer = next((h for h in hashers if h.fingerprint == header.get("key")), None)
    if signer is None:
        return None
    expected = hmac.new(_signing_key(signer), text + b"\n" + body, "sha256").hexdigest()
    if not hmac.compare_digest(expected.encode("ascii"), mac):
        return None
    if header.get("format") != FORMAT or header.get("keys_version") != keys_version():
        return None
    state = pickle.loads(body)  # noqa: S301  (signed by this deployment's screening key)
    try:
        index = ScreeningIndex.from_state(model, hashers, state)
    except (KeyError, ValueError):
        return None
    return Snapshot(index, str(header["watermark"]), signer.fingerprint)
