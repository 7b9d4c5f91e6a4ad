"""A date field with a calendar, in the interface language's format, that may also be left empty."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import QDateEdit

from app.i18n import current_language
from app.ui.widgets.retranslate import Retranslatable

#: The minimum date stands for "no date" in an optional field (shown as the special text).
_EMPTY = QDate(1900, 1, 1)

FORMATS = {"zh_CN": "yyyy-MM-dd", "ru": "dd.MM.yyyy", "en": "d MMM yyyy"}


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateEdit(Retranslatable, QDateEdit):
    """``value()`` is a ``datetime.date`` (or None when ``optional`` and left empty)."""

    valueChanged = Signal(object)  # noqa: N815 - Qt's naming

    def __init__(self, value: dt.date | None = None, optional: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText("—")
        else:
            self.setMinimumDate(QDate(1900, 1, 2))
        self.setMaximumDate(QDate(2200, 12, 31))
        self.set_value(value)
        self.dateChanged.connect(lambda _d: self.valueChanged.emit(self.value()))
        self.calendarWidget().installEventFilter(self)
        self.retranslate_ui()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # an empty field opens its calendar on the current month, not on 1900
        if obj is self.calendarWidget() and event.type() == QEvent.Type.Show and self.value() is None:
            today = dt.date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return super().eventFilter(obj, event)

    def value(self) -> dt.date | None:
        d = self.date()
        if self.optional and d == _EMPTY:
            return None
        return from_qdate(d)

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            if self.optional:
                self.setDate(_EMPTY)
                return
            value = dt.date.today()
        self.setDate(to_qdate(value))

    def clear_value(self) -> None:
        self.set_value(None)

    def retranslate_ui(self) -> None:
        self.setDisplayFormat(FORMATS.get(current_language(), FORMATS["en"]))
