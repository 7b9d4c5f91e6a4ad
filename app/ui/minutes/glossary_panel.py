"""The side panel's "Glossary" page: the terms of the current segment with their counterparts, and
the whole glossary to search, add to, edit, delete from, and import into and export (TBX, CSV, XLSX)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.services.minutes import glossary
from app.core.services.minutes.glossary import TermData
from app.core.services.minutes.records import SegmentData
from app.i18n import N_, _
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.search import SearchField

_ROOT = QModelIndex()
HEADERS = (N_("Chinese"), N_("Russian"), N_("Note"))


class TermsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.terms: list[TermData] = []

    def set_terms(self, terms: list[TermData]) -> None:
        self.beginResetModel()
        self.terms = list(terms)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.terms)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self.terms[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (t.zh, t.ru, t.note)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = (t.zh, t.ru, t.note)[index.column()]
            return f"{text}\n({t.status.label})" if text else t.status.label
        if role == Qt.ItemDataRole.ForegroundRole and not t.usable:
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.UserRole:
            return t
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)


class InSegmentModel(QAbstractTableModel):
    """The glossary terms found in the current segment: term, counterpart, whether it is there."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, bool, TermData]] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        term, counterpart, present, data = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return term
            return ("✓ " if present else "✗ ") + counterpart
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QColor("#2e7d32") if present else QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            return data.note or None
        return None


def terms_in_segment(seg: SegmentData, texts: dict[str, str], terms: list[TermData]):
    """(term as found, agreed counterpart, counterpart present?) for each term of the segment."""
    rows = []
    seen = set()
    for lang, other in (("zh", "ru"), ("ru", "zh")):
        for _s, _e, t in glossary.occurrences(texts[lang], lang, terms):
            key = (t.zh, t.ru)
            if key in seen:
                continue
            seen.add(key)
            term, counterpart = (t.zh, t.ru) if lang == "zh" else (t.ru, t.zh)
            rows.append((term, counterpart, bool(glossary.find(texts[other], counterpart, other)), t))
    return rows


class GlossaryPanel(Retranslatable, QWidget):
    addRequested = Signal()  # noqa: N815
    editRequested = Signal(object)  # noqa: N815
    deleteRequested = Signal(object)  # noqa: N815
    importRequested = Signal()  # noqa: N815
    exportRequested = Signal()  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_panel")
        self.all_terms: list[TermData] = []
        self.here_label = QLabel()
        self.here_label.setStyleSheet("font-weight: bold;")
        self.here_model = InSegmentModel(self)
        self.here = QTableView()
        self.here.setObjectName("glossary_here")
        self.here.setModel(self.here_model)
        self.here.horizontalHeader().hide()
        self.here.verticalHeader().hide()
        self.here.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.here.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.here.setWordWrap(True)
        self.here.setMaximumHeight(150)
        self.here.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.all_label = QLabel()
        self.all_label.setStyleSheet("font-weight: bold;")
        self.search = SearchField()
        self.search.setObjectName("glossary_search")
        self.search.searchChanged.connect(lambda _t: self._filter())
        self.model = TermsModel(self)
        self.table = QTableView()
        self._stale = False  # terms set while the panel was hidden: the table is filled when shown
        self.table.setObjectName("glossary_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)  # rows as tall as their terms: nothing cut off
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self._edit())
        self.add_button = QPushButton()
        self.add_button.setObjectName("glossary_add")
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("glossary_edit")
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("glossary_delete")
        self.delete_button.clicked.connect(self._delete)
        self.import_button = QPushButton()
        self.import_button.setObjectName("glossary_import")
        self.import_button.clicked.connect(self.importRequested)
        self.export_button = QPushButton()
        self.export_button.setObjectName("glossary_export")
        self.export_button.clicked.connect(self.exportRequested)
        lay = QVBoxLayout(self)
        lay.addWidget(self.here_label)
        lay.addWidget(self.here)
        lay.addWidget(self.all_label)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        lay.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retranslate_ui()

    def set_terms(self, terms: list[TermData]) -> None:
        self.all_terms = terms
        self._filter()

    def _filter(self) -> None:
        # a panel behind another tab (as usual) is filled when shown: each session opened sets
        # the terms, and the table's rows are sized to their texts (issue 18)
        self._stale = not self.isVisible()
        if self._stale:
            return
        needle = self.search.text().strip()
        if needle:
            from app.core.services.minutes.text import find_all

            shown = [t for t in self.all_terms if any(find_all(x, needle) for x in (t.zh, t.ru, t.note))]
        else:
            shown = self.all_terms
        self.model.set_terms(shown)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if self._stale:
            self._filter()

    def show_segment(self, seg: SegmentData | None, texts: dict[str, str] | None) -> None:
        rows = terms_in_segment(seg, texts, self.all_terms) if seg is not None and texts else []
        self.here_model.set_rows(rows)
        self.here.resizeRowsToContents()
        self.here.setVisible(bool(rows))

    def current(self) -> TermData | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.data(idx, Qt.ItemDataRole.UserRole)

    def _edit(self) -> None:
        t = self.current()
        if t is not None:
            self.editRequested.emit(t)

    def _delete(self) -> None:
        t = self.current()
        if t is not None:
            self.deleteRequested.emit(t)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def retranslate_ui(self) -> None:
        self.here_label.setText(_("Terms in this segment"))
        self.all_label.setText(_("Glossary"))
        self.search.setPlaceholderText(_("Find a term, in either language"))
        self.add_button.setText(_("&Add…"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("E&xport…"))
        self.model.retranslate()
