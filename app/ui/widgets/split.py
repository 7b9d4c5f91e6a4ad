"""A splitter whose sizes follow shares of its length until the user moves it: after a language
switch it divides itself again, as it would after a fresh start in that language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QSplitter


class SharedSplitter(QSplitter):
    def __init__(self, orientation: Qt.Orientation, shares: tuple[int, ...], parent=None) -> None:
        super().__init__(orientation, parent)
        self.shares = shares
        self.moved_by_user = False
        self.splitterMoved.connect(lambda *_a: setattr(self, "moved_by_user", True))

    def _length(self, size) -> int:
        return size.width() if self.orientation() == Qt.Orientation.Horizontal else size.height()

    def divide(self) -> None:
        """Shares of the length, each part at least its minimum in the current language."""
        if self.moved_by_user or not self.isVisible() or self.count() != len(self.shares):
            return
        total = self._length(self.size()) - self.handleWidth() * (self.count() - 1)
        if total <= 0:
            return
        mins = [self._length(self.widget(i).minimumSizeHint()) for i in range(self.count())]
        sizes = [max(m, total * s // sum(self.shares)) for m, s in zip(mins, self.shares, strict=True)]
        largest = sizes.index(max(sizes))
        sizes[largest] = max(mins[largest], total - (sum(sizes) - sizes[largest]))
        self.setSizes(sizes)

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        QTimer.singleShot(0, self, self.divide)

    def changeEvent(self, e) -> None:  # noqa: N802
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.divide)
