"""Imports every topic module so that its commands attach to the root app. One line a topic."""

# ruff: noqa: I001  (one line per topic, appended as topics arrive)

from accord.cli import names as _names  # noqa: F401
from accord.cli import ingest as _ingest  # noqa: F401
from accord.cli import admin as _admin  # noqa: F401
from accord.cli import audit as _audit  # noqa: F401
from accord.cli import demo as _demo  # noqa: F401
from accord.cli import scenario as _scenario  # noqa: F401
from accord.cli import serve as _serve  # noqa: F401
from accord.cli import stats as _stats  # noqa: F401
from accord.cli import backup as _backup  # noqa: F401
from accord.cli import subject as _subject  # noqa: F401
from accord.cli import screen as _screen  # noqa: F401
from accord.cli import screen_step2 as _screen_step2  # noqa: F401
from accord.cli import screen_eval as _screen_eval  # noqa: F401
from accord.cli import bench_api as _bench_api  # noqa: F401
from accord.cli import link as _link  # noqa: F401
from accord.cli import network as _network  # noqa: F401
from accord.cli import network_bench as _network_bench  # noqa: F401
