"""Users and API tokens. Passwords and tokens are stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from accord.errors import AccessDenied, InputError
from accord.model.reference import get_authority
from accord.policy import Principal, parse_roles
from accord.store.audit import AuditEntry, now_iso
from accord.store.base import Store
from accord.store.tables import tokens, users

__all__ = ["Accounts", "token_hash"]

TOKEN_PREFIX = "acc_"  # noqa: S105 (a prefix, not a secret)


def token_hash(token: str) -> str:
    """Tokens are 256-bit random strings, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _principal(row: Any) -> Principal:
    return Principal(
        username=row.username,
        participant=row.participant,
        authority=row.authority,
        roles=parse_roles(row.roles),
        disabled=bool(row.disabled),
    )


class Accounts:
    def __init__(self, store: Store) -> None:
        self.store = store
        #: Bumped after every committed revocation or change of an account's state, so that
        #: whoever keeps verified tokens in memory knows to drop them.
        self.generation = 0

    def add_user(
        self,
        username: str,
        authority: str,
        roles: str,
        *,
        display_name: str = "",
        password_hash: str | None = None,
        actor: str = "admin",
    ) -> Principal:
        username = username.strip().lower()
        if (
            not username
            or len(username) > 64
            or not username.replace(".", "").replace("-", "").replace("_", "").isalnum()
        ):
            raise InputError(
                f"User name {username!r} is not usable.",
                hint="Use 1-64 letters, digits, '.', '-' or '_'.",
            )
        found = get_authority(authority)
        parsed = parse_roles(roles)
        row = {
            "username": username,
            "display_name": display_name or username,
            "participant": found.participant,
            "authority": found.id,
            "roles": ",".join(sorted(r.value for r in parsed)),
            "password_hash": password_hash,
            "disabled": False,
            "failed_logins": 0,
            "created_at": now_iso(),
        }
        try:
            with self.store.write() as conn:
                conn.execute(insert(users).values(**row))
                self.store.audit.append(
                    conn,
                    [
                        AuditEntry(
                            actor,
                            found.id,
                            "account-created",
                            "administration",
                            [username],
                            detail={"roles": row["roles"]},
                        )
                    ],
                )
        except IntegrityError as exc:
            raise InputError(f"User {username!r} exists already.") from exc
        return Principal(username, found.participant, found.id, parsed)

    def get(self, username: str) -> Principal | None:
        with self.store.read() as conn:
            row = conn.execute(select(users).where(users.c.username == username.lower())).first()
        return None if row is None else _principal(row)

    def row(self, username: str) -> dict[str, Any] | None:
        with self.store.read() as conn:
            row = conn.execute(select(users).where(users.c.username == username.lower()))
            found = row.mappings().first()
        return None if found is None else dict(found)

    def list(self) -> list[dict[str, Any]]:
        query = select(
            users.c.username,
            users.c.display_name,
            users.c.participant,
            users.c.authority,
            users.c.roles,
            users.c.disabled,
        ).order_by(users.c.username)
        with self.store.read() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def set_disabled(self, username: str, disabled: bool, actor: str = "admin") -> None:
        with self.store.write() as conn:
            done = conn.execute(
                update(users).where(users.c.username == username.lower()).values(disabled=disabled)
            )
            if done.rowcount == 0:
                raise InputError(f"No user {username!r}.", hint="`accord users list`.")
            action = "account-disabled" if disabled else "account-enabled"
            self.store.audit.append(
                conn, [AuditEntry(actor, "", action, "administration", [username.lower()])]
            )
        self.generation += 1

    def record_login(self, username: str, ok: bool, lock_after: int = 5) -> None:
        """Count failed log-ins; lock the account for 15 minutes after ``lock_after``."""
        with self.store.write() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
            if row is None:
                return
            if ok:
                values: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
            else:
                failures = int(row.failed_logins) + 1
                values = {"failed_logins": failures}
                if failures >= lock_after:
                    until = datetime.now(UTC) + timedelta(minutes=15)
                    values["locked_until"] = until.isoformat()
            conn.execute(update(users).where(users.c.username == username).values(**values))

    # -- tokens -----------------------------------------------------------------------------

    def issue_token(self, username: str, days: int = 30, actor: str = "admin") -> tuple[str, str]:
        """A new token for the user: returns (token id, token). The token is shown once."""
        principal = self.get(username)
        if principal is None:
            raise InputError(f"No user {username!r}.", hint="`accord users add` first.")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token_id = secrets.token_hex(8)
        expires = datetime.now(UTC) + timedelta(days=days)
        with self.store.write() as conn:
            conn.execute(
                insert(tokens).values(
                    id=token_id,
                    username=principal.username,
                    token_hash=token_hash(token),
                    created_at=now_iso(),
                    expires_at=expires.isoformat(),
                )
            )
            self.store.audit.append(
                conn,
                [
                    AuditEntry(
                        actor,
                        principal.authority,
                        "token-issued",
                        "administration",
                        [principal.username, token_id],
                    )
                ],
            )
        return token_id, token

    def revoke_token(self, token_id: str, actor: str = "admin") -> None:
        with self.store.write() as conn:
            done = conn.execute(
                update(tokens)
                .where(tokens.c.id == token_id, tokens.c.revoked_at.is_(None))
                .values(revoked_at=now_iso())
            )
            if done.rowcount == 0:
                raise InputError(f"No active token {token_id!r}.")
            self.store.audit.append(
                conn, [AuditEntry(actor, "", "token-revoked", "administration", [token_id])]
            )
        self.generation += 1

    def authenticate_token(self, token: str) -> Principal:
        """The user a token belongs to; refuses unknown, expired, revoked and disabled."""
        return self.verify_token(token)[0]

    def verify_token(self, token: str) -> tuple[Principal, datetime]:
        """As :meth:`authenticate_token`, with the moment the token expires."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            raise AccessDenied("The token is not valid.", hint="Ask for a new token.")
        with self.store.read() as conn:
            row = conn.execute(
                select(tokens).where(tokens.c.token_hash == token_hash(token))
            ).first()
            user = (
                None
                if row is None
                else conn.execute(select(users).where(users.c.username == row.username)).first()
            )
        if row is None or user is None:
            raise AccessDenied("The token is not valid.", hint="Ask for a new token.")
        if row.revoked_at is not None:
            raise AccessDenied("The token was revoked.", hint="Ask for a new token.")
        expires = datetime.fromisoformat(row.expires_at)
        if expires < datetime.now(UTC):
            raise AccessDenied("The token has expired.", hint="Ask for a new token.")
        if user.disabled:
            raise AccessDenied("The account is disabled.")
        return _principal(user), expires
