"""The demo region: agreements, one user per role and participant, and a generated region."""

from __future__ import annotations

from dataclasses import dataclass

from accord.model.reference import authorities
from accord.services.auth import hash_password
from accord.services.context import Services

__all__ = ["DEMO_PARTICIPANTS", "DEMO_PASSWORD", "DemoUser", "create_demo_users"]

#: The demo's log-in password for every demo user. Demo data only: never use it elsewhere.
DEMO_PASSWORD = "accord-demo-2025"  # noqa: S105
DEMO_PARTICIPANTS = ("GB", "AL", "BA", "XK", "ME", "MK", "RS")
_ROLE_KINDS = {
    "officer": ("border", "police"),
    "analyst": ("ncp", "police"),
    "approver": ("ncp", "police"),
    "dpo": ("ncp", "police"),
}


@dataclass(frozen=True)
class DemoUser:
    username: str
    participant: str
    authority: str
    roles: str


def _authority_for(participant: str, kinds: tuple[str, ...]) -> str:
    own = [a for a in authorities().values() if a.participant == participant]
    for kind in kinds:
        for authority in own:
            if kind in authority.kinds:
                return authority.id
    return own[0].id


def create_demo_users(services: Services, actor: str) -> list[DemoUser]:
    """One user per role and participant (and one administrator); existing ones are kept."""
    password_hash = hash_password(DEMO_PASSWORD)
    wanted = [DemoUser("admin", "GB", "GB-NCA", "admin")]
    for participant in DEMO_PARTICIPANTS:
        for role, kinds in _ROLE_KINDS.items():
            authority = _authority_for(participant, kinds)
            wanted.append(DemoUser(f"{participant.lower()}.{role}", participant, authority, role))
    for user in wanted:
        if services.accounts.get(user.username) is None:
            services.accounts.add_user(
                user.username, user.authority, user.roles,
                display_name=f"{user.participant} {user.roles} (demo)",
                password_hash=password_hash, actor=actor,
            )  # fmt: skip
    return wanted
