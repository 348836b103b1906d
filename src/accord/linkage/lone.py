"""Records left alone by the clustering, attached to the one identity they clearly belong to.

At a million records most true pairs the threshold misses are a lone record of a person whose
other records formed an identity: a migrant's record with a year of birth only, or none, scored
0.9 to 0.98 against one of them. Such a pair alone is as often two namesakes as one person, but a
lone record whose only pair of any weight leads to one identity, and whose traits agree with
every record of it, is mostly that person. So a record alone in its identity is attached to an
identity of several records when it has a pair of at least ``attach_at`` with one of its
members, no pair of at least ``rival_at`` with a record of any other identity (two identities
that compete for it leave it alone), no contradiction, soft conflict or analyst's split with any
member, and traits (:mod:`accord.linkage.traits`) that agree with the identity's. The link that
attaches it is its best pair, with that pair's evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from accord.linkage.traits import GroupTraits, RecordTraits

__all__ = ["LoneRule", "attach_lone_records"]


@dataclass(frozen=True)
class LoneRule:
    """``attach_at``: the match probability of the pair that attaches a lone record;
    ``rival_at``: a pair at least this probable with another identity leaves it alone;
    ``together``: lone records are also joined with one another by the same bounds."""

    attach_at: float = 0.95
    rival_at: float = 0.95
    together: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.rival_at <= self.attach_at <= 1.0:
            raise ValueError(
                f"Lone-record bounds attach_at={self.attach_at} and rival_at={self.rival_at}: "
                "give 0 <= rival_at <= attach_at <= 1."
            )


def _pairs_of(
    lone: set[int], scored: pl.DataFrame, at_least: float
) -> dict[int, list[tuple[float, int, int]]]:
    """Per lone record: ``(probability, other record, row)`` of its pairs of at least
    ``at_least``."""
    ids = sorted(lone)
    touching = scored.filter(
        (pl.col("unique_id_l").is_in(ids) | pl.col("unique_id_r").is_in(ids))
        & (pl.col("match_probability") >= at_least)
    )
    found: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for a, b, p, row in touching.select(
        "unique_id_l", "unique_id_r", "match_probability", "row"
    ).iter_rows():
        if a in lone:
            found[a].append((p, b, row))
        if b in lone:
            found[b].append((p, a, row))
    return found


def _ties(frame: pl.DataFrame | None, records: set[int]) -> dict[int, set[int]]:
    """The records each of ``records`` is tied to by a pair of ``frame``."""
    ties: dict[int, set[int]] = defaultdict(set)
    if frame is None or not frame.height:
        return ties
    ids = sorted(records)
    near = frame.filter(pl.col("unique_id_l").is_in(ids) | pl.col("unique_id_r").is_in(ids))
    for a, b in near.select("unique_id_l", "unique_id_r").iter_rows():
        ties[a].add(b)
        ties[b].add(a)
    return ties


def attach_lone_records(
    labels: Sequence[int],
    scored: pl.DataFrame,
    rule: LoneRule,
    *,
    cannot_link: pl.DataFrame | None = None,
    soft_conflicts: pl.DataFrame | None = None,
    traits: RecordTraits | None = None,
    apart: Sequence[Sequence[int]] = (),
) -> list[tuple[int, int, int]]:
    """``(lone record, member it is attached to, row of the pair)`` for each lone record that
    the rule attaches. ``labels``: the identity of each record after clustering; ``scored``:
    pairs (``unique_id_l``, ``unique_id_r``, ``match_probability``, ``row``), those below
    ``rule.rival_at`` ignored; ``cannot_link``: pairs never together (contradictions, splits);
    ``soft_conflicts``: pairs a link below the threshold may not join either; ``apart``:
    groups of records (confirmed identities) never joined with one another."""
    members: dict[int, list[int]] = defaultdict(list)
    for node, label in enumerate(labels):
        members[label].append(node)
    lone = {group[0] for group in members.values() if len(group) == 1}
    if not lone or not scored.height:
        return []
    found = _pairs_of(lone, scored, rule.rival_at)
    candidates: list[tuple[float, int, int, int, int]] = []
    for record, pairs in found.items():
        best: dict[int, tuple[float, int, int]] = {}
        for p, other, row in pairs:
            label = labels[other]
            if label not in best or (p, -other) > (best[label][0], -best[label][1]):
                best[label] = (p, other, row)
        if len(best) != 1:
            continue  # no pair, or two identities compete for it
        ((label, (p, other, row)),) = best.items()
        if p >= rule.attach_at and len(members[label]) > 1:
            candidates.append((p, record, label, other, row))
    checks = _Checks(set(found), cannot_link, soft_conflicts, traits, apart)
    attached: list[tuple[int, int, int]] = []
    # the most probable first; each attached record joins its identity's members and traits,
    # so that two namesakes' lone records are not both attached to one identity
    for _p, record, label, other, row in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if checks.join(record, members[label], ("identity", label)):
            attached.append((record, other, row))
    left = lone - {record for record, _, _ in attached}
    if not rule.together:
        return attached
    return attached + _lone_together(left, found, rule, checks)


class _Checks:
    """What refuses a record a group: a contradiction, soft conflict or split with a member, a
    confirmed identity of its own, or traits that disagree with the group's."""

    def __init__(
        self,
        records: set[int],
        cannot_link: pl.DataFrame | None,
        soft_conflicts: pl.DataFrame | None,
        traits: RecordTraits | None,
        apart: Sequence[Sequence[int]],
    ) -> None:
        self.forbidden = _ties(cannot_link, records)
        self.conflicting = _ties(soft_conflicts, records)
        self.traits = traits
        self.group_of = {node: i for i, group in enumerate(apart) for node in group}
        self.grown: dict[tuple[str, int], GroupTraits] = {}

    def join(self, record: int, group: list[int], key: tuple[str, int]) -> bool:
        """Add ``record`` to ``group`` (kept under ``key``) unless something refuses it."""
        if self.forbidden[record].intersection(group) or self.conflicting[record].intersection(
            group
        ):
            return False
        own = self.group_of.get(record)
        if own is not None and any(self.group_of.get(m, own) != own for m in group):
            return False  # a confirmed identity of its own is not merged into another
        if self.traits is not None:
            if key not in self.grown:
                self.grown[key] = _traits(self.traits, group)
            alone = _traits(self.traits, [record])
            if alone.disagrees(self.grown[key]):
                return False
            self.grown[key].absorb(alone)
        group.append(record)
        return True


