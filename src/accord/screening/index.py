"""The screening index: flagged records by keyed identifier hashes and by name keys, and the
scoring of person candidates with the trained weights, all in-process.

A person query looks up its name keys (:mod:`.keys`), ranks the candidates by the query tokens
they match, the rarity of the keys they share and the weights of their date of birth,
nationality and sex (:mod:`.ranking`), and compares the names of the best of them, passing over
those whose best possible score (their other levels with the best name level) could not make
a hit; when the candidates are under several alerts (``wanted``, ``missing``...), each alert's
best keep an equal share of the comparisons, so that a missing child's alert is not passed
over for a crowd of wanted namesakes. It answers with the :data:`SCORED` best by their full
score, the closer name first among equal scores. The number of names compared
(:data:`NAME_COMPARED`) and of candidates answered are always the same: when fewer are found,
other entries make up the numbers (and are marked): the ranked namesakes that were not
compared, then random ones, so that the work, and the time, of a query hardly depends on what
the index holds. Identifiers are looked up by their keyed hashes
under every key in use.
"""

from __future__ import annotations

import hashlib
import heapq
import random
import secrets
import threading
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import numpy as np

from accord.model.envelope import Envelope
from accord.screening.alerts import one_name_of_a_missing_child, reserved_positions
from accord.screening.candidate import Candidate
from accord.screening.digests import Hasher
from accord.screening.entries import IndexEntry
from accord.screening.gathering import key_postings
from accord.screening.identifiers import Folded, IdentifierKind, fold_identifier
from accord.screening.keys import entry_keys, key_code
from accord.screening.levels import dob_level, document_level, exact_level, name_level
from accord.screening.model import MatchModel
from accord.screening.postings import Postings
from accord.screening.query import CheckedQuery
from accord.screening.ranking import Columns, KeyPostings, Ranked, rank_candidates

__all__ = ["SCORED", "Candidate", "ScreeningIndex", "key_code"]

#: How many person candidates each query answers with (real ones first, random ones to make
#: up): the policy check runs on every one of them, whatever the index holds.
SCORED = 24
#: How many names each query compares (the best candidates first, random ones to make up).
NAME_COMPARED = 24
#: How many candidates are ranked by the estimate of their score before names are compared.
POOL = 200
#: How many of the names compared are kept for the best candidates under each alert, when
#: the candidates are under several (a missing-person alert among thousands flagged
#: ``wanted``): an equal share of :data:`NAME_COMPARED`, at most this many.
RESERVED = NAME_COMPARED // 2
#: Name levels that can make a person hit (with the other levels' weights above the bands).
HIT_NAME_LEVELS = frozenset({"same", "close", "weak"})
_DECOY_TRIES = 8


class _KeyTable:
    """Identifier digests under one key."""

    def __init__(self, hasher: Hasher) -> None:
        self.hasher = hasher
        self.postings = Postings()
        self.ready = False


