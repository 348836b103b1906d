"""An answer lists a few hits, the best first, with the best under each alert among them."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from accord.screening.answered import answered_hits

_HITS = st.lists(st.tuples(st.integers(0, 50), st.sampled_from(["wanted", "missing", "flagged"])))


def _order(hit: tuple[int, str]) -> int:
    return -hit[0]


def _alert(hit: tuple[int, str]) -> str:
    return hit[1]


def test_a_missing_alert_behind_five_wanted_namesakes_is_listed() -> None:
    hits = [(90, "wanted")] * 6 + [(80, "missing")]
    assert answered_hits(hits, 5, _order, _alert) == [(90, "wanted")] * 4 + [(80, "missing")]


@given(_HITS, st.integers(1, 6))
def test_the_answer_is_the_best_under_each_alert_then_the_best_of_the_rest(
    hits: list[tuple[int, str]], limit: int
) -> None:
    listed = answered_hits(hits, limit, _order, _alert)
    assert len(listed) == min(limit, len(hits))
    assert listed == sorted(listed, key=_order)  # in order
    ranked = sorted(hits, key=_order)
    alerts = list(dict.fromkeys(_alert(h) for h in ranked))  # by their best hit
    # the best hit under each alert is listed, as far as there is room
    for alert in alerts[:limit]:
        best = min(_order(h) for h in hits if _alert(h) == alert)
        assert best in [_order(h) for h in listed if _alert(h) == alert]
    # and the places left go to the best of the others
    left = Counter(hits) - Counter(listed)
    if left:
        best_left = min(_order(h) for h in left)
        for alert in alerts:
            beyond_first = sorted(_order(h) for h in listed if _alert(h) == alert)[1:]
            assert all(order <= best_left for order in beyond_first)
