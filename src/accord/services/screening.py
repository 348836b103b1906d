"""Hit/no-hit screening for users: the checks, limits, policy and audit around the index.

Every query is decided and logged the same way whatever the interface (CLI, API):

* the user must hold a role that screens (officer, analyst) and give a purpose;
* per-user limits: a token bucket (queries per minute) and a daily quota
  (``ACCORD_SCREEN_QUOTA_PER_DAY``);
* the index's candidates are cut by :func:`accord.policy.decide` with ``Action.SCREEN``, one by
  one: a hit the user's agreements do not cover is dropped, so that a refused query answers
  exactly like a no-hit (same fields, about the same time: the index scores as many candidates
  for every query, and the same checks run on them whether they are kept or not);
* a hit answers with an opaque reference (kept in ``screening_hits`` for step 2), the
  originator, the kind of record, the band and the reasons in words; never the record;
* every query is one ``screen`` entry of the audit chain: purpose, the references returned and
  the records they point to; the query terms and the justification sit in the erasable side
  values only.

A hit never triggers an action by itself: it goes to a person, with its reasons.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from accord.errors import AccessDenied, AccordError, InputError
from accord.model.codes import Purpose
from accord.policy import ACTION_ROLES, Action, Principal
from accord.screening import (
    Candidate,
    Hasher,
    IndexEntry,
    IndexSource,
    ScreeningIndex,
    ScreenQuery,
    check_query,
    default_model,
)
from accord.screening.answered import answered_hits
from accord.screening.model import MatchModel
from accord.services.context import Services
from accord.services.screening_answers import Answer, hit_of, new_references
from accord.services.screening_commit import Refused, Screened, StaleHits
from accord.services.screening_decisions import DecisionBook, ScreenDecisions
from accord.services.screening_index import IndexKeeper
from accord.services.screening_limits import (
    DailyUsage,
    QuotaExceeded,
    ScreeningLimited,
    TokenBucket,
)
from accord.services.screening_steps import INLINE_QUERIES, InCaller, OnLoop, run_at_once
from accord.store.audit import AuditEntry
from accord.store.audit_writer import group_commit
from accord.store.gate import parse_purpose

__all__ = [
    "INLINE_QUERIES",
    "MAX_BATCH",
    "MAX_HITS",
    "QuotaExceeded",
    "Screened",
    "ScreeningBusy",
    "ScreeningDesk",
    "ScreeningLimited",
    "screening_desk",
]

MAX_BATCH = 1000
MAX_HITS = 5
_BAND_ORDER = {"high": 0, "review": 1}
_DEFAULT_RATE = 1200
#: Times a batch is screened again when records its hits point to changed meanwhile.
_ATTEMPTS = 3


class ScreeningDesk:
    """Screens queries for users against one store's index (built on first use)."""

    def __init__(
        self,
        services: Services,
        *,
        model: MatchModel | None = None,
        rate_per_minute: int = _DEFAULT_RATE,
        quota_per_day: int | None = None,
        refresh_every: float = 1.0,
        clock: Callable[[], datetime] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        snapshot: bool = True,
        background_rekey: bool = True,
        analyse_ahead: bool = True,
    ) -> None:
        self.services = services
        self.store = services.store
        self.model = model or default_model()
        self.quota = (
            quota_per_day if quota_per_day is not None else (services.settings.screen_quota_per_day)
        )
        self._clock = clock or (lambda: datetime.now(UTC))
        self._monotonic = monotonic
        self._bucket = TokenBucket(rate_per_minute, monotonic)
        self.daily_usage = DailyUsage(self.store, monotonic)
        self.writer = group_commit(self.store)
        self._decisions = DecisionBook()
        self.keeper = IndexKeeper(
            services,
            self.model,
            refresh_every=refresh_every,
            monotonic=monotonic,
            snapshot=snapshot,
            background_rekey=background_rekey,
            analyse_ahead=analyse_ahead,
        )

    # -- the index ---------------------------------------------------------------------------

    def today(self) -> date:
        return self._clock().date()

    @property
    def index(self) -> ScreeningIndex:
        return self.keeper.index

    @property
    def source(self) -> IndexSource:
        return self.keeper.source

    def ensure_current(self, force: bool = False) -> None:
        """Load or build the index on first use, then keep it current (see
        :class:`IndexKeeper`); erasures are also caught per hit by the version check."""
        self.keeper.ensure_current(force)

    def rotate_key(self, key: bytes) -> None:
        """Index under a new screening key while answering under the current one; switch when
        every flagged record has been re-read (through the gate) and hashed anew."""
        self.ensure_current()
        self.keeper.rotate(Hasher(key))

    # -- checks ------------------------------------------------------------------------------

    @staticmethod
    def _refusal(user: Principal, reason: str, purpose: str = "-") -> _Refusal:
        entry = AuditEntry(
            user.username,
            user.authority,
            "refusal",
            purpose[:32],
            detail={"reason": reason, "action": "screen"},
        )
        return _Refusal(entry)

    def _check_user(self, user: Principal, purpose: str | Purpose | None) -> Purpose:
        if user.disabled or not user.roles & ACTION_ROLES[Action.SCREEN]:
            raise self._refusal(user, "no role of this user may screen").of(
                AccessDenied(
                    "Your roles do not allow screening.",
                    hint="This needs the role officer or analyst.",
                )
            )
        wanted = parse_purpose(purpose)
        if wanted is None or wanted is Purpose.SUPERVISION:
            refused = self._refusal(user, "no valid purpose for screening", str(purpose or "-"))
            raise refused.of(
                InputError(
                    "A purpose is required for every screening query."
                    if not purpose
                    else f"Unknown purpose {str(purpose)[:40]!r} for screening.",
                    hint="Give one of: "
                    + ", ".join(p.value for p in Purpose if p is not Purpose.SUPERVISION)
                    + ".",
                )
            )
        return wanted

    def _limits(self, user: Principal, count: int) -> None:
        wait = self._bucket.take(user.username, count)
        if wait is not None:
            raise ScreeningLimited(
                f"Too many screening queries: {count} asked at once after a burst.",
                hint=f"Wait {max(1, int(wait + 0.999))} s, or send a list as one batch.",
            )
        used = self.usage(user.username)
        if used + count > self.quota:
            raise self._refusal(user, "daily screening quota reached").of(
                QuotaExceeded(
                    f"Your daily quota of {self.quota:,} screening queries is used up "
                    f"({used:,} today).",
                    hint="Ask your administrator to raise ACCORD_SCREEN_QUOTA_PER_DAY, or go on "
                    "tomorrow.",
                )
            )

    def usage(self, username: str) -> int:
        """Queries the user made today (in every process)."""
        return self.daily_usage.used(username, self.today().isoformat())

    # -- screening ---------------------------------------------------------------------------

    def screen(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        queries: Sequence[ScreenQuery],
        justification: str = "",
    ) -> list[dict[str, Any]]:
        """Screen a batch; one answer per query, in order. A query that cannot be screened
        answers ``result: error`` with the reason; the others are screened."""
        return run_at_once(self._attempts(InCaller(self), user, purpose, queries, justification))

    async def screen_async(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        queries: Sequence[ScreenQuery],
        justification: str = "",
    ) -> list[dict[str, Any]]:
        """:meth:`screen` for a request served on an event loop (see :class:`OnLoop`): the
        answers are returned once the write is committed, and the loop reads no store."""
        return await self._attempts(OnLoop(self), user, purpose, queries, justification)

    async def _attempts(
        self,
        steps: InCaller,
        user: Principal,
        purpose: str | Purpose | None,
        queries: Sequence[ScreenQuery],
        justification: str,
    ) -> list[dict[str, Any]]:
        """Screen a batch and write it; when records its hits point to changed meanwhile,
        look at them again and screen it again, at most :data:`_ATTEMPTS` times."""
        for _ in range(_ATTEMPTS):
            try:
                screened = await steps.prepare(user, purpose, queries, justification)
            except Refused as refused:
                await steps.log_refusal(refused.entry)
                raise refused.error from None
            try:
                await steps.commit(screened)
            except StaleHits as stale:
                await steps.look_again(stale.record_ids)
                continue
            return screened.answers()
        raise _changing()

    def screen_one(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        query: ScreenQuery,
        justification: str = "",
    ) -> dict[str, Any]:
        """Screen one query; bad input raises :class:`InputError` instead of an answer."""
        return _one(self.screen(user, purpose, [query], justification))

    async def screen_one_async(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        query: ScreenQuery,
        justification: str = "",
    ) -> dict[str, Any]:
        """:meth:`screen_one` for a request served on an event loop (see :meth:`screen_async`)."""
        return _one(await self.screen_async(user, purpose, [query], justification))

    def prepare(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        queries: Sequence[ScreenQuery],
        justification: str = "",
    ) -> Screened:
        """Check, limit and screen a batch; nothing is answered before :meth:`Screened.commit`
        (or ``commit_async``) has stored what the queries found and their audit entries.
        A refusal to be logged is raised as :class:`Refused`."""
        wanted = self._check_user(user, purpose)
        if not queries:
            raise InputError("No query to screen.", hint="Give at least one query.")
        if len(queries) > MAX_BATCH:
            raise InputError(
                f"{len(queries):,} queries in one batch; at most {MAX_BATCH:,}.",
                hint="Split the list into batches.",
            )
        if len(justification) > 1000:
            raise InputError("The justification is longer than 1,000 characters.")
        answers = [Answer(q.ref or str(number), q) for number, q in enumerate(queries, 1)]
        for answer in answers:
            try:
                answer.checked = check_query(answer.query, user.participant)
            except InputError as exc:
                answer.error = exc
        valid = [a for a in answers if a.checked is not None]
        versions: dict[str, str | None] = {}
        if valid:
            self._limits(user, len(valid))
            self.ensure_current()
            decisions = self._decisions.for_batch(
                user, wanted, self.keeper.agreements, self.today()
            )
            for answer in valid:
                self._screen_one(answer, versions, decisions)
        day = self.today().isoformat()
        return Screened(user, wanted, justification, answers, versions, day)

    def _screen_one(
        self,
        answer: Answer,
        versions: dict[str, str | None],
        decisions: ScreenDecisions,
    ) -> None:
        """Screen one checked query; ``versions`` gains the version of the entry behind each
        hit answered, checked against the store when the batch is written. Every candidate is
        decided by the policy, kept or not, so that a refusal costs what a no-hit does; a
        refused hit and a no-hit both answer no record, so their version checks are alike."""
        query = answer.checked
        assert query is not None
        kept: list[tuple[Candidate, IndexEntry, str]] = []
        for candidate in self.index.search(query):
            # a record changed since the search was re-read: take its new entry
            entry = self.index.entry(candidate.entry) or self.index.entry_for(candidate.record_id)
            if entry is None:
                continue
            decision = decisions.of(entry)
            if decision and candidate.band is not None and not candidate.decoy:
                kept.append((candidate, entry, decision.agreement or ""))
        listed = answered_hits(
            kept,
            MAX_HITS,
            order=lambda item: (_BAND_ORDER[item[0].band or "review"], -item[0].score),
            alert=lambda item: item[1].envelope.alert,
        )
        references = new_references(len(listed))
        for (candidate, entry, basis), reference in zip(listed, references, strict=True):
            versions[candidate.record_id] = entry.version
            answer.hits.append(hit_of(query, candidate, entry, reference))
            answer.records.append(candidate.record_id)
            if basis:
                answer.bases.append(basis)


