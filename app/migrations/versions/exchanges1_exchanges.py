"""exchanges register and confidentiality markings (with the default markings)

Revision ID: exchanges1
Revises: expenses1
Create Date: 2026-11-28 23:07:10.930299
"""

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

import app.core.models.base

#: The markings a new database starts with: (zh, ru, en). The user can rename and extend them.
DEFAULT_MARKINGS = [
    ("公开", "Открыто", "Open"),
    ("内部", "Для служебного пользования", "For official use"),
    ("秘密", "Секретно", "Secret"),
    ("机密", "Совершенно секретно", "Top secret"),
]


revision = "exchanges1"
down_revision = "expenses1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "confidentiality_markings",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=100), nullable=False),
        sa.Column("name_ru", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_confidentiality_markings")),
        sa.UniqueConstraint("uuid", name=op.f("uq_confidentiality_markings_uuid")),
    )
    markings = sa.table(
        "confidentiality_markings",
        sa.column("id", sa.Integer),
        sa.column("uuid", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("position", sa.Integer),
        sa.column("name_zh", sa.String),
        sa.column("name_ru", sa.String),
        sa.column("name_en", sa.String),
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    op.bulk_insert(
        markings,
        [
            dict(
                uuid=str(uuid.uuid4()),
                created_at=now,
                updated_at=now,
                position=i,
                name_zh=zh,
                name_ru=ru,
                name_en=en,
            )
            for i, (zh, ru, en) in enumerate(DEFAULT_MARKINGS)
        ],
    )
    op.create_table(
        "exchanges",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=True),
        sa.Column("marking_id", sa.Integer(), nullable=True),
        sa.Column("from_side_id", sa.Integer(), nullable=False),
        sa.Column("to_side_id", sa.Integer(), nullable=False),
        sa.Column("title_zh", sa.Text(), nullable=False),
        sa.Column("title_ru", sa.Text(), nullable=False),
        sa.Column("title_original", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("promised_on", sa.Date(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("acknowledged_on", sa.Date(), nullable=True),
        sa.Column("declined_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("warranty_terms_zh", sa.Text(), nullable=False),
        sa.Column("warranty_terms_ru", sa.Text(), nullable=False),
        sa.Column("warranty_start", sa.Date(), nullable=True),
        sa.Column("warranty_months", sa.Integer(), nullable=True),
        sa.Column("warranty_expires", sa.Date(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.core.models.base.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "channel IS NULL OR channel IN ('session', 'liaison', 'diplomatic_mail', 'other')",
            name=op.f("ck_exchanges_channel"),
        ),
        sa.CheckConstraint(
            "kind IN ('apparatus', 'materiel') OR (warranty_months IS NULL AND warranty_start IS NULL AND warranty_terms_zh = '' AND warranty_terms_ru = '')",
            name=op.f("ck_exchanges_warranty_kinds"),
        ),
        sa.CheckConstraint(
            "kind IN ('book', 'journal', 'handbook', 'directory', 'standard', 'textbook', 'report', 'sample', 'apparatus', 'materiel', 'other')",
            name=op.f("ck_exchanges_kind"),
        ),
        sa.CheckConstraint(
            "published IS NULL OR NOT (kind IN ('sample', 'apparatus', 'materiel'))",
            name=op.f("ck_exchanges_published_documents"),
        ),
        sa.CheckConstraint(
            "status = CASE WHEN declined_on IS NOT NULL THEN 'declined' WHEN acknowledged_on IS NOT NULL THEN 'acknowledged' WHEN received_on IS NOT NULL THEN 'received' WHEN sent_on IS NOT NULL THEN 'sent' WHEN promised_on IS NOT NULL THEN 'promised' WHEN requested_on IS NOT NULL THEN 'requested' ELSE '' END",
            name=op.f("ck_exchanges_status_follows_dates"),
        ),
        sa.CheckConstraint(
            "status IN ('requested', 'promised', 'sent', 'received', 'acknowledged', 'declined')",
            name=op.f("ck_exchanges_status"),
        ),
        sa.CheckConstraint(
            "(warranty_start IS NULL AND warranty_expires IS NULL) OR (warranty_start IS NOT NULL AND warranty_expires > warranty_start)",
            name=op.f("ck_exchanges_warranty_expiry"),
        ),
        sa.CheckConstraint(
            "acknowledged_on >= COALESCE(received_on, sent_on, promised_on, requested_on)",
            name=op.f("ck_exchanges_acknowledged_on_in_order"),
        ),
        sa.CheckConstraint(
            "declined_on >= COALESCE(promised_on, requested_on)", name=op.f("ck_exchanges_declined_in_order")
        ),
        sa.CheckConstraint(
            "declined_on IS NULL OR (sent_on IS NULL AND received_on IS NULL AND acknowledged_on IS NULL)",
            name=op.f("ck_exchanges_declined_not_sent"),
        ),
        sa.CheckConstraint("from_side_id <> to_side_id", name=op.f("ck_exchanges_two_sides")),
        sa.CheckConstraint("promised_on >= requested_on", name=op.f("ck_exchanges_promised_on_in_order")),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_exchanges_quantity_positive")),
        sa.CheckConstraint(
            "received_on >= COALESCE(sent_on, promised_on, requested_on)",
            name=op.f("ck_exchanges_received_on_in_order"),
        ),
        sa.CheckConstraint(
            "sent_on >= COALESCE(promised_on, requested_on)", name=op.f("ck_exchanges_sent_on_in_order")
        ),
        sa.CheckConstraint(
            "warranty_months IS NULL OR warranty_months > 0",
            name=op.f("ck_exchanges_warranty_months_positive"),
        ),
        sa.CheckConstraint(
            "warranty_start IS NULL OR warranty_months IS NOT NULL", name=op.f("ck_exchanges_warranty_period")
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_exchanges_agenda_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_exchanges_decision_id_decisions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["from_side_id"], ["sides.id"], name=op.f("fk_exchanges_from_side_id_sides"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["marking_id"],
            ["confidentiality_markings.id"],
            name=op.f("fk_exchanges_marking_id_confidentiality_markings"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_exchanges_meeting_id_meetings"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_side_id"], ["sides.id"], name=op.f("fk_exchanges_to_side_id_sides"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchanges")),
        sa.UniqueConstraint("uuid", name=op.f("uq_exchanges_uuid")),
    )
    with op.batch_alter_table("exchanges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exchanges_acknowledged_on"), ["acknowledged_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_agenda_item_id"), ["agenda_item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_channel"), ["channel"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_declined_on"), ["declined_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_from_side_id"), ["from_side_id"], unique=False)
        batch_op.create_index(
            "ix_exchanges_balance", ["kind", "from_side_id", "to_side_id", "status", "quantity"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exchanges_marking_id"), ["marking_id"], unique=False)
        batch_op.create_index(
            "ix_exchanges_session_balance",
            ["meeting_id", "kind", "from_side_id", "to_side_id", "status", "quantity"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_exchanges_promised_on"), ["promised_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_quantity"), ["quantity"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_reference"), ["reference"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_requested_on"), ["requested_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_sent_on"), ["sent_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_status"), ["status"], unique=False)
        batch_op.create_index("ix_exchanges_status_promised_on", ["status", "promised_on"], unique=False)
        batch_op.create_index(
            "ix_exchanges_status_sent_on", ["status", "sent_on", "received_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exchanges_title_ru"), ["title_ru"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_title_zh"), ["title_zh"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_to_side_id"), ["to_side_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exchanges_warranty_expires"), ["warranty_expires"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("exchanges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchanges_warranty_expires"))
        batch_op.drop_index(batch_op.f("ix_exchanges_to_side_id"))
        batch_op.drop_index(batch_op.f("ix_exchanges_title_zh"))
        batch_op.drop_index(batch_op.f("ix_exchanges_title_ru"))
        batch_op.drop_index("ix_exchanges_status_sent_on")
        batch_op.drop_index("ix_exchanges_status_promised_on")
        batch_op.drop_index(batch_op.f("ix_exchanges_status"))
        batch_op.drop_index(batch_op.f("ix_exchanges_sent_on"))
        batch_op.drop_index(batch_op.f("ix_exchanges_requested_on"))
        batch_op.drop_index(batch_op.f("ix_exchanges_reference"))
        batch_op.drop_index(batch_op.f("ix_exchanges_received_on"))
        batch_op.drop_index(batch_op.f("ix_exchanges_quantity"))
        batch_op.drop_index(batch_op.f("ix_exchanges_promised_on"))
        batch_op.drop_index("ix_exchanges_session_balance")
        batch_op.drop_index(batch_op.f("ix_exchanges_marking_id"))
        batch_op.drop_index("ix_exchanges_balance")
        batch_op.drop_index(batch_op.f("ix_exchanges_from_side_id"))
        batch_op.drop_index(batch_op.f("ix_exchanges_declined_on"))
        batch_op.drop_index(batch_op.f("ix_exchanges_decision_id"))
        batch_op.drop_index(batch_op.f("ix_exchanges_channel"))
        batch_op.drop_index(batch_op.f("ix_exchanges_agenda_item_id"))
        batch_op.drop_index(batch_op.f("ix_exchanges_acknowledged_on"))

    op.drop_table("exchanges")
    op.drop_table("confidentiality_markings")
