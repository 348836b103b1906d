"""Hypothesis strategies for random participants, agreements, users and records."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from tests.policy.reference_model import RefAgreement, RefRecord, RefUser

PARTICIPANTS = ["RS", "AL", "XK", "GB", "MK"]
AUTHORITIES = {
    "RS": ["RS-GP", "RS-MUP"],
    "AL": ["AL-ASP", "AL-BMP"],
    "XK": ["XK-KP", "XK-FIU"],
    "GB": ["GB-NCA", "GB-BF"],
    "MK": ["MK-MVR", "MK-BP"],
}
SCHEMATA = ["Person", "Passport", "Firearm", "BorderCrossing", "Company"]
PURPOSES = ["border-management", "serious-crime", "firearms", "integrity", "supervision"]
CODES = ["H0", "H1", "H2", "H3"]
SUBJECTS = ["suspect", "convicted", "victim", "witness", "contact", "other"]
ALERTS = [None, None, "wanted", "missing", "stolen"]
ROLES = ["officer", "analyst", "approver", "dpo", "admin"]
TODAY = date(2026, 6, 1)

participant = st.sampled_from(PARTICIPANTS)


@st.composite
def users(draw: st.DrawFn) -> RefUser:
    code = draw(participant)
    return RefUser(
        participant=code,
        authority=draw(st.sampled_from(AUTHORITIES[code])),
        roles=frozenset(draw(st.sets(st.sampled_from(ROLES), min_size=1, max_size=2))),
        disabled=draw(st.sampled_from([False, False, False, False, False, True])),
    )


@st.composite
def records(draw: st.DrawFn) -> RefRecord:
    code = draw(participant)
    return RefRecord(
        participant=code,
        authority=draw(st.sampled_from(AUTHORITIES[code])),
        schema=draw(st.sampled_from(SCHEMATA)),
        handling=frozenset(draw(st.sets(st.sampled_from(CODES), min_size=1, max_size=3))),
        subject=draw(st.sampled_from(SUBJECTS)),
        alert=draw(st.sampled_from(ALERTS)),
        restricted=draw(st.booleans()),
    )


@st.composite
def agreements(draw: st.DrawFn) -> RefAgreement:
    start = TODAY + timedelta(days=draw(st.integers(-800, 60)))
    end = draw(st.none() | st.integers(-30, 900).map(lambda d: TODAY + timedelta(days=d)))
    if end is not None and end < start:
        start, end = end, start
    return RefAgreement(
        providers=frozenset(draw(st.sets(participant, min_size=1, max_size=4))),
        recipients=frozenset(draw(st.sets(participant, min_size=1, max_size=4))),
        schemata=frozenset(
            draw(st.sets(st.sampled_from([*SCHEMATA, "*"]), min_size=1, max_size=3))
        ),
        purposes=frozenset(draw(st.sets(st.sampled_from(PURPOSES[:-1]), min_size=1, max_size=3))),
        handling=frozenset(draw(st.sets(st.sampled_from(CODES), min_size=1, max_size=4))),
        subjects=frozenset(draw(st.sets(st.sampled_from(SUBJECTS), min_size=1, max_size=6))),
        start=start,
        end=end,
        onward=draw(st.booleans()),
    )
