"""minutes: the canonical content as signed

Revision ID: signing1
Revises: minutes1
Create Date: 2026-11-28 23:15:01.894092
"""

import sqlalchemy as sa
from alembic import op

revision = "signing1"
down_revision = "minutes1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        # server_default: existing rows (minutes not yet signed) get an empty text
        batch_op.add_column(sa.Column("signed_content", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        batch_op.drop_column("signed_content")
