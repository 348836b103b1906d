"""Screening: hit references, daily query usage, step-2 requests.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening_hits",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("originator_participant", sa.String(16), nullable=False),
        sa.Column("originator_authority", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("band", sa.String(16), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_screening_hits_record_id", "screening_hits", ["record_id"])
    op.create_table(
        "screening_usage",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("queries", sa.Integer, nullable=False),
    )
    op.create_table(
        "step2_requests",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("hit_id", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("requester", sa.String(64), nullable=False),
        sa.Column("requester_authority", sa.String(32), nullable=False),
        sa.Column("requester_participant", sa.String(16), nullable=False),
        sa.Column("originator_authority", sa.String(32), nullable=False),
        sa.Column("originator_participant", sa.String(16), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("justification", sa.Text, nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("deadline", sa.String(32), nullable=False),
        sa.Column("decided_at", sa.String(32)),
        sa.Column("decided_by", sa.String(64)),
        sa.Column("reason", sa.Text),
        sa.Column("legal_basis", sa.String(64)),
    )
    op.create_index("ix_step2_requests_hit_id", "step2_requests", ["hit_id"])
    op.create_index("ix_step2_inbox", "step2_requests", ["originator_authority", "status"])


def downgrade() -> None:
    op.drop_table("step2_requests")
    op.drop_table("screening_usage")
    op.drop_index("ix_screening_hits_record_id", table_name="screening_hits")
    op.drop_table("screening_hits")
