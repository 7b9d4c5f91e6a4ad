"""Pieces of the assignment dialog: the list of people sent, and the table of procedure steps."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from app.core.services.experts.assignments import PersonRef, StepData
from app.i18n import N_, _, current_language, format_date, pgettext


class ChosenPeopleModel(QAbstractListModel):
    """The people of an assignment, in both languages."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.people: list[PersonRef] = []

    def set_people(self, people) -> None:
        self.beginResetModel()
        self.people = sorted({p.id: p for p in people}.values(), key=lambda p: (p.name_ru, p.id))
        self.endResetModel()

    def add(self, people) -> None:
        self.set_people([*self.people, *people])

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.people):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.people[row]
            self.endRemoveRows()

    def ids(self) -> tuple[int, ...]:
        return tuple(p.id for p in self.people)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.people)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lang = current_language()
            other = p.name_ru if lang.startswith("zh") else p.name_zh
            return f"{p.name(lang)}  ({other})" if other and other != p.name(lang) else p.name(lang)
        if role == Qt.ItemDataRole.UserRole:
            return p
        return None


STEP_HEADERS = (N_("Step"), N_("Date"), N_("Sending side"), N_("Receiving side"), N_("Reason"))


class StepsModel(QAbstractTableModel):
    """The steps an assignment went through, oldest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.steps: list[StepData] = []

    def set_steps(self, steps) -> None:
        self.beginResetModel()
        self.steps = list(steps)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(STEP_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(STEP_HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        st = self.steps[index.row()]
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 0:
                return st.status.label
            if col == 1:
                return format_date(st.date)
            if col == 2:
                return st.handler("sending", lang)
            if col == 3:
                return st.handler("receiving", lang)
            reason = st.reason
            if st.skipped:
                sep = pgettext("list separator", ", ")
                skipped = _("Skipped: {steps}.").format(steps=sep.join(s.label for s in st.skipped))
                reason = f"{skipped} {reason}".strip()
            return reason
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(STEP_HEADERS) - 1)
        if self.steps:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.steps) - 1, len(STEP_HEADERS) - 1))
