"""What an XLIFF file will change in the minutes, shown before anything is written: each segment's
text now and from the file, its status before and after, and the units that will be left out."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.services.minutes.xliff import ImportPlan
from app.i18n import _, ngettext
from app.ui.widgets.retranslate import Retranslatable


class ImportPreviewDialog(Retranslatable, QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPreviewDialog")
        self.plan, self.file_name = plan, file_name
        self.resize(900, 540)
        n, k = len(plan.changes), len(plan.skipped)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(n, 4)
        self.table.setObjectName("import_changes")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.left_out = QPlainTextEdit()
        self.left_out.setObjectName("import_left_out")
        self.left_out.setReadOnly(True)
        self.left_out.setMaximumHeight(120)
        self.left_out_label = QLabel()
        for w in (self.left_out, self.left_out_label):
            w.setVisible(bool(k))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(n))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.left_out_label)
        lay.addWidget(self.left_out)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        plan = self.plan
        n, k = len(plan.changes), len(plan.skipped)
        self.setWindowTitle(_("Import “{name}”").format(name=self.file_name))
        summary = ngettext("{n} segment will change.", "{n} segments will change.", n).format(n=n)
        if k:
            summary += "\n" + ngettext(
                "{n} unit will be left out (see below).", "{n} units will be left out (see below).", k
            ).format(n=k)
        if plan.unchanged:
            summary += "\n" + ngettext(
                "{n} unit is the same as in the minutes.",
                "{n} units are the same as in the minutes.",
                plan.unchanged,
            ).format(n=plan.unchanged)
        self.summary.setText(summary)
        self.table.setHorizontalHeaderLabels(
            [_("No."), _("Text in the minutes"), _("Text from the file"), _("Status")]
        )
        for row, c in enumerate(plan.changes):
            status = (
                c.new_status.label
                if c.old_status is c.new_status
                else _("{before} → {after}").format(before=c.old_status.label, after=c.new_status.label)
            )
            cells = (str(c.number), c.old_text, c.new_text if c.text_changed else _("(unchanged)"), status)
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.left_out.setPlainText(
            "\n".join(
                _("unit {unit}: {message}").format(unit=s.unit, message=s.message) for s in plan.skipped
            )
        )
        self.left_out_label.setText(_("Left out:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Import"))
