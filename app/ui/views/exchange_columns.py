"""The columns of the Exchanges tables: what each shows, in the interface language at paint time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from app.core.enums import ExchangeStatus
from app.core.services.exchanges.records import FIELD_LABELS, ExchangeData
from app.core.services.exchanges.transfer import cell_value
from app.i18n import N_, _, current_language, format_date, ngettext, wording
from app.ui.models.query_model import ALIGN_CENTER, ALIGN_RIGHT, Column

LATE = QColor("#b00020")
SOON = QColor("#9a5b00")
STATUS_COLOURS = {
    ExchangeStatus.REQUESTED: QColor("#555555"),
    ExchangeStatus.PROMISED: QColor("#7a4f00"),
    ExchangeStatus.SENT: QColor("#1f5fa8"),
    ExchangeStatus.RECEIVED: QColor("#1f6f43"),
    ExchangeStatus.ACKNOWLEDGED: QColor("#2e7d32"),
    ExchangeStatus.DECLINED: QColor("#8a8a8a"),
}


def short_date(d: dt.date | None) -> str:
    """A date as tables show it: the short style of app.i18n.wording."""
    return wording.short_date(d)


def days_text(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def overdue_text(x: ExchangeData) -> str:
    return days_text(x.overdue_days) if x.overdue_days is not None else ""


def overdue_tooltip(x: ExchangeData) -> str:
    if x.overdue_days is None:
        return ""
    if x.status == ExchangeStatus.PROMISED.value:
        return _("Promised on {date} and not sent yet.").format(date=format_date(x.promised_on))
    return _("Sent on {date} and not acknowledged yet.").format(date=format_date(x.sent_on or x.received_on))


def warranty_left(x: ExchangeData, today: dt.date | None = None) -> str:
    if x.warranty_expires is None:
        return ""
    left = (x.warranty_expires - (today or dt.date.today())).days
    if left < 0:
        return _("expired {days} ago").format(days=days_text(-left))
    if left == 0:
        return _("expires today")
    return _("in {days}").format(days=days_text(left))


def warranty_colour(x: ExchangeData, horizon: int = 90):
    if x.warranty_expires is None:
        return None
    left = (x.warranty_expires - dt.date.today()).days
    if left < 0:
        return LATE
    return SOON if left <= horizon else None


def titles_tooltip(x: ExchangeData) -> str:
    parts = [x.title_zh, x.title_ru]
    if x.title_original and x.title_original not in parts:
        parts.append(x.title_original)
    return "\n".join(p for p in parts if p)


def _date_column(key: str) -> Column:
    return Column(key, FIELD_LABELS[key], lambda x: short_date(getattr(x, key)), align=ALIGN_CENTER)


def register_columns() -> list[Column]:
    lang = current_language
    L = FIELD_LABELS
    return [
        Column("reference", L["reference"], lambda x: x.reference),
        Column("title", L["title"], lambda x: x.title(lang()), tooltip=titles_tooltip),
        Column("title_zh", L["title_zh"], lambda x: x.title_zh),
        Column("title_ru", L["title_ru"], lambda x: x.title_ru),
        Column("title_original", L["title_original"], lambda x: x.title_original),
        Column("kind", L["kind"], lambda x: x.kind_enum.label),
        Column("from_side_id", L["from_side_id"], lambda x: x.from_name(lang())),
        Column("to_side_id", L["to_side_id"], lambda x: x.to_name(lang())),
        Column("quantity", N_("Qty"), lambda x: x.quantity, align=ALIGN_RIGHT, header_tooltip=L["quantity"]),
        Column("status", L["status"], lambda x: x.status_enum.label if x.status_enum else "",
               foreground=lambda x: STATUS_COLOURS.get(x.status_enum)),
        Column("overdue", L["overdue"], overdue_text, align=ALIGN_RIGHT, foreground=lambda _x: LATE,
               tooltip=overdue_tooltip),
        *(_date_column(k) for k in ("requested_on", "promised_on", "sent_on", "received_on", "acknowledged_on")),
        _date_column("declined_on"),
        Column("channel", L["channel"], lambda x: cell_value(x, "channel")),
        Column("meeting_id", L["meeting_id"], lambda x: x.meeting_ordinal, align=ALIGN_CENTER),
        Column("agenda_item_id", L["agenda_item_id"], lambda x: x.agenda_position, align=ALIGN_CENTER),
        Column("decision_id", L["decision_id"], lambda x: x.decision_number, align=ALIGN_CENTER),
        Column("marking_id", L["marking_id"], lambda x: x.marking(lang())),
        Column("published", L["published"], lambda x: cell_value(x, "published")),
        _date_column("warranty_start"),
        Column("warranty_months", L["warranty_months"], lambda x: x.warranty_months, align=ALIGN_RIGHT),
        Column("warranty_expires", L["warranty_expires"], lambda x: short_date(x.warranty_expires),
               align=ALIGN_CENTER, foreground=warranty_colour, tooltip=lambda x: warranty_left(x)),
        Column("attachments", L["attachments"], lambda x: x.attachment_count or "", align=ALIGN_CENTER),
        Column("notes", L["notes"], lambda x: x.notes.replace("\n", " "), tooltip=lambda x: x.notes),
        Column("uuid", L["uuid"], lambda x: x.uuid),
    ]  # fmt: skip


HIDDEN_BY_DEFAULT = {
    "title_zh", "title_ru", "title_original", "declined_on", "channel", "agenda_item_id", "decision_id",
    "published", "warranty_start", "warranty_months", "warranty_expires", "attachments", "notes", "uuid",
}  # fmt: skip


def sort_key(key: str | None) -> str:
    """The service's sort key for a column key: the title sorts in the interface language."""
    if key == "title":
        return "title_zh" if current_language() == "zh_CN" else "title_ru"
    return key or "requested_on"


def warranty_columns() -> list[Column]:
    lang = current_language
    L = FIELD_LABELS
    return [
        Column("warranty_expires", L["warranty_expires"], lambda x: short_date(x.warranty_expires),
               align=ALIGN_CENTER, foreground=warranty_colour),
        Column("left", _left_header(), lambda x: warranty_left(x), foreground=warranty_colour, sortable=False),
        Column("title", L["title"], lambda x: x.title(lang()), tooltip=titles_tooltip),
        Column("kind", L["kind"], lambda x: x.kind_enum.label),
        Column("from_side_id", L["from_side_id"], lambda x: x.from_name(lang())),
        Column("to_side_id", L["to_side_id"], lambda x: x.to_name(lang())),
        Column("quantity", N_("Qty"), lambda x: x.quantity, align=ALIGN_RIGHT, header_tooltip=L["quantity"]),
        _date_column("warranty_start"),
        Column("warranty_months", N_("Period, months"), lambda x: x.warranty_months, align=ALIGN_RIGHT,
               header_tooltip=L["warranty_months"]),
        Column("reference", L["reference"], lambda x: x.reference),
    ]  # fmt: skip


def _left_header() -> str:
    return N_("Time left")
