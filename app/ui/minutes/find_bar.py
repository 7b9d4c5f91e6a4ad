"""Find and replace in the minutes, in either language or both."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.i18n import _
from app.ui.widgets.retranslate import Retranslatable


class FindBar(Retranslatable, QWidget):
    findRequested = Signal(int)  # noqa: N815 - +1 next, -1 previous
    replaceRequested = Signal()  # noqa: N815
    replaceAllRequested = Signal()  # noqa: N815
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.scope = QComboBox()
        self.scope.setObjectName("find_scope")
        self.find = QLineEdit()
        self.find.setObjectName("find_text")
        self.find.setClearButtonEnabled(True)
        self.replace = QLineEdit()
        self.replace.setObjectName("replace_text")
        self.match_case = QCheckBox()
        self.match_case.setObjectName("find_match_case")
        self.count = QLabel()
        self.count.setObjectName("find_count")
        self.prev_button = QPushButton()
        self.prev_button.setObjectName("find_previous")
        self.next_button = QPushButton()
        self.next_button.setObjectName("find_next")
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("replace_one")
        self.replace_all_button = QPushButton()
        self.replace_all_button.setObjectName("replace_all")
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.find_label, self.replace_label = QLabel(), QLabel()
        self.find_label.setBuddy(self.find)
        self.replace_label.setBuddy(self.replace)
        lay = QGridLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setVerticalSpacing(2)
        lay.addWidget(self.find_label, 0, 0)
        lay.addWidget(self.find, 0, 1)
        lay.addWidget(self.prev_button, 0, 2)
        lay.addWidget(self.next_button, 0, 3)
        lay.addWidget(self.scope, 0, 4)
        lay.addWidget(self.match_case, 0, 5)
        lay.addWidget(self.close_button, 0, 6)
        lay.addWidget(self.replace_label, 1, 0)
        lay.addWidget(self.replace, 1, 1)
        lay.addWidget(self.replace_button, 1, 2)
        lay.addWidget(self.replace_all_button, 1, 3)
        lay.addWidget(self.count, 1, 4, 1, 3)
        lay.setColumnStretch(1, 1)
        self.find.returnPressed.connect(lambda: self.findRequested.emit(1))
        self.next_button.clicked.connect(lambda: self.findRequested.emit(1))
        self.prev_button.clicked.connect(lambda: self.findRequested.emit(-1))
        self.replace_button.clicked.connect(self.replaceRequested)
        self.replace_all_button.clicked.connect(self.replaceAllRequested)
        self.close_button.clicked.connect(self.close_bar)
        self.retranslate_ui()

    def langs(self) -> tuple[str, ...]:
        return self.scope.currentData() or ("zh", "ru")

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(e)

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def open(self, replace: bool = False, text: str = "") -> None:
        self.show()
        if text:
            self.find.setText(text)
        target = self.replace if replace and self.find.text() else self.find
        target.setFocus()
        target.selectAll()

    def set_count(self, current: int, total: int) -> None:
        if not self.find.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(_("not found"))
        else:
            self.count.setText(_("{current} of {total}").format(current=current or "–", total=total))

    def retranslate_ui(self) -> None:
        current = self.scope.currentIndex()
        self.scope.clear()
        self.scope.addItem(_("Both languages"), ("zh", "ru"))
        self.scope.addItem(_("Chinese text"), ("zh",))
        self.scope.addItem(_("Russian text"), ("ru",))
        self.scope.setCurrentIndex(max(0, current))
        self.find_label.setText(_("F&ind:"))
        self.replace_label.setText(_("Re&place with:"))
        self.match_case.setText(_("Match case"))
        self.prev_button.setText(_("Previous"))
        self.next_button.setText(_("Next"))
        self.replace_button.setText(_("Replace"))
        self.replace_all_button.setText(_("Replace all"))
        self.close_button.setToolTip(_("Close (Esc)"))
