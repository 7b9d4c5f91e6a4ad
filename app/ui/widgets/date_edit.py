"""Date fields with a calendar, in the interface language's format.

- :class:`DateEdit`: a QDateEdit whose ``value()`` is a ``datetime.date``; with ``optional`` its
  minimum stands for "no date" (shown as —).
- :class:`OptionalDateEdit`: a check box that sets or clears the date, beside the date field.

Dates are shown in the short (table) style of :mod:`app.i18n.wording`, so that a field shows a
date as the tables do: 1958-03-12 in Chinese, 12.03.1958 in Russian, 12 Mar 1958 in English.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from app.i18n import _, current_language, wording
from app.ui.widgets.retranslate import Retranslatable

_EMPTY = QDate(1899, 12, 31)
_FIRST = QDate(1900, 1, 1)


def display_format(lang: str | None = None) -> str:
    """The Qt display pattern of the short date style (the same pattern in CLDR and Qt)."""
    return wording.SHORT_DATE_PATTERNS[wording.lang_key(lang or current_language())]


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(Retranslatable, QWidget):
    """``date()`` is a ``datetime.date`` or None; ``changed`` fires on every change."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setSpecialValueText("—")
        self.edit.setMinimumWidth(120)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        self._last = QDate.currentDate()
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date)
        self.setFocusProxy(self.edit)
        self.set_date(None)
        self.retranslate_ui()

    def date(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        return self.edit.date().toPython()

    def set_date(self, value: dt.date | None) -> None:
        self.check.blockSignals(True)
        self.edit.blockSignals(True)
        if value is None:
            self.check.setChecked(False)
            self.edit.setMinimumDate(_EMPTY)
            self.edit.setDate(_EMPTY)
            self.edit.setEnabled(False)
        else:
            self.check.setChecked(True)
            self.edit.setMinimumDate(_FIRST)
            self.edit.setEnabled(True)
            self.edit.setDate(QDate(value.year, value.month, value.day))
            self._last = self.edit.date()
        self.check.blockSignals(False)
        self.edit.blockSignals(False)
        self.changed.emit()

    def _on_toggled(self, on: bool) -> None:
        if on:
            self.set_date(self._last.toPython())
            self.edit.setFocus()
        else:
            if self.edit.date() != _EMPTY:
                self._last = self.edit.date()
            self.set_date(None)

    def _on_date(self, _d) -> None:
        if self.check.isChecked():
            self._last = self.edit.date()
            self.changed.emit()

    def setStyleSheet(self, sheet: str) -> None:  # noqa: N802 - FieldErrors marks the field invalid
        self.edit.setStyleSheet(sheet)

    def retranslate_ui(self) -> None:
        self.edit.setLocale(QLocale())  # month names in the language now in use, not at creation
        self.edit.calendarWidget().setLocale(QLocale())
        self.edit.setDisplayFormat(display_format())
        self.check.setToolTip(_("Tick to give the date, untick to clear it."))


#: In a :class:`DateEdit` with ``optional``, the minimum date stands for "no date".
_NO_DATE = QDate(1900, 1, 1)


class DateEdit(Retranslatable, QDateEdit):
    """``value()`` is a ``datetime.date`` (or None when ``optional`` and left empty)."""

    valueChanged = Signal(object)  # noqa: N815 - Qt's naming

    def __init__(self, value: dt.date | None = None, optional: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDate(_NO_DATE)
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
        if self.optional and d == _NO_DATE:
            return None
        return from_qdate(d)

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            if self.optional:
                self.setDate(_NO_DATE)
                return
            value = dt.date.today()
        self.setDate(to_qdate(value))

    def clear_value(self) -> None:
        self.set_value(None)

    def retranslate_ui(self) -> None:
        self.setLocale(QLocale())  # month names in the language now in use, not at creation
        self.calendarWidget().setLocale(QLocale())
        self.setDisplayFormat(display_format())
