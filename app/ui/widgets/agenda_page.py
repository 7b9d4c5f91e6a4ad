"""The agenda of the selected session: the numbered items, buttons to add, edit, delete and move
them, and the supplementary materials of the selected item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.core.errors import CoreError
from app.core.services.agenda import items as agenda
from app.core.services.agenda.items import AgendaItemData
from app.core.services.agenda.sessions import MeetingData
from app.core.services.commission import SideData
from app.i18n import _, current_language, ngettext
from app.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from app.ui.dialogs.carry_over_dialog import CarryOverDialog
from app.ui.widgets import messages
from app.ui.widgets.agenda_table import AgendaModel, AgendaTable
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.doc_language import DocLanguageCombo
from app.ui.widgets.retranslate import Retranslatable


class AgendaPage(Retranslatable, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingData | None = None
        self.sides: dict[int, SideData] = {}
        self._select_after: int | None = None
        self.model = AgendaModel(self._side_name, self)
        self.table = AgendaTable()
        self.table.setModel(self.model)
        self.table.moveRequested.connect(self.move_item)
        self.table.doubleClicked.connect(lambda _i: self.edit_item())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())

        self.add_button = QPushButton()
        self.add_button.setObjectName("item_add")
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("item_edit")
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("item_delete")
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button = QPushButton()
        self.up_button.setObjectName("item_up")
        self.up_button.clicked.connect(lambda: self._step(-1))
        self.down_button = QPushButton()
        self.down_button.setObjectName("item_down")
        self.down_button.clicked.connect(lambda: self._step(1))
        self.carry_button = QPushButton()
        self.carry_button.setObjectName("item_carry_over")
        self.carry_button.clicked.connect(self.offer_carry_over)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.carry_button)
        # the standing first item is the report on implementation: offered when it is selected
        self.report_button = QPushButton()
        self.report_button.setObjectName("item_report")
        self.report_button.clicked.connect(self.show_report)
        self.report_lang = DocLanguageCombo("implementation")
        self.report_lang.setObjectName("item_report_lang")
        self.report_row = QWidget()
        self.report_row.setObjectName("item_report_row")
        report_lay = QHBoxLayout(self.report_row)
        report_lay.setContentsMargins(0, 0, 0, 0)
        self.report_label = QLabel()
        self.report_label.setObjectName("item_report_label")
        self.report_label.setWordWrap(True)
        report_lay.addWidget(self.report_label, 1)
        report_lay.addWidget(self.report_lang)
        report_lay.addWidget(self.report_button)
        self.summary = QLabel()
        self.summary.setObjectName("agenda_summary")

        self.materials_box = QGroupBox()
        self.materials = AttachmentsWidget(ctx, agenda.OWNER_KIND)
        box = QVBoxLayout(self.materials_box)
        box.addWidget(self.report_row)
        box.addWidget(self.materials)

        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.addLayout(buttons)
        top_lay.addWidget(self.table, 1)
        top_lay.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.materials_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def _side_name(self, side_id: int | None) -> str:
        s = self.sides.get(side_id)
        return s.short_name(current_language()) if s else ""

    def set_meeting(self, meeting: MeetingData | None, sides: list[SideData]) -> None:
        self.meeting = meeting
        self.sides = {s.id: s for s in sides}
        keep = self._select_after
        if keep is None:
            cur = self.current()
            keep = cur.id if cur else None
        self._select_after = None
        items = self.ctx.read(agenda.list_items, meeting.id) if meeting else []
        self.model.set_rows(items)
        if keep is not None:
            self.table.select_item(keep)
        self._on_selection()
        self._update_summary()

    def current(self) -> AgendaItemData | None:
        return self.table.current_item()

    def _on_selection(self) -> None:
        item = self.current()
        self.materials.set_owner(item.id if item else None)
        self.materials.set_read_only(item is None)
        has = item is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and item.position > 0)
        self.down_button.setEnabled(has and item.position < self.model.rowCount() - 1)
        self.add_button.setEnabled(self.meeting is not None)
        self.carry_button.setEnabled(self.meeting is not None)
        self._update_materials_title()
        self._update_report()

    def _update_report(self) -> None:
        item = self.current()
        standing = item is not None and item.is_standing and self.meeting is not None
        self.report_row.setVisible(standing)
        if not standing:
            return
        from app.core.services.decisions import report

        data = self.ctx.read(report.implementation, self.meeting.id)
        text = ngettext("The report on implementation: {n} decision not yet closed",
                        "The report on implementation: {n} decisions not yet closed", len(data.decisions)
                        ).format(n=len(data.decisions))  # fmt: skip
        if data.late:
            text = _("{first}, {second}").format(
                first=text, second=ngettext("{n} late", "{n} late", len(data.late)).format(n=len(data.late))
            )
        self.report_label.setText(text)

    def report_pdf(self, lang: str) -> tuple[bytes, str, str]:
        """The report on implementation before the selected session (the standing first item)."""
        from app.core.services.decisions import report
        from app.reports.implementation import build_implementation

        data = self.ctx.read(report.implementation, self.meeting.id)
        n = data.meeting.ordinal
        title = _("Report on implementation, session {number}").format(number=n)
        return build_implementation(data, lang), f"implementation-{n}-{lang}.pdf", title

    def show_report(self) -> None:
        if self.meeting is None:
            return
        from app.ui.dialogs.pdf_preview import show_pdf

        pdf, name, title = self.report_pdf(self.report_lang.currentData())
        self.preview = show_pdf(self, pdf, name, title)

    def _update_materials_title(self) -> None:
        item = self.current()
        if item is None:
            self.materials_box.setTitle(_("Materials: select an agenda item"))
        else:
            self.materials_box.setTitle(_("Materials of item {number}").format(number=item.number))

    def _update_summary(self) -> None:
        items = self.model.rows
        if self.meeting is None:
            self.summary.setText("")
            return
        missing = sum(1 for i in items if i.missing_title)
        text = ngettext("{n} item", "{n} items", len(items)).format(n=len(items))
        if missing:
            text += " · " + ngettext(
                "{n} item lacks a title in one language", "{n} items lack a title in one language", missing
            ).format(n=missing)
        self.summary.setText(text)

    # --- actions -----------------------------------------------------------------------------

    def add_item(self) -> None:
        if self.meeting is None:
            return
        dlg = AgendaItemDialog(self.ctx, self.meeting, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self._select(dlg.saved.id)

    def edit_item(self, item: AgendaItemData | None = None) -> None:
        item = item or self.current()
        if item is None or self.meeting is None:
            return
        dlg = AgendaItemDialog(self.ctx, self.meeting, item, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self._select(dlg.saved.id)

    def edit_item_id(self, item_id: int) -> None:
        row = self.model.find_row(lambda i: i.id == item_id)
        if row >= 0:
            self.table.select_item(item_id)
            self.edit_item(self.model.rows[row])

    def delete_item(self) -> None:
        item = self.current()
        if item is None:
            return
        text = _("Delete agenda item {number} “{title}”? Its materials are deleted with it; the items after it "
                 "move up.").format(number=item.number, title=item.title(current_language()))  # fmt: skip
        if not messages.confirm(self, text):
            return
        try:
            self.ctx.write(agenda.delete_item, item.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def _step(self, step: int) -> None:
        item = self.current()
        if item is not None:
            self.move_item(item.id, item.position + step)

    def move_item(self, item_id: int, to_index: int) -> None:
        self._select_after = item_id
        try:
            self.ctx.write(agenda.move_item, item_id, to_index)
        except CoreError as exc:
            self._select_after = None
            messages.error(self, exc.message)
            return
        self.table.setFocus()

    def _select(self, item_id: int) -> None:
        self._select_after = item_id
        self.table.select_item(item_id)

    def offer_carry_over(self, quiet: bool = False) -> bool:
        """Offer the previous session's deferred items; False if there were none."""
        if self.meeting is None:
            return False
        candidates = self.ctx.read(agenda.deferred_candidates, self.meeting.id)
        if not candidates:
            if not quiet:
                messages.info(self, _("The previous session left no deferred items to carry over."))
            return False
        CarryOverDialog(self.ctx, self.meeting.id, candidates, parent=self).exec()
        return True

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("&Add item…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete"))
        self.up_button.setText(_("Move up"))
        self.up_button.setToolTip(_("Move the item up (Ctrl+Up)"))
        self.down_button.setText(_("Move down"))
        self.down_button.setToolTip(_("Move the item down (Ctrl+Down)"))
        self.carry_button.setText(_("Carry over deferred items…"))
        self.report_button.setText(_("&Report on implementation…"))
        self.report_lang.follow_language()
        self.report_button.setToolTip(_("Preview, print or save the report on implementation of the "
                                        "earlier sessions' decisions for this item"))
        self.model.retranslate()
        self._update_materials_title()
        self._update_summary()
        if self.meeting is not None:
            self._update_report()
