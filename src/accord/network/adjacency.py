"""Compressed adjacency (CSR) over the edge rows, for traversals that filter edges as they go.

``out`` lists each vertex's edges by source, ``both`` by either end (each edge once from each
end). Slices for a whole frontier of vertices are gathered at once, so a breadth-first level costs
numpy work proportional to the frontier's degree, not a Python loop per edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Adjacency", "adjacency"]

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Adjacency:
    """``neighbours[indptr[v]:indptr[v+1]]`` are the far ends of vertex v's edges, and
    ``edges[...]`` the matching edge rows."""

    indptr: IntArray
    neighbours: IntArray
    edges: IntArray

    def degree(self, vertices: IntArray) -> IntArray:
        result: IntArray = self.indptr[vertices + 1] - self.indptr[vertices]
        return result

    def gather(self, vertices: IntArray) -> tuple[IntArray, IntArray, IntArray]:
        """(origin, neighbour, edge) for every edge of ``vertices``, in vertex order."""
        starts = self.indptr[vertices]
        counts = self.indptr[vertices + 1] - starts
        total = int(counts.sum())
        if total == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        # Positions start[i] .. start[i] + count[i] - 1 for every i, without a Python loop.
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        positions = np.arange(total, dtype=np.int64) + offsets
        origin = np.repeat(vertices, counts)
        return origin, self.neighbours[positions], self.edges[positions]


def adjacency(count: int, sources: IntArray, targets: IntArray, *, directed: bool) -> Adjacency:
    """CSR by source (``directed``) or by either end."""
    rows = np.arange(sources.size, dtype=np.int64)
    if directed:
        ends, far, edge = sources, targets, rows
    else:
        ends = np.concatenate((sources, targets))
        far = np.concatenate((targets, sources))
        edge = np.concatenate((rows, rows))
    order = np.argsort(ends, kind="stable")
    indptr = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=count), out=indptr[1:])
    return Adjacency(indptr=indptr, neighbours=far[order], edges=edge[order])
