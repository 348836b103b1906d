"""One Iraqi surname as the participants write it: Al-Jaburi, Ал Џубури, Al-Djaburi, El Gaburi."""

from __future__ import annotations

from accord.linkage import link_records
from tests.linkage.cases import frame

ROWS: list[tuple[str | None, ...]] = [
    ("gb-1", "GB", "Ahmed", "Al-Jaburi", "1988-03-14", "M", "IRQ", "", "", ""),
    ("rs-1", "RS", "Ахмед", "Ал Џубури", "14.03.1988.", "M", "IRQ", "", "", ""),
    ("fr-1", "EUROPOL", "Ahmed", "Al-Djaburi", "1988", "M", "IRQ", "", "", ""),
    ("eg-1", "FRONTEX", "Ahmed", "El Gaburi", "1988-03-14", "M", "IRQ", "", "", ""),
    # a different man: another name, another date
    ("gb-2", "GB", "Ahmed", "Al-Jabari", "1991-07-02", "M", "IRQ", "", "", ""),
]


def test_every_spelling_of_jim_links_and_the_other_man_stays_apart() -> None:
    result = link_records(frame(ROWS))
    identity = dict(zip(result.members["record_id"], result.members["anchor"], strict=True))
    assert len({identity[r] for r in ("gb-1", "rs-1", "fr-1", "eg-1")}) == 1
    assert identity["gb-2"] != identity["gb-1"]
