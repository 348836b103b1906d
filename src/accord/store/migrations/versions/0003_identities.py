"""Identities: linkage clusters, their members with the evidence of each link, analysts'
judgements (confirm, split) and the runs that produced them.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identities",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("run_id", sa.String(40)),
        sa.Column("reviewed_at", sa.String(32)),
        sa.Column("reviewed_by", sa.String(64)),
    )
    op.create_table(
        "identity_members",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("identity_id", sa.String(40), nullable=False),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("linked_to", sa.String(64)),
        sa.Column("match_weight", sa.Float),
        sa.Column("match_probability", sa.Float),
        sa.Column("evidence", sa.Text),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("run_id", sa.String(40)),
        sa.Column("added_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_identity_members_identity_id", "identity_members", ["identity_id"])
    op.create_table(
        "identity_judgements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("act", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("identity_id", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("other_record_id", sa.String(64)),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_identity_judgements_act", "identity_judgements", ["act"])
    op.create_index("ix_identity_judgements_record_id", "identity_judgements", ["record_id"])
    op.create_table(
        "identity_runs",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("identities", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("parameters", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("identity_runs", "identity_judgements", "identity_members", "identities"):
        op.drop_table(name)
