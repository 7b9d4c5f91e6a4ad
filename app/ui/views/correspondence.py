"""The Liaison log tab: letters and notes between the liaison agencies between sessions — what
awaits an answer, from which side and for how long — with filters, the letter dialog and the
export to XLSX/CSV. A thin shell over :class:`LetterLogPage`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.core.changes import Change
from app.core.enums import LetterStatus
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.correspondence import records as service
from app.core.services.correspondence import transfer
from app.core.services.correspondence.records import LetterData, LetterFilter
from app.i18n import N_, _, current_language, format_date, ngettext
from app.ui.dialogs.letter_dialog import LetterDialog
from app.ui.models.query_model import ALIGN_RIGHT, Column, QueryTableModel
from app.ui.views.base import View
from app.ui.views.page import RegisterPage, forward, register_table
from app.ui.widgets import combo as combo_values
from app.ui.widgets import messages
from app.ui.widgets.column_chooser import fill_width, fit_columns, needs_fit
from app.ui.widgets.search import SearchField

OVERDUE_COLOUR = "#b00020"
AWAITING, OVERDUE = "awaiting", "overdue"


class LetterLogPage(RegisterPage):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("LetterLog")
        self._rows: list[LetterData] = []
        self._waiting = None  # the letters awaiting an answer, as last read
        self._sides: dict[int, str] = {}
        self.side_label, self.side_box = QLabel(), QComboBox()
        self.status_label, self.status_box = QLabel(), QComboBox()
        for name, box in (("side", self.side_box), ("status", self.status_box)):
            box.setObjectName(f"letters_filter_{name}")
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = SearchField()
        self.search.setObjectName("letters_search")
        self.search.searchChanged.connect(lambda _t: self.reload())
        filters = QHBoxLayout()
        for label, box in ((self.side_label, self.side_box), (self.status_label, self.status_box)):
            label.setBuddy(box)
            filters.addWidget(label)
            filters.addWidget(box, 1)
        filters.addWidget(self.search, 2)
        self.add_button, self.edit_button = QPushButton(), QPushButton()
        self.delete_button, self.export_button = QPushButton(), QPushButton()
        actions = QHBoxLayout()
        for name, b, slot in (("add", self.add_button, self.new_record), ("edit", self.edit_button, self.edit_record),
                              ("delete", self.delete_button, self.delete_record),
                              ("export", self.export_button, lambda: self.export())):  # fmt: skip
            b.setObjectName(f"letters_{name}")
            b.clicked.connect(slot)
            if name == "export":
                actions.addStretch(1)
            actions.addWidget(b)
        self.awaiting_label = QLabel()
        self.awaiting_label.setObjectName("letters_awaiting")
        self.awaiting_label.setWordWrap(True)
        model = QueryTableModel(self._columns(), self._fetch, lambda: len(self._rows), self)
        table = register_table("letters_table", model, sortable=False)
        table.horizontalHeader().setStretchLastSection(False)  # a stretched column would keep its old width
        self.set_table(table, model)
        splitter = self.with_detail("letters_detail")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addLayout(actions)
        lay.addWidget(self.awaiting_label)
        lay.addWidget(splitter, 1)
        self.retranslate_ui()

    def _columns(self) -> list[Column]:
        lang = current_language

        def red(r: LetterData):
            return QBrush(QColor(OVERDUE_COLOUR)) if r.overdue(dt.date.today()) else None

        def waiting(r: LetterData) -> str:
            return str(r.waiting_days(dt.date.today())) if r.waiting else ""

        return [
            Column("letter_date", N_("Date"), lambda r: format_date(r.letter_date)),
            Column("direction", N_("Direction"), lambda r: transfer.direction(r, self._sides)),
            Column("from", N_("From"), lambda r: r.sender(lang()), tooltip=lambda r: r.sender(lang())),
            Column("to", N_("To"), lambda r: r.addressee(lang()), tooltip=lambda r: r.addressee(lang())),
            Column("subject", N_("Subject"), lambda r: r.subject(lang()),
                   tooltip=lambda r: r.subject_ru if lang() == "zh_CN" else r.subject_zh),
            Column("refs", N_("References"), lambda r: " / ".join(x for x in (r.our_ref, r.their_ref) if x)),
            Column("reply_by", N_("Reply by"), lambda r: format_date(r.reply_by) if r.reply_by else "",
                   foreground=red),
            Column("status", N_("Status"), lambda r: r.status.label),
            Column("waiting", N_("Days waiting"), waiting, align=ALIGN_RIGHT, foreground=red),
        ]  # fmt: skip

    def _fetch(self, offset, limit, sort, desc):
        return self._rows[offset : offset + limit]

    def refresh(self) -> None:
        self._read_sides()
        self.fill_filters()
        self.reload()

    def _read_sides(self) -> None:
        lang = current_language()
        self._sides = (
            {s.position: s.short_name(lang) for s in self.ctx.read(commission_service.get_sides)}
            if self.ctx.has_db
            else {}
        )

    def fill_filters(self) -> None:
        statuses = [(s.label, s.value) for s in LetterStatus]
        statuses += [(_("Awaiting an answer"), AWAITING), (_("Reply overdue"), OVERDUE)]
        sides = [(_("From {side}").format(side=name), pos) for pos, name in sorted(self._sides.items())]
        for box, everything, items in ((self.side_box, _("Both directions"), sides),
                                       (self.status_box, _("Any status"), statuses)):  # fmt: skip
            combo_values.refill(box, [(everything, None), *items])

    def current_filter(self) -> LetterFilter:
        status = combo_values.value(self.status_box)
        return LetterFilter(
            from_side=combo_values.value(self.side_box),
            status=LetterStatus(status) if status and status not in (AWAITING, OVERDUE) else None,
            awaiting=status == AWAITING,
            overdue=status == OVERDUE,
            text=self.search.text(),
        )

    def reload(self) -> None:
        current = self.current()
        self._rows = self.ctx.read(service.list_letters, self.current_filter()) if self.ctx.has_db else []
        self.model.reload()
        self._fit()
        if current is not None:
            self.select_id(current.id)
        self._update_awaiting()
        self._show_detail()

    def _fit(self) -> None:
        if needs_fit(self.table):  # widths for the language and the rows only, as after a fresh start
            fit_columns(self.table, chars={2: 22, 3: 22, 4: 40}, content=(0, 1, 5, 6, 7))
            fill_width(self.table, {2: 1, 3: 1, 4: 2})

    def _update_awaiting(self, *, read: bool = True) -> None:
        """The line of letters awaiting an answer (``read=False``: the letters last read, in the
        current language)."""
        if not self.ctx.has_db:
            self.awaiting_label.clear()
            return
        today = dt.date.today()
        if read or self._waiting is None:
            self._waiting = self.ctx.read(service.awaiting)
        waiting = self._waiting
        if not waiting:
            self.awaiting_label.setText(_("No letter awaits an answer."))
            return
        parts = []
        for pos, name in sorted(self._sides.items()):
            mine = [r for r in waiting if r.to_side == pos]
            if not mine:
                continue
            late = sum(1 for r in mine if r.overdue(today))
            longest = max(r.waiting_days(today) for r in mine)
            text = ngettext("{n} letter awaits an answer from {side}", "{n} letters await an answer from {side}",
                            len(mine)).format(n=len(mine), side=name)  # fmt: skip
            days = ngettext("{n} day", "{n} days", longest).format(n=longest)
            text = _("{awaiting}, the longest for {days}").format(awaiting=text, days=days)
            if late:
                text = ngettext("{text}, {n} of them past the reply-by date",
                                "{text}, {n} of them past the reply-by date", late).format(text=text, n=late)  # fmt: skip
            parts.append(text)
        self.awaiting_label.setText("; ".join(parts))

    def _show_detail(self) -> None:
        r = self.current()
        if r is None:
            self.detail.clear()
            return
        labels = ", ".join(_("Decision {label}").format(label=x) for x in r.decision_labels)
        self.set_detail(r.subject(current_language()), r.summary_zh, r.summary_ru, more=[labels] if labels else [])

    def update_buttons(self) -> None:
        r = self.current()
        self.add_button.setEnabled(self.can_new())
        self.edit_button.setEnabled(r is not None)
        self.delete_button.setEnabled(r is not None)
        self.export_button.setEnabled(self.ctx.has_db)

    def can_new(self) -> bool:
        return self.ctx.has_db and len(self._sides) == 2

    def new_record(self) -> None:
        if not self.can_new():
            return
        dlg = LetterDialog(self.ctx, parent=self)
        if dlg.exec():
            self.reload()
            self.select_id(dlg.saved.id)
            self.status.emit(_("The letter was entered in the liaison log."))

    def edit_record(self) -> None:
        r = self.current()
        if r is None:
            return
        dlg = LetterDialog(self.ctx, r, parent=self)
        if dlg.exec():
            self.reload()
            self.status.emit(_("The letter was saved."))

    def delete_record(self) -> None:
        r = self.current()
        if r is None:
            return
        if not messages.confirm(
            self, _("Delete the letter “{subject}”?").format(subject=r.subject(current_language()))
        ):
            return
        try:
            self.ctx.write(service.delete_letter, r.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.reload()

    def export(self, path: str | None = None) -> Path | None:
        if not path:
            path, _f = QFileDialog.getSaveFileName(self, _("Export the liaison log"), "liaison-log.xlsx",
                                                   _("Excel workbooks (*.xlsx);;CSV files (*.csv)"))  # fmt: skip
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx")
        try:
            n = self.ctx.read(transfer.export_file, target, self.current_filter())
        except CoreError as exc:
            messages.error(self, exc.message)
            return None
        self.status.emit(ngettext("{n} letter exported to {path}", "{n} letters exported to {path}", n).format(
            n=n, path=target))  # fmt: skip
        return target

    def retranslate_ui(self) -> None:
        self.side_label.setText(_("Dir&ection:"))
        self.status_label.setText(_("Stat&us:"))
        self.search.setPlaceholderText(_("Search subjects, summaries and references"))
        self.add_button.setText(_("&New letter…"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.export_button.setText(_("E&xport…"))
        self.export_button.setToolTip(_("Save the letters shown to an XLSX or CSV file"))

    def relabel(self) -> None:
        """After a language switch: the names, labels and widths in the new language; the letters
        themselves are not read again (nothing in them depends on the language)."""
        self.model.retranslate()
        self._read_sides()
        self.fill_filters()
        self._fit()
        self._update_awaiting(read=False)
        self._show_detail()


@forward(
    "log",
    "model table detail search side_box status_box add_button edit_button delete_button "
    "export_button awaiting_label current select_id export",
)
class CorrespondenceView(View):
    TITLE = N_("Liaison log")
    CONCERNS = frozenset({Change.CORRESPONDENCE, Change.COMMISSION, Change.DECISIONS, Change.ATTACHMENTS})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("CorrespondenceView")
        self.log = LetterLogPage(ctx)
        self.log.actionsChanged.connect(self.actionsChanged)
        self.log.status.connect(self.status)
        lay = QVBoxLayout(self)
        lay.addWidget(self.log)

    def refresh(self) -> None:
        self.log.refresh()

    def can_new(self) -> bool:
        return self.log.can_new()

    def can_edit(self) -> bool:
        return self.log.can_edit()

    def can_delete(self) -> bool:
        return self.log.can_delete()

    def can_find(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.log.search.setFocus()

    def new_record(self) -> None:
        self.log.new_record()

    def edit_record(self) -> None:
        self.log.edit_record()

    def delete_record(self) -> None:
        self.log.delete_record()

    def retranslate_ui(self) -> None:
        self.log.relabel()
