"""minutes, segments, revisions, glossary

Revision ID: minutes1
Revises: 0002_sessions
Create Date: 2026-11-28 23:06:52.673273
"""

import sqlalchemy as sa
from alembic import op

import app.core.models.base

revision = "minutes1"
down_revision = "0002_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "glossary_terms",
        sa.Column("zh", sa.String(length=300), nullable=False),
        sa.Column("ru", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_terms")),
        sa.UniqueConstraint("uuid", name=op.f("uq_glossary_terms_uuid")),
        sa.UniqueConstraint("zh", "ru", name=op.f("uq_glossary_terms_zh_ru")),
    )
    op.create_table(
        "minutes",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("place_zh", sa.String(length=200), nullable=False),
        sa.Column("place_ru", sa.String(length=200), nullable=False),
        sa.Column("signatory1_id", sa.Integer(), nullable=True),
        sa.Column("signatory2_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", app.core.models.base.UTCDateTime(), nullable=True),
        sa.Column("signed_by", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("marking_zh", sa.String(length=100), nullable=False),
        sa.Column("marking_ru", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_minutes_meeting_id_meetings"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["signatory1_id"],
            ["people.id"],
            name=op.f("fk_minutes_signatory1_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["signatory2_id"],
            ["people.id"],
            name=op.f("fk_minutes_signatory2_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_uuid")),
    )
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_meeting_id"), ["meeting_id"], unique=True)

    op.create_table(
        "minutes_segments",
        sa.Column("minutes_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_ru", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("accepted_findings", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_minutes_segments_agenda_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_minutes_segments_decision_id_decisions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"],
            ["minutes.id"],
            name=op.f("fk_minutes_segments_minutes_id_minutes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_segments")),
        sa.UniqueConstraint("decision_id", name=op.f("uq_minutes_segments_decision_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_segments_uuid")),
    )
    with op.batch_alter_table("minutes_segments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_segments_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_minutes_segments_minutes_id"), ["minutes_id"], unique=False)

    op.create_table(
        "minutes_revisions",
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_ru", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["minutes_segments.id"],
            name=op.f("fk_minutes_revisions_segment_id_minutes_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_revisions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_revisions_uuid")),
    )
    with op.batch_alter_table("minutes_revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_revisions_segment_id"), ["segment_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("minutes_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_revisions_segment_id"))

    op.drop_table("minutes_revisions")
    with op.batch_alter_table("minutes_segments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_segments_minutes_id"))
        batch_op.drop_index(batch_op.f("ix_minutes_segments_agenda_item_id"))

    op.drop_table("minutes_segments")
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_meeting_id"))

    op.drop_table("minutes")
    op.drop_table("glossary_terms")
