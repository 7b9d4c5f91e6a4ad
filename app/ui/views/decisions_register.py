"""The register page of the Decisions tab: every decision of every session, filtered by session,
side, agency, status and "due within N days"; the text in the interface's language (the other on
hover and in the detail below), the agencies, the deadline (overdue in red, derived), the status and
the last follow-up note; and the report on implementation before a session, in Chinese or Russian."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.core.enums import DecisionStatus
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.decisions import records as service
from app.core.services.decisions.records import DecisionData, DecisionFilter
from app.i18n import N_, _, current_language, format_date, ngettext
from app.i18n.wording import session_name
from app.ui.dialogs.decision_dialog import DecisionDialog, NoteDialog, decision_label
from app.ui.models.query_model import ALIGN_CENTER, Column, QueryTableModel
from app.ui.views.page import RegisterPage, register_table
from app.ui.widgets import combo as combo_values
from app.ui.widgets import messages
from app.ui.widgets.column_chooser import fill_width, fit_columns, needs_fit
from app.ui.widgets.doc_language import DocLanguageCombo
from app.ui.widgets.search import SearchField

OVERDUE_COLOUR = "#b00020"
#: the status filter's pseudo-status
OVERDUE = "overdue"


class DecisionRegisterPage(RegisterPage):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("DecisionsRegister")
        self.filter = DecisionFilter()
        self._rows: list[DecisionData] = []
        self._sides: list = []
        self._meetings: list = []

        self.session_label, self.session_box = QLabel(), QComboBox()
        self.side_label, self.side_box = QLabel(), QComboBox()
        self.status_label, self.status_box = QLabel(), QComboBox()
        for name, box in (
            ("session", self.session_box),
            ("side", self.side_box),
            ("status", self.status_box),
        ):
            box.setObjectName(f"decisions_filter_{name}")
            box.currentIndexChanged.connect(self._on_filter)
        self.agency_box = SearchField()
        self.agency_box.setObjectName("decisions_filter_agency")
        self.agency_box.searchChanged.connect(self._on_filter)
        self.due_label, self.due_box = QLabel(), QSpinBox()
        self.due_box.setObjectName("decisions_filter_due")
        self.due_box.setRange(0, 3650)
        self.due_box.valueChanged.connect(self._on_filter)
        self.search = SearchField()
        self.search.setObjectName("decisions_search")
        self.search.searchChanged.connect(self._on_filter)
        filters = QHBoxLayout()
        for label, box in ((self.session_label, self.session_box), (self.side_label, self.side_box),
                           (self.status_label, self.status_box), (self.due_label, self.due_box)):  # fmt: skip
            label.setBuddy(box)
            filters.addWidget(label)
            filters.addWidget(box)
            if isinstance(box, QComboBox):  # the choices whole, in every language
                box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addStretch(1)
        texts = QHBoxLayout()  # the two text filters on a row of their own: room for the choices above
        texts.addWidget(self.agency_box, 1)
        texts.addWidget(self.search, 2)

        self.add_button, self.edit_button = QPushButton(), QPushButton()
        self.note_button, self.delete_button = QPushButton(), QPushButton()
        # the report on implementation: in the interface's language unless chosen (and remembered)
        self.report_button, self.doc_lang = QPushButton(), DocLanguageCombo("implementation")
        self.doc_lang.setObjectName("decisions_doc_lang")
        actions = QHBoxLayout()
        for name, b, slot in (("add", self.add_button, self.new_record), ("edit", self.edit_button, self.edit_record),
                              ("note", self.note_button, self.add_note),
                              ("delete", self.delete_button, self.delete_record),
                              ("report", self.report_button, self.show_report)):  # fmt: skip
            b.setObjectName(f"decisions_{name}")
            b.clicked.connect(slot)
            if name == "report":
                actions.addStretch(1)
                actions.addWidget(self.doc_lang)
            actions.addWidget(b)

        model = QueryTableModel(self._columns(), self._fetch, lambda: len(self._rows), self)
        table = register_table("decisions_table", model)
        table.horizontalHeader().setStretchLastSection(False)  # a stretched column would keep its old width
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.set_table(table, model)
        self.counts = QLabel()
        self.counts.setObjectName("decisions_counts")

        splitter = self.with_detail("decisions_detail")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addLayout(texts)
        lay.addLayout(actions)
        lay.addWidget(splitter, 1)
        lay.addWidget(self.counts)
        self.retranslate_ui()

    # --- columns ---------------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        lang = current_language

        def red(d: DecisionData):
            return QBrush(QColor(OVERDUE_COLOUR)) if d.overdue(dt.date.today()) else None

        def deadline(d: DecisionData) -> str:
            if d.deadline is None:
                return ""
            text = format_date(d.deadline)
            n = d.days_overdue(dt.date.today())
            return text + " — " + ngettext("{n} day late", "{n} days late", n).format(n=n) if n else text

        def status(d: DecisionData) -> str:
            if d.superseded_by:
                return _("Superseded by {decision}").format(decision=decision_label(*d.superseded_by))
            return d.status.label

        def last_note(d: DecisionData) -> str:
            n = d.last_note
            return f"{format_date(n.noted_on)}: {n.text(lang())}" if n else ""

        return [
            Column("number", N_("No."), lambda d: decision_label(d.ordinal, d.number), align=ALIGN_CENTER),
            Column("session", N_("Session"), lambda d: session_name(d.ordinal)
                   + (" *" if d.between_sessions else ""),
                   tooltip=lambda d: _("Taken between sessions, for this session's protocol")
                   if d.between_sessions else ""),
            Column("text", N_("Decision"), lambda d: d.text(lang()), tooltip=lambda d: d.other_text(lang())),
            Column("agency1", N_("First side's agency"), lambda d: d.agency1(lang())),
            Column("agency2", N_("Second side's agency"), lambda d: d.agency2(lang())),
            Column("deadline", N_("Deadline"), deadline, foreground=red),
            Column("status", N_("Status"), status),
            Column("note", N_("Last follow-up"), last_note, tooltip=last_note),
        ]  # fmt: skip

    # --- data ----------------------------------------------------------------------------------

    _SORT = {
        "number": lambda d: (d.ordinal, d.number),
        "session": lambda d: (d.ordinal, d.number),
        "deadline": lambda d: (d.deadline is None, d.deadline or dt.date.max),
        "status": lambda d: d.status.label,
    }

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        rows = self._rows
        if sort in self._SORT:
            rows = sorted(rows, key=self._SORT[sort], reverse=desc)
        elif sort is not None:
            col = next(c for c in self.model.columns if c.key == sort)
            rows = sorted(rows, key=lambda d: str(col.value(d)), reverse=desc)
        return rows[offset : offset + limit]

    def refresh(self) -> None:
        if self.ctx.has_db:
            self._meetings = self.ctx.read(meetings_service.list_meetings, newest_first=False)
            self._sides = sorted(self.ctx.read(commission_service.get_sides), key=lambda s: s.position)
        else:
            self._meetings, self._sides = [], []
        self.fill_filters()
        self.reload()

    def fill_filters(self) -> None:
        lang = current_language()
        statuses = [(s.label, s.value) for s in DecisionStatus] + [(_("Overdue"), OVERDUE)]
        fills = (
            (self.session_box, _("All sessions"), [(session_name(m.ordinal), m.id) for m in self._meetings]),
            (self.side_box, _("Both sides"), [(s.short_name(lang), s.position) for s in self._sides]),
            (self.status_box, _("Any status"), statuses),
        )
        for box, everything, items in fills:
            combo_values.refill(box, [(everything, None), *items])
        self._read_filter()

    def _read_filter(self) -> None:
        status = combo_values.value(self.status_box)
        self.filter = DecisionFilter(
            meeting_id=combo_values.value(self.session_box),
            side=combo_values.value(self.side_box),
            agency=self.agency_box.text(),
            status=DecisionStatus(status) if status and status != OVERDUE else None,
            overdue=status == OVERDUE,
            due_within=self.due_box.value() or None,
            text=self.search.text(),
        )

    def _on_filter(self, *_args) -> None:
        self.reload()

    def reload(self) -> None:
        self._read_filter()
        current = self.current()
        self._rows = self.ctx.read(service.list_decisions, self.filter) if self.ctx.has_db else []
        self.model.reload()
        if needs_fit(self.table):
            self._autosize()
        if current is not None:
            self.select_id(current.id)
        self._update_counts()
        self._show_detail()

    def _autosize(self) -> None:
        """Widths for the language and the rows only (a language switch looks like a fresh start):
        the short columns as wide as what they show, the text and the agencies a fair share."""
        fit_columns(self.table, chars={2: 44, 3: 22, 4: 22}, content=(0, 1, 5, 6))
        fill_width(self.table, {2: 3, 3: 1, 4: 1, 7: 1})

    def _update_counts(self) -> None:
        today = dt.date.today()
        late = sum(1 for d in self._rows if d.overdue(today))
        text = ngettext("{n} decision", "{n} decisions", len(self._rows)).format(n=len(self._rows))
        if late:
            text += "; " + ngettext("{n} overdue", "{n} overdue", late).format(n=late)
        self.counts.setText(text)

    def _show_detail(self) -> None:
        d = self.current()
        if d is None:
            self.detail.clear()
            return
        lang = current_language()
        self.set_detail(decision_label(d.ordinal, d.number), d.text_zh, d.text_ru, heading=_("Follow-up notes"),
                        more=[f"{format_date(n.noted_on)}: {n.text(lang)}" for n in d.notes])  # fmt: skip

    def update_buttons(self) -> None:
        d = self.current()
        self.add_button.setEnabled(self.can_new())
        self.edit_button.setEnabled(d is not None)
        self.note_button.setEnabled(d is not None)
        self.delete_button.setEnabled(self.can_delete())
        self.report_button.setEnabled(self.ctx.has_db and bool(self._meetings))

    # --- actions ---------------------------------------------------------------------------------

    def can_new(self) -> bool:
        return self.ctx.has_db and bool(self._meetings)

    def can_delete(self) -> bool:
        d = self.current()
        return d is not None and not d.in_minutes

    def _next_meeting_id(self) -> int | None:
        today = dt.date.today()
        upcoming = [m for m in self._meetings if m.start_date >= today]
        chosen = upcoming[0] if upcoming else (self._meetings[-1] if self._meetings else None)
        return chosen.id if chosen else None

    def _after(self, saved, message: str) -> None:
        self.refreshWanted.emit()
        self.reload()
        if saved is not None:
            self.select_id(getattr(saved, "decision_id", None) or saved.id)
        self.status.emit(message)

    def new_record(self) -> None:
        if not self.can_new():
            return
        dlg = DecisionDialog(self.ctx, meeting_id=combo_values.value(self.session_box) or self._next_meeting_id(),
                             parent=self)  # fmt: skip
        if dlg.exec():
            self._after(
                dlg.saved, _("The decision was entered; it will be appended to the session's protocol.")
            )

    def edit_record(self) -> None:
        d = self.current()
        if d is None:
            return
        dlg = DecisionDialog(self.ctx, d, parent=self)
        if dlg.exec():
            self._after(dlg.saved, _("The decision was saved."))

    def add_note(self) -> None:
        d = self.current()
        if d is None:
            return
        dlg = NoteDialog(self.ctx, d, parent=self)
        if dlg.exec():
            self._after(dlg.saved, _("The follow-up note was added."))

    def delete_record(self) -> None:
        d = self.current()
        if d is None or d.in_minutes:
            return
        if not messages.confirm(
            self, _("Delete {decision}?").format(decision=decision_label(d.ordinal, d.number))
        ):
            return
        try:
            self.ctx.write(service.delete_decision, d.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.reload()
        self.status.emit(_("The decision was deleted."))

    def report_pdf(self, lang: str) -> tuple[bytes, str, str]:
        """The report on implementation before the session chosen (or the next one)."""
        from app.core.services.decisions import report
        from app.reports.implementation import build_implementation

        meeting_id = combo_values.value(self.session_box) or self._next_meeting_id()
        data = self.ctx.read(report.implementation, meeting_id)
        n = data.meeting.ordinal
        title = _("Report on implementation, session {number}").format(number=n)
        return build_implementation(data, lang), f"implementation-{n}-{lang}.pdf", title

    def show_report(self) -> None:
        if not self._meetings:
            return
        from app.ui.dialogs.pdf_preview import show_pdf

        pdf, name, title = self.report_pdf(self.doc_lang.currentData())
        self.preview = show_pdf(self, pdf, name, title)

    # --- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.doc_lang.follow_language()
        self.session_label.setText(_("&Session:"))
        self.side_label.setText(_("Si&de:"))
        self.status_label.setText(_("Stat&us:"))
        self.due_label.setText(_("Due &within (days):"))
        self.due_box.setSpecialValueText(_("any time"))
        self.agency_box.setPlaceholderText(_("Agency"))
        self.search.setPlaceholderText(_("Search the texts of the decisions"))
        self.add_button.setText(_("&Between sessions…"))
        self.add_button.setToolTip(_("Enter a decision the chairmen took between sessions"))
        self.edit_button.setText(_("&Edit…"))
        self.note_button.setText(_("Follow-up &note…"))
        self.delete_button.setText(_("&Delete"))
        self.report_button.setText(_("&Report on implementation…"))
        self.report_button.setToolTip(
            _(
                "Preview, print or save the report on implementation before the session chosen (or the next one)"
            )
        )

    def relabel(self) -> None:
        self.fill_filters()
        self.model.retranslate()
        self.reload()
        self._update_buttons()
