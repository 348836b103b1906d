"""Randomised: a message reaches exactly its sender and recipients, a case exactly its parties,
and a record attached to a message exactly the recipients the agreements let see it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import NotFound
from accord.exchange import CaseDraft, Exchange, FlowRefused, MessageDraft
from accord.exchange.kinds import InboxStatus
from accord.settings import Settings
from accord.store.gate import Gate, RecordQuery
from accord.store.sqlite import SqliteStore
from tests.exchange.seed import FakeClock, Seeded, seed

#: one officer per authority; all but ME-UP are covered by AGR-SOC with each other
OFFICERS = {
    "RS-MUP": "rs.officer",
    "RS-GP": "rs.border",
    "XK-KP": "xk.officer",
    "AL-ASP": "al.officer",
    "GB-NCA": "gb.officer",
}
AUTHORITIES = sorted(OFFICERS)


@st.composite
def exchanges(draw: st.DrawFn) -> tuple[str, list[str], list[tuple[str, list[str], str | None]]]:
    opener = draw(st.sampled_from(AUTHORITIES))
    others = draw(
        st.lists(st.sampled_from([a for a in AUTHORITIES if a != opener]), min_size=1, unique=True)
    )
    parties = sorted({opener, *others})
    sends = []
    for _ in range(draw(st.integers(1, 4))):
        sender = draw(st.sampled_from(parties))
        recipients = draw(
            st.lists(st.sampled_from([p for p in parties if p != sender]), min_size=1, unique=True)
        )
        record = draw(st.sampled_from([None, "RS-MUP", "RS-MUP-H3"]))
        sends.append((sender, recipients, record))
    return opener, others, sends


@pytest.fixture
def template(accord_env: Settings, tmp_path: Path) -> tuple[Path, Seeded]:
    """A seeded database file that each example starts from (a copy is cheaper than a seed)."""
    path = tmp_path / "template.db"
    store = SqliteStore(f"sqlite:///{path}", accord_env.audit_key, None)
    try:
        seeded = seed(store)
    finally:
        store.close()
    return path, seeded


@given(plan=exchanges())
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_messages_cases_and_records_reach_exactly_whom_they_may(
    accord_env: Settings,
    template: tuple[Path, Seeded],
    plan: tuple[str, list[str], list[tuple[str, list[str], str | None]]],
) -> None:
    source, seeded = template
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "accord.db"
        shutil.copyfile(source, path)
        store = SqliteStore(f"sqlite:///{path}", accord_env.audit_key, None)
        try:
            _check(Exchange(store, FakeClock()), seeded, plan)
        finally:
            store.close()


def _check(
    desk: Exchange,
    seeded: Seeded,
    plan: tuple[str, list[str], list[tuple[str, list[str], str | None]]],
) -> None:
    opener, others, sends = plan
    user = {a: seeded.users[name] for a, name in OFFICERS.items()}
    draft = CaseDraft("Property", "serious-crime", "AGR-SOC", tuple(others))
    case = desk.open_case(user[opener], draft)
    parties = {opener, *others}
    sent: list[tuple[str, str, set[str]]] = []
    released: dict[str, set[str]] = {}
    for sender, recipients, source in sends:
        records: tuple[str, ...] = ()
        if source is not None and sender == "RS-MUP":
            records = (seeded.records[source][0],)
        message = MessageDraft(
            kind="information",
            subject="s",
            handling=("H0",),
            source_reliability="B",
            information_accuracy="2",
            recipients=tuple(recipients),
            records=records,
        )
        foreign = any(not r.startswith("RS-") for r in recipients)
        if source == "RS-MUP-H3" and records and foreign:
            # H3 is not among the restrictions AGR-SOC's recipients honour: nothing is sent
            with pytest.raises(FlowRefused):
                desk.send(user[sender], case.id, message)
            continue
        view, _ = desk.send(user[sender], case.id, message)
        sent.append((view.id, sender, set(recipients)))
        for record in records:
            released.setdefault(record, set()).update(recipients)

    gate = Gate(desk.store)
    for authority in AUTHORITIES:
        reader = user[authority]
        if authority not in parties:
            with pytest.raises(NotFound):
                desk.case(reader, case.id)
            with pytest.raises(NotFound):
                desk.messages(reader, case.id, 500, 0)
            for message_id, _, _ in sent:
                with pytest.raises(NotFound):
                    desk.message(reader, message_id)
        else:
            expected = {m for m, s, r in sent if authority == s or authority in r}
            assert {m.id for m in desk.messages(reader, case.id, 500, 0)} == expected
            inbox = {m.id for m in desk.inbox(reader, InboxStatus.ALL, 500, 0)}
            assert {m for m, _, r in sent if authority in r} <= inbox
        for source in ("RS-MUP", "RS-MUP-H3"):
            record = seeded.records[source][0]
            visible = bool(gate.read(reader, "serious-crime", RecordQuery(ids=[record])))
            # Serbia's authorities see Serbia's records; others only what was released to them
            may = authority.startswith("RS-") or authority in released.get(record, set())
            assert visible == may, (authority, source)
