"""Peak memory of this process."""

from __future__ import annotations

import resource
import sys

__all__ = ["peak_mb"]


def peak_mb() -> float:
    """Peak resident memory so far, in MB: this process's plus that of its largest finished
    child (worker processes count too)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return round(peak * scale / 1_000_000 if scale == 1 else peak * scale / 1_048_576, 1)
