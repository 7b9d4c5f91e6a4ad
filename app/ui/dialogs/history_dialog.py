"""The history of one record from the audit trail: who changed what and when, field by field, with
the old and the new value; exportable to XLSX or CSV.

Opened with the record's UUID from its dialog (the History… button) and given the labels the dialog
shows its fields with, so that the history names the fields as the form does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.services import audit as audit_service
from app.i18n import N_, _, ngettext, wording
from app.ui.models.rows_model import Row, RowsModel
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.table_export import ask_path

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEADERS = (N_("When"), N_("Who"), N_("Action"), N_("Field"), N_("Old value"), N_("New value"))


def shown(register: str, name: str, value) -> str:
    """A value as the screen shows it: a date in the short style, a choice by its label."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return wording.short_date(dt.date.fromisoformat(value))
    return audit_service.value_text(value, register, name)


class HistoryDialog(Retranslatable, QDialog):
    """Every change of one record, oldest first."""

    def __init__(
        self,
        ctx,
        uuid: str,
        labels: Mapping[str, str] | Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid = uuid
        self._labels = labels
        self.setObjectName("HistoryDialog")
        self.resize(900, 460)
        self.entries = ctx.read(audit_service.history_of, uuid)
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.export_button = QPushButton()
        self.export_button.setObjectName("history_export")
        self.export_button.clicked.connect(self.export)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def label(self, register: str, name: str) -> str:
        labels = self._labels
        text = ""
        if callable(labels):
            try:
                text = labels(name)
            except (KeyError, LookupError):
                text = ""
        elif labels is not None:
            text = labels.get(name, "")
        text = text or audit_service.field_label(register, name)
        return text.replace("&", "").rstrip(":：")

    def labels_now(self) -> dict[str, str]:
        names = {name for e in self.entries for name, _o, _n in e.fields}
        register = self.entries[0].register if self.entries else ""
        return {n: self.label(register, n) for n in names}

    def rows(self) -> list[Row]:
        out: list[Row] = []
        for e in self.entries:
            head = [wording.short_datetime(e.at), e.user_name, e.action_label]
            if not e.fields:
                out.append(Row([*head, "", "", ""]))
            for i, (name, old, new) in enumerate(e.fields):
                values = [self.label(e.register, name), shown(e.register, name, old), shown(e.register, name, new)]
                cells = [*(head if i == 0 else ["", "", ""]), *values]
                out.append(Row(cells, tooltip=f"{cells[4]} → {cells[5]}"))
        return out

    def export(self) -> str:
        path = ask_path(self, _("History") + ".xlsx")
        if not path:
            return ""
        try:
            n = self.ctx.read(audit_service.export, path, uuid=self.uuid, labels=self.labels_now())
        except CoreError as exc:
            messages.error(self, exc.message)
            return ""
        self.intro.setText(
            ngettext("Exported to “{path}”: {count} row.", "Exported to “{path}”: {count} rows.", n).format(
                path=path, count=wording.format_number(n)
            )
        )
        return path

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("History of the record"))
        self.export_button.setText(_("&Export…"))
        if self.entries:
            self.intro.setText(_("Every change of this record: who made it, when, and what it changed."))
        else:
            self.intro.setText(_("No change of this record is recorded yet."))
        self.model.set_rows([_(h) for h in HEADERS], self.rows(), right_from=99)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()


class HistoryButton(Retranslatable, QPushButton):
    """"History…" in a record's dialog: opens the record's history (hidden for a new record)."""

    def __init__(
        self,
        ctx,
        uuid: str | None,
        labels: Mapping[str, str] | Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.ctx = ctx
        self.uuid = uuid
        self.labels = labels
        self.setVisible(bool(uuid))
        self.setAutoDefault(False)
        self.clicked.connect(self.open_history)
        self.retranslate_ui()

    def open_history(self) -> None:
        if self.uuid:
            HistoryDialog(self.ctx, self.uuid, self.labels, self.window()).exec()

    def retranslate_ui(self) -> None:
        self.setText(_("History…"))
        self.setToolTip(_("Who changed this record, when, and what changed"))


def add_history_button(dialog, buttons: QDialogButtonBox, uuid: str | None, labels=None) -> HistoryButton:
    """Put a History… button into a dialog's button box."""
    button = HistoryButton(dialog.ctx, uuid, labels, dialog)
    buttons.addButton(button, QDialogButtonBox.ButtonRole.HelpRole)
    button.setVisible(bool(uuid))
    return button
