"""The Experts tab's way out: the table in view exported to XLSX or CSV, and the list of experts on
site in a period printed as a PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.i18n import _
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.table_export import export_with_dialog


class ExpertsOutput(Retranslatable, QWidget):
    """Export and Print; ``view`` is the ExpertsView: its ``pages``, ``assignments``, ``quotas``,
    ``today`` and ``status``."""

    def __init__(self, view, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.export_button = QPushButton()
        self.export_button.setObjectName("experts_export")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton()
        self.print_button.setObjectName("experts_print")
        self.print_button.clicked.connect(self.print_list)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.export_button)
        lay.addWidget(self.print_button)
        self.retranslate_ui()

    def update_buttons(self) -> None:
        has_db = self.view.ctx.has_db
        self.export_button.setEnabled(has_db)
        self.print_button.setEnabled(has_db)

    def export(self) -> None:
        v = self.view
        on_quotas = v.pages.currentWidget() is v.quotas
        model = v.quotas.model if on_quotas else v.assignments.model
        title = _("Quotas") if on_quotas else _("Assignments")
        path = export_with_dialog(self, model, f"{title}-{v.today.isoformat()}.xlsx", title)
        if path:
            v.status.emit(_("Exported to {path}.").format(path=path))

    def print_list(self) -> None:
        from app.ui.dialogs.experts_pdf_dialog import ExpertsPdfDialog

        v = self.view
        f = v.assignments.filter
        start = f.period_from or v.today
        end = f.period_to or start + dt.timedelta(days=30)
        ExpertsPdfDialog(v.ctx, start, end, self).exec()

    def retranslate_ui(self) -> None:
        self.export_button.setText(_("E&xport…"))
        self.export_button.setToolTip(_("Export the table shown to an XLSX or CSV file"))
        self.print_button.setText(_("&Print list…"))
        self.print_button.setToolTip(
            _("The list of experts on site in a period, as a PDF in Chinese or Russian")
        )
