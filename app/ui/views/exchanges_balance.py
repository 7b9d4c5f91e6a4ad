"""The balance page of the Exchanges tab: per session or overall, how many items of each kind each
side sent and received, and how many it still owes: "what have we given, what have we received"."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.core.services.agenda import sessions as meetings_service
from app.core.services.exchanges import search
from app.core.services.exchanges.search import NO_SESSION, Balance
from app.i18n import N_, _, current_language, format_number, ngettext, pgettext
from app.ui.dialogs.exchange_dialog import session_label
from app.ui.widgets import combo
from app.ui.widgets.retranslate import Retranslatable

MEASURES = (("sent", N_("sent")), ("received", N_("received")), ("owed", N_("still owes")))


class BalanceModel(QAbstractTableModel):
    """Rows: the kinds, then the total. Columns: for each side, sent / received / still owes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.balance: Balance | None = None

    def set_balance(self, balance: Balance) -> None:
        self.beginResetModel()
        self.balance = balance
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.balance is None else len(self.balance.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.balance is None else len(self.balance.sides) * len(MEASURES)

    def _cell(self, index):
        side = self.balance.sides[index.column() // len(MEASURES)]
        what = MEASURES[index.column() % len(MEASURES)][0]
        return getattr(self.balance.rows[index.row()], what)[side.id]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.balance is None:
            return None
        row = self.balance.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            n = self._cell(index).items
            return format_number(n) if n else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            cell = self._cell(index)
            return (
                ngettext("{n} register entry", "{n} register entries", cell.items).format(n=cell.items)
                + pgettext("list separator", ", ")
                + ngettext("{n} copy or piece", "{n} copies or pieces", cell.quantity).format(
                    n=format_number(cell.quantity)
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and row.kind is None:
            f = QFont()
            f.setBold(True)
            return f
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.balance is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                side = self.balance.sides[section // len(MEASURES)]
                return f"{side.name(current_language())}\n{_(MEASURES[section % len(MEASURES)][1])}"
            kind = self.balance.rows[section].kind
            return kind.label if kind is not None else _("Total")
        if role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Vertical:
            if self.balance.rows[section].kind is None:
                f = QFont()
                f.setBold(True)
                return f
        return None

    def retranslate(self) -> None:
        self.layoutChanged.emit()


class BalancePage(Retranslatable, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ExchangesBalance")
        self.session_label = QLabel()
        self.session = QComboBox()
        self.session.setObjectName("balance_session")
        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.session_label.setBuddy(self.session)
        self.session.currentIndexChanged.connect(lambda _i: self.reload())
        top = QHBoxLayout()
        top.addWidget(self.session_label)
        top.addWidget(self.session)
        top.addStretch(1)
        self.model = BalanceModel(self)
        self.table = QTableView()
        self.table.setObjectName("balance_table")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        self.retranslate_ui()

    def _fill_sessions(self) -> None:
        meetings = (
            self.ctx.read(meetings_service.list_meetings, newest_first=False) if self.ctx.has_db else []
        )
        combo.refill(
            self.session,
            [(_("All sessions"), None), *((session_label(m), m.id) for m in meetings),
             (_("Not linked to a session"), NO_SESSION)],
        )  # fmt: skip

    def refresh(self) -> None:
        self._fill_sessions()
        self.reload()

    def reload(self) -> None:
        if self.ctx.has_db:
            self.model.set_balance(self.ctx.read(search.balance, combo.value(self.session)))

    def retranslate_ui(self) -> None:
        self.session_label.setText(_("S&ession:"))
        self.note.setText(
            _(
                "Each number counts register items (hover for copies and pieces). “Sent” counts what a side has "
                "dispatched, received or not; “received”, what reached it; “still owes”, what was requested "
                "from it or promised by it and not yet sent."
            )
        )
        if self.model.balance is not None:
            self._fill_sessions()
        self.model.retranslate()
