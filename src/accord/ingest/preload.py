"""What an ingest worker needs before its first chunk, loaded once in the fork server.

Importing this module imports the checking libraries (polars, FollowTheMoney, phonenumbers)
and loads the merged schemata, so that workers forked from the server start with all of it in
memory. It does nothing else: no polars work runs here, so the server starts no threads.
"""

from __future__ import annotations

from accord.ingest.builder import RowBuilder
from accord.ingest.mapping import load_mapping
from accord.model.schemata import get_model

__all__ = ["RowBuilder", "load_mapping"]

get_model()
