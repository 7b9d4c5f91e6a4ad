"""bundles2: exchange peers are databases, not sides

Revision ID: bundles2
Revises: places1
Create Date: 2026-12-06 04:40:00.000000

``sync_peers`` gets ``database_id`` (the peer database's own id, the setting ``sync.database_id``
there) and ``label``, and ``side_uuid`` is no longer unique: an office database and its laptop
copy of the same side exchange bundles as the two secretariats do. Existing peers keep an empty
``database_id`` until the first bundle from them names their database.
"""

import sqlalchemy as sa
from alembic import op

revision = "bundles2"
down_revision = "places1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_sync_peers_side_uuid"), type_="unique")
        batch_op.add_column(sa.Column("database_id", sa.String(length=36), server_default="", nullable=False))
        batch_op.add_column(sa.Column("label", sa.String(length=300), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_column("label")
        batch_op.drop_column("database_id")
        batch_op.create_unique_constraint(op.f("uq_sync_peers_side_uuid"), ["side_uuid"])
