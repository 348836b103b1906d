"""Record ids are stored and referred to everywhere: their bytes must never change."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from accord.model.ids import record_id, record_id_maker


def _reference_id(key: bytes, participant: str, authority: str, dataset: str, source: str) -> str:
    """The id as first defined: keyed BLAKE2b (16 bytes) over scope and source key."""
    scope = "\x1f".join((participant.upper(), authority.upper(), dataset, source))
    digest = hashlib.blake2b(scope.encode("utf-8"), key=key[:64], digest_size=16)
    return f"{participant.lower()}-{digest.hexdigest()}"


def test_ids_pinned() -> None:
    assert (
        record_id(b"k" * 32, "RS", "RS-GP", "wanted-2025", "P00000001")
        == "rs-95da18bbd6f5ad12b35c44e5f54e26db"
    )
    # A key longer than BLAKE2b takes is cut to 64 bytes; case of the scope is normalised.
    assert (
        record_id(bytes(range(70)), "xk", "xk-kp", "d", "Đorđe/ 12\x1e")
        == "xk-c83e01e15b631f1a1d7ed5e058112294"
    )


@given(
    key=st.binary(min_size=1, max_size=80),
    dataset=st.text(min_size=1, max_size=20),
    sources=st.lists(st.text(max_size=40), min_size=1, max_size=5),
)
def test_maker_matches_reference(key: bytes, dataset: str, sources: list[str]) -> None:
    make = record_id_maker(key, "AL", "al-asp", dataset)
    # The maker reuses one keyed state: calls in a row must not leak into one another.
    for source in sources:
        assert make(source) == _reference_id(key, "AL", "al-asp", dataset, source)
