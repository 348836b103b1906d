"""Record ids from a keyed hash.

An id is never a plain hash of a passport or ID number: anyone could recompute a plain hash from a
number they hold and so learn whether a record exists. The id key lives outside the database
(settings), apart from the screening and audit keys.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable

__all__ = ["content_hash", "keyed_hash", "record_id", "record_id_maker"]

_SEPARATOR = "\x1f"


def keyed_hash(key: bytes, *parts: str) -> str:
    """HMAC-SHA256 of the parts, hex."""
    message = _SEPARATOR.join(parts).encode("utf-8")
    return hmac.digest(key, message, "sha256").hex()


def record_id(key: bytes, participant: str, authority: str, dataset: str, source_key: str) -> str:
    """The stable id of a record: the same source key of the same dataset gives the same id."""
    return record_id_maker(key, participant, authority, dataset)(source_key)


def record_id_maker(
    key: bytes, participant: str, authority: str, dataset: str
) -> Callable[[str], str]:
    """A fast maker of record ids for one dataset: BLAKE2b in its keyed (MAC) mode."""
    prefix = f"{participant.lower()}-"
    scope = _SEPARATOR.join((participant.upper(), authority.upper(), dataset, "")).encode("utf-8")
    # Keying BLAKE2b and hashing the dataset's scope are the same for every id: do them once
    # and copy that state per id (the same digest as hashing key, scope and source key anew).
    keyed = hashlib.blake2b(key=key[:64], digest_size=16)
    keyed.update(scope)

    def make(source_key: str) -> str:
        digest = keyed.copy()
        digest.update(source_key.encode("utf-8"))
        return prefix + digest.hexdigest()

    return make


def content_hash(items: Iterable[tuple[str, str]]) -> str:
    """A hash of a record's content, to tell a duplicate from a changed record.

    Not keyed: it is stored only beside the record it describes, never in the audit chain.
    """
    h = hashlib.sha256()
    for name, value in sorted(items):
        h.update(name.encode("utf-8"))
        h.update(b"\x1e")
        h.update(value.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()
