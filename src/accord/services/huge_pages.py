"""Huge pages for a server's long-lived memory.

A screening index of a million persons is some two gigabytes of objects, and a query reads a
few thousand of them at random: its candidates' entries, names and columns. With the kernel's
4 KB pages, each of those reads is likely to miss the processor's cache of page-table entries
(the TLB) first; with 2 MB pages the same memory takes 512 times fewer entries. Linux gives a
process huge pages for the regions it asks them for (``MADV_HUGEPAGE``, when transparent huge
pages are in ``madvise`` mode, the default of most distributions) and, since Linux 6.1, turns
the pages a region holds already into huge ones at once (``MADV_COLLAPSE``).

:func:`advise_huge_pages` asks both for every private anonymous region of the process (the
heap and the allocators' arenas, where the index lives) once the index is loaded. Best effort:
on another system, an older kernel or a refusal, the pages stay as they were and nothing is
raised.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["HUGE_PAGE", "Advised", "advise_huge_pages", "anonymous_regions"]

#: The size of a huge page on x86-64 and of most arm64 kernels' transparent huge pages.
HUGE_PAGE = 2 * 1024 * 1024
_MADV_HUGEPAGE = 14
_MADV_COLLAPSE = 25

Madvise = Callable[[int, int, int], int]


@dataclass(frozen=True)
class Advised:
    """What :func:`advise_huge_pages` did: the regions and bytes asked for huge pages, the bytes
    turned into huge pages at once, and how long it took."""

    regions: int
    advised_bytes: int
    collapsed_bytes: int
    seconds: float


def anonymous_regions(maps: Iterable[str]) -> list[tuple[int, int]]:
    """The private, writable, anonymous regions of ``maps`` (the lines of ``/proc/PID/maps``)
    as ``(start, end)``, trimmed to whole huge pages; those holding none are left out. The
    stack and file mappings are not the index's."""
    found = []
    for line in maps:
        fields = line.split()
        if len(fields) < 5 or fields[1] != "rw-p":
            continue
        path = fields[5] if len(fields) > 5 else ""
        if path and path != "[heap]" and not path.startswith("[anon:"):
            continue
        low, high = (int(bound, 16) for bound in fields[0].split("-"))
        start = -(-low // HUGE_PAGE) * HUGE_PAGE
        end = high // HUGE_PAGE * HUGE_PAGE
        if end > start:
            found.append((start, end))
    return found


def advise_huge_pages(
    maps: Iterable[str] | None = None, madvise: Madvise | None = None
) -> Advised | None:
    """Ask for huge pages on the process's anonymous regions and collapse what they hold;
    None where that cannot be asked (not Linux, no C library). ``maps`` and ``madvise`` stand
    in for ``/proc/self/maps`` and the system call (for tests)."""
    if madvise is None:
        madvise = _system_madvise()
        if madvise is None:
            return None
    started = time.perf_counter()
    if maps is None:
        try:
            with open("/proc/self/maps", encoding="ascii") as lines:
                regions = anonymous_regions(lines)
        except OSError:
            return None
    else:
        regions = anonymous_regions(maps)
    advised = collapsed = 0
    for start, end in regions:
        # a region freed meanwhile answers an error: nothing to do for it
        if madvise(start, end - start, _MADV_HUGEPAGE) == 0:
            advised += end - start
        if madvise(start, end - start, _MADV_COLLAPSE) == 0:
            collapsed += end - start
    return Advised(len(regions), advised, collapsed, round(time.perf_counter() - started, 2))


def _system_madvise() -> Madvise | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    libc = ctypes.CDLL(name, use_errno=True)
    call = libc.madvise
    call.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    call.restype = ctypes.c_int
    return lambda start, length, advice: int(call(start, length, advice))
