"""The columns of the Exchanges tables: what each shows, in the interface language at paint time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from app.core.enums import ExchangeStatus
from app.core.fields import Field, FieldKind, Register
from app.core.services.exchanges.data import ExchangeData
from app.core.services.exchanges.fields import EXCHANGE
from app.core.services.exchanges.transfer import cell_value
from app.i18n import N_, _, current_language, format_date, ngettext, wording
from app.ui.models.query_model import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Column

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


_ALIGN = {
    FieldKind.INT: ALIGN_RIGHT,
    FieldKind.DECIMAL: ALIGN_RIGHT,
    FieldKind.MONEY: ALIGN_RIGHT,
    FieldKind.DATE: ALIGN_CENTER,
}


def _special() -> dict[str, dict]:
    """What a column shows beyond its field's kind (the rest comes from the declaration)."""
    lang = current_language
    return {
        "title": dict(value=lambda x: x.title(lang()), tooltip=titles_tooltip),
        "status": dict(foreground=lambda x: STATUS_COLOURS.get(x.status_enum)),
        "overdue": dict(value=overdue_text, foreground=lambda _x: LATE, tooltip=overdue_tooltip),
        "meeting_id": dict(align=ALIGN_CENTER),
        "agenda_item_id": dict(align=ALIGN_CENTER),
        "decision_id": dict(align=ALIGN_CENTER),
        "warranty_expires": dict(foreground=warranty_colour, tooltip=lambda x: warranty_left(x)),
        "attachments": dict(value=lambda x: x.attachment_count or "", align=ALIGN_CENTER),
    }


def field_column(f: Field, **overrides) -> Column:
    """The table's column for a declared field: its title (the short one, with the label as its
    tooltip), its value as the export shows it, dates short and centred, numbers to the right."""
    if f.kind is FieldKind.DATE:
        value = lambda x: short_date(getattr(x, f.name))  # noqa: E731
    elif f.kind is FieldKind.LONG_TEXT:
        value = lambda x: (getattr(x, f.name) or "").replace("\n", " ")  # noqa: E731
        overrides.setdefault("tooltip", lambda x: getattr(x, f.name) or "")
    else:
        value = lambda x: cell_value(x, f.name)  # noqa: E731
    kwargs: dict = dict(value=value, align=_ALIGN.get(f.kind, ALIGN_LEFT))
    if f.column_msgid:
        kwargs["header_tooltip"] = f.msgid
    kwargs.update(overrides)
    return Column(f.name, f.column_msgid or f.msgid, **kwargs)


def register_columns(register: Register = EXCHANGE) -> list[Column]:
    """The register's table: one column per declared field that the table shows, in its order."""
    special = _special()
    return [field_column(f, **special.get(f.name, {})) for f in register.columns()]


#: The columns hidden until the user shows them.
HIDDEN_BY_DEFAULT = set(EXCHANGE.hidden())


def sort_key(key: str | None) -> str:
    """The service's sort key for a column key: the title sorts in the interface language."""
    if key == "title":
        return "title_zh" if current_language() == "zh_CN" else "title_ru"
    return key or "requested_on"


def warranty_columns() -> list[Column]:
    special = _special()

    def col(name: str, **extra) -> Column:
        return field_column(EXCHANGE[name], **{**special.get(name, {}), **extra})

    return [
        col("warranty_expires", tooltip=None),
        Column("left", _left_header(), lambda x: warranty_left(x), foreground=warranty_colour, sortable=False),
        col("title"),
        col("kind"),
        col("from_side_id"),
        col("to_side_id"),
        col("quantity"),
        col("warranty_start"),
        Column("warranty_months", N_("Period, months"), lambda x: x.warranty_months, align=ALIGN_RIGHT,
               header_tooltip=EXCHANGE["warranty_months"].msgid),
        col("reference"),
    ]  # fmt: skip


def _left_header() -> str:
    return N_("Time left")
