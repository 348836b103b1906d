"""The persisted index: a later process loads it and follows what changed since; an erased
record leaves it (in memory and on disk); a tampered or foreign file is ignored; and a process
with a new screening key answers from a snapshot under the previous key while it re-keys."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

import pytest

from accord.screening import Hasher, ScreenQuery
from accord.screening.snapshot import load_snapshot, snapshot_path
from accord.services import Services
from accord.services.screening import ScreeningDesk
from accord.store.retention import erase_records
from tests.screening.world import World, add_records, person

PETAR = ScreenQuery(
    first_name="Petar", last_name="Petrovic", birth_date="12.03.1985", nationality="SRB"
)
DOCUMENT = ScreenQuery(document="KO1234567")
KEY_A, KEY_B = b"a" * 32, b"b" * 32


def _result(desk: ScreeningDesk, world: World, query: ScreenQuery, user: str = "xk.officer") -> str:
    purpose = "border-management" if query.document else "serious-crime"
    answer = desk.screen_one(world.users[user], purpose, query, "test")
    return str(answer["result"])


def _path(services: Services) -> Path:
    return snapshot_path(services.settings.data_dir, services.settings.database_url)


def _with_keys(world: World, key: bytes, previous: bytes | None) -> Services:
    settings = replace(world.services.settings, screening_key=key, screening_key_previous=previous)
    return Services(settings=settings, store=world.services.store)


def test_a_later_process_loads_the_snapshot_and_follows_changes(world: World) -> None:
    first = ScreeningDesk(world.services)
    first.ensure_current()
    assert first.keeper.origin == "built"
    path = _path(world.services)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # after the snapshot: a new flagged person, and the wanted person erased
    add_records(world.services, "AL-ASP", "police_persons", "Person",
                {"new": person("Dritan", "Hoxha", "1990-01-15")}, alert="wanted")  # fmt: skip
    erase_records(world.services.store, [world.ids["wanted"]], "test", "cli:test")

    later = ScreeningDesk(world.services)  # as a new process would
    later.ensure_current()
    assert later.keeper.origin == "snapshot"
    assert len(later.index) == len(first.index)  # one in, one out
    dritan = ScreenQuery(first_name="Dritan", last_name="Hoxha", birth_date="1990-01-15")
    assert _result(later, world, dritan) == "hit"
    assert _result(later, world, PETAR) == "no-hit"
    # the snapshot was written again without the erased record
    hasher = Hasher(world.services.settings.screening_key)
    on_disk = load_snapshot(path, later.model, [hasher])
    assert on_disk is not None
    assert world.ids["wanted"] not in on_disk.index.record_ids()


def test_a_tampered_or_foreign_snapshot_is_ignored(world: World) -> None:
    ScreeningDesk(world.services).ensure_current()
    path = _path(world.services)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01
    path.write_bytes(bytes(data))
    tampered = ScreeningDesk(world.services)
    tampered.ensure_current()
    assert tampered.keeper.origin == "built"
    assert _result(tampered, world, PETAR) == "hit"
    # a snapshot signed under a key this deployment does not hold is not read either
    foreign = ScreeningDesk(_with_keys(world, KEY_B, None))
    foreign.ensure_current()
    assert foreign.keeper.origin == "built"


def test_a_new_key_answers_from_the_previous_keys_snapshot_while_re_keying(world: World) -> None:
    old = ScreeningDesk(_with_keys(world, KEY_A, None))
    old.ensure_current()
    fingerprint_a, fingerprint_b = Hasher(KEY_A).fingerprint, Hasher(KEY_B).fingerprint
    assert old.index.key_fingerprints == [fingerprint_a]

    rotating = ScreeningDesk(_with_keys(world, KEY_B, KEY_A), background_rekey=False)
    rotating.ensure_current()
    assert rotating.keeper.origin == "snapshot"
    assert rotating.index.key_fingerprints == [fingerprint_a]  # not yet re-keyed
    assert _result(rotating, world, DOCUMENT, "me.officer") == "hit"  # answered meanwhile
    # a record flagged during the re-keying is hashed under both keys
    add_records(world.services, "ME-UP", "lost_documents", "Passport",
                {"lost": {"number": ["ME9876543"]}}, alert="lost")  # fmt: skip
    rotating.ensure_current(force=True)
    assert _result(rotating, world, ScreenQuery(document="ME9876543"), "me.officer") == "hit"

    rotating.keeper.rekey()
    assert rotating.index.key_fingerprints == [fingerprint_b]
    assert _result(rotating, world, DOCUMENT, "me.officer") == "hit"
    assert _result(rotating, world, ScreenQuery(document="ME9876543"), "me.officer") == "hit"
    # the snapshot is now under the new key: the new key alone reads it, the old one cannot
    after = ScreeningDesk(_with_keys(world, KEY_B, None))
    after.ensure_current()
    assert after.keeper.origin == "snapshot"
    assert _result(after, world, DOCUMENT, "me.officer") == "hit"
    stale = ScreeningDesk(_with_keys(world, KEY_A, None))
    stale.ensure_current()
    assert stale.keeper.origin == "built"


def test_re_keying_in_the_background_switches_to_the_new_key(world: World) -> None:
    ScreeningDesk(_with_keys(world, KEY_A, None)).ensure_current()
    rotating = ScreeningDesk(_with_keys(world, KEY_B, KEY_A))
    rotating.ensure_current()
    assert rotating.keeper.rekeying is not None
    rotating.keeper.rekeying.join(timeout=60)
    assert rotating.index.key_fingerprints == [Hasher(KEY_B).fingerprint]
    assert _result(rotating, world, DOCUMENT, "me.officer") == "hit"


def test_an_erasure_leaves_the_snapshot_before_the_re_keying_ends(world: World) -> None:
    ScreeningDesk(_with_keys(world, KEY_A, None)).ensure_current()
    erase_records(world.services.store, [world.ids["wanted"]], "test", "cli:test")
    rotating = ScreeningDesk(_with_keys(world, KEY_B, KEY_A), background_rekey=False)
    rotating.ensure_current()
    assert rotating.index.key_fingerprints == [Hasher(KEY_A).fingerprint]  # not re-keyed yet
    on_disk = load_snapshot(_path(world.services), rotating.model, [Hasher(KEY_B), Hasher(KEY_A)])
    assert on_disk is not None
    assert world.ids["wanted"] not in on_disk.index.record_ids()
    assert _result(rotating, world, PETAR) == "no-hit"


def test_a_snapshot_of_other_name_keys_is_built_anew(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot written when the names layer gave other keys (another lexicon, say) holds
    stale postings: it is not read."""
    from accord.screening import snapshot

    ScreeningDesk(world.services).ensure_current()
    monkeypatch.setattr(snapshot, "keys_version", lambda: "another lexicon")
    later = ScreeningDesk(world.services)
    later.ensure_current()
    assert later.keeper.origin == "built"


