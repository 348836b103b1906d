"""Hit/no-hit screening of persons, documents, vehicles, firearms, phones, IBANs and wallets
against the records their originators flagged (Prüm-style step 1; step 2 is a release by the
originator, :mod:`accord.services.step2`).

* :class:`ScreeningIndex`: keyed identifier hashes and name keys, with an in-process scorer of
  trained Splink match weights (:mod:`.model`, :mod:`.levels`);
* :class:`IndexSource`: builds and refreshes the index from the store through the read gate;
* :func:`check_query`: what may be screened, and the clear refusals of what may not.
"""

from accord.screening.digests import Hasher, key_fingerprint
from accord.screening.entries import IndexEntry, entry_of
from accord.screening.identifiers import IdentifierKind, fold_identifier
from accord.screening.index import Candidate, ScreeningIndex
from accord.screening.model import MatchModel, default_model, load_model
from accord.screening.query import CheckedQuery, ScreenQuery, check_query
from accord.screening.reasons import identifier_reason, person_reasons
from accord.screening.source import INDEX_ACTOR, INDEX_PURPOSE, IndexSource, SyncReport

__all__ = [
    "INDEX_ACTOR",
    "INDEX_PURPOSE",
    "Candidate",
    "CheckedQuery",
    "Hasher",
    "IdentifierKind",
    "IndexEntry",
    "IndexSource",
    "MatchModel",
    "ScreenQuery",
    "ScreeningIndex",
    "SyncReport",
    "check_query",
    "default_model",
    "entry_of",
    "fold_identifier",
    "identifier_reason",
    "key_fingerprint",
    "load_model",
    "person_reasons",
]
