"""Huge pages for a server's index: which regions are asked for them, and that a Linux kernel
that can collapse pages does so (best effort elsewhere)."""

from __future__ import annotations

import re
import sys

import pytest

from accord.services.huge_pages import HUGE_PAGE, advise_huge_pages, anonymous_regions

_MAPS = """\
55d0c0000000-55d0c0021000 r--p 00000000 08:01 1234   /usr/bin/python3.11
55d0c2a00000-55d0c3100000 rw-p 00000000 00:00 0      [heap]
7f0000000000-7f0000800000 rw-p 00000000 00:00 0
7f0000800000-7f0000900000 rw-p 00000000 00:00 0
7f0001000000-7f0001400000 rw-p 00000000 08:01 99     /usr/lib/libfoo.so
7f0002000000-7f0002600000 rw-p 00000000 00:00 0      [anon:arena]
7ffc00000000-7ffc00800000 rw-p 00000000 00:00 0      [stack]
7f0003000000-7f0003800000 ---p 00000000 00:00 0
""".splitlines()


def test_only_the_private_anonymous_regions_are_asked_in_whole_huge_pages() -> None:
    assert anonymous_regions(_MAPS) == [
        (0x55D0C2A00000, 0x55D0C3000000),  # the heap, its last part page short left out
        (0x7F0000000000, 0x7F0000800000),
        (0x7F0002000000, 0x7F0002600000),
    ]  # 1 MB alone, a library's data, the stack and an inaccessible guard are not


def test_each_region_is_advised_then_collapsed_and_refusals_are_counted() -> None:
    calls: list[tuple[int, int, int]] = []

    def madvise(start: int, length: int, advice: int) -> int:
        calls.append((start, length, advice))
        return -1 if advice == 25 and start == 0x7F0000000000 else 0

    done = advise_huge_pages(_MAPS, madvise)
    assert done is not None
    assert [advice for _, _, advice in calls] == [14, 25] * 3
    assert done.regions == 3
    assert done.advised_bytes == (6 + 8 + 6) * 1024 * 1024
    assert done.collapsed_bytes == (6 + 6) * 1024 * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="huge pages are Linux's")
def test_a_large_allocation_is_collapsed_into_huge_pages_where_the_kernel_can() -> None:
    block = bytearray(64 * HUGE_PAGE)
    block[::4096] = b"x" * len(block[::4096])  # every page touched
    done = advise_huge_pages()
    assert done is not None and done.advised_bytes >= 32 * HUGE_PAGE
    with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
        huge_kb = int(re.search(r"AnonHugePages:\s+(\d+)", rollup.read()).group(1))  # type: ignore[union-attr]
    if done.collapsed_bytes:
        assert huge_kb * 1024 >= 32 * HUGE_PAGE
    del block