def _lone_together(
    lone: set[int],
    found: dict[int, list[tuple[float, int, int]]],
    rule: LoneRule,
    checks: _Checks,
) -> list[tuple[int, int, int]]:
    """Lone records joined with one another: those that pairs of at least ``attach_at`` tie
    together, when no pair of at least ``rival_at`` leads out of their group (a person whose
    records were all left alone, each scored just under the threshold against the others)."""
    root = {n: n for n in lone}

    def find(node: int) -> int:
        while root[node] != node:
            root[node] = root[root[node]]
            node = root[node]
        return node

    for record in lone:
        for p, other, _row in found.get(record, ()):
            if p >= rule.attach_at and other in lone:
                root[find(record)] = find(other)
    sizes: dict[int, int] = defaultdict(int)
    for record in lone:
        sizes[find(record)] += 1
    edges: list[tuple[float, int, int, int]] = []
    open_groups: set[int] = set()
    for record in lone:
        head = find(record)
        for p, other, row in found.get(record, ()):
            if other not in lone or find(other) != head:
                open_groups.add(head)  # another identity competes for the group
            elif record < other and p >= rule.attach_at:
                edges.append((p, record, other, row))
    groups: dict[int, list[int]] = {}
    joined: list[tuple[int, int, int]] = []
    for _p, a, b, row in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        head = find(a)
        if head in open_groups or sizes[head] < 2:
            continue
        ga, gb = groups.get(a), groups.get(b)
        if ga is not None and ga is gb:
            continue
        if ga is None and gb is None:
            groups[a] = [a]
            ga = groups[a]
        if ga is None:
            a, b, ga, gb = b, a, gb, None
        assert ga is not None
        if gb is None and checks.join(b, ga, ("together", ga[0])):
            groups[b] = ga
            joined.append((b, a, row))
    return joined


def _traits(traits: RecordTraits, records: Sequence[int]) -> GroupTraits:
    found = GroupTraits()
    for node in records:
        found.absorb(GroupTraits.of(traits.phones[node], traits.years[node], traits.dates[node]))
    return found
