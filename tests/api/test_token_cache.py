"""Verified tokens kept for a second: a revocation or a disabled account stops them at once,
no entry outlives its token or the time to live, and refusals are never kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import cast

import pytest

from accord.api.token_cache import TokenCache
from accord.errors import AccessDenied
from accord.policy import Principal, Role
from accord.store.accounts import Accounts
from tests.api.conftest import Api, assert_error

_USER = Principal("rs.officer", "RS", "RS-MUP", frozenset({Role.OFFICER}))


class _Store:
    """What the cache asks of ``Accounts``, counting the look-ups."""

    def __init__(self, lifetime: timedelta = timedelta(days=30)) -> None:
        self.generation = 0
        self.lookups = 0
        self.refuse = False
        self.lifetime = lifetime
        self.during_lookup: list[object] = []

    def verify_token(self, token: str) -> tuple[Principal, datetime]:
        self.lookups += 1
        if self.during_lookup:
            self.during_lookup.pop()
            self.generation += 1  # a revocation committed while this look-up ran
        if self.refuse:
            raise AccessDenied("The token was revoked.")
        return _USER, datetime.now(UTC) + self.lifetime


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _cache(store: _Store, clock: _Clock) -> TokenCache:
    return TokenCache(cast(Accounts, store), ttl=1.0, clock=clock)


def test_a_verified_token_is_trusted_for_the_time_to_live_only() -> None:
    store, clock = _Store(), _Clock()
    cache = _cache(store, clock)
    assert cache.authenticate("acc_one") == _USER
    clock.now += 0.9
    assert cache.authenticate("acc_one") == _USER
    assert store.lookups == 1
    store.refuse = True  # revoked by another process
    clock.now += 0.2
    with pytest.raises(AccessDenied):
        cache.authenticate("acc_one")
    assert store.lookups == 2


def test_each_token_is_verified_on_its_own() -> None:
    store, clock = _Store(), _Clock()
    cache = _cache(store, clock)
    cache.authenticate("acc_one")
    cache.authenticate("acc_two")
    cache.authenticate("acc_one")
    assert store.lookups == 2


def test_refusals_are_not_kept() -> None:
    store, clock = _Store(), _Clock()
    store.refuse = True
    cache = _cache(store, clock)
    for _ in range(3):
        with pytest.raises(AccessDenied):
            cache.authenticate("acc_bad")
    assert store.lookups == 3


def test_no_entry_outlives_its_token() -> None:
    store, clock = _Store(lifetime=timedelta(seconds=0.5)), _Clock()
    cache = _cache(store, clock)
    cache.authenticate("acc_short")
    clock.now += 0.6
    cache.authenticate("acc_short")
    assert store.lookups == 2


def test_a_change_committed_during_a_lookup_is_not_missed() -> None:
    store, clock = _Store(), _Clock()
    store.during_lookup.append(object())
    cache = _cache(store, clock)
    cache.authenticate("acc_one")
    cache.authenticate("acc_one")  # the entry was verified before the change: asked again
    assert store.lookups == 2
    cache.authenticate("acc_one")
    assert store.lookups == 2


def test_a_revoked_token_stops_working_at_once(api: Api) -> None:
    token_id, token = api.services.accounts.issue_token("rs.officer")
    headers = {"Authorization": f"Bearer {token}"}
    assert api.client.get("/api/v1/me", headers=headers).status_code == 200
    api.services.accounts.revoke_token(token_id)
    body = assert_error(api.client.get("/api/v1/me", headers=headers), 401, "unauthenticated")
    assert "revoked" in body["message"]


def test_a_disabled_account_stops_working_at_once(api: Api) -> None:
    headers = api.auth("rs.analyst")
    assert api.client.get("/api/v1/me", headers=headers).status_code == 200
    api.services.accounts.set_disabled("rs.analyst", True)
    body = assert_error(api.client.get("/api/v1/me", headers=headers), 401, "unauthenticated")
    assert "disabled" in body["message"]


def test_the_cached_look_up_never_asks_the_store() -> None:
    store, clock = _Store(), _Clock()
    cache = _cache(store, clock)
    assert cache.cached("acc_one") is None
    assert store.lookups == 0
    cache.authenticate("acc_one")
    assert cache.cached("acc_one") == _USER
    store.generation += 1  # a revocation made through this process
    assert cache.cached("acc_one") is None
    cache.authenticate("acc_one")
    clock.now += 1.1
    assert cache.cached("acc_one") is None
    assert store.lookups == 2
