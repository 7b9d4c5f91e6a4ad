"""A choice of days (with "not scheduled" when allowed), shown with Babel in the interface language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox

from app.i18n import wording


class DayCombo(QComboBox):
    """Days are kept in a Python list (a QVariant does not compare dates); ``day()`` is the choice."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.days: list[dt.date | None] = []
        self.none_text = ""
        self.note = None  # callable(date) -> str shown after the date

    def set_days(self, days: list[dt.date], allow_none: bool = False) -> None:
        self.days = ([None] if allow_none else []) + list(days)
        self.clear()
        for _d in self.days:
            self.addItem("")
        self.retranslate()

    def day(self) -> dt.date | None:
        i = self.currentIndex()
        return self.days[i] if 0 <= i < len(self.days) else None

    def set_day(self, day: dt.date | None) -> None:
        if day not in self.days:
            self.days.append(day)
            self.addItem("")
            self.retranslate()
        self.setCurrentIndex(self.days.index(day))

    def retranslate(self) -> None:
        for i, d in enumerate(self.days):
            if d is None:
                self.setItemText(i, self.none_text)
            else:
                text = wording.weekday_date(d)
                extra = self.note(d) if self.note else ""
                self.setItemText(i, f"{text}  {extra}" if extra else text)
