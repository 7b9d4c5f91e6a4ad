"""The bar above the minutes editor: the session whose minutes are shown, which segments, and the
import and export of the minutes as a table."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from app.i18n import N_, _, current_language, format_date, wording
from app.ui.widgets.retranslate import Retranslatable

FILTER_LABELS = (("all", N_("All segments")), ("not_agreed", N_("Not yet agreed")),
                 ("findings", N_("With check findings")))  # fmt: skip
#: the session shown last, opened again at the next start
SESSION_KEY = "minutes/session"


class SessionBar(Retranslatable, QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.session_label = QLabel()
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("minutes_session")
        self.session_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session_combo.setMinimumContentsLength(14)
        self.session_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.session_combo.setMaximumWidth(460)
        self.session_label.setBuddy(self.session_combo)
        self.filter_label = QLabel()
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("minutes_filter")
        self.filter_label.setBuddy(self.filter_combo)
        self.import_button = QPushButton()
        self.import_button.setObjectName("minutes_import")
        self.export_button = QPushButton()
        self.export_button.setObjectName("minutes_export")
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.session_label)
        top.addWidget(self.session_combo, 3)
        top.addSpacing(12)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        self._remembered: int | None = None  # the session written into the settings
        self.retranslate_ui()

    def fill_sessions(self, meetings) -> None:
        """List the sessions, keeping the one shown (or the one shown last time)."""
        combo = self.session_combo
        current = combo.currentData()
        if current is None:
            saved = QSettings().value(SESSION_KEY)
            current = self._remembered = int(saved) if saved not in (None, "") else None
        combo.clear()
        lang = current_language()
        for m in meetings:
            combo.addItem(
                _("{session} — {city}, {start}").format(
                    session=wording.session_name(m.ordinal), city=m.city(lang), start=format_date(m.start_date)
                ),
                m.id,
            )
        if combo.count():
            idx = combo.findData(current)
            combo.setCurrentIndex(idx if idx >= 0 else 0)

    def meeting_id(self) -> int | None:
        meeting_id = self.session_combo.currentData()
        if meeting_id is not None and meeting_id != self._remembered:
            # written only when it changes: each write rewrites the settings file (16 ms; issue 18)
            QSettings().setValue(SESSION_KEY, meeting_id)
            self._remembered = meeting_id
        return meeting_id

    def retranslate_ui(self) -> None:
        self.session_label.setText(_("&Session:"))
        self.filter_label.setText(_("S&how:"))
        current = self.filter_combo.currentData()
        self.filter_combo.clear()
        for key, label in FILTER_LABELS:
            self.filter_combo.addItem(_(label), key)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(current)))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("E&xport…"))
