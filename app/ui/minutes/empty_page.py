"""What the Minutes tab shows for a session whose minutes have not been started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.widgets.messages import menu_path, menu_words
from app.ui.widgets.retranslate import Retranslatable


class EmptyPage(Retranslatable, QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 12pt;")
        self.start_agenda_button = QPushButton()
        self.start_agenda_button.setObjectName("minutes_start_agenda")
        self.start_empty_button = QPushButton()
        self.start_empty_button.setObjectName("minutes_start_empty")
        self.import_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_agenda_button, self.start_empty_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.text)
        lay.addLayout(buttons)
        lay.addStretch(2)
        self.state = "not_started"
        self.retranslate_ui()

    def set_state(self, state: str) -> None:
        """"not_started" (a session without minutes), "no_session" or "no_commission"."""
        self.state = state
        for b in (self.start_agenda_button, self.start_empty_button, self.import_button):
            b.setVisible(state == "not_started")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.state == "no_commission":
            text = _("Set up the commission and its two sides first ({menu}).").format(
                menu=menu_path(_("&File"), _("&Commission and sides…"))
            )
        elif self.state == "no_session":
            text = _("There is no session yet. Create the first session in the Agenda tab ({button}); its "
                     "minutes are then written here.").format(button=menu_words(_("&New session…")))  # fmt: skip
        else:
            text = _("The minutes of this session have not been started. Start them from the agreed agenda, "
                     "with an empty page, or from a two-column table prepared by the interpreters.")  # fmt: skip
        self.text.setText(text)
        self.start_agenda_button.setText(_("Start from the &agenda"))
        self.start_empty_button.setText(_("Start with an &empty page"))
        self.import_button.setText(_("&Import a table…"))
