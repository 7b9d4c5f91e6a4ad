"""A date that may be empty: a check box that sets or clears it, and a date field with a calendar.

Dates are shown the way each language writes them in tables: 1958-03-12 in Chinese and English,
12.03.1958 in Russian.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from app.i18n import _, current_language
from app.ui.widgets.retranslate import Retranslatable

_EMPTY = QDate(1899, 12, 31)
_FIRST = QDate(1900, 1, 1)


def display_format(lang: str | None = None) -> str:
    return "dd.MM.yyyy" if (lang or current_language()) == "ru" else "yyyy-MM-dd"


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
        self.edit.setDisplayFormat(display_format())
        self.check.setToolTip(_("Tick to give the date, untick to clear it."))
