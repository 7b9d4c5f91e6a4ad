"""attachments: titles in Chinese and Russian

Revision ID: attachments1
Revises: glossary1
Create Date: 2026-12-06 01:53:08.921813
"""

import sqlalchemy as sa
from alembic import op

revision = "attachments1"
down_revision = "glossary1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # existing attachments get empty titles: documents then name them from the file name as before
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_zh", sa.String(length=400), server_default="", nullable=False))
        batch_op.add_column(sa.Column("title_ru", sa.String(length=400), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_column("title_ru")
        batch_op.drop_column("title_zh")
