"""Bad input to the access path: each is refused clearly, logged, and discloses nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from accord.errors import AccessDenied, InputError, NotFound
from accord.services import Services
from accord.services.auth import login
from accord.services.demo import DEMO_PASSWORD
from accord.store.gate import RecordQuery
from accord.store.tables import audit_entries, tokens


def _last(svc: Services) -> dict[str, object]:
    with svc.store.read() as conn:
        row = conn.execute(select(audit_entries).order_by(audit_entries.c.seq.desc())).first()
    assert row is not None
    return dict(row._mapping)


def _user(svc: Services, name: str):  # type: ignore[no-untyped-def]
    found = svc.accounts.get(name)
    assert found is not None
    return found


def test_own_records_are_visible_to_the_originating_authority(svc: Services) -> None:
    found = svc.gate.read(
        _user(svc, "rs.analyst"), "serious-crime", RecordQuery(), justification="case 12"
    )
    assert len(found) == 2
    entry = _last(svc)
    assert entry["action"] == "consultation" and entry["actor"] == "rs.analyst"


def test_other_participants_see_nothing_without_a_release(svc: Services) -> None:
    assert svc.gate.read(_user(svc, "al.analyst"), "serious-crime", RecordQuery()) == []


def test_missing_or_unknown_purpose_is_refused_and_logged(svc: Services) -> None:
    for purpose in (None, "curiosity", ""):
        with pytest.raises(AccessDenied, match="purpose"):
            svc.gate.read(_user(svc, "rs.analyst"), purpose, RecordQuery())
        assert _last(svc)["action"] == "refusal"


def test_withheld_and_missing_records_look_the_same(svc: Services) -> None:
    own = svc.gate.read(_user(svc, "rs.analyst"), "serious-crime", RecordQuery())[0]
    with pytest.raises(NotFound) as withheld:
        svc.gate.get(_user(svc, "al.analyst"), "serious-crime", own.id, "x")
    with pytest.raises(NotFound) as missing:
        svc.gate.get(_user(svc, "al.analyst"), "serious-crime", "rs-" + "0" * 32, "x")
    assert str(withheld.value).replace(own.id, "ID") == str(missing.value).replace(
        "rs-" + "0" * 32, "ID"
    )


@pytest.mark.parametrize(
    "text",
    ["' OR 1=1 --", "%", "_", "Петар%' UNION SELECT * FROM users --", "\\", "\x00", "a" * 150],
)
def test_sql_injection_in_text_filters_finds_nothing_extra(svc: Services, text: str) -> None:
    user = _user(svc, "rs.analyst")
    for query in (
        RecordQuery(text=text),
        RecordQuery(schema=text),
        RecordQuery(dataset=text),
        RecordQuery(participant=text),
    ):
        try:
            assert svc.gate.read(user, "serious-crime", query) == []
        except InputError:
            assert "\x00" in text or len(text) > 100


def test_tokens_unknown_forged_expired_and_revoked(svc: Services) -> None:
    token_id, token = svc.accounts.issue_token("rs.officer", days=1)
    assert svc.accounts.authenticate_token(token).username == "rs.officer"
    for bad in ("acc_" + "x" * 43, token[:-2] + "zz", "Bearer " + token, "", "acc_"):
        with pytest.raises(AccessDenied):
            svc.accounts.authenticate_token(bad)
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    with svc.store.write() as conn:
        conn.execute(update(tokens).where(tokens.c.id == token_id).values(expires_at=past))
    with pytest.raises(AccessDenied, match="expired"):
        svc.accounts.authenticate_token(token)
    second_id, second = svc.accounts.issue_token("rs.officer")
    svc.accounts.revoke_token(second_id)
    with pytest.raises(AccessDenied, match="revoked"):
        svc.accounts.authenticate_token(second)
    _, third = svc.accounts.issue_token("rs.officer")
    svc.accounts.set_disabled("rs.officer", True)
    with pytest.raises(AccessDenied, match="disabled"):
        svc.accounts.authenticate_token(third)


def test_tokens_are_stored_hashed(svc: Services) -> None:
    _, token = svc.accounts.issue_token("rs.officer")
    with svc.store.read() as conn:
        stored = [r.token_hash for r in conn.execute(select(tokens.c.token_hash))]
    assert token not in stored and all(len(h) == 64 for h in stored)


def test_login_locks_after_repeated_failures(svc: Services) -> None:
    assert login(svc, "rs.officer", DEMO_PASSWORD).username == "rs.officer"
    for _ in range(5):
        with pytest.raises(AccessDenied):
            login(svc, "rs.officer", "wrong password!!")
    with pytest.raises(AccessDenied):
        login(svc, "rs.officer", DEMO_PASSWORD)  # locked now, even with the right password
    with pytest.raises(AccessDenied) as unknown:
        login(svc, "nobody", DEMO_PASSWORD)
    assert "Wrong user name or password" in str(unknown.value)


def test_an_agreement_outside_its_dates_lets_nothing_flow(svc: Services) -> None:
    from accord.store.gate import Gate

    own = svc.gate.read(_user(svc, "rs.analyst"), "serious-crime", RecordQuery())
    from sqlalchemy import insert

    from accord.store.tables import releases

    with svc.store.write() as conn:
        conn.execute(
            insert(releases),
            [
                {
                    "record_id": r.id,
                    "authority": "AL-ASP",
                    "granted_at": "2026",
                    "granted_by": "rs.approver",
                    "reference": "s2",
                }
                for r in own
            ],
        )
    user = _user(svc, "al.analyst")
    in_force = Gate(svc.store, today=lambda: date(2026, 6, 1))
    assert len(in_force.read(user, "serious-crime", RecordQuery())) == 2
    before = Gate(svc.store, today=lambda: date(2024, 6, 1))
    after = Gate(svc.store, today=lambda: date(2031, 1, 1))
    assert before.read(user, "serious-crime", RecordQuery()) == []
    assert after.read(user, "serious-crime", RecordQuery()) == []
    assert json.loads(str(_last(svc)["refs"])) == []


def test_aggregates_never_show_a_count_below_the_threshold(svc: Services) -> None:
    from accord.policy import suppress
    from accord.services.aggregates import count_records

    assert suppress({"a": 4, "b": 5, "c": 0}) == {"a": None, "b": 5}
    rows = count_records(svc, _user(svc, "rs.analyst"), "serious-crime", ["participant"], "t")
    assert rows == [{"participant": "RS", "count": "<5"}]
