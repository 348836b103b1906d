"""The pure access-control core: principals, agreements and the one decision function."""

from accord.policy.agreements import ANY_SCHEMA, Agreement, parse_agreement
from accord.policy.decide import (
    ACTION_ROLES,
    Action,
    Decision,
    combined_handling,
    decide,
    screenable,
)
from accord.policy.principals import Principal, Role, parse_roles, system_actor
from accord.policy.suppression import DEFAULT_THRESHOLD, suppress

__all__ = [
    "ACTION_ROLES",
    "ANY_SCHEMA",
    "DEFAULT_THRESHOLD",
    "Action",
    "Agreement",
    "Decision",
    "Principal",
    "Role",
    "combined_handling",
    "decide",
    "parse_agreement",
    "parse_roles",
    "screenable",
    "suppress",
    "system_actor",
]