def test_the_lexicon_is_part_of_the_keys_version(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    from accord.screening import snapshot

    shipped = snapshot.keys_version()
    real = resources.files

    class _Edited:
        def __init__(self, package: str) -> None:
            self._files = real(package)

        def joinpath(self, name: str) -> _Edited:
            self._name = name
            return self

        def read_bytes(self) -> bytes:
            return self._files.joinpath(self._name).read_bytes() + b"s -: Jlassi\n"

    monkeypatch.setattr(snapshot.resources, "files", _Edited)
    assert snapshot.keys_version() != shipped


def test_only_a_large_index_asks_for_huge_pages_once_loaded(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import accord.services.screening_index as keeper_module
    from accord.services.huge_pages import Advised

    asked: list[int] = []

    def advise() -> Advised:
        asked.append(1)
        return Advised(1, 4096, 0, 0.0)

    monkeypatch.setattr(keeper_module, "advise_huge_pages", advise)
    small = ScreeningDesk(world.services)
    small.ensure_current()
    assert small.keeper.huge_pages is None and not asked  # a few entries: not worth it
    monkeypatch.setattr(keeper_module, "HUGE_PAGES_FROM", 1)
    server = ScreeningDesk(world.services)
    server.ensure_current()
    assert server.keeper.origin == "snapshot"
    assert server.keeper.huge_pages == Advised(1, 4096, 0, 0.0)
    command = ScreeningDesk(world.services, analyse_ahead=False)  # one query: not worth it
    command.ensure_current()
    assert command.keeper.huge_pages is None
    assert len(asked) == 1
