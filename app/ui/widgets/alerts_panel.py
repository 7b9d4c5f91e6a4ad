"""What needs an answer: people past their term, terms ending soon, unanswered invitations,
overlapping assignments. Double-clicking an alert opens its assignment."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from app.core.services.experts.alerts import Alert, AlertKind
from app.i18n import _, current_language, ngettext
from app.ui.widgets.retranslate import Retranslatable

KIND_COLORS = {
    AlertKind.OVER_TERM: "#b00020",
    AlertKind.UNANSWERED: "#8a5a00",
    AlertKind.ENDING: "#1f5fa8",
    AlertKind.OVERLAP: "#6a1b9a",
}


class AlertsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.alerts: list[Alert] = []

    def set_alerts(self, alerts: list[Alert]) -> None:
        self.beginResetModel()
        self.alerts = list(alerts)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.alerts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.alerts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{a.kind.label}\n{a.message(current_language())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.message(current_language())
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(KIND_COLORS[a.kind]))
        if role == Qt.ItemDataRole.UserRole:
            return a
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Items as wrapped paragraphs, measured and painted with the same metrics (the default
    delegate measures and paints wrapped text differently and cuts lines off)."""

    PAD = 4

    def _width(self, option) -> int:
        view = self.parent()
        return max(60, view.viewport().width() - 2 * self.PAD - 4)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        w = self._width(option)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, w, 100000), Qt.TextFlag.TextWordWrap, text)
        return QSize(w, rect.height() + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        widget = option.widget
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        painter.save()
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(option.palette.highlightedText().color())
        elif brush is not None:
            painter.setPen(brush.color())
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()


class AlertsPanel(Retranslatable, QWidget):
    alertActivated = Signal(int)  # noqa: N815 - the assignment's id
    settingsRequested = Signal()  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_panel")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.model = AlertsModel(self)
        self.list = QListView()
        self.list.setObjectName("alerts_list")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WrappingDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.doubleClicked.connect(self._activate)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("alert_settings")
        self.settings_button.clicked.connect(self.settingsRequested.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.settings_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.counts)
        lay.addWidget(self.list, 1)
        self.retranslate_ui()

    def set_alerts(self, alerts: list[Alert]) -> None:
        self.model.set_alerts(alerts)
        self._update_counts()

    def messages(self) -> list[str]:
        return [a.message(current_language()) for a in self.model.alerts]

    def _activate(self, index) -> None:
        a = self.model.data(index, Qt.ItemDataRole.UserRole)
        if a is not None:
            self.alertActivated.emit(a.assignment_id)

    def _update_counts(self) -> None:
        n = len(self.model.alerts)
        self.heading.setText(ngettext("Needs attention: {n}", "Needs attention: {n}", n).format(n=n))
        parts = []
        for kind in AlertKind:
            k = sum(1 for a in self.model.alerts if a.kind is kind)
            if k:
                parts.append(f"<span style='color:{KIND_COLORS[kind]}'>{kind.label}: {k}</span>")
        self.counts.setText(" · ".join(parts) if parts else _("Nothing needs attention."))

    def retranslate_ui(self) -> None:
        self.settings_button.setText(_("Settings…"))
        self.settings_button.setToolTip(_("When terms and invitations count as needing attention"))
        self._update_counts()
        self.model.layoutChanged.emit()
