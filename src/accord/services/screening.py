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

import json
import secrets
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select, update

from accord.errors import AccessDenied, AccordError, InputError
from accord.model.codes import Purpose
from accord.names.compare import name_tokens
from accord.policy import ACTION_ROLES, Action, Agreement, Principal, decide
from accord.screening import (
    Candidate,
    CheckedQuery,
    Hasher,
    IndexEntry,
    IndexSource,
    ScreeningIndex,
    ScreenQuery,
    check_query,
    default_model,
    identifier_reason,
    person_reasons,
)
from accord.screening.index import HIT_NAME_LEVELS
from accord.screening.model import MatchModel
from accord.services.context import Services
from accord.store.audit import AuditEntry, now_iso
from accord.store.gate import parse_purpose
from accord.store.tables import screening_hits, screening_usage

__all__ = [
    "MAX_BATCH",
    "MAX_HITS",
    "QuotaExceeded",
    "ScreeningDesk",
    "ScreeningLimited",
    "screening_desk",
]

MAX_BATCH = 1000
MAX_HITS = 5
_BAND_ORDER = {"high": 0, "review": 1}
_DEFAULT_RATE = 1200
_USAGE_FRESH = 2.0


class ScreeningLimited(AccordError):
    """Too many queries in a short time."""

    status = 429
    code = "rate_limited"


class QuotaExceeded(AccordError):
    """The user's daily quota of screening queries is used up."""

    status = 429
    code = "quota_exceeded"


class _Bucket:
    """Token buckets of queries per user: ``per_minute`` in a burst, refilled evenly."""

    def __init__(self, per_minute: int, clock: Callable[[], float]) -> None:
        self.capacity = float(max(1, per_minute))
        self.refill = self.capacity / 60.0
        self._clock = clock
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, count: int) -> float | None:
        with self._lock:
            now = self._clock()
            tokens, stamp = self._state.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - stamp) * self.refill)
            if tokens >= count:
                self._state[key] = (tokens - count, now)
                return None
            self._state[key] = (tokens, now)
            return (count - tokens) / self.refill


