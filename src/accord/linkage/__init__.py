"""Batch linkage: records of several participants resolved into identities.

* :func:`link_records`: a link input (:mod:`accord.linkage.inputs`) into identities, every
  link with its evidence;
* :func:`link_store`: the stored Person records, read through the Gate as the system actor
  ``linkage``, linked and written back as identities (analysts' judgements respected);
* :func:`read_link_csv`: CSV link inputs, checked.

Splink (DuckDB backend) is used through :mod:`accord.linkage.splink_adapter` only.
"""

from accord.linkage.engine import Constraints, LinkOptions, LinkResult, link_records
from accord.linkage.inputs import INPUT_COLUMNS, OPTIONAL_COLUMNS, read_link_csv
from accord.linkage.store_job import StoreLinkReport, link_store

__all__ = [
    "INPUT_COLUMNS",
    "OPTIONAL_COLUMNS",
    "Constraints",
    "LinkOptions",
    "LinkResult",
    "StoreLinkReport",
    "link_records",
    "link_store",
    "read_link_csv",
]