class _Refusal(Refused):
    """:class:`Refused` whose error is given where it is raised: ``raise refusal.of(error)``."""

    def __init__(self, entry: AuditEntry) -> None:
        super().__init__(entry, AccordError("refused"))

    def of(self, error: AccordError) -> _Refusal:
        self.error = error
        self.args = (error.message,)
        return self


class ScreeningBusy(AccordError):
    """The records a query found kept changing while it was screened."""

    status = 503
    code = "unavailable"


def _changing() -> ScreeningBusy:
    return ScreeningBusy(
        f"The records this query found changed {_ATTEMPTS} times while it was screened.",
        hint="Send the query again in a moment.",
    )


def _one(answers: list[dict[str, Any]]) -> dict[str, Any]:
    answer = answers[0]
    if answer["result"] == "error":
        raise InputError(answer["error"], hint=answer.get("hint"))
    return answer


_DESKS: dict[int, ScreeningDesk] = {}
_DESKS_LOCK = threading.Lock()


def screening_desk(services: Services, **options: Any) -> ScreeningDesk:
    """The desk of this process for these services' store (one index per store)."""
    key = id(services.store)
    with _DESKS_LOCK:
        desk = _DESKS.get(key)
        if desk is None or desk.services is not services:
            desk = _DESKS[key] = ScreeningDesk(services, **options)
            weakref.finalize(services.store, _DESKS.pop, key, None)
    return desk
