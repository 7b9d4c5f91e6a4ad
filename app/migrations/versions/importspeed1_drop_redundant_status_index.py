"""importspeed1: the exchanges' index on status alone goes

Revision ID: importspeed1
Revises: bundles2
Create Date: 2026-12-06 06:20:00.000000

``ix_exchanges_status`` (status) is the leading column of ``ix_exchanges_status_promised_on``
(status, promised_on) and of ``ix_exchanges_status_sent_on`` (status, sent_on, received_on): every
query that could use it (a status filter, the overdue terms, the status counts) uses one of those
as well (query plans in tests/core/test_query_plans.py), and each insert paid for one more B-tree
(an import of 100,000 exchanges, issue 16). A plain DROP INDEX, the same on SQLite and PostgreSQL.
"""

from alembic import op

revision = "importspeed1"
down_revision = "bundles2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_exchanges_status", table_name="exchanges")


def downgrade() -> None:
    op.create_index("ix_exchanges_status", "exchanges", ["status"], unique=False)
