"""Messages: kinds, codes, deadlines, acknowledgements, corrections, agreements, idempotency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from accord.errors import AccessDenied, InputError, NotFound
from accord.exchange import CaseDraft, CaseView, Conflict, Exchange, FlowRefused, MessageDraft
from accord.exchange.kinds import InboxStatus
from accord.store import Store
from accord.store.agreement_book import AgreementBook
from accord.store.gate import Gate, RecordQuery
from accord.store.tables import message_recipients, messages
from tests.exchange.seed import START, FakeClock, Seeded, audit_actions, count_rows


def _case(desk: Exchange, seeded: Seeded, *others: str) -> CaseView:
    draft = CaseDraft("Cocaine in containers", "drug-trafficking", "AGR-SOC", others)
    return desk.open_case(seeded.users["rs.officer"], draft)


def _msg(kind: str = "request", *recipients: str, **fields: object) -> MessageDraft:
    values: dict[str, object] = {
        "kind": kind,
        "subject": f"A {kind}",
        "handling": ("H0",),
        "source_reliability": "B",
        "information_accuracy": "2",
        "recipients": recipients,
    }
    values.update(fields)
    return MessageDraft(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("urgency", "hours"),
    [("urgent-direct", 8), ("urgent-indirect", 72), ("other", 168), (None, 168)],
)
def test_a_request_gets_its_deadline_and_turns_overdue(
    embedded: tuple[Exchange, Seeded], clock: FakeClock, urgency: str | None, hours: int
) -> None:
    desk, seeded = embedded
    case = _case(desk, seeded, "XK-KP")
    sent, created = desk.send(
        seeded.users["rs.officer"], case.id, _msg("request", "XK-KP", urgency=urgency)
    )
    assert created and sent.deadline is not None
    assert (sent.answered, sent.overdue) == (False, False)
    xk = seeded.users["xk.officer"]
    clock.advance(hours=hours - 0.01)
    assert not desk.inbox(xk, InboxStatus.ALL, 10, 0)[0].overdue
    assert desk.inbox(xk, InboxStatus.OVERDUE, 10, 0) == []
    clock.advance(hours=0.02)
    assert desk.inbox(xk, InboxStatus.ALL, 10, 0)[0].overdue
    assert [m.id for m in desk.inbox(xk, InboxStatus.OVERDUE, 10, 0)] == [sent.id]
    assert desk.messages(seeded.users["rs.analyst"], case.id, 10, 0)[0].overdue


def test_a_reply_stops_the_clock_for_its_sender_only(
    desk: Exchange, seeded: Seeded, clock: FakeClock
) -> None:
    case = _case(desk, seeded, "XK-KP", "AL-ASP")
    rs, xk, al = (seeded.users[n] for n in ("rs.officer", "xk.officer", "al.officer"))
    request, _ = desk.send(rs, case.id, _msg("request", "XK-KP", "AL-ASP", urgency="urgent-direct"))
    reply, _ = desk.send(xk, case.id, _msg("reply", refers_to=request.id, body="Owner: ..."))
    assert [d.authority for d in reply.recipients] == ["RS-MUP"]  # back to the sender
    clock.advance(hours=9)
    assert not desk.message(xk, request.id).overdue
    assert desk.message(xk, request.id).answered
    assert desk.message(al, request.id).overdue
    mine = desk.message(rs, request.id)
    assert (mine.answered, mine.overdue) == (False, True)  # AL-ASP has not answered
    assert [m.id for m in desk.inbox(al, InboxStatus.OPEN, 10, 0)] == [request.id]
    assert desk.inbox(xk, InboxStatus.OPEN, 10, 0) == []
    # AL-ASP never saw XK's reply: it was not addressed to it
    assert reply.id not in [m.id for m in desk.messages(al, case.id, 10, 0)]


def test_a_refusal_needs_a_reason_and_answers_a_request(desk: Exchange, seeded: Seeded) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs, xk = seeded.users["rs.officer"], seeded.users["xk.officer"]
    request, _ = desk.send(rs, case.id, _msg("request", "XK-KP"))
    info, _ = desk.send(rs, case.id, _msg("information", "XK-KP"))
    with pytest.raises(InputError, match="needs its reason"):
        desk.send(xk, case.id, _msg("refusal", refers_to=request.id))
    with pytest.raises(InputError, match="refuses a request"):
        desk.send(xk, case.id, _msg("refusal", refers_to=info.id, reason="No"))
    refusal, _ = desk.send(
        xk, case.id, _msg("refusal", refers_to=request.id, reason="Judicial authorisation needed")
    )
    assert refusal.reason == "Judicial authorisation needed"
    assert desk.message(xk, request.id).answered


@pytest.mark.parametrize("kind", ["correction", "retraction", "reply", "acknowledgement"])
def test_follow_ups_must_refer_to_an_earlier_message(
    embedded: tuple[Exchange, Seeded], kind: str
) -> None:
    desk, seeded = embedded
    case = _case(desk, seeded, "XK-KP")
    with pytest.raises(InputError, match="must refer to an earlier message"):
        desk.send(seeded.users["rs.officer"], case.id, _msg(kind, "XK-KP"))
    with pytest.raises(InputError, match="not a message of this case"):
        desk.send(seeded.users["rs.officer"], case.id, _msg(kind, "XK-KP", refers_to="msg-nope"))


@pytest.mark.parametrize("kind", ["correction", "retraction"])
def test_a_correction_or_retraction_reaches_every_recipient_of_the_original(
    desk: Exchange, seeded: Seeded, kind: str
) -> None:
    case = _case(desk, seeded, "XK-KP", "AL-ASP", "GB-NCA")
    rs = seeded.users["rs.officer"]
    original, _ = desk.send(rs, case.id, _msg("information", "XK-KP", "AL-ASP", "GB-NCA"))
    # the sender names one recipient only (or none): all three still receive it
    fix, _ = desk.send(rs, case.id, _msg(kind, "XK-KP", refers_to=original.id))
    assert sorted(d.authority for d in fix.recipients) == ["AL-ASP", "GB-NCA", "XK-KP"]
    for name in ("xk.officer", "al.officer", "gb.officer"):
        user = seeded.users[name]
        assert fix.id in [m.id for m in desk.inbox(user, InboxStatus.ALL, 10, 0)]
        seen = desk.message(user, original.id)
        assert seen.corrected_by == ([fix.id] if kind == "correction" else [])
        assert seen.retracted_by == (fix.id if kind == "retraction" else None)
    disclosed = audit_actions(desk.store, "disclosure")[-1]
    assert sorted(r["authority"] for r in disclosed["detail"]["recipients"]) == [
        "AL-ASP",
        "GB-NCA",
        "XK-KP",
    ]


def test_only_the_sender_corrects_and_acknowledgements_are_not_retracted(
    desk: Exchange, seeded: Seeded
) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs, xk = seeded.users["rs.officer"], seeded.users["xk.officer"]
    original, _ = desk.send(rs, case.id, _msg("information", "XK-KP"))
    with pytest.raises(InputError, match="Only the authority that sent"):
        desk.send(xk, case.id, _msg("correction", refers_to=original.id))
    ack, _ = desk.acknowledge(xk, original.id)
    with pytest.raises(InputError, match="cannot be corrected or retracted"):
        desk.send(xk, case.id, _msg("retraction", refers_to=ack.id))


def test_a_retracted_request_is_never_overdue(
    desk: Exchange, seeded: Seeded, clock: FakeClock
) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs, xk = seeded.users["rs.officer"], seeded.users["xk.officer"]
    request, _ = desk.send(rs, case.id, _msg("request", "XK-KP", urgency="urgent-direct"))
    desk.send(rs, case.id, _msg("retraction", refers_to=request.id))
    clock.advance(days=30)
    assert not desk.message(xk, request.id).overdue


def test_acknowledgement_records_receipt_once(
    desk: Exchange, seeded: Seeded, clock: FakeClock
) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs, xk = seeded.users["rs.officer"], seeded.users["xk.officer"]
    request, _ = desk.send(rs, case.id, _msg("request", "XK-KP"))
    clock.advance(minutes=5)
    ack, created = desk.acknowledge(xk, request.id)
    assert created and ack.kind == "acknowledgement" and ack.refers_to == request.id
    assert [d.authority for d in ack.recipients] == ["RS-MUP"]
    again, created_again = desk.acknowledge(xk, request.id)
    assert (again.id, created_again) == (ack.id, False)
    delivery = desk.message(rs, request.id).recipients[0]
    assert delivery.acknowledged_at is not None and delivery.acknowledged_at > delivery.received_at
    assert desk.inbox(xk, InboxStatus.UNACKNOWLEDGED, 10, 0) == []
    with pytest.raises(InputError, match="Only a recipient"):
        desk.acknowledge(rs, request.id)
    with pytest.raises(NotFound):
        desk.acknowledge(seeded.users["gb.officer"], request.id)
    assert audit_actions(desk.store, "acknowledgement")[-1]["refs"][1] == ack.id


def test_codes_are_required_and_checked(embedded: tuple[Exchange, Seeded]) -> None:
    desk, seeded = embedded
    case = _case(desk, seeded, "XK-KP")
    rs = seeded.users["rs.officer"]
    with pytest.raises(InputError, match="H3 needs its restriction"):
        desk.send(rs, case.id, _msg("information", "XK-KP", handling=("H3",)))
    with pytest.raises(InputError, match="Source reliability 'E'"):
        desk.send(rs, case.id, _msg("information", "XK-KP", source_reliability="E"))
    with pytest.raises(InputError, match="Information accuracy '5'"):
        desk.send(rs, case.id, _msg("information", "XK-KP", information_accuracy="5"))
    with pytest.raises(InputError, match="Only a request carries an urgency"):
        desk.send(rs, case.id, _msg("information", "XK-KP", urgency="urgent-direct"))
    with pytest.raises(InputError, match="not a party"):
        desk.send(rs, case.id, _msg("information", "GB-NCA"))
    with pytest.raises(InputError, match="no recipient"):
        desk.send(rs, case.id, _msg("information"))
    with pytest.raises(InputError, match="own authority"):
        desk.send(rs, case.id, _msg("information", "RS-MUP"))


def test_no_agreement_no_flow(desk: Exchange, seeded: Seeded, store: Store) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs = seeded.users["rs.officer"]
    h3 = _msg("information", "XK-KP", handling=("H0", "H3"), handling_note="Not for court")
    with pytest.raises(FlowRefused, match="cannot honour the handling code\\(s\\) H3"):
        desk.send(rs, case.id, h3)
    assert count_rows(store, messages) == 0
    assert "H3" in audit_actions(store, "refusal")[-1]["detail"]["reason"]
    AgreementBook(store).end("AGR-SOC", START.date())
    with pytest.raises(FlowRefused, match="not in force"):
        desk.send(rs, case.id, _msg("information", "XK-KP"))
    assert count_rows(store, messages) == 0


def test_a_retraction_still_reaches_recipients_after_the_agreement_ended(
    desk: Exchange, seeded: Seeded, store: Store
) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs = seeded.users["rs.officer"]
    original, _ = desk.send(rs, case.id, _msg("information", "XK-KP"))
    AgreementBook(store).end("AGR-SOC", START.date())
    retraction, _ = desk.send(rs, case.id, _msg("retraction", refers_to=original.id))
    assert [d.authority for d in retraction.recipients] == ["XK-KP"]


def test_a_one_way_agreement_lets_information_flow_one_way_only(
    desk: Exchange, seeded: Seeded
) -> None:
    draft = CaseDraft("Crossings at Dobrakovo", "border-management", "AGR-ONEWAY", ("ME-UP",))
    case = desk.open_case(seeded.users["rs.border"], draft)
    rs, me = seeded.users["rs.border"], seeded.users["me.officer"]
    info, _ = desk.send(rs, case.id, _msg("information", "ME-UP"))
    assert info.legal_basis == "AGR-ONEWAY"
    with pytest.raises(FlowRefused, match="no agreement lets ME provide information to RS"):
        desk.send(me, case.id, _msg("reply", refers_to=info.id))
    with pytest.raises(FlowRefused, match="no agreement lets ME provide information to RS"):
        desk.send(me, case.id, _msg("request", "RS-GP"))
    ack, _ = desk.acknowledge(me, info.id)  # a receipt carries no information
    assert ack.kind == "acknowledgement"


def test_a_domestic_message_needs_no_agreement(desk: Exchange, seeded: Seeded) -> None:
    case = _case(desk, seeded, "RS-GP")
    sent, _ = desk.send(
        seeded.users["rs.officer"],
        case.id,
        _msg("information", "RS-GP", handling=("H3",), handling_note="Police only"),
    )
    assert sent.legal_basis == "domestic"


def test_only_operational_roles_send(desk: Exchange, seeded: Seeded) -> None:
    case = _case(desk, seeded, "XK-KP")
    for name in ("rs.dpo", "rs.admin"):
        with pytest.raises(AccessDenied):
            desk.send(seeded.users[name], case.id, _msg("information", "XK-KP"))
    assert desk.messages(seeded.users["rs.dpo"], case.id, 10, 0) == []  # dpo reads


def test_a_sent_message_is_a_logged_disclosure(
    desk: Exchange, seeded: Seeded, store: Store
) -> None:
    case = _case(desk, seeded, "XK-KP")
    sent, _ = desk.send(
        seeded.users["rs.analyst"],
        case.id,
        _msg("information", "XK-KP", handling=("H0", "H2"), source_reliability="A"),
    )
    entry = audit_actions(store, "disclosure")[-1]
    assert entry["actor"] == "rs.analyst" and entry["authority"] == "RS-MUP"
    assert entry["purpose"] == "drug-trafficking" and entry["legal_basis"] == "AGR-SOC"
    assert entry["refs"][:2] == [case.id, sent.id]
    detail = entry["detail"]
    assert detail["recipients"] == [{"authority": "XK-KP", "participant": "XK"}]
    assert (detail["handling"], detail["source_reliability"]) == ("H0,H2", "A")
    desk.messages(seeded.users["xk.officer"], case.id, 10, 0)
    read = audit_actions(store, "consultation")[-1]
    assert read["actor"] == "xk.officer" and sent.id in read["refs"]
    assert store.verify_audit().ok


def test_an_idempotency_key_stores_a_message_once(
    desk: Exchange, seeded: Seeded, store: Store
) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs = seeded.users["rs.officer"]
    first, created = desk.send(rs, case.id, _msg("request", "XK-KP", idempotency_key="req-1"))
    again, created_again = desk.send(rs, case.id, _msg("request", "XK-KP", idempotency_key="req-1"))
    assert created and not created_again and again.id == first.id
    assert count_rows(store, messages) == 1 and count_rows(store, message_recipients) == 1
    with pytest.raises(Conflict):
        desk.send(rs, case.id, _msg("request", "XK-KP", idempotency_key="req-1", body="other"))
    # another authority's key is its own
    other, created_other = desk.send(
        seeded.users["xk.officer"], case.id, _msg("information", "RS-MUP", idempotency_key="req-1")
    )
    assert created_other and other.id != first.id


def test_concurrent_repeats_of_a_message_store_it_once(
    desk: Exchange, seeded: Seeded, store: Store
) -> None:
    case = _case(desk, seeded, "XK-KP")
    rs = seeded.users["rs.officer"]
    draft = _msg("request", "XK-KP", idempotency_key="burst")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: desk.send(rs, case.id, draft), range(8)))
    assert len({view.id for view, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    assert count_rows(store, messages) == 1


def test_attached_records_are_released_to_the_recipients_only(
    desk: Exchange, seeded: Seeded, store: Store
) -> None:
    case = _case(desk, seeded, "XK-KP", "AL-ASP")
    rs, xk, al = (seeded.users[n] for n in ("rs.officer", "xk.officer", "al.officer"))
    record = seeded.records["RS-MUP"][0]
    gate = Gate(store)
    assert gate.read(xk, "drug-trafficking", _ids(record)) == []
    sent, _ = desk.send(rs, case.id, _msg("information", "XK-KP", records=(record,)))
    assert sent.records == [record]
    assert [r.id for r in gate.read(xk, "drug-trafficking", _ids(record))] == [record]
    assert gate.read(al, "drug-trafficking", _ids(record)) == []
    entry = audit_actions(store, "disclosure")[-1]
    assert record in entry["refs"] and entry["detail"]["records"] == [record]


def test_records_carry_their_restrictions_and_only_originators_release(
    desk: Exchange, seeded: Seeded
) -> None:
    case = _case(desk, seeded, "XK-KP", "RS-GP")
    rs = seeded.users["rs.officer"]
    restricted = seeded.records["RS-MUP-H3"][0]
    with pytest.raises(FlowRefused, match="H3"):
        desk.send(rs, case.id, _msg("information", "XK-KP", records=(restricted,)))
    domestic, _ = desk.send(rs, case.id, _msg("information", "RS-GP", records=(restricted,)))
    assert domestic.handling == ["H0", "H3"] and domestic.handling_note
    foreign = seeded.records["XK-KP"][0]
    with pytest.raises(InputError, match="only the authority that provided a record"):
        desk.send(rs, case.id, _msg("information", "XK-KP", records=(foreign,)))
    with pytest.raises(InputError, match="only the authority that provided a record"):
        desk.send(
            seeded.users["rs.border"], case.id, _msg("information", "XK-KP", records=(restricted,))
        )


def _ids(*ids: str) -> RecordQuery:
    return RecordQuery(ids=list(ids))
