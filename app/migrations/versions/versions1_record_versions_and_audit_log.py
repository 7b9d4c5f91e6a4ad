"""a version column on every record, and the audit trail

Revision ID: versions1
Revises: prints1
Create Date: 2026-12-06 00:51:25.131428

``version`` (integer, not null, 1 for every existing row) is SQLAlchemy's ``version_id_col``: a
stale save is refused instead of overwriting someone else's work. It is added with a plain
``ALTER TABLE … ADD COLUMN`` on both SQLite and PostgreSQL, so no table is rebuilt (and the
triggers of the guarded tables stay in place).
"""

import sqlalchemy as sa
from alembic import op

import app.core.models.base

revision = "versions1"
down_revision = "prints1"
branch_labels = None
depends_on = None

#: Every table of records (``Record``), in alphabetical order.
TABLES = (
    "agenda_items", "assignment_overrides", "assignment_steps", "assignments", "attachments",
    "commission", "confidentiality_markings", "decisions", "delegation_members", "exchange_rates",
    "exchanges", "expense_budgets", "expenses", "expert_quotas", "glossary_terms",
    "liaison_agencies", "meeting_deadlines", "meetings", "minutes", "minutes_prints",
    "minutes_revisions", "minutes_segments", "people", "schedule_events", "sides",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("register", sa.String(length=60), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_record", "audit_log", ["record_uuid", "id"], unique=False)
    op.create_index(op.f("ix_audit_log_register"), "audit_log", ["register"], unique=False)
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
    op.drop_index(op.f("ix_audit_log_register"), table_name="audit_log")
    op.drop_index("ix_audit_log_record", table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
