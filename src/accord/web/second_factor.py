"""The second factor of web log-in: TOTP secrets in ``users.totp_secret``, codes checked once.

A wrong code counts as a failed log-in (the account locks after five, as for passwords); and
because a correct password resets that count, wrong codes are also counted here, across
password attempts, and five of them in a row lock the account for the lockout period.
"""

from __future__ import annotations

import threading

from sqlalchemy import update

from accord.policy import Principal
from accord.services import Services
from accord.store.audit import AuditEntry
from accord.store.tables import users
from accord.web.totp import matching_step

__all__ = ["MAX_CODE_FAILURES", "CodeChecker", "enrol", "stored_secret"]

MAX_CODE_FAILURES = 5


def stored_secret(services: Services, username: str) -> str | None:
    row = services.accounts.row(username)
    secret = row.get("totp_secret") if row else None
    return str(secret) if secret else None


def enrol(services: Services, user: Principal, secret: str) -> None:
    """Store the user's TOTP secret, once, with an audit entry (never the secret itself)."""
    with services.store.write() as conn:
        conn.execute(
            update(users)
            .where(users.c.username == user.username, users.c.totp_secret.is_(None))
            .values(totp_secret=secret)
        )
        services.store.audit.append(
            conn,
            [
                AuditEntry(
                    user.username,
                    user.authority,
                    "totp-enrolled",
                    "authentication",
                    [user.username],
                )
            ],
        )


class CodeChecker:
    """Checks codes: each time step is accepted once per user, wrong codes are counted."""

    def __init__(self) -> None:
        self._last_step: dict[str, int] = {}
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()

    def check(self, services: Services, username: str, secret: str, code: str, now: float) -> bool:
        step = matching_step(secret, code, now)
        with self._lock:
            if step is not None and step > self._last_step.get(username, -1):
                self._last_step[username] = step
                self._failures.pop(username, None)
                return True
            failures = self._failures.get(username, 0) + 1
            self._failures[username] = 0 if failures >= MAX_CODE_FAILURES else failures
        # lock_after=1 locks at once: this failure is the fifth wrong code in a row.
        lock_after = 1 if failures >= MAX_CODE_FAILURES else 5
        services.accounts.record_login(username, ok=False, lock_after=lock_after)
        return False
