"""The pure access-control core: principals, agreements and the one decision function."""

from accord.policy.agreements import ANY_SCHEMA, Agreement, parse_agreement
from accord.policy.decide import ACTION_ROLES, Action, Decision, decide, screenable
from accord.policy.principals import Principal, Role, parse_roles, system_actor

__all__ = [
    "ACTION_ROLES",
    "ANY_SCHEMA",
    "Action",
    "Agreement",
    "Decision",
    "Principal",
    "Role",
    "decide",
    "parse_agreement",
    "parse_roles",
    "screenable",
    "system_actor",
]
