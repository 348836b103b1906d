"""The initial schema: records, batches, quarantine, erasures, audit, users, tokens, agreements.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "envelopes",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("dataset", sa.String(128), nullable=False),
        sa.Column("handling", sa.String(16), nullable=False),
        sa.Column("handling_note", sa.Text),
        sa.Column("source_reliability", sa.String(1), nullable=False),
        sa.Column("information_accuracy", sa.String(1), nullable=False),
        sa.Column("subject_category", sa.String(16), nullable=False),
        sa.Column("nature", sa.String(16), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("legal_basis", sa.String(64), nullable=False),
        sa.Column("review_date", sa.String(10), nullable=False),
        sa.Column("delete_by", sa.String(10), nullable=False),
        sa.Column("alert", sa.String(32)),
    )
    op.create_index("ix_envelopes_originator", "envelopes", ["participant", "authority", "dataset"])
    op.create_index("ix_envelopes_delete_by", "envelopes", ["delete_by"])
    op.create_table(
        "records",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("schema", sa.String(64), nullable=False),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("properties", sa.Text, nullable=False),
        sa.Column("envelope_id", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("restricted", sa.Boolean, nullable=False),
        sa.Column("batch_id", sa.String(40), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_records_envelope_id", "records", ["envelope_id"])
    op.create_table(
        "batches",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("dataset", sa.String(128), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("mapping", sa.Text, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("read", sa.Integer, nullable=False),
        sa.Column("stored", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("quarantined", sa.Integer, nullable=False),
        sa.Column("duplicates", sa.Integer, nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("batch_id", sa.String(40), nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("field", sa.String(128), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    op.create_index("ix_quarantine_batch_id", "quarantine", ["batch_id"])
    op.create_index("ix_quarantine_fingerprint", "quarantine", ["fingerprint"])
    op.create_table(
        "erasures",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("erased_at", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_entries",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("legal_basis", sa.String(64), nullable=False),
        sa.Column("refs", sa.Text, nullable=False),
        sa.Column("detail_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_actor", "audit_entries", ["actor"])
    op.create_table(
        "audit_values",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '" + "0" * 64 + "')")
    op.create_table(
        "audit_checkpoints",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("participant", sa.String(16), nullable=False),
        sa.Column("authority", sa.String(32), nullable=False),
        sa.Column("roles", sa.String(128), nullable=False),
        sa.Column("password_hash", sa.Text),
        sa.Column("totp_secret", sa.String(64)),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(32)),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
        sa.Column("revoked_at", sa.String(32)),
    )
    op.create_index("ix_tokens_username", "tokens", ["username"])
    op.create_table(
        "releases",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("authority", sa.String(32), primary_key=True),
        sa.Column("granted_at", sa.String(32), nullable=False),
        sa.Column("granted_by", sa.String(64), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("ended_at", sa.String(32)),
    )


def downgrade() -> None:
    for name in (
        "agreements",
        "releases",
        "tokens",
        "users",
        "audit_checkpoints",
        "audit_head",
        "audit_values",
        "audit_entries",
        "erasures",
        "quarantine",
        "batches",
        "records",
        "envelopes",
    ):
        op.drop_table(name)
