"""The relations a record states, as edges between the nodes a user sees.

Each relation record (ownership, directorship, family, associate, call, payment, ...) gives one
edge between the nodes of the records it refers to. A record it refers to that the user may not
see has no node, so the edge is left out: nothing of a withheld record reaches the network. Things
a record names in its own properties (a caller's number, a person's phone or address) are nodes
built from that record alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from accord.services.network_keys import address_key, phone_key
from accord.services.network_nodes import NodeBook
from accord.store.records import StoredRecord

__all__ = ["LINK_SCHEMATA", "Edge", "EdgeRules", "parse_time"]


class Edge(NamedTuple):
    source: str
    target: str
    kind: str
    weight: float
    amount: float | None
    time: datetime | None
    record_id: str | None


@dataclass(frozen=True)
class _Link:
    source: str
    target: str
    kind: str
    time: str = "startDate"


#: Relation schemata: (source property, target property, edge kind, time property).
_LINKS: dict[str, _Link] = {
    "Ownership": _Link("owner", "asset", "ownership"),
    "Directorship": _Link("director", "organization", "directorship"),
    "Family": _Link("person", "relative", "family"),
    "Associate": _Link("person", "associate", "association"),
    "Employment": _Link("employee", "employer", "employment"),
    "Membership": _Link("member", "organization", "association"),
    "Representation": _Link("agent", "client", "association"),
    "UnknownLink": _Link("subject", "object", "association"),
}

#: Properties of thing records that point at their holder: (property, edge kind), holder -> thing.
_HOLDERS: dict[str, tuple[tuple[str, str], ...]] = {
    "Vehicle": (("owner", "ownership"), ("operator", "uses")),
    "Vessel": (("owner", "ownership"), ("operator", "uses")),
    "CryptoWallet": (("holder", "holds"),),
    "Firearm": (("holder", "holds"),),
    "BankAccount": (("holder", "holds"),),
}

#: Every schema whose records give edges (beside the node schemata that carry holders).
LINK_SCHEMATA = frozenset({*_LINKS, "Call", "Message", "Payment", "Trip", "BorderCrossing"})


def parse_time(value: str | None) -> datetime | None:
    """A full date or date-time of a record; a partial date (a year, a month) gives None."""
    if not value or len(value) < 10:
        return None
    try:
        found = datetime.fromisoformat(value[:19])
    except ValueError:
        return None
    return found.replace(tzinfo=None)


def _first(record: StoredRecord, name: str) -> str | None:
    values = record.properties.get(name) or []
    return values[0] if values else None


def _amount_eur(record: StoredRecord) -> float | None:
    """The amount when it is in euro; other currencies are kept out rather than guessed."""
    currency = (_first(record, "currency") or "EUR").strip().upper()
    raw = _first(record, "amountEur") or (_first(record, "amount") if currency == "EUR" else None)
    try:
        value = float(str(raw).replace(",", "")) if raw else None
    except ValueError:
        return None
    return value if value is not None and value >= 0 else None


class EdgeRules:
    """Turns records into edges once :meth:`NodeBook.resolve` has fixed the node ids."""

    def __init__(self, book: NodeBook) -> None:
        self.book = book
        self.edges: list[Edge] = []

    def _add(
        self,
        source: str | None,
        target: str | None,
        kind: str,
        record: StoredRecord,
        *,
        weight: float = 1.0,
        amount: float | None = None,
        time: datetime | None = None,
    ) -> None:
        if source and target and source != target:
            self.edges.append(Edge(source, target, kind, weight, amount, time, record.id))

    def _ref(self, record: StoredRecord, name: str) -> str | None:
        value = _first(record, name)
        return None if value is None else self.book.node_of(value)

    def mentions(self, record: StoredRecord) -> None:
        """Register the phones and addresses a record names (before the nodes are resolved)."""
        for value in record.properties.get("phone") or []:
            self.book.mention(phone_key(value), "phone", value, record)
        for value in record.properties.get("address") or []:
            self.book.mention(address_key(value), "address", value, record)
        if record.schema == "Call":
            for name in ("callerNumber", "receiverNumber"):
                for value in record.properties.get(name) or []:
                    self.book.mention(phone_key(value), "phone", value, record)

    def node_edges(self, record: StoredRecord) -> None:
        """Edges of a node record: its phones, addresses and holders."""
        own = self.book.node_of(record.id)
        if own is None:
            return
        for value in record.properties.get("phone") or []:
            self._add(own, self.book.node_of_key(phone_key(value)), "uses", record)
        for value in record.properties.get("address") or []:
            self._add(own, self.book.node_of_key(address_key(value)), "address", record)
        for name, kind in _HOLDERS.get(record.schema, ()):
            self._add(self._ref(record, name), own, kind, record)

    def link_edges(self, record: StoredRecord) -> None:
        """Edges of a relation record (see :data:`LINK_SCHEMATA`)."""
        link = _LINKS.get(record.schema)
        if link is not None:
            source, target = self._ref(record, link.source), self._ref(record, link.target)
            kind = link.kind
            if kind == "association" and target and self.book.kind_of(target) == "address":
                kind = "address"  # a person tied to a place: a safe house, a pick-up point
            self._add(source, target, kind, record, time=parse_time(_first(record, link.time)))
        elif record.schema == "Call":
            self._call(record)
        elif record.schema == "Message":
            self._message(record)
        elif record.schema == "Payment":
            self._payment(record)
        elif record.schema == "Trip":
            self._trip(record)
        elif record.schema == "BorderCrossing":
            vehicle = self._ref(record, "vehicle")
            self._add(self._ref(record, "person"), vehicle, "uses", record)

    def _call(self, record: StoredRecord) -> None:
        when = parse_time(_first(record, "date") or _first(record, "startDate"))
        ends = []
        for party, number in (("caller", "callerNumber"), ("receiver", "receiverNumber")):
            person = self._ref(record, party)
            phone = self.book.node_of_key(phone_key(_first(record, number) or ""))
            self._add(person, phone, "uses", record, time=when)
            ends.append(person or phone)
        self._add(ends[0], ends[1], "call", record, time=when)

    def _message(self, record: StoredRecord) -> None:
        when = parse_time(_first(record, "date") or _first(record, "startDate"))
        sender = self._ref(record, "sender")
        for value in record.properties.get("recipients") or []:
            self._add(sender, self.book.node_of(value), "message", record, time=when)

    def _payment(self, record: StoredRecord) -> None:
        when = parse_time(_first(record, "date") or _first(record, "startDate"))
        payer, payee = self._ref(record, "payer"), self._ref(record, "beneficiary")
        payer_account = self._ref(record, "payerAccount")
        payee_account = self._ref(record, "beneficiaryAccount")
        self._add(payer, payer_account, "holds", record, time=when)
        self._add(payee, payee_account, "holds", record, time=when)
        source, target = payer or payer_account, payee or payee_account
        if source == target and payee_account:
            target = payee_account  # a deposit into one's own account moves money into it
        self._add(source, target, "payment", record, amount=_amount_eur(record), time=when)

    def _trip(self, record: StoredRecord) -> None:
        shipment = self.book.node_of(record.id)
        when = parse_time(_first(record, "startDate"))
        self._add(self._ref(record, "organizer"), shipment, "shipper", record, time=when)
        self._add(shipment, self._ref(record, "involved"), "consignee", record, time=when)
        self._add(self._ref(record, "vehicle"), shipment, "carrier", record, time=when)
        self._add(shipment, self._ref(record, "startLocation"), "origin", record, time=when)
        self._add(shipment, self._ref(record, "endLocation"), "destination", record, time=when)
