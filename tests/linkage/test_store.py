"""Linkage over the stored records, identities in the store, judgements and views by policy.

Runs on both backends (the ``store`` fixture)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from accord.errors import AccessDenied, NotFound
from accord.linkage import link_store
from accord.services import Services
from accord.services.identities import IdentityDesk
from accord.settings import Settings
from accord.store import Store
from accord.store.identities import IdentityStore
from accord.store.tables import (
    audit_entries,
    audit_values,
    identities,
    identity_judgements,
    identity_members,
    identity_runs,
)
from tests.linkage.seed import GB_ANALYST, PEOPLE, RS_ANALYST, RS_OFFICER, XK_ANALYST, seed_people

PURPOSE = "serious-crime"


@pytest.fixture
def desk(store: Store, store_settings: Settings) -> IdentityDesk:
    seed_people(store)
    return IdentityDesk(Services(settings=store_settings, store=store))


def _count(store: Store, table: object) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def _identity(store: Store, record_id: str) -> str:
    with store.read() as conn:
        found = IdentityStore().identity_of(conn, record_id)
    assert found is not None
    return found


def test_the_job_reads_as_the_system_actor_and_logs_a_combination(desk: IdentityDesk) -> None:
    store = desk.store
    report = link_store(store, purpose=PURPOSE)
    assert report.records == len(PEOPLE)
    assert _count(store, identity_members) == len(PEOPLE)
    assert (
        _identity(store, "rs-arben") == _identity(store, "xk-arben") == _identity(store, "gb-arben")
    )
    assert _identity(store, "rs-petar") == _identity(store, "rs-petar-2")
    assert _identity(store, "rs-nikola") != _identity(store, "xk-marko")
    assert _identity(store, "xk-fatmire") != _identity(store, "xk-fatmir")
    with store.read() as conn:
        entries = conn.execute(select(audit_entries).order_by(audit_entries.c.seq)).all()
        combination = [e for e in entries if e.action == "combination"]
        assert len(combination) == 1
        entry = combination[0]
        assert entry.actor == "system:linkage" and entry.purpose == PURPOSE
        refs = json.loads(entry.refs)
        assert {"rs-arben", "xk-arben", "gb-arben", "rs-petar", "rs-petar-2"} <= set(refs)
        assert "rs-nikola" not in refs  # a record alone was combined with nothing
        detail = json.loads(
            conn.execute(
                select(audit_values.c.detail).where(audit_values.c.seq == entry.seq)
            ).scalar_one()
        )
        assert detail["run"] == report.run_id and "options" in detail["parameters"]
        reads = [e for e in entries if e.action == "consultation" and e.actor == "system:linkage"]
        assert reads, "the records were read through the Gate"
    # the evidence of each link is stored with the member
    with store.read() as conn:
        members = IdentityStore().members(conn, _identity(store, "xk-arben"))
    linked = [m for m in members if m.linked_to]
    assert len(linked) == 2
    assert all(any(e["field"] == "name" for e in m.evidence) for m in linked)


def test_rerunning_duplicates_nothing(desk: IdentityDesk) -> None:
    store = desk.store
    first = link_store(store, purpose=PURPOSE)
    with store.read() as conn:
        before = sorted(
            tuple(r)
            for r in conn.execute(
                select(identity_members.c.record_id, identity_members.c.identity_id)
            )
        )
    second = link_store(store, purpose=PURPOSE)
    with store.read() as conn:
        after = sorted(
            tuple(r)
            for r in conn.execute(
                select(identity_members.c.record_id, identity_members.c.identity_id)
            )
        )
    assert first.changes["total"] == len(PEOPLE)
    assert second.changes["total"] == 0
    assert before == after
    assert _count(store, identities) == first.identities == second.identities
    assert _count(store, identity_runs) == 2


def test_new_records_join_the_identities_that_exist(desk: IdentityDesk) -> None:
    store = desk.store
    link_store(store, purpose=PURPOSE)
    arben = _identity(store, "xk-arben")
    seed_people(
        store, [("xk-arben-2", "XK-KP", "Arben", "Krasniqi", "1975", "male", "xk", "", "")], "2"
    )
    report = link_store(store, purpose=PURPOSE)
    assert _identity(store, "xk-arben-2") == arben == _identity(store, "rs-arben")
    assert report.changes["inserted"] == 1


def test_a_split_is_respected_on_the_next_run(desk: IdentityDesk) -> None:
    store = desk.store
    link_store(store, purpose=PURPOSE)
    arben = _identity(store, "rs-arben")
    new_id, view = desk.split(RS_ANALYST, PURPOSE, arben, "rs-arben", reason="another man")
    assert _identity(store, "rs-arben") == new_id
    assert view.id == new_id and [m.record_id for m in view.members] == ["rs-arben"]
    link_store(store, purpose=PURPOSE)
    assert _identity(store, "rs-arben") != _identity(store, "xk-arben")
    assert _identity(store, "xk-arben") == _identity(store, "gb-arben") == arben
    with store.read() as conn:
        rows = conn.execute(
            select(identity_judgements).where(identity_judgements.c.kind == "split")
        ).all()
    assert {(r.record_id, r.other_record_id) for r in rows} == {
        ("rs-arben", "xk-arben"),
        ("rs-arben", "gb-arben"),
    }
    assert all(r.actor == "rs.analyst" and r.reason == "another man" for r in rows)


def test_a_confirmed_identity_keeps_its_members(desk: IdentityDesk) -> None:
    store = desk.store
    link_store(store, purpose=PURPOSE)
    petar = _identity(store, "rs-petar")
    view = desk.confirm(RS_ANALYST, PURPOSE, petar, reason="same JMBG on file")
    assert view.status == "confirmed"
    # the data changes so that the two records no longer look alike
    seed_people(
        store, [("rs-petar-2", "RS-MUP", "Pavle", "Perić", "1961-01-01", "male", "rs", "", "")], "2"
    )
    link_store(store, purpose=PURPOSE)
    assert _identity(store, "rs-petar-2") == _identity(store, "rs-petar") == petar
    with store.read() as conn:
        assert IdentityStore().identity(conn, petar).status == "confirmed"  # type: ignore[union-attr]


def test_views_are_cut_to_what_the_user_may_see(desk: IdentityDesk) -> None:
    store = desk.store
    link_store(store, purpose=PURPOSE)
    arben = _identity(store, "xk-arben")
    xk = desk.show(XK_ANALYST, PURPOSE, arben).to_dict()
    assert [m["record_id"] for m in xk["members"]] == ["xk-arben"]
    text = json.dumps(xk, ensure_ascii=False)
    for hidden in ("rs-arben", "gb-arben", "Краснићи", "KRASNIQI"):
        assert hidden not in text
    assert set(xk) == {"id", "status", "members"}  # no size, no count
    assert xk["members"][0]["linked_to"] is None and xk["members"][0]["evidence"] == []
    rs = desk.show(RS_ANALYST, PURPOSE, arben).to_dict()
    assert [m["record_id"] for m in rs["members"]] == ["rs-arben"]
    # an identity none of whose members the user may see looks exactly like no identity
    petar = _identity(store, "rs-petar")
    with pytest.raises(NotFound) as hidden:
        desk.show(XK_ANALYST, PURPOSE, petar)
    with pytest.raises(NotFound) as missing:
        desk.show(XK_ANALYST, PURPOSE, "ID-does-not-exist")
    assert str(hidden.value).replace(petar, "X") == str(missing.value).replace(
        "ID-does-not-exist", "X"
    )
    # within one participant the links between visible members carry their evidence
    both = desk.show(RS_ANALYST, PURPOSE, petar).to_dict()
    assert {m["record_id"] for m in both["members"]} == {"rs-petar", "rs-petar-2"}
    assert any(m["evidence"] for m in both["members"])


def test_judgements_need_an_analyst_who_sees_the_member(desk: IdentityDesk) -> None:
    store = desk.store
    link_store(store, purpose=PURPOSE)
    arben = _identity(store, "xk-arben")
    with pytest.raises(AccessDenied):
        desk.split(RS_OFFICER, PURPOSE, arben, "rs-arben")
    with pytest.raises(NotFound):
        desk.split(XK_ANALYST, PURPOSE, arben, "rs-arben")  # a member XK may not see
    with pytest.raises(NotFound):
        desk.confirm(GB_ANALYST, PURPOSE, _identity(store, "rs-petar"))
    with pytest.raises(AccessDenied):
        desk.show(RS_ANALYST, "", arben)
    assert _count(store, identity_judgements) == 0


def test_a_split_answers_alike_whether_or_not_hidden_members_exist(desk: IdentityDesk) -> None:
    store = desk.store
    link_store(store, purpose=PURPOSE)
    # rs-nikola is alone; rs-arben has members RS may not see: both splits answer the same way
    alone_id, alone = desk.split(RS_ANALYST, PURPOSE, _identity(store, "rs-nikola"), "rs-nikola")
    shared_id, shared = desk.split(RS_ANALYST, PURPOSE, _identity(store, "rs-arben"), "rs-arben")
    assert set(alone.to_dict()) == set(shared.to_dict())
    assert [m.record_id for m in alone.members] == ["rs-nikola"]
    assert [m.record_id for m in shared.members] == ["rs-arben"]
    assert alone_id.startswith("ID-") and shared_id.startswith("ID-")
    assert _identity(store, "rs-nikola") == alone_id
