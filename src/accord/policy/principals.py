"""Who acts: users of authorities with roles, and named system actors for jobs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from accord.errors import InputError

__all__ = ["Principal", "Role", "parse_roles", "system_actor"]


class Role(StrEnum):
    OFFICER = "officer"
    ANALYST = "analyst"
    APPROVER = "approver"
    DPO = "dpo"
    ADMIN = "admin"


def parse_roles(value: str) -> frozenset[Role]:
    roles: set[Role] = set()
    for item in value.replace(";", ",").split(","):
        item = item.strip().lower()
        if not item:
            continue
        try:
            roles.add(Role(item))
        except ValueError as exc:
            known = ", ".join(r.value for r in Role)
            raise InputError(f"Unknown role {item!r}.", hint=f"Use one of: {known}.") from exc
    if not roles:
        raise InputError("A user needs at least one role.")
    return frozenset(roles)


@dataclass(frozen=True, slots=True)
class Principal:
    """A user (or a system job) on whose behalf data is read."""

    username: str
    participant: str
    authority: str
    roles: frozenset[Role]
    system: bool = False
    disabled: bool = False

    @property
    def roles_text(self) -> str:
        return ",".join(sorted(role.value for role in self.roles))


def system_actor(job: str) -> Principal:
    """A named system actor for jobs that read across participants (linkage, graph, indexes).

    What a user later sees of such a job's results is cut again to that user's own view.
    """
    return Principal(
        username=f"system:{job}",
        participant="SYSTEM",
        authority="SYSTEM",
        roles=frozenset(),
        system=True,
    )
