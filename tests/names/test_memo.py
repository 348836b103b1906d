"""The memos of comparisons: bounded, and out of the garbage collector's generations."""

from __future__ import annotations

import gc

import pytest

from accord.names import compare, name_score
from accord.names.compare import SCORES, clear_caches
from accord.names.memo import Memo, memoized
from accord.names.similarity import MATCHES, TokenMatch, match_tokens, token_info


def test_memo_keeps_at_most_its_size_oldest_quarter_out() -> None:
    memo: Memo[int, int] = Memo(8)
    for key in range(8):
        memo.put(key, key * 10)
    assert len(memo) == 8
    memo.put(3, 30)  # a key put again keeps its place and takes the new value
    assert len(memo) == 8 and memo.get(3) == 30
    memo.put(8, 80)  # full: the oldest quarter (0, 1, 2) goes, the newest stay
    assert [memo.get(k) for k in (0, 1, 2)] == [None, None, None]
    assert [memo.get(k) for k in range(3, 9)] == [30, 40, 50, 60, 70, 80]
    for key in range(9, 1000):
        memo.put(key, key)
        assert len(memo) <= 8
    assert memo.get(999) == 999
    memo.clear()
    assert len(memo) == 0 and memo.get(999) is None


def test_memo_of_no_size_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Memo(0)


def test_memo_hands_back_what_was_computed() -> None:
    clear_caches()
    a, b = token_info("petrovic"), token_info("petrovski")
    first = match_tokens(a, b)
    again = match_tokens(a, b)
    assert isinstance(again, TokenMatch)
    assert again == first and again.kind == first.kind
    assert MATCHES.get(("petrovic", False, "petrovski", False)) == (first.score, first.kind)
    score = name_score("Aleksandra Petrović", "Aleksandar Petrovski")
    assert score == compare("Aleksandra Petrović", "Aleksandar Petrovski").score
    assert SCORES.get(("Aleksandar Petrovski", "Aleksandra Petrović")) == score


def test_comparisons_kept_are_not_walked_by_the_collector() -> None:
    """A server keeps some hundred comparisons a query: were they tracked, they would age into
    the oldest generation and every full collection would walk them all."""
    clear_caches()
    names = ["Arben Hoxha", "Arbën Hoxhaj", "Арбен Хоџа", "Petrit Krasniqi", "Mohammed Al Tamimi"]
    for a in names:
        for b in names:
            name_score(a, b)
    assert len(MATCHES) > 10 and len(SCORES) > 10
    gc.collect()
    kept = [*MATCHES.items(), *SCORES.items()]
    tracked = [item for item in kept if gc.is_tracked(item[0]) or gc.is_tracked(item[1])]
    assert tracked == []


def test_memoized_keeps_results_none_included_and_forgets_on_clear() -> None:
    calls: list[tuple[str, int]] = []

    @memoized(4)
    def joined(text: str, times: int) -> str | None:
        calls.append((text, times))
        return text * times or None

    assert joined("ab", 2) == "abab" and joined("ab", 2) == "abab"
    assert joined("", 3) is None and joined("", 3) is None  # a None is kept too
    assert calls == [("ab", 2), ("", 3)]
    assert joined("ab", times=2) == "abab"  # by keyword: computed, not kept
    assert len(calls) == 3
    joined.cache_clear()
    joined("ab", 2)
    assert len(calls) == 4


def test_a_full_memo_stays_out_of_the_young_generation() -> None:
    """A full collection untracks a plain dictionary whose keys and values it no longer tracks,
    and the next new key tracks it again, young: the young collections would walk all of it."""
    memo: Memo[tuple[str, str], float] = Memo(10_000)
    gc.disable()  # the collections below, at these moments
    try:
        for number in range(5_000):
            memo.put((f"a{number}", f"b{number}"), number / 7)
        gc.collect()
        memo.put(("new", "-".join(("a", "key"))), 1.0)  # a tuple made now: tracked
        young = gc.get_objects(generation=0)
    finally:
        gc.enable()
    assert not any(isinstance(found, dict) and len(found) > 1_000 for found in young)
