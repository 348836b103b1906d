"""Record ids from a keyed hash.

An id is never a plain hash of a passport or ID number: anyone could recompute a plain hash from a
number they hold and so learn whether a record exists. The id key lives outside the database
(settings), apart from the screening and audit keys.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

__all__ = ["content_hash", "keyed_hash", "record_id"]

_SEPARATOR = "\x1f"


def keyed_hash(key: bytes, *parts: str) -> str:
    """HMAC-SHA256 of the parts, hex."""
    message = _SEPARATOR.join(parts).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def record_id(key: bytes, participant: str, authority: str, dataset: str, source_key: str) -> str:
    """The stable id of a record: the same source key of the same dataset gives the same id."""
    digest = keyed_hash(key, participant.upper(), authority.upper(), dataset, source_key)
    return f"{participant.lower()}-{digest[:32]}"


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
