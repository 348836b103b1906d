"""Cases and messages between authorities: cases, their parties, messages and deliveries.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("legal_basis", sa.String(64), nullable=False),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("opened_at", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_table(
        "case_parties",
        sa.Column("case_id", sa.String(40), primary_key=True),
        sa.Column("authority", sa.String(32), primary_key=True),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_case_parties_authority", "case_parties", ["authority"])
    op.create_table(
        "messages",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("sender_participant", sa.String(16), nullable=False),
        sa.Column("sender_authority", sa.String(32), nullable=False),
        sa.Column("sender_user", sa.String(64), nullable=False),
        sa.Column("handling", sa.String(16), nullable=False),
        sa.Column("handling_note", sa.Text),
        sa.Column("source_reliability", sa.String(1), nullable=False),
        sa.Column("information_accuracy", sa.String(1), nullable=False),
        sa.Column("refers_to", sa.String(40)),
        sa.Column("urgency", sa.String(16)),
        sa.Column("deadline", sa.String(32)),
        sa.Column("reason", sa.Text),
        sa.Column("records", sa.Text, nullable=False),
        sa.Column("legal_basis", sa.Text, nullable=False),
        sa.Column("sent_at", sa.String(32), nullable=False),
        sa.Column("idempotency_key", sa.String(128)),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.UniqueConstraint("sender_authority", "idempotency_key", name="uq_messages_idempotency"),
    )
    op.create_index("ix_messages_case_id", "messages", ["case_id"])
    op.create_index("ix_messages_refers_to", "messages", ["refers_to"])
    op.create_table(
        "message_recipients",
        sa.Column("message_id", sa.String(40), primary_key=True),
        sa.Column("authority", sa.String(32), primary_key=True),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
        sa.Column("acknowledged_at", sa.String(32)),
        sa.Column("acknowledged_by", sa.String(64)),
        sa.Column("acknowledgement", sa.String(40)),
        sa.Column("answered_at", sa.String(32)),
        sa.Column("answer", sa.String(40)),
    )
    op.create_index(
        "ix_message_recipients_inbox", "message_recipients", ["authority", "received_at"]
    )


def downgrade() -> None:
    for name in ("message_recipients", "messages", "case_parties", "cases"):
        op.drop_table(name)
