"""The side panel's "Segment" page: the current segment's status, kind, part and agenda item, and
for a decision the register's fields (implementing agency of each side in both languages, the
deadline, the status)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import DecisionStatus, SegmentKind, SegmentPart, SegmentStatus
from app.core.services.minutes.records import SegmentData
from app.i18n import _, current_language
from app.ui.minutes.icons import status_icon
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

AGENCY_FIELDS = ("agency1_zh", "agency1_ru", "agency2_zh", "agency2_ru")


class SegmentPanel(Retranslatable, QScrollArea):
    statusChosen = Signal(object)  # noqa: N815 - SegmentStatus
    kindChosen = Signal(object)  # noqa: N815
    partChosen = Signal(object)  # noqa: N815
    agendaChosen = Signal(object)  # noqa: N815 - agenda item id or None
    decisionEdited = Signal(dict)  # noqa: N815 - {field: value}
    reopenRequested = Signal()  # noqa: N815
    historyRequested = Signal()  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("segment_panel")
        self.setWidgetResizable(True)
        self.segment: SegmentData | None = None
        self.editable = False
        self.side_names = ("", "")
        self._filling = False
        body = QWidget()
        lay = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.heading)
        form = QFormLayout()
        self.status = QComboBox()
        self.status.setObjectName("segment_status_combo")
        self.kind = QComboBox()
        self.kind.setObjectName("segment_kind_combo")
        self.part = QComboBox()
        self.part.setObjectName("segment_part_combo")
        self.agenda = QComboBox()
        self.agenda.setObjectName("segment_agenda_combo")
        self.agenda.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agenda.setMinimumContentsLength(12)
        self.labels = {k: QLabel() for k in ("status", "kind", "part", "agenda")}
        for key, w in (
            ("status", self.status),
            ("kind", self.kind),
            ("part", self.part),
            ("agenda", self.agenda),
        ):
            form.addRow(self.labels[key], w)
            self.labels[key].setBuddy(w)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("segment_reopen")
        self.history_button = QPushButton()
        self.history_button.setObjectName("segment_history")
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)

        self.decision_box = QGroupBox()
        self.decision_box.setObjectName("decision_box")
        dform = QFormLayout(self.decision_box)
        dform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.errors = FieldErrors(QLabel())
        self.agency: dict[str, QLineEdit] = {}
        self.agency_labels: dict[str, QLabel] = {}
        for name in AGENCY_FIELDS:
            w = QLineEdit()
            w.setObjectName(f"decision_{name}")
            w.editingFinished.connect(lambda name=name: self._agency_done(name))
            self.agency[name] = w
            self.agency_labels[name] = QLabel()
            self.errors.add_row(dform, name, self.agency_labels[name], w)
        self.deadline = QDateEdit()
        self.deadline.setObjectName("decision_deadline")
        self.deadline.setCalendarPopup(True)
        self.no_deadline = QCheckBox()
        self.no_deadline.setObjectName("decision_no_deadline")
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.deadline, 1)
        rl.addWidget(self.no_deadline)
        self.deadline_label = QLabel()
        self.errors.add_row(dform, "deadline", self.deadline_label, row)
        self.decision_status = QComboBox()
        self.decision_status.setObjectName("decision_status")
        self.decision_status_label = QLabel()
        self.errors.add_row(dform, "status", self.decision_status_label, self.decision_status)
        dform.addRow(self.errors.general)
        lay.addWidget(self.decision_box)
        lay.addStretch(1)
        self.setWidget(body)

        self.status.activated.connect(lambda _i: self._emit(self.statusChosen, self.status.currentData()))
        self.kind.activated.connect(lambda _i: self._emit(self.kindChosen, self.kind.currentData()))
        self.part.activated.connect(lambda _i: self._emit(self.partChosen, self.part.currentData()))
        self.agenda.activated.connect(lambda _i: self._emit(self.agendaChosen, self.agenda.currentData()))
        self.reopen_button.clicked.connect(self.reopenRequested)
        self.history_button.clicked.connect(self.historyRequested)
        self.deadline.dateChanged.connect(lambda _d: self._deadline_done())
        self.no_deadline.toggled.connect(lambda _b: self._deadline_done())
        self.decision_status.activated.connect(
            lambda _i: self._emit(self.decisionEdited, {"status": self.decision_status.currentData()})
        )
        self.agenda_items: list[tuple[int, str, str]] = []
        self.part_titles: dict[SegmentPart, str] = {}
        self.retranslate_ui()
        self.show_segment(None, False, 0, 0, [])

    def _emit(self, signal, value) -> None:
        if not self._filling and self.segment is not None:
            signal.emit(value)

    def _agency_done(self, name: str) -> None:
        if self._filling or self.segment is None or self.segment.decision is None:
            return
        value = self.agency[name].text()
        if value != getattr(self.segment.decision, name):
            self.decisionEdited.emit({name: value})

    def _deadline_done(self) -> None:
        self.deadline.setEnabled(not self.no_deadline.isChecked() and self.editable and not self._locked())
        if self._filling or self.segment is None or self.segment.decision is None:
            return
        value = None if self.no_deadline.isChecked() else self.deadline.date().toPython()
        if value != self.segment.decision.deadline:
            self.decisionEdited.emit({"deadline": value})

    def _locked(self) -> bool:
        return self.segment is not None and self.segment.locked

    # --- showing -----------------------------------------------------------------------------

    def set_context(self, agenda_items: list[tuple[int, str, str]], side_names: tuple[str, str]) -> None:
        """The session's agenda items (id, title zh, title ru) and the two sides' names."""
        self.agenda_items = agenda_items
        self.side_names = side_names
        self.retranslate_ui()

    def set_part_titles(self, titles: dict[SegmentPart, str]) -> None:
        """The parts as the editor names them ("Items proposed by the PRC")."""
        self.part_titles = dict(titles)
        self._fill_combos()

    def show_segment(self, seg: SegmentData | None, editable: bool, index: int, total: int,
                     allowed: list[SegmentStatus]) -> None:  # fmt: skip
        self.segment, self.editable = seg, editable
        self._filling = True
        try:
            self.errors.clear()
            has = seg is not None
            for w in (self.status, self.kind, self.part, self.agenda, self.history_button):
                w.setEnabled(has)
            if not has:
                self.heading.setText(_("No segment is selected. Click into a text to work on it."))
                self.decision_box.hide()
                self.reopen_button.hide()
                return
            self.heading.setText(_("Segment {number} of {total}").format(number=index + 1, total=total))
            self.status.clear()
            for st in allowed or [seg.status]:
                self.status.addItem(status_icon(st), st.label, st)
            self.status.setCurrentIndex(max(0, self.status.findData(seg.status)))
            locked = seg.locked or not editable
            self.status.setEnabled(editable and not seg.locked)
            for combo in (self.kind, self.part, self.agenda):
                combo.setEnabled(not locked)
            self.kind.setCurrentIndex(max(0, self.kind.findData(seg.kind)))
            self.part.setCurrentIndex(max(0, self.part.findData(seg.part)))
            self.agenda.setCurrentIndex(max(0, self.agenda.findData(seg.agenda_item_id)))
            self.reopen_button.setVisible(seg.locked)
            self.reopen_button.setEnabled(editable)
            d = seg.decision
            self.decision_box.setVisible(d is not None)
            if d is not None:
                self.decision_box.setTitle(_("Decision No. {number}").format(number=d.number))
                for name in AGENCY_FIELDS:
                    self.agency[name].setText(getattr(d, name))
                    self.agency[name].setCursorPosition(0)
                    self.agency[name].setReadOnly(locked)
                self.no_deadline.setChecked(d.deadline is None)
                if d.deadline is not None:
                    self.deadline.setDate(QDate(d.deadline.year, d.deadline.month, d.deadline.day))
                else:
                    self.deadline.setDate(QDate.currentDate())
                self.deadline.setEnabled(not locked and d.deadline is not None)
                self.no_deadline.setEnabled(not locked)
                self.decision_status.setCurrentIndex(max(0, self.decision_status.findData(d.status)))
                self.decision_status.setEnabled(True)
        finally:
            self._filling = False

    def show_error(self, field: str | None, message: str) -> None:
        self.errors.show(field, message)

    def retranslate_ui(self) -> None:
        from PySide6.QtCore import QLocale

        from app.ui.widgets.date_edit import display_format

        self.deadline.setLocale(QLocale())
        self.deadline.setDisplayFormat(display_format())
        self.labels["status"].setText(_("&Status:"))
        self.labels["kind"].setText(_("&Kind:"))
        self.labels["part"].setText(_("&Part:"))
        self.labels["agenda"].setText(_("&Agenda item:"))
        self.reopen_button.setText(_("&Reopen…"))
        self.history_button.setText(_("&History…"))
        first, second = self.side_names
        names = {"1": first or _("the first side"), "2": second or _("the second side")}
        for name in AGENCY_FIELDS:
            side, lang = name[6], name[-2:]
            text = (
                _("Implementing agency of {side}, in Chinese:")
                if lang == "zh"
                else _("Implementing agency of {side}, in Russian:")
            )
            self.agency_labels[name].setText(text.format(side=names[side]))
        self.deadline_label.setText(_("Deadline:"))
        self.no_deadline.setText(_("none"))
        self.decision_status_label.setText(_("Implementation:"))
        self._fill_combos()
        if self.segment is not None and self.segment.decision is not None:
            self.decision_box.setTitle(_("Decision No. {number}").format(number=self.segment.decision.number))

    def _fill_combos(self) -> None:
        filling, self._filling = self._filling, True
        try:
            for combo, enum in (
                (self.kind, SegmentKind),
                (self.part, SegmentPart),
                (self.decision_status, DecisionStatus),
            ):
                current = combo.currentData()
                combo.clear()
                for m in enum:
                    label = self.part_titles.get(m, m.label) if enum is SegmentPart else m.label
                    combo.addItem(label, m)
                combo.setCurrentIndex(max(0, combo.findData(current)))
            for i in range(self.status.count()):
                self.status.setItemText(i, SegmentStatus(self.status.itemData(i)).label)
            current = self.agenda.currentData()
            self.agenda.clear()
            self.agenda.addItem(_("(none)"), None)
            zh = current_language().startswith("zh")
            for item_id, title_zh, title_ru in self.agenda_items:
                title = (title_zh or title_ru) if zh else (title_ru or title_zh)
                self.agenda.addItem(title, item_id)
                self.agenda.setItemData(
                    self.agenda.count() - 1, f"{title_zh}\n{title_ru}", Qt.ItemDataRole.ToolTipRole
                )
            self.agenda.setCurrentIndex(max(0, self.agenda.findData(current)))
        finally:
            self._filling = filling

    @staticmethod
    def to_date(value: QDate) -> dt.date:
        return value.toPython()
