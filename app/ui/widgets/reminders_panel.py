"""The reminders panel: what is due or overdue this week across every register, each a double-click
away from its record; a reminder can be snoozed for a day or a week. Shown at start-up when there
is something to do (View → Reminders)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Change
from app.core.errors import CoreError
from app.core.services import reminders as service
from app.core.services.reminders import Reminder, ReminderKind
from app.i18n import _, current_language, ngettext
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

OVERDUE_COLOUR = "#b00020"

#: (tab class, how it shows a record) per kind of reminder
OPENERS = {
    ReminderKind.DECISION: ("DecisionsView", lambda v, i: v.select_id(i)),
    ReminderKind.LETTER: ("CorrespondenceView", lambda v, i: v.select_id(i)),
    ReminderKind.EXCHANGE: ("ExchangesView", lambda v, i: v.register.select_item(i)),
    ReminderKind.EXPERT: ("ExpertsView", lambda v, i: v.select_assignment(i)),
    ReminderKind.DEADLINE: ("AgendaView", lambda v, i: v.sessions.select_id(i)),
}


class RemindersPanel(Retranslatable, QWidget):
    #: the user asked to open this reminder's record
    openRequested = Signal(object)  # noqa: N815
    #: the list and its summary were filled afresh
    filled = Signal()  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[Reminder] = []
        self._tree_stale = False  # the list waits for the panel to be shown
        self._late = 0  # of the items, how many are overdue
        self.summary = QLabel()
        self.summary.setObjectName("reminders_summary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("reminders_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(3)
        self.tree.itemActivated.connect(lambda item, _c: self.open_item(item))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.open_button, self.day_button, self.week_button = QPushButton(), QPushButton(), QPushButton()
        for name, b in (("open", self.open_button), ("day", self.day_button), ("week", self.week_button)):
            b.setObjectName(f"reminders_{name}")
        self.open_button.clicked.connect(lambda: self.open_item(self.tree.currentItem()))
        self.day_button.clicked.connect(lambda: self.snooze(1))
        self.week_button.clicked.connect(lambda: self.snooze(7))
        buttons = QHBoxLayout()
        for b in (self.open_button, self.day_button, self.week_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        ctx.changed.connect(self._on_changed)
        self.retranslate_ui()

    def _on_changed(self, changes) -> None:
        if changes & {Change.DATABASE, Change.DECISIONS, Change.CORRESPONDENCE, Change.EXCHANGES, Change.EXPERTS,
                      Change.MEETINGS, Change.REMINDERS, Change.SETTINGS}:  # fmt: skip
            self.refresh()

    def refresh(self) -> None:
        self.items = self.ctx.read(service.reminders) if self.ctx.has_db else []
        self._late = sum(1 for r in self.items if r.overdue)  # (counted once, not in each language)
        self._fill()

    def _fill(self) -> None:
        """The summary (and the status bar's button) at once; the list when the panel is shown (a
        large database has over 10,000 reminders: 0.7 s to list them, in every language switch)."""
        late = self._late
        if not self.items:
            self.summary.setText(_("Nothing is due this week."))
        else:
            text = ngettext("{n} reminder this week", "{n} reminders this week", len(self.items)).format(
                n=len(self.items)
            )
            if late:
                text = _("{first}, {second}").format(
                    first=text, second=ngettext("{n} overdue", "{n} overdue", late).format(n=late)
                )
            self.summary.setText(text)
        self._tree_stale = True
        if self.isVisible():
            self._fill_tree()
        self._update_buttons()
        self.filled.emit()

    def _fill_tree(self) -> None:
        self._tree_stale = False
        lang = current_language()
        self.tree.clear()
        late = QBrush(QColor(OVERDUE_COLOUR))
        items = []
        for r in self.items:
            texts = [r.when(), r.kind.label, r.what(lang)]
            item = QTreeWidgetItem(texts)
            item.setData(0, Qt.ItemDataRole.UserRole, r)
            for c, tip in enumerate(texts):
                item.setToolTip(c, tip)
                if r.overdue:
                    item.setForeground(c, late)
            items.append(item)
        self.tree.addTopLevelItems(items)
        # when and register as wide as they need within a cap, so that the subject stays in view
        avg = self.tree.fontMetrics().averageCharWidth()
        for c, cap in ((0, 22), (1, 12)):
            self.tree.resizeColumnToContents(c)
            self.tree.setColumnWidth(c, min(self.tree.columnWidth(c), avg * cap + 12))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._tree_stale:
            self._fill_tree()
            self._update_buttons()

    def current(self) -> Reminder | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def open_item(self, item) -> None:
        if item is not None:
            self.openRequested.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def snooze(self, days: int) -> None:
        r = self.current()
        if r is None:
            return
        try:
            self.ctx.write(service.snooze, r.key, dt.date.today() + dt.timedelta(days=days))
        except CoreError as exc:
            messages.error(self, exc.message)

    def _update_buttons(self) -> None:
        on = self.current() is not None
        for b in (self.open_button, self.day_button, self.week_button):
            b.setEnabled(on)

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([_("When"), _("Register"), _("Subject")])
        self.open_button.setText(_("&Open"))
        self.day_button.setText(_("Snooze a &day"))
        self.week_button.setText(_("Snooze a &week"))
        if self.ctx.has_db:
            self._fill()


class RemindersDock(Retranslatable, QDockWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reminders_dock")
        self.panel = RemindersPanel(ctx)
        self.panel.setMinimumWidth(420)  # when, register and the beginning of the subject
        self.setWidget(self.panel)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Reminders"))
