"""Search everything (Ctrl+K): one box that finds any text across the registers, the minutes, the
decisions and the letters, in Chinese or Russian; Enter or a double-click opens the record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from app.core.services.search import everything as service
from app.i18n import N_, _, current_language, ngettext
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.search import SearchField

KIND_LABELS = {
    "decision": N_("Decision"),
    "note": N_("Follow-up note"),
    "letter": N_("Letter"),
    "segment": N_("Minutes"),
    "agenda_item": N_("Agenda item"),
    "exchange": N_("Exchange"),
    "person": N_("Person"),
    "expense": N_("Expense"),
}


class SearchDialog(Retranslatable, QDialog):
    #: the user chose a hit: open its record
    openRequested = Signal(object)  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("SearchDialog")
        self.setMinimumSize(640, 420)
        self.hits: list[service.Hit] = []
        self.box = SearchField()
        self.box.setObjectName("search_everything")
        self.box.searchChanged.connect(self.run)
        self.box.returnPressed.connect(self.open_current)
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.itemActivated.connect(lambda _i: self.open_current())
        self.count = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self.box)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.count)
        self.retranslate_ui()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.box.hasFocus() and self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return
        super().keyPressEvent(event)

    def run(self, query: str | None = None) -> None:
        q = self.box.text() if query is None else query
        self.hits = self.ctx.read(service.search, q) if self.ctx.has_db and q.strip() else []
        lang = current_language()
        self.results.clear()
        for h in self.hits:
            item = QListWidgetItem(f"{_(KIND_LABELS.get(h.kind, h.kind))} — {h.excerpt(q.strip(), lang)}")
            item.setToolTip(h.text(lang))
            self.results.addItem(item)
        if self.hits:
            self.results.setCurrentRow(0)
        self.count.setText(
            ngettext("{n} found", "{n} found", len(self.hits)).format(n=len(self.hits)) if q.strip() else ""
        )

    def open_current(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            self.openRequested.emit(self.hits[row])
            self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Search everything"))
        self.box.setPlaceholderText(
            _("Any text in Chinese or Russian: decisions, letters, minutes, registers")
        )
        if self.hits:
            self.run()
