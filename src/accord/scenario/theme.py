"""What the crime and integrity themes share: numbering, and writing persons, phones, vehicles,
calls and relations into a police authority's datasets with their envelopes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from accord.scenario import documents
from accord.scenario.catalogue import POLICE_AUTHORITIES, convention
from accord.scenario.conventions import CONVENTIONS
from accord.scenario.names_foreign import POOL_OF_COUNTRY
from accord.scenario.noise import date_text
from accord.scenario.persons import TruePerson, country_code, new_person, person_fields
from accord.scenario.places import CITIES
from accord.scenario.sink import Sink

__all__ = ["Theme"]

_RESIDENT_POOLS = {
    "RS": "sr",
    "BA": "bs",
    "ME": "me",
    "MK": "mk",
    "AL": "al",
    "XK": "xk",
    "HR": "hr",
    "GB": "en",
    "NL": "nl",
    "BE": "nl",
    "HU": "hr",
}


class Theme:
    """Numbering and record writing for one theme (smuggling, cocaine, finance...)."""

    def __init__(self, sink: Sink, rng: random.Random, code: str, offset: int) -> None:
        self.sink = sink
        self.rng = rng
        self.code = code
        self._next_person = 2 * 10**9 + offset
        self._next_entity = 3 * 10**9 + offset
        self._keys: dict[tuple[str, str], str] = {}
        self._linked: dict[tuple[str, str], str] = {}
        #: Markers of records already written (for records that must be written only once).
        self.done: set[tuple[str, ...]] = set()

    # -- numbering -------------------------------------------------------------------------
    def entity_number(self) -> int:
        self._next_entity += 1
        return self._next_entity

    def entity_uid(self, number: int) -> str:
        return f"E-{self.code}-{number - 3 * 10**9:08d}"

    def linked_uid(self, owner_uid: str, what: str) -> str:
        """The uid of the ``what`` (an account...) belonging to ``owner_uid``, made once."""
        found = self._linked.get((owner_uid, what))
        if found is None:
            found = self.entity_uid(self.entity_number())
            self._linked[(owner_uid, what)] = found
        return found

    def person(
        self,
        nationality: str,
        *,
        home: str | None = None,
        sex: str | None = None,
        born: tuple[int, int] = (1965, 2000),
        pool_id: str | None = None,
    ) -> TruePerson:
        """A new person of the theme; ``home`` gives residents their national numbers."""
        self._next_person += 1
        number = self._next_person
        rng = self.rng
        sex = sex or ("M" if rng.random() < 0.85 else "F")
        birth = date(rng.randint(*born), 1, 1) + timedelta(days=rng.randrange(365))
        residence = nationality if home is None else home
        return new_person(
            rng,
            f"P-{self.code}-{number - 2 * 10**9:08d}",
            number,
            nationality,
            pool_id or POOL_OF_COUNTRY.get(nationality) or _RESIDENT_POOLS[nationality],
            sex,
            birth,
            home=residence if residence in _RESIDENT_POOLS else "",
            phone_share=1.0,
            birth_place=rng.choice(CITIES[residence]) if residence in CITIES else None,
        )

    # -- police records --------------------------------------------------------------------
    def police_person(
        self,
        participant: str,
        person: TruePerson,
        *,
        category: str,
        purpose: str,
        legal_basis: str = "AGR-WB-SOC-2025",
        alert: str = "",
        reliability: str = "B",
        accuracy: str = "2",
        nature: str = "fact",
        notes: str = "",
        dataset: str = "police_persons",
    ) -> str:
        """The person's row in ``participant``'s police persons file (written once)."""
        dataset_id = f"{participant}/{dataset}"
        found = self._keys.get((dataset_id, person.uid))
        if found:
            return found
        authority = POLICE_AUTHORITIES.get(participant) or dataset_authority(self.sink, dataset_id)
        row = person_fields(self.rng, person, convention(authority))
        row.update(
            key=self.sink.key(dataset_id, person.num),
            subject_category=category,
            purpose=purpose,
            legal_basis=legal_basis,
            alert=alert,
            source_reliability=reliability,
            information_accuracy=accuracy,
            nature=nature,
            notes=notes,
        )
        if alert == "wanted":
            row["handling"], row["handling_note"] = "H0,H2", ""
        key = self.sink.person(dataset_id, row, person.uid)
        self._keys[(dataset_id, person.uid)] = key
        return key

    def relation(self, participant: str, kind: str, row: dict[str, str], purpose: str) -> str:
        """A relation row (call, associate, payment...) in a police dataset."""
        dataset_id = f"{participant}/{kind}"
        row.setdefault("key", self.sink.key(dataset_id, self.entity_number()))
        row["purpose"] = purpose
        return self.sink.add(dataset_id, row)

    def entity(
        self, participant: str, kind: str, row: dict[str, str], uid: str, entity_kind: str
    ) -> str:
        """A non-person entity (company, vehicle, address...), written once per dataset."""
        dataset_id = f"{participant}/{kind}"
        found = self._keys.get((dataset_id, uid))
        if found:
            return found
        number = int(uid.rsplit("-", 1)[1]) + 3 * 10**9
        row = dict(row, key=self.sink.key(dataset_id, number))
        key = self.sink.entity(dataset_id, row, uid, entity_kind)
        self._keys[(dataset_id, uid)] = key
        return key

    def date_of(self, participant: str, day: date) -> str:
        """``day`` in the participant's date style."""
        style = CONVENTIONS[participant].date_style
        return date_text(day, "dmy_dot" if style == "dmy_dot_mixed" else style)

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randrange(max(1, (end - start).days)))

    def call(
        self,
        participant: str,
        caller: tuple[str, str],
        receiver: tuple[str, str],
        day: date,
        purpose: str,
    ) -> str:
        """A call between two persons ((key, number) each) of a police file."""
        return self.relation(
            participant,
            "calls",
            {
                "caller_ref": caller[0],
                "receiver_ref": receiver[0],
                "caller_number": caller[1],
                "receiver_number": receiver[1],
                "date": self.date_of(participant, day),
                "duration": str(self.rng.randint(8, 900)),
            },
            purpose,
        )

    def country(self, participant: str, country: str) -> str:
        """A country code as ``participant`` writes it (alpha-3, or alpha-2 for agencies)."""
        return country_code(country, CONVENTIONS[participant])

    def phone(self, country: str) -> str:
        return documents.mobile_phone(self.rng, country)


def dataset_authority(sink: Sink, dataset_id: str) -> str:
    return sink.spec(dataset_id).authority
