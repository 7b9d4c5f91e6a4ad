"""The decisions, exchanges and assignments a letter of the liaison log concerns: a list of the
chosen ones, and a box to pick another (type to find it by number, reference, name or text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.services.correspondence.links import ASSIGNMENT, DECISION, EXCHANGE, LinkTarget
from app.i18n import _, current_language
from app.ui.widgets.retranslate import Retranslatable


def link_label(t: LinkTarget, lang: str) -> str:
    if t.kind == DECISION:
        head = _("Decision {number}").format(number=t.ref)
    elif t.kind == EXCHANGE:
        head = _("Exchange {reference}").format(reference=t.ref) if t.ref else _("Exchange")
    else:
        head = _("Assignment from {date}").format(date=t.ref)
    text = " ".join(t.text(lang).split())
    return f"{head}: {text[:90]}{'…' if len(text) > 90 else ''}" if text else head


def _code(key: tuple[str, int]) -> str:
    return f"{key[0]}:{key[1]}"


def _key(code) -> tuple[str, int] | None:
    if not code:
        return None
    kind, _sep, record_id = str(code).partition(":")
    return (kind, int(record_id))


class LetterLinksWidget(Retranslatable, QWidget):
    def __init__(self, targets: list[LinkTarget], parent=None) -> None:
        super().__init__(parent)
        self.targets = {t.key: t for t in targets}
        self.chosen: list[tuple[str, int]] = []
        self.list = QListWidget()
        self.list.setObjectName("letter_links")
        self.list.setMaximumHeight(96)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.choice = QComboBox()
        self.choice.setObjectName("letter_link_choice")
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setMinimumContentsLength(12)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.choice.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.setObjectName("letter_link_add")
        self.remove_button.setObjectName("letter_link_remove")
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choice, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        lay.addLayout(row)
        self.retranslate_ui()

    # --- the links -------------------------------------------------------------------------------

    def set_links(self, decision_ids=(), exchange_ids=(), assignment_ids=()) -> None:
        keys = [(DECISION, i) for i in decision_ids] + [(EXCHANGE, i) for i in exchange_ids]
        keys += [(ASSIGNMENT, i) for i in assignment_ids]
        self.chosen = [k for k in keys if k in self.targets]
        self._fill()

    def ids(self, kind: str) -> tuple[int, ...]:
        return tuple(i for k, i in self.chosen if k == kind)

    def index_of(self, kind: str, record_id: int) -> int:
        """The row of this decision, exchange or assignment in the box (-1: not there)."""
        return self.choice.findData(_code((kind, record_id)))

    def add(self, kind: str, record_id: int) -> None:
        key = (kind, record_id)
        if key in self.targets and key not in self.chosen:
            self.chosen.append(key)
            self._fill()

    def add_current(self) -> None:
        key = _key(self.choice.currentData())
        if (
            key is None
        ):  # typed text: the entry it names (a whole number or reference), else the first that has it
            typed = self.choice.currentText().strip().casefold()
            texts = [self.choice.itemText(i).casefold() for i in range(self.choice.count())]
            found = [i for i, t in enumerate(texts) if typed and typed in t]
            exact = [i for i in found if f" {typed}:" in texts[i] or texts[i].endswith(f" {typed}")]
            i = (exact or found or [-1])[0]
            key = _key(self.choice.itemData(i)) if i >= 0 else None
        if key is not None:
            self.add(*key)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.remove(_key(item.data(Qt.ItemDataRole.UserRole)))
            self._fill()

    # --- display ---------------------------------------------------------------------------------

    def _fill(self) -> None:
        lang = current_language()
        self.list.clear()
        for key in self.chosen:
            t = self.targets[key]
            item = QListWidgetItem(link_label(t, lang))
            item.setData(Qt.ItemDataRole.UserRole, _code(key))
            item.setToolTip(t.text(lang))
            self.list.addItem(item)
        self.choice.blockSignals(True)
        self.choice.clear()
        for key, t in self.targets.items():
            if key not in self.chosen:
                self.choice.addItem(link_label(t, lang), _code(key))
        self.choice.setCurrentIndex(-1)
        self.choice.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)
        self.add_button.setEnabled(self.choice.count() > 0)

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Link"))
        self.add_button.setToolTip(_("Link the letter to the decision, exchange or assignment chosen"))
        self.remove_button.setText(_("Unlink"))
        self.choice.lineEdit().setPlaceholderText(_("Decision, exchange or assignment…"))
        self._fill()
