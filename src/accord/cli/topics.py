"""Which topic module holds each command, so that a command imports only what it needs.

``accord names compare`` has no use for the linkage engine, the web site or FtM's schemata, and
importing every topic costs seconds. :func:`load` imports the modules of the command a command
line names, and every module when it names none (``accord --help``) or one not listed here.
tests/cli/test_topics.py checks these tables against the commands the modules register: a new
command goes into one of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

__all__ = ["ALL", "GROUPED", "ROOT", "load", "load_all", "modules_for"]

#: Commands and command groups of the root: name -> module under accord.cli.
ROOT: dict[str, str] = {
    "names": "names",
    "ingest": "ingest", "batches": "ingest", "export": "ingest", "quarantine": "ingest",
    "participants": "admin", "authorities": "admin", "users": "admin", "tokens": "admin",
    "agreements": "admin",
    "audit": "audit", "retention": "audit",
    "demo": "demo",
    "scenario": "scenario",
    "serve": "serve",
    "stats": "stats",
    "backup": "backup", "restore": "backup",
    "subject": "subject",
    "screen": "screen",
    "step2": "screen_step2",
    "link": "link", "identity": "link",
    "network": "network",
}  # fmt: skip

#: Groups whose commands come from several modules: group -> command -> module.
GROUPED: dict[str, dict[str, str]] = {
    "eval": {"names": "names", "screen": "screen_eval", "link": "link", "network": "network"},
    "bench": {
        "names": "names", "ingest": "ingest", "policy": "audit", "scenario": "scenario",
        "screen": "screen_eval", "api": "bench_api", "link": "link", "network": "network_bench",
    },
}  # fmt: skip

#: Every topic module, in the order their commands are listed in the help.
ALL: tuple[str, ...] = tuple(
    dict.fromkeys(
        [*ROOT.values(), *(module for group in GROUPED.values() for module in group.values())]
    )
)


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The topic modules a command line needs (``argv`` without the program name)."""
    if not argv or argv[0] not in ROOT.keys() | GROUPED.keys():
        return ALL  # help, completion, or a mistyped command: list everything there is
    if argv[0] in GROUPED:
        group = GROUPED[argv[0]]
        if len(argv) > 1 and argv[1] in group:
            return (group[argv[1]],)
        return tuple(dict.fromkeys(group.values()))
    return (ROOT[argv[0]],)


def load(argv: Sequence[str]) -> None:
    """Import the topic modules of this command line; their commands attach to the root app."""
    for module in modules_for(argv):
        importlib.import_module(f"accord.cli.{module}")


def load_all() -> None:
    load(())
