"""What a group of records says about one person that another group may contradict.

The soft conflicts of :data:`accord.linkage.model.SOFT_CONFLICTS` are found among candidate
pairs only, and the capped blocks of a common name leave most pairs of its namesakes out: two
groups of records could then be chained by weak links although a record of one was born on
another day than a record of the other. Here each group keeps its phone numbers, the range of
its years of birth and its full dates of birth, so that every record of one group is weighed
against every record of the other, paired or not. The rules mirror the soft conflicts: a date
one typing slip away (one digit, day and month swapped, a year off by one) never disagrees.
Unlike them, a 1 January stand-in disagrees with another day of its year: a pair of records
says little when one holds a stand-in, but a group whose records were registered without a
date and a group whose records carry the same other day of that year are, in the development
region, mostly two people (300,000 records: precision 0.957 -> 0.971, recall 0.936 -> 0.935).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["GroupTraits", "RecordTraits", "dates_disagree", "traits_of_conflicted"]


@dataclass(frozen=True)
class RecordTraits:
    """Per record (by ``unique_id``): its phone numbers, year of birth and ISO date of birth
    (``YYYY-MM-DD``, or a partial date, or none)."""

    phones: Sequence[Sequence[str] | None]
    years: Sequence[int | None]
    dates: Sequence[str | None]


def _full(date: str | None) -> str | None:
    """A full date (a 1 January stand-in too: beside another full date of its year it is the
    "same year, different day or month" that one person's records almost never show)."""
    if date is None or len(date) != 10:
        return None
    return date


def dates_disagree(a: str, b: str) -> bool:
    """Two full ISO dates of birth that no typing slip explains."""
    if a == b:
        return False
    if sum(x != y for x, y in zip(a, b, strict=True)) <= 1:
        return False
    if a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]:
        return False  # day and month swapped
    return not (abs(int(a[:4]) - int(b[:4])) == 1 and a[5:] == b[5:])


@dataclass
class GroupTraits:
    """The phone numbers, years of birth (with their number of records) and full dates of one
    group of records."""

    phones: set[str] = field(default_factory=set)
    years: Counter[int] = field(default_factory=Counter)
    dates: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, phones: Sequence[str] | None, year: int | None, date: str | None) -> GroupTraits:
        full = _full(date)
        return cls(
            set(phones or ()), Counter() if year is None else Counter([year]),
            {full} if full else set(),
        )  # fmt: skip

    def disagrees(self, other: GroupTraits) -> bool:
        """Both hold phone numbers and none in common; or years of birth two or more apart; or
        two dated records or more each and no year in common; or two full dates of birth that no
        typing slip explains."""
        if self.phones and other.phones and self.phones.isdisjoint(other.phones):
            return True
        if self.years and other.years:
            if max(max(self.years) - min(other.years), max(other.years) - min(self.years)) >= 2:
                return True
            # a year off by one is a slip of one record, not of every record of a group
            if (
                self.years.total() >= 2
                and other.years.total() >= 2
                and self.years.keys().isdisjoint(other.years.keys())
            ):
                return True
        return any(dates_disagree(a, b) for a in self.dates for b in other.dates)

    def absorb(self, other: GroupTraits) -> None:
        self.phones |= other.phones
        self.dates |= other.dates
        self.years.update(other.years)


def traits_of_conflicted(
    traits: RecordTraits, component: list[int], conflicted: set[int]
) -> dict[int, GroupTraits]:
    """Each record's traits where its component holds more than one phone number, year of
    birth or full date (only there can two groups disagree); such components are added to
    ``conflicted`` (they are clustered greedily, the others are plain connected components)."""
    phones: dict[int, set[str]] = defaultdict(set)
    years: dict[int, tuple[int, int]] = {}
    dates: dict[int, set[str]] = defaultdict(set)
    for node, comp in enumerate(component):
        numbers, year, date = traits.phones[node], traits.years[node], _full(traits.dates[node])
        if numbers:
            phones[comp].update(numbers)
        if year is not None:
            low, high = years.get(comp, (year, year))
            years[comp] = (min(low, year), max(high, year))
        if date:
            dates[comp].add(date)
    torn = {c for c, found in phones.items() if len(found) > 1}
    torn |= {c for c, (low, high) in years.items() if high > low}
    torn |= {c for c, found in dates.items() if len(found) > 1}
    conflicted |= torn
    return {
        node: GroupTraits.of(traits.phones[node], traits.years[node], traits.dates[node])
        for node, comp in enumerate(component)
        if comp in torn
    }
