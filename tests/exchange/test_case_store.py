"""The persistence of cases and messages, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from accord.store import Store
from accord.store.cases import CaseStore, Delivery, Party, StoredCase, StoredMessage
from accord.store.tables import releases
from tests.exchange.seed import count_rows

AT = "2026-03-02T09:00:00.000000+00:00"


def _case(case_id: str, *authorities: str, opened_at: str = AT) -> StoredCase:
    parties = tuple(Party(a, a.split("-")[0], opened_at) for a in authorities)
    return StoredCase(
        id=case_id,
        title=f"Case {case_id}",
        purpose="serious-crime",
        legal_basis="AGR-SOC",
        participant=parties[0].participant,
        authority=parties[0].authority,
        opened_by="rs.officer",
        opened_at=opened_at,
        status="open",
        parties=parties,
    )


def _message(
    message_id: str,
    case_id: str,
    sender: str,
    *recipients: str,
    kind: str = "request",
    key: str | None = None,
    refers_to: str | None = None,
    deadline: str | None = "2026-03-02T17:00:00.000000+00:00",
    sent_at: str = AT,
) -> StoredMessage:
    return StoredMessage(
        id=message_id,
        case_id=case_id,
        kind=kind,
        subject="Subject",
        body="Body",
        sender_participant=sender.split("-")[0],
        sender_authority=sender,
        sender_user="someone",
        handling="H0,H2",
        handling_note=None,
        source_reliability="B",
        information_accuracy="2",
        refers_to=refers_to,
        urgency="urgent-direct" if kind == "request" else None,
        deadline=deadline if kind == "request" else None,
        reason=None,
        records=("rs-1",),
        legal_basis="AGR-SOC",
        sent_at=sent_at,
        idempotency_key=key,
        fingerprint="f" * 64,
        recipients=tuple(Delivery(r, r.split("-")[0], sent_at) for r in recipients),
    )


def test_a_case_is_stored_with_its_parties_and_listed_only_for_them(store: Store) -> None:
    rows = CaseStore()
    with store.write() as conn:
        rows.add_case(conn, _case("c1", "RS-MUP", "XK-KP"))
        rows.add_case(conn, _case("c2", "RS-MUP", "AL-ASP", opened_at=AT.replace("09", "10", 1)))
    with store.read() as conn:
        found = rows.get_case(conn, "c1")
        assert found is not None and found.has_party("XK-KP") and not found.has_party("AL-ASP")
        assert [c.id for c in rows.cases_of(conn, "RS-MUP", 10, 0)] == ["c2", "c1"]
        assert [c.id for c in rows.cases_of(conn, "RS-MUP", 1, 1)] == ["c1"]
        assert [c.id for c in rows.cases_of(conn, "XK-KP", 10, 0)] == ["c1"]
        assert rows.cases_of(conn, "GB-NCA", 10, 0) == []
        assert rows.get_case(conn, "nope") is None


def test_messages_round_trip_and_are_listed_for_sender_and_recipients_only(store: Store) -> None:
    rows = CaseStore()
    with store.write() as conn:
        rows.add_case(conn, _case("c1", "RS-MUP", "XK-KP", "AL-ASP"))
        rows.add_message(conn, _message("m1", "c1", "RS-MUP", "XK-KP"))
        rows.add_message(conn, _message("m2", "c1", "AL-ASP", "RS-MUP", kind="information"))
    with store.read() as conn:
        m1 = rows.get_messages(conn, ["m1"])["m1"]
        assert m1.records == ("rs-1",) and m1.handling == "H0,H2"
        assert m1.visible_to("XK-KP") and not m1.visible_to("AL-ASP")
        assert [m.id for m in rows.case_messages(conn, "c1", "RS-MUP", 10, 0)] == ["m1", "m2"]
        assert [m.id for m in rows.case_messages(conn, "c1", "XK-KP", 10, 0)] == ["m1"]
        assert [m.id for m in rows.case_messages(conn, "c1", "AL-ASP", 10, 0)] == ["m2"]
        assert rows.case_messages(conn, "c1", "GB-NCA", 10, 0) == []


def test_the_idempotency_key_is_unique_per_sender_authority(store: Store) -> None:
    rows = CaseStore()
    with store.write() as conn:
        rows.add_case(conn, _case("c1", "RS-MUP", "XK-KP"))
        rows.add_message(conn, _message("m1", "c1", "RS-MUP", "XK-KP", key="k"))
        rows.add_message(conn, _message("m2", "c1", "XK-KP", "RS-MUP", key="k"))  # other sender
        rows.add_message(conn, _message("m3", "c1", "RS-MUP", "XK-KP"))  # no key
        rows.add_message(conn, _message("m4", "c1", "RS-MUP", "XK-KP"))
    with pytest.raises(IntegrityError), store.write() as conn:
        rows.add_message(conn, _message("m5", "c1", "RS-MUP", "XK-KP", key="k"))
    with store.read() as conn:
        found = rows.message_by_key(conn, "RS-MUP", "k")
        assert found is not None and found.id == "m1"
        assert rows.get_messages(conn, ["m5"]) == {}


def test_receipt_and_answer_are_recorded_once(store: Store) -> None:
    rows = CaseStore()
    with store.write() as conn:
        rows.add_case(conn, _case("c1", "RS-MUP", "XK-KP"))
        rows.add_message(conn, _message("m1", "c1", "RS-MUP", "XK-KP"))
        assert rows.acknowledge(conn, "m1", "XK-KP", "t1", "xk.officer", "a1")
        assert not rows.acknowledge(conn, "m1", "XK-KP", "t2", "xk.officer", "a2")
        assert not rows.acknowledge(conn, "m1", "AL-ASP", "t2", "al.officer", "a3")
        rows.answer(conn, "m1", "XK-KP", "t3", "r1")
        rows.answer(conn, "m1", "XK-KP", "t4", "r2")
    with store.read() as conn:
        delivery = rows.get_messages(conn, ["m1"])["m1"].delivery("XK-KP")
    assert delivery is not None
    assert (delivery.acknowledged_at, delivery.acknowledgement) == ("t1", "a1")
    assert (delivery.answered_at, delivery.answer) == ("t3", "r1")


def test_the_inbox_filters_unacknowledged_open_and_overdue(store: Store) -> None:
    rows = CaseStore()
    late = "2026-03-01T00:00:00.000000+00:00"
    with store.write() as conn:
        rows.add_case(conn, _case("c1", "RS-MUP", "XK-KP"))
        rows.add_message(conn, _message("m1", "c1", "RS-MUP", "XK-KP", deadline=late))
        rows.add_message(conn, _message("m2", "c1", "RS-MUP", "XK-KP"))
        rows.add_message(conn, _message("m3", "c1", "RS-MUP", "XK-KP", kind="information"))
        rows.acknowledge(conn, "m3", "XK-KP", AT, "xk.officer", "a1")
        rows.answer(conn, "m2", "XK-KP", AT, "r1")

    def inbox(status: str) -> list[str]:
        with store.read() as conn:
            found = rows.inbox(conn, "XK-KP", 10, 0, status, AT)
        return sorted(m.id for m in found)

    assert inbox("all") == ["m1", "m2", "m3"]
    assert inbox("unacknowledged") == ["m1", "m2"]
    assert inbox("open") == ["m1"]
    assert inbox("overdue") == ["m1"]
    with store.read() as conn:
        assert rows.inbox(conn, "RS-MUP", 10, 0) == []


def test_followups_and_releases(store: Store) -> None:
    rows = CaseStore()
    with store.write() as conn:
        rows.add_case(conn, _case("c1", "RS-MUP", "XK-KP"))
        rows.add_message(conn, _message("m1", "c1", "RS-MUP", "XK-KP", kind="information"))
        rows.add_message(
            conn, _message("m2", "c1", "RS-MUP", "XK-KP", kind="correction", refers_to="m1")
        )
        rows.add_message(
            conn, _message("m3", "c1", "XK-KP", "RS-MUP", kind="reply", refers_to="m1")
        )
        rows.release(conn, ["rs-1", "rs-2"], ["XK-KP"], AT, "rs.officer", "m1")
        rows.release(conn, ["rs-1"], ["XK-KP", "AL-ASP"], AT, "rs.officer", "m2")
    with store.read() as conn:
        found = rows.followups(conn, ["m1", "m2"], ["correction", "retraction"])
    assert found == {"m1": [("m2", "correction")]}
    assert count_rows(store, releases) == 3
