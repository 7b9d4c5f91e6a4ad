"""glossary: each term pair's status (preferred, admitted, deprecated), as TBX-Basic has it

Revision ID: glossary1
Revises: signatures1
Create Date: 2026-12-06 00:47:07.757689
"""

import sqlalchemy as sa
from alembic import op

revision = "glossary1"
down_revision = "signatures1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("glossary_terms", schema=None) as batch_op:
        # server_default: the pairs already there are the agreed, preferred terms
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), server_default="preferred", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("glossary_terms", schema=None) as batch_op:
        batch_op.drop_column("status")
