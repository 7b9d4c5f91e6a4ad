"""Dialogs on a laptop screen: every dialog fits in 1366×768 with a task bar. A form taller than
that goes into a scroll area, the buttons staying in view below it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

#: The smallest laptop screen the commission's secretaries use, less a task bar and a title bar.
LAPTOP = QSize(1366, 768 - 40 - 30)


def available() -> QSize:
    """The room for a dialog: the laptop size, or less on a smaller screen."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return LAPTOP
    geo = screen.availableGeometry()
    return QSize(min(LAPTOP.width(), geo.width()), min(LAPTOP.height(), geo.height() - 30))


class _Body(QScrollArea):
    """Scrolls vertically only; as wide as its form, as tall as it may be."""

    def __init__(self, max_height: int) -> None:
        super().__init__()
        self.max_height = max_height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def _extra(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = self.widget().sizeHint()
        return QSize(hint.width() + self._extra(), min(hint.height(), self.max_height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self.widget().minimumSizeHint()
        return QSize(hint.width() + self._extra(), min(hint.height(), 200))


def fit_on_screen(dialog: QWidget, keep: int = 1) -> QScrollArea | None:
    """When ``dialog`` would be taller than the screen, move its layout's items, all but the last
    ``keep`` (the buttons), into a scroll area. Returns the scroll area, or None when it fits."""
    room = available()
    lay: QLayout = dialog.layout()
    if lay is None:
        return None
    dialog._fits_screen = True  # sized by full_size() when shown
    if dialog.sizeHint().height() <= room.height():
        return None
    items = [lay.takeAt(0) for _ in range(lay.count() - keep)]
    rest = [lay.takeAt(0) for _ in range(lay.count())]
    inner = QWidget()
    inner.setObjectName("dialog_body")
    body_lay = type(lay)(inner)
    body_lay.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if item.widget() is not None:
            body_lay.addWidget(item.widget())
        elif item.layout() is not None:
            item.layout().setParent(None)
            body_lay.addLayout(item.layout())
        else:
            body_lay.addItem(item)
    others = sum(i.sizeHint().height() for i in rest) + lay.spacing() * len(rest)
    margins = lay.contentsMargins()
    body = _Body(room.height() - others - margins.top() - margins.bottom())
    body.setObjectName("dialog_scroll")
    body.setWidget(inner)
    lay.addWidget(body, 1)
    for item in rest:
        if item.widget() is not None:
            lay.addWidget(item.widget())
        elif item.layout() is not None:
            lay.addLayout(item.layout())
        else:
            lay.addItem(item)
    return body


def full_size(dialog: QWidget, room: QSize | None = None) -> None:
    """Qt's own size for the dialog (``adjustSize``), but as tall as it asks up to the room: left
    to itself, Qt opens a window at most two thirds of the screen high (512 pixels on a laptop),
    scrolling a form that would fit. Called as the dialog is shown, and again after a language
    switch (:mod:`app.ui.widgets.retranslate`)."""
    dialog.adjustSize()
    tall = min(dialog.sizeHint().height(), (room or available()).height())
    if dialog.height() < tall:
        QWidget.resize(dialog, dialog.width(), tall)  # (not a size the dialog asked for)
