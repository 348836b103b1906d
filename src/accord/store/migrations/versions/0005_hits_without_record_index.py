"""Screening hits: no index on the record a hit points to.

Nothing looks hit references up by record (step 2 finds a hit by its reference; who consulted
a record is answered from the audit chain, whose entries name the records). The index cost
every answered hit a write to a page of its own, at random, in the transaction that answers it.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_screening_hits_record_id", table_name="screening_hits")


def downgrade() -> None:
    op.create_index("ix_screening_hits_record_id", "screening_hits", ["record_id"])
