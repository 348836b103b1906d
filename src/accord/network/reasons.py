"""Reasons in words, ready for translation: a code, a plain format string with named fields, and
the fields. Interfaces translate the template by its code and format it with the same fields
(``render``). Where a word depends on a count, the template gives both forms:
``{companies|company|companies}`` reads "company" when ``companies`` is 1.

Reasons are computed from the user's network only (which holds only what that user may see), so
their figures never count records the user cannot see.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["TEMPLATES", "Reason", "reason", "render"]

_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")

# The English templates, by code. Fields are named so that a translation can reorder them.
TEMPLATES: Mapping[str, str] = MappingProxyType(
    {
        "controls_companies": "controls {companies:,} {companies|company|companies} paying "
        "{recipients:,} {recipients|recipient|recipients}",
        "controls_companies_only": "controls {companies:,} {companies|company|companies}",
        "pays_recipients": "pays {recipients:,} {recipients|recipient|recipients} through "
        "{accounts:,} {accounts|account|accounts}",
        "money_out": "{amount:,.0f} EUR paid out in {payments:,} {payments|payment|payments}",
        "collects": "collects from {payers:,} payers: {amount:,.0f} EUR paid in",
        "broker": "broker between {groups:,} groups",
        "pagerank": "among the top {percent}% by PageRank (ties to well-connected nodes)",
        "betweenness": "among the top {percent}% on shortest paths between others",
        "contacts": "{contacts:,} direct {contacts|contact|contacts}",
        "trace": "{hops:,} {hops|payment|payments} in time order: {amount:,.0f} EUR set out, "
        "at most {carried:,.0f} EUR could have gone all the way",
        "trace_in": "{hops:,} {hops|payment|payments} in time order: {amount:,.0f} EUR arrived, "
        "at most {carried:,.0f} EUR could have come all the way",
        "circular_flow": "money went round {hops:,} accounts and came back: {amount:,.0f} EUR "
        "between {first} and {last}",
        "fan_in": "{senders:,} senders paid {amount:,.0f} EUR into one node within {days} days",
        "fan_out": "one node paid {amount:,.0f} EUR out to {recipients:,} recipients within "
        "{days} days",
        "structuring": "{payments:,} payments of {amount:,.0f} EUR in total, each just under the "
        "{threshold:,.0f} EUR reporting threshold, within {days} days",
    }
)


@dataclass(frozen=True)
class Reason:
    """One reason: ``text`` is ``TEMPLATES[code]`` formatted with ``fields``."""

    code: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return TEMPLATES[self.code]

    @property
    def text(self) -> str:
        return render(self.template, self.fields)

    def __str__(self) -> str:
        return self.text

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "template": self.template, "fields": dict(self.fields),
                "text": self.text}  # fmt: skip


def render(template: str, fields: Mapping[str, Any]) -> str:
    """``template`` with ``{name|one|other}`` resolved by whether ``fields[name]`` is 1, then
    formatted with ``fields``; a translation gives both forms in its own words."""
    chosen = _PLURAL.sub(lambda m: m.group(2) if fields[m.group(1)] == 1 else m.group(3), template)
    return chosen.format(**fields)


def reason(code: str, **fields: Any) -> Reason:
    """A reason, its template checked now so that a wrong field fails where it is made."""
    made = Reason(code, MappingProxyType(dict(fields)))
    made.text  # noqa: B018  (formats once: a missing or misspelt field raises here)
    return made