@dataclass
class _Answer:
    ref: str
    query: ScreenQuery
    checked: CheckedQuery | None = None
    error: AccordError | None = None
    hits: list[dict[str, Any]] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {
                "ref": self.ref,
                "result": "error",
                "hits": [],
                "error": self.error.message,
                "hint": self.error.hint,
            }
        return {"ref": self.ref, "result": "hit" if self.hits else "no-hit", "hits": self.hits}


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
    ) -> None:
        self.services = services
        self.store = services.store
        self.model = model or default_model()
        self.quota = (
            quota_per_day if quota_per_day is not None else (services.settings.screen_quota_per_day)
        )
        self.refresh_every = refresh_every
        self._clock = clock or (lambda: datetime.now(UTC))
        self._monotonic = monotonic
        self._bucket = _Bucket(rate_per_minute, monotonic)
        self.source = IndexSource(self.store)
        self.index = ScreeningIndex(self.model, Hasher(services.settings.screening_key))
        self._built = False
        self._checked_at = float("-inf")
        self._agreements: list[Agreement] = []
        self._lock = threading.Lock()
        # per user: (day, queries counted in the store when last read, read at, added since)
        self._usage: dict[str, tuple[str, int, float, int]] = {}

    # -- the index ---------------------------------------------------------------------------

    def today(self) -> date:
        return self._clock().date()

    def ensure_current(self, force: bool = False) -> None:
        """Build the index on first use; afterwards look for changes at most every
        ``refresh_every`` seconds (erasures are also caught per hit, see :meth:`_verify`)."""
        now = self._monotonic()
        if not force and self._built and now - self._checked_at < self.refresh_every:
            return
        with self._lock:
            if not self._built:
                self.source.build(self.index)
                self._built = True
            else:
                self.source.refresh(self.index, force=force)
            self._agreements = self.services.agreements.all()
            self._checked_at = self._monotonic()

    def rotate_key(self, key: bytes) -> None:
        """Index under a new screening key while answering under the current one; switch when
        every flagged record has been re-read (through the gate) and hashed anew."""
        self.ensure_current()
        hasher = Hasher(key)
        self.index.start_rotation(hasher)
        self.index.rehash(self.source.entries(self.index.record_ids()))
        self.index.finish_rotation()

    # -- checks ------------------------------------------------------------------------------

    def _refuse(self, user: Principal, reason: str, purpose: str = "-") -> None:
        self.store.log(
            AuditEntry(
                user.username,
                user.authority,
                "refusal",
                purpose[:32],
                detail={"reason": reason, "action": "screen"},
            )
        )

    def _check_user(self, user: Principal, purpose: str | Purpose | None) -> Purpose:
        if user.disabled or not user.roles & ACTION_ROLES[Action.SCREEN]:
            self._refuse(user, "no role of this user may screen")
            raise AccessDenied(
                "Your roles do not allow screening.", hint="This needs the role officer or analyst."
            )
        wanted = parse_purpose(purpose)
        if wanted is None or wanted is Purpose.SUPERVISION:
            self._refuse(user, "no valid purpose for screening", str(purpose or "-"))
            raise InputError(
                "A purpose is required for every screening query."
                if not purpose
                else f"Unknown purpose {str(purpose)[:40]!r} for screening.",
                hint="Give one of: "
                + ", ".join(p.value for p in Purpose if p is not Purpose.SUPERVISION)
                + ".",
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
            self._refuse(user, "daily screening quota reached")
            raise QuotaExceeded(
                f"Your daily quota of {self.quota:,} screening queries is used up "
                f"({used:,} today).",
                hint="Ask your administrator to raise ACCORD_SCREEN_QUOTA_PER_DAY, or go on "
                "tomorrow.",
            )

    def usage(self, username: str) -> int:
        """Queries the user made today. Read from the store at most every few seconds (other
        processes count too); this process's own queries are added as they are made."""
        day = self.today().isoformat()
        cached = self._usage.get(username)
        now = self._monotonic()
        if cached is not None and cached[0] == day and now - cached[2] < _USAGE_FRESH:
            return cached[1] + cached[3]
        with self.store.read() as conn:
            found = conn.execute(
                select(screening_usage.c.queries).where(
                    screening_usage.c.username == username, screening_usage.c.day == day
                )
            ).scalar()
        self._usage[username] = (day, int(found or 0), now, 0)
        return int(found or 0)

    def _counted(self, username: str, queries: int) -> None:
        cached = self._usage.get(username)
        if cached is not None:
            self._usage[username] = (cached[0], cached[1], cached[2], cached[3] + queries)

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
        answers = [_Answer(q.ref or str(number), q) for number, q in enumerate(queries, 1)]
        for answer in answers:
            try:
                answer.checked = check_query(answer.query, user.participant)
            except InputError as exc:
                answer.error = exc
        valid = [a for a in answers if a.checked is not None]
        if valid:
            self._limits(user, len(valid))
            self.ensure_current()
            for answer in valid:
                self._screen_one(user, wanted, answer)
        self._store(user, wanted, justification, answers)
        return [answer.to_dict() for answer in answers]

    def screen_one(
        self,
        user: Principal,
        purpose: str | Purpose | None,
        query: ScreenQuery,
        justification: str = "",
    ) -> dict[str, Any]:
        """Screen one query; bad input raises :class:`InputError` instead of an answer."""
        answer = self.screen(user, purpose, [query], justification)[0]
        if answer["result"] == "error":
            raise InputError(answer["error"], hint=answer.get("hint"))
        return answer

    def _screen_one(self, user: Principal, purpose: Purpose, answer: _Answer) -> None:
        query = answer.checked
        assert query is not None
        candidates = self.index.search(query)
        banded = [c for c in candidates if c.band is not None and not c.decoy]
        current = self.source.verify(self.index, [c.record_id for c in banded])
        banded_ids = {id(c) for c in banded}
        today = self.today()
        kept: list[tuple[Candidate, IndexEntry, str]] = []
        for candidate in candidates:
            # a record found changed by the check above was re-read: take its new entry
            entry = self.index.entry(candidate.entry) or self.index.entry_for(candidate.record_id)
            if entry is None:
                continue
            decision = decide(
                user,
                entry.envelope,
                Action.SCREEN,
                purpose,
                schema=entry.schema,
                agreements=self._agreements,
                today=today,
                restricted=entry.restricted,
            )
            if decision and id(candidate) in banded_ids and candidate.record_id in current:
                kept.append((candidate, entry, decision.agreement or ""))
        kept.sort(key=lambda item: (_BAND_ORDER[item[0].band or "review"], -item[0].score))
        for candidate, entry, basis in kept[:MAX_HITS]:
            answer.hits.append(self._hit(query, candidate, entry))
            answer.records.append(candidate.record_id)
            if basis:
                answer.bases.append(basis)

    def _hit(self, query: CheckedQuery, candidate: Candidate, entry: IndexEntry) -> dict[str, Any]:
        reasons: list[str] = []
        kind = entry.kind
        by_name = candidate.levels.get("name") in HIT_NAME_LEVELS
        if by_name:
            reasons += person_reasons(candidate.levels, _across_scripts(query.name, entry.names))
        for identifier, loose in candidate.identifiers:
            reasons.append(identifier_reason(identifier, loose))
        if (
            kind == "person"
            and not by_name
            and candidate.identifiers
            and all(identifier.value == "phone" for identifier, _ in candidate.identifiers)
        ):
            kind = "phone"
        return {
            "reference": "hit-" + secrets.token_urlsafe(15),
            "participant": entry.envelope.participant,
            "authority": entry.envelope.authority,
            "kind": kind,
            "band": candidate.band,
            "reasons": list(dict.fromkeys(reasons)),
        }

    def _store(
        self, user: Principal, purpose: Purpose, justification: str, answers: list[_Answer]
    ) -> None:
        """Hit references, usage and one audit entry per query, in one transaction."""
        stamp = now_iso()
        entries: list[AuditEntry] = []
        rows: list[dict[str, Any]] = []
        for answer in answers:
            if answer.checked is None:
                reason = answer.error.message if answer.error else "not screened"
                entries.append(AuditEntry(
                    user.username, user.authority, "refusal", purpose.value,
                    detail={"action": "screen", "reason": reason[:300], "ref": answer.ref},
                ))  # fmt: skip
                continue
            for hit, record_id in zip(answer.hits, answer.records, strict=True):
                rows.append(
                    {
                        "id": hit["reference"],
                        "record_id": record_id,
                        "username": user.username,
                        "authority": user.authority,
                        "participant": user.participant,
                        "originator_participant": hit["participant"],
                        "originator_authority": hit["authority"],
                        "kind": hit["kind"],
                        "band": hit["band"],
                        "purpose": purpose.value,
                        "reasons": json.dumps(hit["reasons"]),
                        "created_at": stamp,
                    }
                )
            references = [h["reference"] for h in answer.hits]
            entries.append(
                AuditEntry(
                    user.username,
                    user.authority,
                    "screen",
                    purpose.value,
                    [*references, *answer.records],
                    legal_basis=",".join(sorted(set(answer.bases)))[:64],
                    detail={
                        "terms": answer.query.terms(),
                        "justification": justification,
                        "ref": answer.ref,
                        "result": "hit" if answer.hits else "no-hit",
                        "hits": [
                            {"reference": h["reference"], "band": h["band"]} for h in answer.hits
                        ],
                    },
                )
            )
        if not entries:
            return
        screened = sum(1 for answer in answers if answer.checked is not None)
        day = self.today().isoformat()
        with self.store.write() as conn:
            if rows:
                conn.execute(insert(screening_hits), rows)
            done = conn.execute(
                update(screening_usage)
                .where(screening_usage.c.username == user.username, screening_usage.c.day == day)
                .values(queries=screening_usage.c.queries + screened)
            )
            if done.rowcount == 0:
                conn.execute(
                    insert(screening_usage).values(
                        username=user.username, day=day, queries=screened
                    )
                )
            self.store.audit.append(conn, entries)
        self._counted(user.username, screened)


def _across_scripts(query: str, names: tuple[str, ...]) -> bool:
    scripts = name_tokens(query).scripts
    return any(name_tokens(name).scripts != scripts for name in names[:1])


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


# -- generated data: training, calibration and measurement ------------------------------------


@dataclass
class RegionPersons:
    """The person records of a generated region, read through the gate of a scratch store."""

    entries: list[Any]
    truth: dict[str, str]
    store_seconds: float
    read_seconds: float


def region_persons(
    services: Services, folder: Any, scratch: Any, extra_datasets: Sequence[str] = ()
) -> RegionPersons:
    """Load the Person files (and ``extra_datasets``) of a generated region into a scratch
    store under ``scratch`` and read every person back through the gate as the index's system
    actor. Training and measurement only: the index itself takes flagged records alone."""
    from dataclasses import replace
    from pathlib import Path

    from accord.screening.entries import features_of
    from accord.screening.evaluation import read_truth
    from accord.services.ingest import ingest_path
    from accord.store import open_store
    from accord.store.tables import records

    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    settings = replace(
        services.settings, database_url=f"sqlite:///{Path(scratch) / 'screening-lab.db'}"
    )
    store = open_store(settings)
    lab = Services(settings=settings, store=store)
    started = time.perf_counter()
    for entry in manifest["files"]:
        if entry["schema"] != "Person" and entry["dataset"] not in extra_datasets:
            continue
        ingest_path(
            lab,
            folder / entry["path"],
            participant=entry["participant"],
            authority=entry["authority"],
            dataset=entry["dataset"],
            mapping=folder / entry["mapping"],
            actor="system:screening-lab",
        )
    stored = time.perf_counter() - started
    started = time.perf_counter()
    with store.read() as conn:
        ids = [row.id for row in conn.execute(select(records.c.id).order_by(records.c.id))]
    source = IndexSource(store)
    entries = [e for e in (features_of(r) for r in source.read(ids)) if e is not None]
    read = time.perf_counter() - started
    store.close()
    return RegionPersons(entries, read_truth(folder, services.settings.id_key), stored, read)


def train_from_region(
    services: Services, folder: Any, scratch: Any, holdout: int = 3000, seed: int = 2025
) -> dict[str, Any]:
    """Train the weights with Splink's EM on a generated region, calibrate the bands on
    held-out records, and return the model file's content (``screening/data/model.json``)."""
    from pathlib import Path

    from accord.screening.train import train_splink_model

    folder = Path(folder)
    region = region_persons(services, folder, scratch)
    persons = [e for e in region.entries if e.names]
    splink = train_splink_model(persons, seed=seed)
    model = calibrate(services, splink, persons, region.truth, holdout, seed)
    model["calibration"]["region_seed"] = json.loads((folder / "manifest.json").read_text())["seed"]
    return model


def calibrate(
    services: Services,
    splink: dict[str, Any],
    persons: Sequence[Any],
    truth: dict[str, str],
    holdout: int,
    seed: int,
) -> dict[str, Any]:
    """Bands for a trained Splink model: held-out person records screened against the others
    (:mod:`accord.screening.evaluation`); returns the model file's content."""
    from accord.screening.evaluation import choose_bands, evaluate, query_of, split_holdout
    from accord.screening.model import model_from_dict

    provisional = model_from_dict({"splink_model": splink, "bands": {"high": -99, "review": -99}})
    indexed, held = split_holdout(persons, truth, holdout, seed)
    index = ScreeningIndex(provisional, Hasher(services.settings.screening_key), seed=seed)
    for entry in indexed:
        index.add(entry)
    by_person: dict[str, set[str]] = {}
    for entry in indexed:
        if entry.record_id in truth:
            by_person.setdefault(truth[entry.record_id], set()).add(entry.record_id)
    queries = [(query_of(e), by_person.get(truth.get(e.record_id, ""), set())) for e in held]
    uids = [truth.get(e.record_id) for e in held]

    def same(uid: str, record_id: str) -> bool:
        return truth.get(record_id) == uid

    # the provisional model bands every candidate: the rows carry every score and its truth
    outcome = evaluate(index, queries, truth.get, same, uids)
    bands = choose_bands(outcome.rows)
    model: dict[str, Any] = {"splink_model": splink, "bands": bands}
    index.model = model_from_dict(model)
    figures = evaluate(index, queries, truth.get, same, uids).figures()
    model["calibration"] = {
        "persons": len(persons),
        "held_out": len(held),
        **{k: v for k, v in figures.items() if not k.endswith("_ms")},
    }
    return model
