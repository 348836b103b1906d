"""A benchmark's scratch store leaves nothing behind in the user's own key directory."""

from __future__ import annotations

from accord.cli.bench_lab import open_lab
from accord.settings import Settings
from accord.store import AuditEntry, checkpoint_file


def test_the_scratch_store_keeps_its_checkpoints_and_keys_to_itself(accord_env: Settings) -> None:
    before = sorted(p.name for p in accord_env.key_file.parent.iterdir())
    lab = open_lab("bench-lab-test", seed=3, scale=100)
    try:
        lab.services.store.log(
            AuditEntry("bench", "RS-GP", "consultation", "border-management", ["r1"])
        )
        assert checkpoint_file(lab.settings).is_relative_to(lab.scratch)
        assert checkpoint_file(lab.settings).exists()
        assert lab.settings.key_file.read_bytes() == accord_env.key_file.read_bytes()
        assert lab.services.store.verify_audit().ok
    finally:
        lab.services.store.close()
        lab.close()
    assert sorted(p.name for p in accord_env.key_file.parent.iterdir()) == before
    assert not lab.scratch.exists()
