"""exchange bundles: the sync state with the other side (peers, bundles, record bases, conflicts)

Revision ID: bundles1
Revises: between1
Create Date: 2026-12-06 03:30:00

Which side's secretariat a database belongs to is a setting (``sync.home_side``, the side's UUID);
unset, it is the first side (the demo's).
"""

import sqlalchemy as sa
from alembic import op

revision = "bundles1"
down_revision = "between1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_peers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("side_uuid", sa.String(length=36), nullable=False),
        sa.Column("last_sent", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_received", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("acknowledged", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peers")),
        sa.UniqueConstraint("side_uuid", name=op.f("uq_sync_peers_side_uuid")),
    )
    op.create_table(
        "sync_bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("peer_uuid", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("signer", sa.String(length=300), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_bundles")),
        sa.UniqueConstraint("bundle_id", name=op.f("uq_sync_bundles_bundle_id")),
    )
    op.create_table(
        "sync_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_uuid", sa.String(length=36), nullable=False),
        sa.Column("register", sa.String(length=60), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("base_hash", sa.String(length=64), server_default="", nullable=False),
        sa.Column("base_values", sa.Text(), server_default="", nullable=False),
        sa.Column("base_version", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("sent_sequence", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("sent_hash", sa.String(length=64), server_default="", nullable=False),
        sa.Column("sent_values", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_records")),
        sa.UniqueConstraint("peer_uuid", "record_uuid", name=op.f("uq_sync_records_peer_uuid_record_uuid")),
    )
    with op.batch_alter_table("sync_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_records_record_uuid"), ["record_uuid"], unique=False)
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_uuid", sa.String(length=36), nullable=False),
        sa.Column("register", sa.String(length=60), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("ours", sa.Text(), server_default="null", nullable=False),
        sa.Column("theirs", sa.Text(), server_default="null", nullable=False),
        sa.Column("base", sa.Text(), server_default="null", nullable=False),
        sa.Column("bundle_sequence", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=10), server_default="", nullable=False),
        sa.Column("resolved_by", sa.String(length=200), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_record_uuid"), ["record_uuid"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_records")
    op.drop_table("sync_bundles")
    op.drop_table("sync_peers")
