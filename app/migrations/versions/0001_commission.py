"""the commission, its sides and people

Revision ID: 0001_commission
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

import app.core.models.base

revision = "0001_commission"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commission",
        sa.Column("name_zh", sa.String(length=300), nullable=False),
        sa.Column("name_ru", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission")),
        sa.UniqueConstraint("uuid", name=op.f("uq_commission_uuid")),
    )
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("key", name=op.f("uq_settings_key")),
    )
    op.create_table(
        "sides",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("name_full_zh", sa.String(length=300), nullable=False),
        sa.Column("name_full_ru", sa.String(length=300), nullable=False),
        sa.Column("name_full_en", sa.String(length=300), nullable=False),
        sa.Column("name_short_zh", sa.String(length=100), nullable=False),
        sa.Column("name_short_ru", sa.String(length=100), nullable=False),
        sa.Column("name_short_en", sa.String(length=100), nullable=False),
        sa.Column("government_zh", sa.String(length=300), nullable=False),
        sa.Column("government_ru", sa.String(length=300), nullable=False),
        sa.Column("government_en", sa.String(length=300), nullable=False),
        sa.Column("delegation_title_zh", sa.String(length=300), nullable=False),
        sa.Column("delegation_title_ru", sa.String(length=300), nullable=False),
        sa.Column("delegation_title_en", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.CheckConstraint("position IN (1, 2)", name=op.f("ck_sides_position")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sides")),
        sa.UniqueConstraint("code", name=op.f("uq_sides_code")),
        sa.UniqueConstraint("position", name=op.f("uq_sides_position")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sides_uuid")),
    )
    op.create_table(
        "liaison_agencies",
        sa.Column("side_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=300), nullable=False),
        sa.Column("name_ru", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["side_id"], ["sides.id"], name=op.f("fk_liaison_agencies_side_id_sides"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liaison_agencies")),
        sa.UniqueConstraint("uuid", name=op.f("uq_liaison_agencies_uuid")),
    )
    with op.batch_alter_table("liaison_agencies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_liaison_agencies_side_id"), ["side_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("side_id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_ru", sa.String(length=200), nullable=False),
        sa.Column("name_latin", sa.String(length=200), nullable=False),
        sa.Column("organisation_zh", sa.String(length=300), nullable=False),
        sa.Column("organisation_ru", sa.String(length=300), nullable=False),
        sa.Column("position_zh", sa.String(length=300), nullable=False),
        sa.Column("position_ru", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["side_id"], ["sides.id"], name=op.f("fk_people_side_id_sides"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("uuid", name=op.f("uq_people_uuid")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_name_ru"), ["name_ru"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_name_zh"), ["name_zh"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_side_id"), ["side_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_side_id"))
        batch_op.drop_index(batch_op.f("ix_people_name_zh"))
        batch_op.drop_index(batch_op.f("ix_people_name_ru"))

    op.drop_table("people")
    with op.batch_alter_table("liaison_agencies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_agencies_side_id"))

    op.drop_table("liaison_agencies")
    op.drop_table("sides")
    op.drop_table("settings")
    op.drop_table("commission")