class ScreeningIndex:
    """Entries of flagged records; thread-safe for one writer and many readers."""

    def __init__(self, model: MatchModel, hasher: Hasher, seed: int | None = None) -> None:
        self.model = model
        self._entries: list[IndexEntry | None] = []
        self._by_record: dict[str, int] = {}
        self._names = Postings()
        self._persons: list[int] = []
        self._columns = Columns()
        self._envelopes: dict[Envelope, Envelope] = {}
        table = _KeyTable(hasher)
        table.ready = True
        self._tables: list[_KeyTable] = [table]
        self._lock = threading.RLock()
        self._random = random.Random(seed)
        # document numbers compared by the scorer are kept as hashes under a key of this index
        self._document_key = secrets.token_bytes(32)
        self.dead = 0

    def document_keys(self, numbers: Iterable[str]) -> frozenset[int]:
        """Keyed hashes of document numbers (strictly folded) for the document comparison."""
        found = set()
        for number in numbers:
            folded = fold_identifier(IdentifierKind.DOCUMENT, number)
            if folded is not None:
                digest = hashlib.blake2b(
                    folded.strict.encode(), key=self._document_key, digest_size=8
                ).digest()
                found.add(int.from_bytes(digest, "big"))
        return frozenset(found)

    # -- contents ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_record)

    @property
    def key_fingerprints(self) -> list[str]:
        return [t.hasher.fingerprint for t in self._tables if t.ready]

    def record_ids(self) -> list[str]:
        return list(self._by_record)

    def names(self) -> list[str]:
        """The distinct names of the entries, each once."""
        found = (name for entry in self._entries if entry is not None for name in entry.names)
        return list(dict.fromkeys(found))

    def version(self, record_id: str) -> str | None:
        number = self._by_record.get(record_id)
        entry = self._entries[number] if number is not None else None
        return entry.version if entry else None

    def entry(self, number: int) -> IndexEntry | None:
        return self._entries[number]

    def entry_for(self, record_id: str) -> IndexEntry | None:
        number = self._by_record.get(record_id)
        return self._entries[number] if number is not None else None

    def kinds(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for number in self._by_record.values():
            entry = self._entries[number]
            if entry is not None:
                counts[entry.kind] = counts.get(entry.kind, 0) + 1
        return counts

    def add(self, entry: IndexEntry) -> None:
        """Index an entry (replacing the record's earlier entry)."""
        with self._lock:
            self.remove(entry.record_id)
            number = len(self._entries)
            documents = self.document_keys(
                value for kind, value in entry.identifiers if kind is IdentifierKind.DOCUMENT
            )
            # one envelope object per distinct envelope: less memory, a smaller snapshot
            envelope = self._envelopes.setdefault(entry.envelope, entry.envelope)
            self._entries.append(
                replace(entry, envelope=envelope, identifiers=(), document_keys=documents)
            )
            self._by_record[entry.record_id] = number
            if entry.names:
                for key in entry_keys(entry.names, entry.birth.year):
                    self._names.add(key_code(key), number)
                self._persons.append(number)
                self._columns.set(number, entry)
            for table in self._tables:
                self._add_identifiers(table, number, entry.identifiers)

    def _add_identifiers(
        self, table: _KeyTable, number: int, identifiers: Iterable[tuple[IdentifierKind, str]]
    ) -> None:
        country = None
        for kind, value in identifiers:
            folded = fold_identifier(kind, value, country=country)
            if folded is None:
                continue
            table.postings.add(table.hasher.digest(f"{kind}:s", folded.strict), number)
            table.postings.add(
                table.hasher.digest(f"{kind}:l", folded.loose or folded.strict), number
            )

    def remove(self, record_id: str) -> bool:
        with self._lock:
            number = self._by_record.pop(record_id, None)
            if number is None:
                return False
            self._entries[number] = None
            self._columns.kill(number)
            self.dead += 1
            return True

    # -- persistence (see :mod:`.snapshot`) ------------------------------------------------

    def state(self) -> dict[str, Any]:
        """What a snapshot keeps: entries, postings and the tables of every ready key."""
        with self._lock:
            return {
                "entries": list(self._entries),
                "names": self._names,
                "persons": list(self._persons),
                "columns": self._columns,
                "tables": [(t.hasher.fingerprint, t.postings) for t in self._tables if t.ready],
                "document_key": self._document_key,
                "dead": self.dead,
            }

    @classmethod
    def from_state(
        cls, model: MatchModel, hashers: Iterable[Hasher], state: dict[str, Any]
    ) -> ScreeningIndex:
        """An index from a snapshot's state; ``hashers`` are the keys that may read it (a
        table under any other key is dropped)."""
        by_fingerprint = {h.fingerprint: h for h in hashers}
        tables = []
        for fingerprint, postings in state["tables"]:
            hasher = by_fingerprint.get(fingerprint)
            if hasher is not None:
                table = _KeyTable(hasher)
                table.postings = postings
                table.ready = True
                tables.append(table)
        if not tables:
            raise ValueError("The snapshot holds no identifier table under a key in use.")
        index = cls(model, tables[0].hasher)
        index._tables = tables
        index._entries = state["entries"]
        index._by_record = {
            entry.record_id: number
            for number, entry in enumerate(index._entries)
            if entry is not None
        }
        index._names = state["names"]
        index._persons = state["persons"]
        index._columns = state["columns"]
        index._document_key = state["document_key"]
        index.dead = state["dead"]
        return index

    # -- key rotation -----------------------------------------------------------------------

    def start_rotation(self, hasher: Hasher) -> None:
        """Begin indexing under a new key; queries keep being answered under the old ones."""
        with self._lock:
            if any(t.hasher.fingerprint == hasher.fingerprint for t in self._tables):
                return
            self._tables.append(_KeyTable(hasher))

    def rehash(self, entries: Iterable[IndexEntry]) -> None:
        """Add the identifiers of re-read entries to the tables still being built."""
        for entry in entries:
            with self._lock:
                number = self._by_record.get(entry.record_id)
                if number is None:
                    continue
                for table in self._tables:
                    if not table.ready:
                        self._add_identifiers(table, number, entry.identifiers)

    def finish_rotation(self) -> None:
        """The new key's table is complete: answer under it alone from now on."""
        with self._lock:
            fresh = [t for t in self._tables if not t.ready]
            if not fresh:
                return
            for table in fresh:
                table.ready = True
            self._tables = fresh

    # -- queries ----------------------------------------------------------------------------

    def search(self, query: CheckedQuery) -> list[Candidate]:
        """Every candidate scored for the query (decoys included, marked), bands set."""
        found: dict[int, Candidate] = {}
        if query.person:
            for candidate in self._person_candidates(query):
                found[candidate.entry] = candidate
        for folded in query.identifiers:
            self._identifier_candidates(folded, found)
        for candidate in found.values():
            self._band(candidate, query)
        return list(found.values())

    def _identifier_candidates(self, folded: Folded, found: dict[int, Candidate]) -> None:
        tables = [t for t in self._tables if t.ready]
        strict: set[int] = set()
        loose: set[int] = set()
        for table in tables:
            strict.update(
                table.postings.get(table.hasher.digest(f"{folded.kind}:s", folded.strict))
            )
            loose.update(
                table.postings.get(
                    table.hasher.digest(f"{folded.kind}:l", folded.loose or folded.strict)
                )
            )
        for number in strict | loose:
            entry = self._entries[number]
            if entry is None:
                continue
            candidate = found.get(number)
            if candidate is None:
                candidate = found[number] = Candidate(number, entry.record_id)
            candidate.decoy = False
            candidate.identifiers.append((folded.kind, number not in strict))

    def _name_postings(self, query: CheckedQuery) -> tuple[KeyPostings, int]:
        """The postings of the query's name keys (:func:`.gathering.key_postings`), and the
        number of the query's tokens."""
        persons = max(len(self._persons), 1)
        return key_postings(self._names, persons, query.name, query.birth.year)

    def under_name_keys(self, query: CheckedQuery, record_id: str) -> bool:
        """Whether the record is under one of the name keys the query looks at (for telling a
        miss that shares no key with the query from one that was outranked)."""
        number = self._by_record.get(record_id)
        if number is None or not query.person:
            return False
        postings, _ = self._name_postings(query)
        return bool((postings.numbers == number).any())

    def _partial(
        self, query: CheckedQuery, entry: IndexEntry, documents: frozenset[int]
    ) -> dict[str, str | None]:
        return {
            "dob": dob_level(query.birth, entry.birth),
            "document": document_level(documents, entry.document_keys),
            "nationality": exact_level(query.nationality, entry.nationality),
            "sex": exact_level(query.sex, entry.sex),
        }

    def _person_candidates(self, query: CheckedQuery) -> list[Candidate]:
        """The :data:`SCORED` best person candidates by their full score (real ones first,
        decoys after), after exactly :data:`NAME_COMPARED` name comparisons."""
        model = self.model
        documents = self.document_keys(
            f.strict for f in query.identifiers if f.kind is IdentifierKind.DOCUMENT
        )
        postings, tokens = self._name_postings(query)
        ranked = rank_candidates(
            self._columns,
            model,
            postings,
            tokens,
            query.birth,
            query.nationality,
            query.sex,
            POOL,
            RESERVED,
        )
        real = self._score_ranked(query, ranked, documents)
        # best first; among equal scores the closer name, then the better estimate
        real.sort(key=lambda c: (-c.score, -c.name_score))
        chosen = real[:SCORED]
        # make up the number of candidates answered and of names compared with other entries
        # (see _decoys), so that a query's work hardly depends on what the index holds
        missing, uncompared = SCORED - len(chosen), NAME_COMPARED - len(real)
        taken = {c.entry for c in real}
        pool = ranked.numbers.tolist() if uncompared > 0 else []
        decoys = self._decoys(query, documents, max(missing, uncompared, 0), taken, pool)
        for rank, (number, levels, _) in enumerate(decoys):
            if rank < uncompared:
                decoy = self._named(query, number, levels, decoy=True)
            else:
                decoy = Candidate(number, self._record_id(number), levels, decoy=True)
            if rank < missing:
                chosen.append(decoy)
        return chosen

    def _record_id(self, number: int) -> str:
        entry = self._entries[number]
        return entry.record_id if entry is not None else ""

    def _score_ranked(
        self, query: CheckedQuery, ranked: Ranked, documents: frozenset[int]
    ) -> list[Candidate]:
        """Name-score the ranked entries, best estimate first, skipping those whose best
        possible score (their other levels with the best name level) can reach neither the
        review band nor the :data:`SCORED` best found so far; at most :data:`NAME_COMPARED`
        comparisons, of which, when the candidates are under several alerts, each alert's
        best keep their share (:func:`.alerts.reserved_positions`)."""
        model = self.model
        best_name = model.weight("name", "same")
        # a document in common is found by the identifier tables; for the bound, any entry
        # might hold one when the query gives a number
        best_document = model.weight("document", "exact") if documents else 0.0
        upper = ranked.levels + (best_name + best_document)
        # those that cannot reach the review band whatever their name are passed over at once
        reachable = np.flatnonzero(upper >= model.review)
        numbers = ranked.numbers[reachable].tolist()
        kept = reserved_positions(ranked.alerts[reachable], NAME_COMPARED, RESERVED)
        found: list[Candidate] = []
        top: list[float] = []  # the SCORED best scores of possible hits, a min-heap
        for at, bound in enumerate(upper[reachable].tolist()):
            if len(found) + len(kept) >= NAME_COMPARED:
                break
            if at in kept or (len(top) >= SCORED and bound <= top[0]):
                continue
            self._compare(query, numbers[at], documents, found, top)
        for at in sorted(kept):
            self._compare(query, numbers[at], documents, found, top)
        return found

    def _compare(
        self,
        query: CheckedQuery,
        number: int,
        documents: frozenset[int],
        found: list[Candidate],
        top: list[float],
    ) -> None:
        entry = self._entries[number]
        if entry is None:
            return  # removed while this query ran
        candidate = self._named(query, number, self._partial(query, entry, documents))
        found.append(candidate)
        if candidate.levels.get("name") in HIT_NAME_LEVELS:
            if len(top) < SCORED:
                heapq.heappush(top, candidate.score)
            elif candidate.score > top[0]:
                heapq.heapreplace(top, candidate.score)

    def _named(
        self, query: CheckedQuery, number: int, levels: dict[str, str | None], decoy: bool = False
    ) -> Candidate:
        """A candidate with its name level (the best of its names) and its score."""
        entry = self._entries[number]
        best, best_score = None, -1.0
        for name in entry.names if entry is not None else ():  # None: removed meanwhile
            level, score = name_level(query.name, name)
            if score > best_score:
                best, best_score = level, score
        candidate = Candidate(
            number, self._record_id(number), {"name": best, **levels}, decoy=decoy
        )
        candidate.name_score = max(best_score, 0.0)
        candidate.score = self.model.score(candidate.levels)
        return candidate

    def _decoys(
        self,
        query: CheckedQuery,
        documents: frozenset[int],
        wanted: int,
        taken: set[int],
        pool: list[int],
    ) -> list[tuple[int, dict[str, str | None], bool]]:
        """``wanted`` entries not ``taken``: first those of the ranked ``pool`` (namesakes
        whose other levels keep them out of the bands, so that comparing their names costs
        what comparing a candidate's does, where a random name is mostly new token pairs
        and costs about twice as much), then random persons."""
        decoys: list[tuple[int, dict[str, str | None], bool]] = []
        for number in pool:
            if len(decoys) >= wanted:
                return decoys
            self._decoy(query, documents, number, taken, decoys)
        persons = self._persons
        if not persons:
            return decoys
        for _ in range(wanted * _DECOY_TRIES):
            if len(decoys) >= wanted:
                break
            number = persons[self._random.randrange(len(persons))]
            self._decoy(query, documents, number, taken, decoys)
        return decoys

    def _decoy(
        self,
        query: CheckedQuery,
        documents: frozenset[int],
        number: int,
        taken: set[int],
        decoys: list[tuple[int, dict[str, str | None], bool]],
    ) -> None:
        entry = self._entries[number]
        if entry is None or number in taken:
            return
        taken.add(number)
        decoys.append((number, self._partial(query, entry, documents), True))

    def _band(self, candidate: Candidate, query: CheckedQuery) -> None:
        if candidate.decoy:
            candidate.band = None
            return
        bands = []
        if candidate.levels:
            person_band = self.model.band(candidate.score)
            # a name that is not even partly similar never makes a hit by its person score
            if candidate.levels.get("name") in HIT_NAME_LEVELS and person_band:
                bands.append(person_band)
        for _, loose in candidate.identifiers:
            bands.append("review" if loose else "high")
        # only a date of birth that agrees in full can make a missing child's alert hit alone
        exact = not bands and candidate.levels.get("dob") == "exact"
        entry = self._entries[candidate.entry] if exact else None
        if entry is not None and one_name_of_a_missing_child(candidate.levels, entry, query.name):
            candidate.one_name = True
            bands.append("review")
        candidate.band = "high" if "high" in bands else ("review" if bands else None)
