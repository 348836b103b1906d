"""``accord bench screen``: an index of N generated persons, timed in-process and over HTTP,
beside Splink's own one-record prediction measured in the same run; recall of the planted
hits and the false-hit rates of the bands."""

from __future__ import annotations

from typing import Any

from accord.cli.bench_lab import open_lab
from accord.cli.screen_bench_http import QUERIES_PER_SECOND, http_load
from accord.cli.screen_bench_misses import (
    answered,
    count_misses,
    diagnose,
    listed,
    miss_row,
    write_misses,
)
from accord.cli.screen_bench_store import iso_birth, load_bench_store, rss_mb
from accord.errors import InputError
from accord.screening import ScreenQuery
from accord.screening.snapshot import snapshot_path

__all__ = ["run_bench"]


def run_bench(size: int, sample: int, http_seconds: float) -> dict[str, Any]:
    """Figures of ``accord bench screen``."""
    import random
    import statistics
    import time

    from accord.model.ids import record_id_maker
    from accord.screening.evaluation import checked, planted_queries, query_of, read_truth
    from accord.screening.train import SplinkBaseline
    from accord.services.screening import MAX_HITS, ScreeningDesk

    bench = open_lab("bench-screen", seed=11, scale=size)
    settings = lab_settings = bench.settings
    svc, region, scratch = bench.services, bench.region, bench.scratch
    started = time.perf_counter()
    load_bench_store(svc, region, scratch)
    load_seconds = time.perf_counter() - started
    user = svc.accounts.add_user("bench.officer", "XK-KP", "officer", actor="system:bench")
    _, token = svc.accounts.issue_token("bench.officer")
    rss_before = rss_mb()
    started = time.perf_counter()
    desk = ScreeningDesk(
        svc, rate_per_minute=10**9, quota_per_day=10**9, refresh_every=3600.0, snapshot=False
    )
    desk.ensure_current()
    build_seconds = time.perf_counter() - started
    index_mb = rss_mb() - rss_before
    huge_pages = desk.keeper.huge_pages
    # persisted as a server process will find it (and load instead of building)
    desk.keeper.path = snapshot_path(lab_settings.data_dir, lab_settings.database_url)
    started = time.perf_counter()
    desk.keeper.save()
    snapshot_seconds = time.perf_counter() - started
    snapshot_mb = desk.keeper.path.stat().st_size / 1_048_576
    index = desk.index
    truth = read_truth(region, settings.id_key)
    ids = index.record_ids()
    by_person: dict[str, list[str]] = {}
    for record_id in ids:
        if record_id in truth:
            by_person.setdefault(truth[record_id], []).append(record_id)
    rng = random.Random(7)
    persons = [r for r in ids if r in truth]
    chosen = rng.sample(persons, min(sample, len(persons)))
    entries = list(desk.source.entries(chosen))
    engine_ms: list[float] = []
    expected = found = found_answered = high = high_false = review = review_false = 0
    for entry in entries:
        uid = truth[entry.record_id]
        others = set(by_person[uid]) - {entry.record_id}
        started = time.perf_counter()
        candidates = index.search(query_of(entry))
        engine_ms.append((time.perf_counter() - started) * 1000)
        hits = [c for c in candidates if c.band and not c.decoy and c.record_id != entry.record_id]
        if others:
            expected += 1
            found += any(c.record_id in others for c in hits)
            found_answered += any(c.record_id in others for c in listed(index, hits, MAX_HITS))
        for c in hits:
            true = truth.get(c.record_id) == uid
            if c.band == "high":
                high, high_false = high + 1, high_false + (not true)
            else:
                review, review_false = review + 1, review_false + (not true)
    # planted queries of the generator, through the whole desk (checks, policy, audit)
    planted = planted_queries(region)
    desk_ms: list[float] = []
    planted_expected = planted_found = planted_answered = planted_false = 0
    search_ms: list[float] = []
    misses: list[dict[str, str]] = []
    makers: dict[tuple[str, str, str], Any] = {}
    timer = _TimedSearch(index)
    for query, target, expect_hit in planted:
        started = time.perf_counter()
        timer.spent = 0.0
        try:
            answer = desk.screen_one(user, "border-management", query)
        except InputError:
            continue
        desk_ms.append((time.perf_counter() - started) * 1000)
        search_ms.append(timer.spent)
        if expect_hit:
            scope = (target["participant"], target["authority"], target["dataset"])
            make = makers.setdefault(scope, record_id_maker(settings.id_key, *scope))
            check = checked(query)
            wanted_id = make(target["key"])
            planted_expected += 1
            found_it, why = diagnose(index, check, wanted_id)
            planted_found += found_it
            planted_answered += found_it and answered(index, check, wanted_id)
            if not found_it:
                misses.append(miss_row(index, query, target, wanted_id, why))
        else:
            planted_false += answer["result"] == "hit"
    # persons this process has not screened (so that no comparison of theirs is cached); they
    # are the HTTP load's queries too, which the server process screens with its own caches
    screened = set(chosen)
    fresh = [r for r in persons if r not in screened]
    wanted = min(len(fresh), max(1_000, int(http_seconds * QUERIES_PER_SECOND)))
    unseen = [e for e in desk.source.entries(random.Random(13).sample(fresh, wanted)) if e.names]
    for entry in unseen[: min(300, len(unseen))]:
        query = ScreenQuery(name=entry.names[0], birth_date=iso_birth(entry))
        started = time.perf_counter()
        timer.spent = 0.0
        desk.screen_one(user, "border-management", query)
        desk_ms.append((time.perf_counter() - started) * 1000)
        search_ms.append(timer.spent)
    timer.stop()
    beyond_ms = [whole - search for whole, search in zip(desk_ms, search_ms, strict=True)]
    reference = [e for e in (index.entry(n) for n in range(len(index._entries))) if e and e.names]
    baseline = SplinkBaseline(reference, desk.model.splink)
    baseline_ms = []
    for entry in entries[:30]:
        started = time.perf_counter()
        baseline.match(entry)
        baseline_ms.append((time.perf_counter() - started) * 1000)
    # the HTTP load's persons, as many as it can send (each query distinct)
    bodies = [
        {"purpose": "border-management", "query": {"name": e.names[0], "birth_date": iso_birth(e)}}
        for e in unseen
    ]
    http = http_load(lab_settings, token, bodies, http_seconds)
    svc.close()
    bench.close()

    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 3) if ordered else 0.0

    return {
        "size": len(index),
        "persons": sum(1 for e in reference),
        "load_seconds": round(load_seconds, 1),
        "build_seconds": round(build_seconds, 1),
        "index_mb": round(index_mb, 1),
        # the memory collapsed into huge pages once it was built (accord.services.huge_pages)
        "index_huge_pages_mb": huge_pages.collapsed_bytes >> 20 if huge_pages else 0,
        "snapshot_save_seconds": round(snapshot_seconds, 1),
        "snapshot_mb": round(snapshot_mb, 1),
        "p50_ms": pct(desk_ms, 0.5),
        "p99_ms": pct(desk_ms, 0.99),
        "search_p50_ms": pct(search_ms, 0.5),
        "search_p99_ms": pct(search_ms, 0.99),
        "beyond_search_p50_ms": pct(beyond_ms, 0.5),
        "engine_p50_ms": pct(engine_ms, 0.5),
        "engine_p99_ms": pct(engine_ms, 0.99),
        **http,
        "recall": round(planted_found / planted_expected, 4) if planted_expected else None,
        "recall_answered": round(planted_answered / planted_expected, 4)
        if planted_expected
        else None,
        "planted_expected": planted_expected,
        "planted_namesakes_hit": planted_false,
        "misses_by_cause": count_misses(misses),
        "misses_by_variant": count_misses(misses, by="variant"),
        "misses_file": str(write_misses(region.parent / f"misses-{size}.csv", misses)),
        "heldout_recall": round(found / expected, 4) if expected else None,
        "heldout_recall_answered": round(found_answered / expected, 4) if expected else None,
        "heldout_queries": len(entries),
        "high_hits": high,
        "high_false_rate": round(high_false / high, 4) if high else None,
        "review_hits": review,
        "review_false_hit_rate": round(review_false / review, 4) if review else None,
        "baseline_p50_ms": round(statistics.median(baseline_ms), 1) if baseline_ms else None,
        "baseline": "Splink 5 predict_between, one new record against the reference set",
        "model_calibration": desk.model.calibration,
    }


class _TimedSearch:
    """The index's search timed where the whole path calls it (``spent``, milliseconds), with
    the name comparisons' caches as that path leaves them: timing the search again over the
    same queries afterwards found their comparisons cached, and so took the cost of
    comparing names for the first time out of the search and put it on the rest of the path."""

    def __init__(self, index: Any) -> None:
        import time

        self._clock = time.perf_counter
        self._index = index
        self._search = index.search
        self.spent = 0.0
        index.search = self  # shadows the method on this instance only

    def __call__(self, query: Any) -> Any:
        started = self._clock()
        try:
            return self._search(query)
        finally:
            self.spent += (self._clock() - started) * 1000

    def stop(self) -> None:
        delattr(self._index, "search")
