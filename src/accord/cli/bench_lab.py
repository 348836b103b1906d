"""A scratch store beside a generated region: where the load benchmarks start.

The region is generated once per seed and scale and kept for the next run; the store is new
for each run and removed by :meth:`BenchLab.close`."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accord.services import Services
    from accord.settings import Settings

__all__ = ["BenchLab", "open_lab"]


@dataclass(frozen=True)
class BenchLab:
    """The settings and services of a scratch store, and the region it is to be loaded from."""

    settings: Settings
    services: Services
    region: Path
    scratch: Path

    def close(self) -> None:
        """Remove the scratch store (the region stays, for the next run)."""
        shutil.rmtree(self.scratch, ignore_errors=True)


def open_lab(folder: str, *, seed: int, scale: int) -> BenchLab:
    """A new embedded store under ``$ACCORD_DATA_DIR/folder``, beside the region of ``seed`` and
    ``scale`` there (generated on first use)."""
    from accord.scenario import generate
    from accord.services import Services
    from accord.settings import get_settings
    from accord.store import open_store

    settings = get_settings()
    home = settings.data_dir / folder
    region = home / f"region-{scale}"
    if not (region / "manifest.json").exists():
        generate(seed=seed, scale=scale, out=region, progress=False)
    scratch = Path(tempfile.mkdtemp(dir=home))
    # The scratch store keeps a copy of the keys (a served benchmark's server process reads the
    # same ones) so that its audit checkpoints are written beside it and removed with it.
    keys = scratch / "keys" / settings.key_file.name
    keys.parent.mkdir(mode=0o700)
    shutil.copy2(settings.key_file, keys)
    lab = dataclasses.replace(
        settings,
        database_url=f"sqlite:///{scratch / 'bench.db'}",
        data_dir=scratch,
        key_file=keys,
    )
    return BenchLab(lab, Services(settings=lab, store=open_store(lab)), region, scratch)
