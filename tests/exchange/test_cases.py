"""Opening cases and who sees them."""

from __future__ import annotations

import pytest

from accord.errors import AccessDenied, InputError, NotFound
from accord.exchange import CaseDraft, Exchange, FlowRefused
from accord.store import Store
from tests.exchange.seed import Seeded, audit_actions


def _draft(*authorities: str, purpose: str = "serious-crime", basis: str = "AGR-SOC") -> CaseDraft:
    return CaseDraft("Heroin route via Kosovo", purpose, basis, authorities)


def test_an_officer_opens_a_case_and_every_party_sees_it(desk: Exchange, seeded: Seeded) -> None:
    users = seeded.users
    case = desk.open_case(users["rs.officer"], _draft("XK-KP", "AL-ASP"))
    assert [p.authority for p in case.parties] == ["AL-ASP", "RS-MUP", "XK-KP"]
    assert case.opened_by == {"participant": "RS", "authority": "RS-MUP", "user": "rs.officer"}
    for name in ("rs.analyst", "rs.dpo", "xk.officer", "al.officer"):
        assert desk.case(users[name], case.id).id == case.id
        assert [c.id for c in desk.cases(users[name], 10, 0)] == [case.id]
    opened = audit_actions(desk.store, "case-opened")
    assert opened[-1]["legal_basis"] == "AGR-SOC"
    assert opened[-1]["detail"]["parties"] == ["AL-ASP", "RS-MUP", "XK-KP"]


def test_a_case_looks_missing_to_every_authority_not_party_to_it(
    desk: Exchange, seeded: Seeded
) -> None:
    users = seeded.users
    case = desk.open_case(users["rs.officer"], _draft("XK-KP"))
    refusals_before = len(audit_actions(desk.store, "refusal"))
    for name in ("gb.officer", "al.officer", "rs.border"):
        with pytest.raises(NotFound) as hidden:
            desk.case(users[name], case.id)
        with pytest.raises(NotFound) as missing:
            desk.case(users[name], "case-0000000000000000")
        assert str(hidden.value).replace(case.id, "X") == str(missing.value).replace(
            "case-0000000000000000", "X"
        )
        assert desk.cases(users[name], 10, 0) == []
        with pytest.raises(NotFound):
            desk.messages(users[name], case.id, 10, 0)
    assert len(audit_actions(desk.store, "refusal")) == refusals_before + 9


@pytest.mark.parametrize("name", ["rs.dpo", "rs.admin"])
def test_only_operational_roles_open_cases(desk: Exchange, seeded: Seeded, name: str) -> None:
    with pytest.raises(AccessDenied):
        desk.open_case(seeded.users[name], _draft("XK-KP"))
    assert audit_actions(desk.store, "refusal")[-1]["actor"] == name


def test_admins_do_not_read_cases(desk: Exchange, seeded: Seeded) -> None:
    case = desk.open_case(seeded.users["rs.officer"], _draft("XK-KP"))
    with pytest.raises(AccessDenied):
        desk.case(seeded.users["rs.admin"], case.id)
    with pytest.raises(AccessDenied):
        desk.cases(seeded.users["rs.admin"], 10, 0)


@pytest.mark.parametrize(
    ("parties", "purpose", "basis", "reason"),
    [
        (("ME-UP",), "serious-crime", "AGR-SOC", "does not cover exchanges between RS and ME"),
        (("XK-KP",), "integrity", "AGR-SOC", "does not allow the purpose integrity"),
        (("XK-KP",), "firearms", "AGR-FUTURE", "is not in force"),
        (("XK-KP",), "serious-crime", "AGR-NONE", "there is no agreement 'AGR-NONE'"),
    ],
)
def test_a_case_needs_an_agreement_that_covers_parties_and_purpose(
    embedded: tuple[Exchange, Seeded],
    parties: tuple[str, ...],
    purpose: str,
    basis: str,
    reason: str,
) -> None:
    desk, seeded = embedded
    with pytest.raises(FlowRefused) as refused:
        desk.open_case(seeded.users["rs.officer"], _draft(*parties, purpose=purpose, basis=basis))
    assert reason in refused.value.message
    assert refused.value.status == 403
    assert reason in audit_actions(desk.store, "refusal")[-1]["detail"]["reason"]


def test_a_one_way_agreement_is_a_basis_for_a_case_between_its_parties(
    desk: Exchange, seeded: Seeded
) -> None:
    draft = _draft("RS-MUP", purpose="border-management", basis="AGR-ONEWAY")
    case = desk.open_case(seeded.users["me.officer"], draft)
    assert case.legal_basis == "AGR-ONEWAY"


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        (CaseDraft("", "serious-crime", "AGR-SOC", ("XK-KP",)), "'title' is empty"),
        (CaseDraft("T", "gossip", "AGR-SOC", ("XK-KP",)), "Purpose 'gossip' is not known"),
        (CaseDraft("T", "supervision", "AGR-SOC", ("XK-KP",)), "not for supervision"),
        (CaseDraft("T", "serious-crime", "AGR-SOC", ("XX-NOPE",)), "Unknown authority"),
        (CaseDraft("T\x00", "serious-crime", "AGR-SOC", ("XK-KP",)), "control characters"),
        (CaseDraft("T" * 201, "serious-crime", "AGR-SOC", ("XK-KP",)), "at most 200"),
    ],
)
def test_bad_case_input_is_named(
    embedded: tuple[Exchange, Seeded], draft: CaseDraft, words: str
) -> None:
    desk, seeded = embedded
    with pytest.raises(InputError) as bad:
        desk.open_case(seeded.users["rs.officer"], draft)
    assert words in str(bad.value)


def test_reading_a_case_is_logged(desk: Exchange, seeded: Seeded, store: Store) -> None:
    case = desk.open_case(seeded.users["rs.officer"], _draft("XK-KP"))
    desk.case(seeded.users["xk.officer"], case.id)
    last = audit_actions(store, "consultation")[-1]
    assert (last["actor"], last["purpose"]) == ("xk.officer", "serious-crime")
    assert case.id in last["refs"]
    assert store.verify_audit().ok
