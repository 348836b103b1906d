"""The services a command works with, opened once per command and closed after it."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager

from accord.errors import AccessDenied
from accord.policy import Principal
from accord.services import Services, open_services
from accord.store import AuditEntry

__all__ = ["acting_user", "cli_actor", "services"]


@contextmanager
def services() -> Iterator[Services]:
    opened = open_services()
    try:
        yield opened
    finally:
        opened.close()


def cli_actor() -> str:
    """Who runs an operator command on this machine (the audit names them)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def acting_user(svc: Services, username: str) -> Principal:
    """The Accord user a command reads on behalf of; unknown users get the same refusal."""
    user = svc.accounts.get(username)
    if user is None or user.disabled:
        svc.store.log(AuditEntry(cli_actor(), "", "refusal", "authentication",
                                 detail={"reason": "unknown or disabled user",
                                         "user": username[:64]}))  # fmt: skip
        raise AccessDenied(f"No active user {username!r}.", hint="`accord users list`.")
    return user
