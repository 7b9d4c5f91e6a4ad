"""The side panel's "Checks" page: every finding, per segment; clicking one jumps to the segment.
A finding both sides accept as intended can be marked so (and unmarked)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from app.core.services.minutes.checks import CheckReport, Finding
from app.i18n import _, ngettext
from app.ui.widgets.retranslate import Retranslatable

_ROOT = QModelIndex()


class FindingsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = _("Segment {number}: {message}").format(number=f.index + 1, message=f.message)
            if f.accepted:
                text += " " + _("(accepted as intended)")
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#757575") if f.accepted else QColor("#b71c1c")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message
        if role == Qt.ItemDataRole.UserRole:
            return f
        return None

    def retranslate(self) -> None:
        if self.findings:
            self.dataChanged.emit(self.index(0), self.index(len(self.findings) - 1))


class ChecksPanel(Retranslatable, QWidget):
    #: jump to a finding's segment
    jump = Signal(object)
    #: (finding, accepted)
    acceptRequested = Signal(object, bool)  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("checks_panel")
        self.report = CheckReport()
        self.summary = QLabel()
        self.summary.setObjectName("checks_summary")
        self.summary.setWordWrap(True)
        self.show_accepted = QCheckBox()
        self.show_accepted.setObjectName("checks_show_accepted")
        self.show_accepted.toggled.connect(lambda _b: self._fill())
        self.model = FindingsModel(self)
        self.list = QListView()
        self.list.setObjectName("checks_list")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("checks_accept")
        self.accept_button.clicked.connect(self._accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_accepted)
        bottom.addStretch(1)
        bottom.addWidget(self.accept_button)
        lay.addLayout(bottom)
        self.retranslate_ui()

    def set_report(self, report: CheckReport) -> None:
        self.report = report
        self._fill()

    def _fill(self) -> None:
        current = self.current()
        findings = [f for f in self.report.findings if self.show_accepted.isChecked() or not f.accepted]
        self.model.set_findings(findings)
        if current is not None:
            for i, f in enumerate(findings):
                if (f.segment_id, f.key) == (current.segment_id, current.key):
                    self.list.setCurrentIndex(self.model.index(i))
        self._update_summary()
        self._update_buttons()

    def current(self) -> Finding | None:
        idx = self.list.currentIndex()
        return self.model.data(idx, Qt.ItemDataRole.UserRole) if idx.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        f = self.model.data(index, Qt.ItemDataRole.UserRole)
        if f is not None:
            self.jump.emit(f)
        self._update_buttons()

    def _accept(self) -> None:
        f = self.current()
        if f is not None:
            self.acceptRequested.emit(f, not f.accepted)

    def _update_buttons(self) -> None:
        f = self.current()
        self.accept_button.setEnabled(f is not None)
        self.accept_button.setText(
            _("&Accept as intended") if f is None or not f.accepted else _("&Withdraw acceptance")
        )

    def _update_summary(self) -> None:
        r = self.report
        open_ = r.open
        if not r.segments:
            text = _("Nothing to check yet.")
        elif not open_:
            text = _("All checks pass.")
        else:
            text = ngettext(
                "{n} finding in {segments} segments.", "{n} findings in {segments} segments.", len(open_)
            ).format(n=len(open_), segments=len(r.failing_segments))
        accepted = len(r.findings) - len(open_)
        if accepted:
            text += " " + ngettext(
                "{n} finding accepted as intended.", "{n} findings accepted as intended.", accepted
            ).format(n=accepted)
        self.summary.setText(text)
        self.summary.setStyleSheet(
            "color: #2e7d32;" if r.segments and not open_ else "color: #b71c1c;" if open_ else ""
        )

    def retranslate_ui(self) -> None:
        self.show_accepted.setText(_("Show accepted findings"))
        self.model.retranslate()
        self._update_summary()
        self._update_buttons()
