"""experts: assignments, procedure steps, quotas, overridden warnings

Revision ID: experts1
Revises: exchanges1
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

import app.core.models.base

revision = "experts1"
down_revision = "exchanges1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "expert_quotas",
        sa.Column("sending_side_id", sa.Integer(), nullable=False),
        sa.Column("receiving_side_id", sa.Integer(), nullable=False),
        sa.Column("purposes", sa.String(length=200), nullable=False),
        sa.Column("speciality_zh", sa.String(length=300), nullable=False),
        sa.Column("speciality_ru", sa.String(length=300), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("max_term_days", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.CheckConstraint("number > 0", name=op.f("ck_expert_quotas_number")),
        sa.CheckConstraint("sending_side_id <> receiving_side_id", name=op.f("ck_expert_quotas_sides")),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_expert_quotas_decision_id_decisions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receiving_side_id"],
            ["sides.id"],
            name=op.f("fk_expert_quotas_receiving_side_id_sides"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sending_side_id"],
            ["sides.id"],
            name=op.f("fk_expert_quotas_sending_side_id_sides"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expert_quotas")),
        sa.UniqueConstraint("uuid", name=op.f("uq_expert_quotas_uuid")),
    )
    with op.batch_alter_table("expert_quotas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expert_quotas_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_expert_quotas_sending_side_id"), ["sending_side_id"], unique=False
        )

    op.create_table(
        "assignments",
        sa.Column("sending_side_id", sa.Integer(), nullable=False),
        sa.Column("receiving_side_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("host_organisation_zh", sa.String(length=300), nullable=False),
        sa.Column("host_organisation_ru", sa.String(length=300), nullable=False),
        sa.Column("place_zh", sa.String(length=200), nullable=False),
        sa.Column("place_ru", sa.String(length=200), nullable=False),
        sa.Column("speciality_zh", sa.String(length=300), nullable=False),
        sa.Column("speciality_ru", sa.String(length=300), nullable=False),
        sa.Column("planned_start", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("actual_start", sa.Date(), nullable=True),
        sa.Column("actual_end", sa.Date(), nullable=True),
        sa.Column("term_limit_days", sa.Integer(), nullable=False),
        sa.Column("extension_days", sa.Integer(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("terms_zh", sa.Text(), nullable=False),
        sa.Column("terms_ru", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("quota_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=False),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.CheckConstraint("sending_side_id <> receiving_side_id", name=op.f("ck_assignments_sides")),
        sa.CheckConstraint("term_limit_days > 0", name=op.f("ck_assignments_term_limit")),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_assignments_decision_id_decisions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_assignments_meeting_id_meetings"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["quota_id"],
            ["expert_quotas.id"],
            name=op.f("fk_assignments_quota_id_expert_quotas"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receiving_side_id"],
            ["sides.id"],
            name=op.f("fk_assignments_receiving_side_id_sides"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sending_side_id"],
            ["sides.id"],
            name=op.f("fk_assignments_sending_side_id_sides"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_assignments_uuid")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index("ix_assignments_period", ["start_date", "end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_purpose"), ["purpose"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_quota_id"), ["quota_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_sending_side_id"), ["sending_side_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_term_end"), ["term_end"], unique=False)

    op.create_table(
        "assignment_overrides",
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_assignment_overrides_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_overrides")),
        sa.UniqueConstraint("uuid", name=op.f("uq_assignment_overrides_uuid")),
    )
    with op.batch_alter_table("assignment_overrides", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_overrides_assignment_id"), ["assignment_id"], unique=False
        )

    op.create_table(
        "assignment_people",
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_assignment_people_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_assignment_people_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("assignment_id", "person_id", name=op.f("pk_assignment_people")),
    )
    with op.batch_alter_table("assignment_people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_people_person_id"), ["person_id"], unique=False)

    op.create_table(
        "assignment_steps",
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("sending_person_id", sa.Integer(), nullable=True),
        sa.Column("sending_text", sa.String(length=300), nullable=False),
        sa.Column("receiving_person_id", sa.Integer(), nullable=True),
        sa.Column("receiving_text", sa.String(length=300), nullable=False),
        sa.Column("skipped", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_assignment_steps_assignment_id_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["receiving_person_id"],
            ["people.id"],
            name=op.f("fk_assignment_steps_receiving_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sending_person_id"],
            ["people.id"],
            name=op.f("fk_assignment_steps_sending_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_steps")),
        sa.UniqueConstraint("uuid", name=op.f("uq_assignment_steps_uuid")),
    )
    with op.batch_alter_table("assignment_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_steps_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assignment_steps_receiving_person_id"), ["receiving_person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assignment_steps_sending_person_id"), ["sending_person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assignment_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_steps_sending_person_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_steps_receiving_person_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_steps_assignment_id"))

    op.drop_table("assignment_steps")
    with op.batch_alter_table("assignment_people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_people_person_id"))

    op.drop_table("assignment_people")
    with op.batch_alter_table("assignment_overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_overrides_assignment_id"))

    op.drop_table("assignment_overrides")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_term_end"))
        batch_op.drop_index(batch_op.f("ix_assignments_status"))
        batch_op.drop_index(batch_op.f("ix_assignments_sending_side_id"))
        batch_op.drop_index(batch_op.f("ix_assignments_quota_id"))
        batch_op.drop_index(batch_op.f("ix_assignments_purpose"))
        batch_op.drop_index("ix_assignments_period")
        batch_op.drop_index(batch_op.f("ix_assignments_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_assignments_decision_id"))

    op.drop_table("assignments")
    with op.batch_alter_table("expert_quotas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expert_quotas_sending_side_id"))
        batch_op.drop_index(batch_op.f("ix_expert_quotas_decision_id"))

    op.drop_table("expert_quotas")
