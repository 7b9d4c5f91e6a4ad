"""places: English names of places, and the Russian locative of a session's city

Revision ID: places1
Revises: bundles1
Create Date: 2026-12-06 03:20:00.000000

Sessions get ``city_en``, ``venue_en`` and ``city_ru_in`` (the city as it reads after «в»:
"Пекине", "Москве"); programme events and expert assignments get ``place_en``. Existing rows get
empty values: the screens then fall back as before (English to Russian), and the Russian locative
is formed from the city's name by the common endings until someone writes it.
"""

import sqlalchemy as sa
from alembic import op

revision = "places1"
down_revision = "bundles1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("city_en", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("city_ru_in", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("venue_en", sa.String(length=300), server_default="", nullable=False))
    with op.batch_alter_table("schedule_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place_en", sa.String(length=300), server_default="", nullable=False))
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place_en", sa.String(length=200), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("place_en")
    with op.batch_alter_table("schedule_events", schema=None) as batch_op:
        batch_op.drop_column("place_en")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("venue_en")
        batch_op.drop_column("city_ru_in")
        batch_op.drop_column("city_en")
