"""expenses, budgets and exchange rates

Revision ID: expenses1
Revises: agenda1
Create Date: 2026-11-28 23:12:21.042468
"""

import sqlalchemy as sa
from alembic import op

import app.core.models.base

revision = "expenses1"
down_revision = "agenda1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("rate_date", sa.Date(), nullable=False),
        sa.Column("from_currency", sa.String(length=3), nullable=False),
        sa.Column("to_currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_exchange_rates_meeting_id_meetings"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint(
            "meeting_id",
            "from_currency",
            "to_currency",
            name=op.f("uq_exchange_rates_meeting_id_from_currency_to_currency"),
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_exchange_rates_uuid")),
    )
    with op.batch_alter_table("exchange_rates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exchange_rates_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "expense_budgets",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("side_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_expense_budgets_meeting_id_meetings"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["side_id"], ["sides.id"], name=op.f("fk_expense_budgets_side_id_sides"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expense_budgets")),
        sa.UniqueConstraint(
            "meeting_id",
            "side_id",
            "category",
            "currency",
            name=op.f("uq_expense_budgets_meeting_id_side_id_category_currency"),
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_expense_budgets_uuid")),
    )
    with op.batch_alter_table("expense_budgets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expense_budgets_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "expenses",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("delegation_side_id", sa.Integer(), nullable=True),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("description_zh", sa.Text(), nullable=False),
        sa.Column("description_ru", sa.Text(), nullable=False),
        sa.Column("correction_of_id", sa.Integer(), nullable=True),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["correction_of_id"],
            ["expenses.id"],
            name=op.f("fk_expenses_correction_of_id_expenses"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["delegation_side_id"],
            ["sides.id"],
            name=op.f("fk_expenses_delegation_side_id_sides"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_expenses_meeting_id_meetings"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expenses")),
        sa.UniqueConstraint("uuid", name=op.f("uq_expenses_uuid")),
    )
    with op.batch_alter_table("expenses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expenses_correction_of_id"), ["correction_of_id"], unique=False)
        batch_op.create_index("ix_expenses_meeting_currency", ["meeting_id", "currency"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("expenses", schema=None) as batch_op:
        batch_op.drop_index("ix_expenses_meeting_currency")
        batch_op.drop_index(batch_op.f("ix_expenses_correction_of_id"))

    op.drop_table("expenses")
    with op.batch_alter_table("expense_budgets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expense_budgets_meeting_id"))

    op.drop_table("expense_budgets")
    with op.batch_alter_table("exchange_rates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_rates_meeting_id"))

    op.drop_table("exchange_rates")
