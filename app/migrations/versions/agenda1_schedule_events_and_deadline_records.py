"""schedule events and deadline records

Revision ID: agenda1
Revises: 0002_sessions
Create Date: 2026-11-28 23:12:34.261523
"""

import sqlalchemy as sa
from alembic import op

import app.core.models.base

revision = "agenda1"
down_revision = "0002_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_deadlines",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_deadlines_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_deadlines")),
        sa.UniqueConstraint("meeting_id", "kind", name=op.f("uq_meeting_deadlines_meeting_id_kind")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_deadlines_uuid")),
    )
    with op.batch_alter_table("meeting_deadlines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_deadlines_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "schedule_events",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title_zh", sa.Text(), nullable=False),
        sa.Column("title_ru", sa.Text(), nullable=False),
        sa.Column("place_zh", sa.String(length=300), nullable=False),
        sa.Column("place_ru", sa.String(length=300), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_schedule_events_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_events")),
        sa.UniqueConstraint("uuid", name=op.f("uq_schedule_events_uuid")),
    )
    with op.batch_alter_table("schedule_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schedule_events_meeting_id"), ["meeting_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("schedule_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_schedule_events_meeting_id"))

    op.drop_table("schedule_events")
    with op.batch_alter_table("meeting_deadlines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_deadlines_meeting_id"))

    op.drop_table("meeting_deadlines")
