"""Pages of results: ``limit`` (1..500, default 50) and ``offset``. A page says where the next
one starts, never how many there are in all (a total would count what the user may not see)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "Page", "PageParams", "Paging", "page_of"]

MAX_LIMIT = 500
MAX_OFFSET = 100_000

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int

    def slice(self, items: Sequence[T]) -> list[T]:
        return list(items[self.offset : self.offset + self.limit])


def _page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (the next_offset).")
    ] = 0,
) -> PageParams:
    return PageParams(limit, offset)


Paging = Annotated[PageParams, Depends(_page_params)]


def page_of(items: list[T], params: PageParams) -> Page[T]:
    """A page of at most ``limit`` items; a full page points at the next one."""
    full = len(items) >= params.limit
    return Page(
        items=items,
        limit=params.limit,
        offset=params.offset,
        next_offset=params.offset + params.limit if full else None,
    )
