"""The columns of the Experts tab's tables: assignments and quotas. Headers are N_() msgids,
translated when painted; exports take the raw values (dates stay dates)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor

from app.core.fields import FieldKind
from app.core.models.experts import AssignmentStatus as S
from app.core.services.experts.fields import ASSIGNMENT
from app.core.services.experts.query import AssignmentRow
from app.core.services.experts.quotas import QuotaData
from app.i18n import N_, current_language, format_date, pgettext
from app.ui.models.field_cells import declared_column
from app.ui.models.query_model import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Column
from app.ui.widgets.timeline import STATUS_COLORS

SideName = Callable[[str], str]


def _short(d: dt.date | None) -> str:
    return format_date(d, "short") if d else ""


def _both(zh: str, ru: str) -> str:
    return "\n".join(x for x in (zh, ru) if x)


def _status_brush(row: AssignmentRow):
    return QBrush(QColor(STATUS_COLORS[row.status]).lighter(125))


def _term_foreground(today: Callable[[], dt.date], horizon: Callable[[], int]):
    def fg(row: AssignmentRow):
        if row.status != S.ON_SITE:
            return None
        t = today()
        if row.term_end < t:
            return QBrush(QColor("#b00020"))
        if (row.term_end - t).days <= horizon():
            return QBrush(QColor("#b26a00"))
        return None

    return fg


#: Where a column's cells sit, by the kind of its field.
_ALIGN = {FieldKind.DATE: ALIGN_CENTER, FieldKind.INT: ALIGN_RIGHT}


def assignment_columns(
    side_name: SideName, today: Callable[[], dt.date], horizon: Callable[[], int]
) -> list[Column]:
    """One column per field of :data:`ASSIGNMENT` marked ``column``, titled by its label."""
    lang = current_language

    def term(r: AssignmentRow) -> str:
        return f"{r.term_limit_days} + {r.extension_days}" if r.extension_days else str(r.term_limit_days)

    cells = {
        "status": dict(value=lambda r: r.status.label, background=_status_brush,
                       extra={"export": lambda r: r.status.label}),
        "people": dict(value=lambda r: r.names(lang()),
                       tooltip=lambda r: "\n".join(f"{p.name_zh} / {p.name_ru}" for p in r.people)),
        "direction": dict(value=lambda r: f"{side_name(r.sending_code)} → {side_name(r.receiving_code)}"),
        "purpose": dict(value=lambda r: r.purpose.label),
        "organisation": dict(value=lambda r: r.host_organisation(lang()),
                             tooltip=lambda r: _both(r.host_organisation_zh, r.host_organisation_ru)),
        "place": dict(value=lambda r: r.place(lang()), tooltip=lambda r: _both(r.place_zh, r.place_ru)),
        "speciality": dict(value=lambda r: r.speciality(lang()),
                           tooltip=lambda r: _both(r.speciality_zh, r.speciality_ru)),
        "start": dict(value=lambda r: _short(r.start_date), extra={"export": lambda r: r.start_date}),
        "end": dict(value=lambda r: _short(r.end_date), extra={"export": lambda r: r.end_date}),
        "term": dict(value=term, extra={"export": lambda r: r.term_limit_days + r.extension_days}),
        "term_end": dict(value=lambda r: _short(r.term_end), foreground=_term_foreground(today, horizon),
                         extra={"export": lambda r: r.term_end}),
        "session": dict(value=lambda r: str(r.meeting_ordinal or ""), align=ALIGN_CENTER,
                        extra={"export": lambda r: r.meeting_ordinal}),
    }  # fmt: skip
    return [Column(f.name, f.column_msgid or f.msgid, **{"align": _ALIGN.get(f.kind, ALIGN_LEFT), **cells[f.name]})
            if f.name in cells else declared_column(f, sortable=False) for f in ASSIGNMENT.columns()]  # fmt: skip


def _left_foreground(q: QuotaData):
    if q.left < 0:
        return QBrush(QColor("#b00020"))
    if q.number and q.left <= max(1, q.number // 10):
        return QBrush(QColor("#b26a00"))
    return None


def quota_columns() -> list[Column]:
    lang = current_language
    sep = lambda: pgettext("list separator", ", ")  # noqa: E731
    return [
        Column("decision", N_("Decision"), lambda q: q.decision_label()),
        Column("direction", N_("Direction"), lambda q: q.direction(lang())),
        Column("purposes", N_("Purposes"), lambda q: sep().join(p.label for p in q.purposes)),
        Column("speciality", N_("Speciality"), lambda q: q.speciality(lang()), sortable=False),
        Column("number", N_("Agreed number"), lambda q: q.number, align=ALIGN_RIGHT),
        Column("used", N_("Used"), lambda q: q.used, align=ALIGN_RIGHT, sortable=False,
               header_tooltip=N_("People on site or back home")),
        Column("planned", N_("Planned"), lambda q: q.planned, align=ALIGN_RIGHT, sortable=False,
               header_tooltip=N_("People proposed, invited, accepted or with travel arranged")),
        Column("left", N_("Places left"), lambda q: q.left, align=ALIGN_RIGHT, sortable=False, foreground=_left_foreground),
        Column("period_from", N_("Start"), lambda q: _short(q.period_from), align=ALIGN_CENTER,
               extra={"export": lambda q: q.period_from}),
        Column("period_to", N_("End"), lambda q: _short(q.period_to), align=ALIGN_CENTER,
               extra={"export": lambda q: q.period_to}),
        Column("max_term", N_("Longest stay, days"), lambda q: q.max_term_days or "", align=ALIGN_RIGHT,
               sortable=False),
    ]  # fmt: skip
