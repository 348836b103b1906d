"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create them."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "agreements",
    "audit_checkpoints",
    "audit_entries",
    "audit_head",
    "audit_values",
    "batches",
    "envelopes",
    "erasures",
    "metadata",
    "quarantine",
    "records",
    "releases",
    "tokens",
    "users",
]

metadata = MetaData()

envelopes = Table(
    "envelopes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("participant", String(16), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("dataset", String(128), nullable=False),
    Column("handling", String(16), nullable=False),
    Column("handling_note", Text),
    Column("source_reliability", String(1), nullable=False),
    Column("information_accuracy", String(1), nullable=False),
    Column("subject_category", String(16), nullable=False),
    Column("nature", String(16), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("legal_basis", String(64), nullable=False),
    Column("review_date", String(10), nullable=False),
    Column("delete_by", String(10), nullable=False),
    Column("alert", String(32)),
    Index("ix_envelopes_originator", "participant", "authority", "dataset"),
    Index("ix_envelopes_delete_by", "delete_by"),
)

records = Table(
    "records",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("schema", String(64), nullable=False),
    Column("caption", Text, nullable=False, default=""),
    Column("properties", Text, nullable=False),
    Column("envelope_id", String(32), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False),
    Column("restricted", Boolean, nullable=False, default=False),
    Column("batch_id", String(40), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

batches = Table(
    "batches",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("participant", String(16), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("dataset", String(128), nullable=False),
    Column("source", Text, nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("mapping", Text, nullable=False, default=""),
    Column("actor", String(64), nullable=False),
    Column("read", Integer, nullable=False),
    Column("stored", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
    Column("quarantined", Integer, nullable=False),
    Column("duplicates", Integer, nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32), nullable=False),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", String(40), nullable=False, index=True),
    Column("file", Text, nullable=False),
    Column("row", Integer, nullable=False),
    Column("field", String(128), nullable=False),
    Column("value", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", Text, nullable=False),
    Column("status", String(16), nullable=False, default="open"),
    Column("created_at", String(32), nullable=False),
    Column("fingerprint", String(64), nullable=False, index=True),
)

erasures = Table(
    "erasures",
    metadata,
    Column("record_id", String(64), primary_key=True),
    Column("erased_at", String(32), nullable=False),
    Column("reason", Text, nullable=False),
)

audit_entries = Table(
    "audit_entries",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("action", String(32), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("legal_basis", String(64), nullable=False, default=""),
    Column("refs", Text, nullable=False),
    Column("detail_hash", String(64), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_actor", "actor"),
)

audit_values = Table(
    "audit_values",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("detail", Text, nullable=False),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_checkpoints = Table(
    "audit_checkpoints",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("signature", String(64), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("participant", String(16), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("roles", String(128), nullable=False),
    Column("password_hash", Text),
    Column("totp_secret", String(64)),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", String(32)),
    Column("created_at", String(32), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("username", String(64), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)

releases = Table(
    "releases",
    metadata,
    Column("record_id", String(64), primary_key=True),
    Column("authority", String(32), primary_key=True),
    Column("granted_at", String(32), nullable=False),
    Column("granted_by", String(64), nullable=False),
    Column("reference", String(64), nullable=False),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("body", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("ended_at", String(32)),
)

# -- cases and messages between authorities (migration 0002) -------------------------------

__all__ += ["case_parties", "cases", "message_recipients", "messages"]

cases = Table(
    "cases",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text, nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("legal_basis", String(64), nullable=False),
    Column("participant", String(16), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("opened_by", String(64), nullable=False),
    Column("opened_at", String(32), nullable=False),
    Column("status", String(16), nullable=False, default="open"),
)

case_parties = Table(
    "case_parties",
    metadata,
    Column("case_id", String(40), primary_key=True),
    Column("authority", String(32), primary_key=True),
    Column("participant", String(16), nullable=False),
    Column("added_at", String(32), nullable=False),
    Index("ix_case_parties_authority", "authority"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("case_id", String(40), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("sender_participant", String(16), nullable=False),
    Column("sender_authority", String(32), nullable=False),
    Column("sender_user", String(64), nullable=False),
    Column("handling", String(16), nullable=False),
    Column("handling_note", Text),
    Column("source_reliability", String(1), nullable=False),
    Column("information_accuracy", String(1), nullable=False),
    Column("refers_to", String(40), index=True),
    Column("urgency", String(16)),
    Column("deadline", String(32)),
    Column("reason", Text),
    Column("records", Text, nullable=False),
    Column("legal_basis", Text, nullable=False),
    Column("sent_at", String(32), nullable=False),
    Column("idempotency_key", String(128)),
    Column("fingerprint", String(64), nullable=False),
    UniqueConstraint("sender_authority", "idempotency_key", name="uq_messages_idempotency"),
)

message_recipients = Table(
    "message_recipients",
    metadata,
    Column("message_id", String(40), primary_key=True),
    Column("authority", String(32), primary_key=True),
    Column("participant", String(16), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("acknowledged_at", String(32)),
    Column("acknowledged_by", String(64)),
    Column("acknowledgement", String(40)),
    Column("answered_at", String(32)),
    Column("answer", String(40)),
    Index("ix_message_recipients_inbox", "authority", "received_at"),
)

# -- screening: hit references, daily usage, step-2 requests (migration 0004) ---------------

__all__ += ["screening_hits", "screening_usage", "step2_requests"]

screening_hits = Table(
    "screening_hits",
    metadata,
    Column("id", String(40), primary_key=True),
    # not indexed: nothing looks hits up by record (migration 0005)
    Column("record_id", String(64), nullable=False),
    Column("username", String(64), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("participant", String(16), nullable=False),
    Column("originator_participant", String(16), nullable=False),
    Column("originator_authority", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("band", String(16), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("reasons", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

screening_usage = Table(
    "screening_usage",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("queries", Integer, nullable=False),
)

step2_requests = Table(
    "step2_requests",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("hit_id", String(40), nullable=False, index=True),
    Column("record_id", String(64), nullable=False),
    Column("requester", String(64), nullable=False),
    Column("requester_authority", String(32), nullable=False),
    Column("requester_participant", String(16), nullable=False),
    Column("originator_authority", String(32), nullable=False),
    Column("originator_participant", String(16), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("justification", Text, nullable=False),
    Column("urgency", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("deadline", String(32), nullable=False),
    Column("decided_at", String(32)),
    Column("decided_by", String(64)),
    Column("reason", Text),
    Column("legal_basis", String(64)),
    Index("ix_step2_inbox", "originator_authority", "status"),
)

# -- identities: linkage clusters, their members with link evidence, judgements (migration 0003)

from sqlalchemy import Float  # noqa: E402  (kept with the tables that use it)

__all__ += ["identities", "identity_judgements", "identity_members", "identity_runs"]

identities = Table(
    "identities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("status", String(16), nullable=False, default="linked"),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("run_id", String(40)),
    Column("reviewed_at", String(32)),
    Column("reviewed_by", String(64)),
)

identity_members = Table(
    "identity_members",
    metadata,
    Column("record_id", String(64), primary_key=True),
    Column("identity_id", String(40), nullable=False, index=True),
    Column("participant", String(16), nullable=False),
    Column("linked_to", String(64)),
    Column("match_weight", Float),
    Column("match_probability", Float),
    Column("evidence", Text),
    Column("source", String(16), nullable=False, default="linkage"),
    Column("run_id", String(40)),
    Column("added_at", String(32), nullable=False),
)

identity_judgements = Table(
    "identity_judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act", String(40), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("identity_id", String(40), nullable=False),
    Column("record_id", String(64), nullable=False, index=True),
    Column("other_record_id", String(64)),
    Column("actor", String(64), nullable=False),
    Column("authority", String(32), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("at", String(32), nullable=False),
)

identity_runs = Table(
    "identity_runs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("actor", String(64), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32), nullable=False),
    Column("records", Integer, nullable=False),
    Column("identities", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("parameters", Text, nullable=False),
)
