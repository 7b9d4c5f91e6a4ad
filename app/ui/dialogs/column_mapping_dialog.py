"""Import step 1: say which column of the file holds which field (guessed from the headers), with a
preview of the file's first rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ImportRefused
from app.core.services.exchanges.records import FIELD_LABELS
from app.core.services.exchanges.transfer import IMPORT_FIELDS, REQUIRED_FIELDS, check_mapping, guess_mapping
from app.core.services.tables import Table
from app.i18n import _, ngettext
from app.ui.widgets import combo as combos
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

PREVIEW_ROWS = 8


class PreviewModel(QAbstractTableModel):
    """The first rows of the file, as they are."""

    def __init__(self, table: Table, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.rows = table.rows[:PREVIEW_ROWS]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            _n, cells = self.rows[index.row()]
            v = cells[index.column()] if index.column() < len(cells) else None
            return "" if v is None else str(v)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_name(self.table, section)
        return str(self.rows[section][0])


def column_name(table: Table, index: int) -> str:
    return table.headers[index] or _("Column {n}").format(n=index + 1)


class ColumnMappingDialog(Retranslatable, QDialog):
    def __init__(self, table: Table, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ColumnMappingDialog")
        self.table = table
        guess = guess_mapping(table.headers)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.fields_box = QGroupBox()
        inner = QWidget()
        form = QFormLayout(inner)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        for field in IMPORT_FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combos.add_item(combo, "")
            for i in range(len(table.headers)):
                combos.add_item(combo, column_name(table, i), i)
            combos.select(combo, guess.get(field))
            label = QLabel()
            self.labels[field] = label
            self.combos[field] = combo
            self.errors.add_row(form, field, label, combo)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        box_lay = QVBoxLayout(self.fields_box)
        box_lay.addWidget(scroll)
        self.preview_box = QGroupBox()
        self.preview = QTableView()
        self.preview.setModel(PreviewModel(table, self))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.resizeColumnsToContents()
        QVBoxLayout(self.preview_box).addWidget(self.preview)
        columns = QHBoxLayout()
        columns.addWidget(self.fields_box, 2)
        columns.addWidget(self.preview_box, 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(columns, 1)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.resize(1100, 640)
        self.retranslate_ui()

    def mapping(self) -> dict[str, int]:
        values = {f: combos.value(c) for f, c in self.combos.items()}
        return {f: v for f, v in values.items() if v is not None}

    def set_column(self, field: str, index: int | None) -> None:
        combos.select(self.combos[field], index)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import “{name}”: columns").format(name=self.table.name))
        self.intro.setText(
            _(
                "Choose the column of the file that holds each field; the columns were matched by their "
                "headers. Fields marked * are needed. The status and the warranty expiry are worked out "
                "from the dates. Nothing is imported if a single row is wrong: you will see every bad row."
            )
        )
        self.fields_box.setTitle(_("Fields"))
        n = len(self.table.rows)
        self.preview_box.setTitle(ngettext("The file: {n} row", "The file: {n} rows", n).format(n=n))
        for field, label in self.labels.items():
            needed = field in REQUIRED_FIELDS or field in ("title_zh", "title_ru")
            label.setText(_(FIELD_LABELS[field]) + (" *" if needed else ""))
            self.combos[field].setItemText(0, _("— not imported —"))

    def accept(self) -> None:
        self.errors.clear()
        try:
            check_mapping(self.mapping())
        except ImportRefused as exc:
            self.errors.show(None, exc.message)
            return
        super().accept()
