"""What a row shows of a text until the row is first used: a light stand-in for its CellEdit.

A QPlainTextEdit with its document, scroll bars, viewport and highlighter costs some 2 ms to
create and fill; a session of 500 segments has 1,000 of them (issue 18). A row is therefore born
with two ``CellPreview`` widgets, and its real editors are made the moment they are needed: the
pointer enters the row, a click, the keyboard focus, or any code that asks the row for its cells
(``SegmentRow.cells``, ``SegmentRow.cell``). Until then a preview

- computes its height as the cell would (the same lines, at the same width, in the same font),
- paints itself through one hidden CellEdit the editor shares between all previews (``renderer``):
  the same text, font, colours, placeholder and glossary highlights, so a row looks the same
  before and after its editors are made.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QPixmap, QTextOption
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from app.ui.minutes.cell import CellEdit, lines_height

#: what a QTextDocument takes for the end of a block when given plain text
_BLOCKS = re.compile("\r\n|[\n\r\u2029]")


def text_height(text: str, font, width: float, option: QTextOption, margin: float, min_line: int) -> int:
    """The height of a CellEdit holding ``text`` (see ``CellEdit.ideal_height``: the same sum)."""
    height = 0.0
    for block in _BLOCKS.split(text):
        height += lines_height(block, font, option, width)
    height = max(height, min_line)
    return int(height + 3 * margin + 2.999)


def renderer(parent: QWidget) -> CellEdit:
    """The editor that paints previews: hidden, out of the focus chain (``render`` lays it out
    at each preview's size)."""
    r = CellEdit("zh", parent)
    r.setObjectName("cell_renderer")
    r.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    r.hide()
    return r


class CellPreview(QWidget):
    """One language's text of a row whose editors are not made yet (see the module's text)."""

    def __init__(self, lang: str, row) -> None:
        super().__init__(row)
        self.lang = lang
        self.row = row
        self.setObjectName(f"preview_{lang}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reached by Tab from outside: the cell takes it
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._text = ""
        self._placeholder = ""
        self._read_only = False
        self._height: tuple[tuple, int] | None = None

    # --- what the row sets and reads, as on a CellEdit ---------------------------------------

    def text(self) -> str:
        return self._text

    def set_text(self, text: str, cursor: int | None = None) -> None:
        if text != self._text:
            self._text = text
            self.update()
            self.row.sync_heights()  # as a cell's new text does

    def isReadOnly(self) -> bool:  # noqa: N802 (Qt's name on a CellEdit)
        return self._read_only

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        self._read_only = read_only

    def placeholderText(self) -> str:  # noqa: N802
        return self._placeholder

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802
        if text != self._placeholder:
            self._placeholder = text
            if not self._text:
                self.update()

    def ideal_height(self) -> int:
        renderer = self.row.renderer()
        doc = renderer.document()
        font = self.font()
        width = self.width() - 2 * doc.documentMargin()
        key = (width, self._text, font.key())
        if self._height is None or self._height[0] != key:
            line = self.fontMetrics().lineSpacing() * renderer.MIN_LINES
            option = doc.defaultTextOption()
            self._height = (key, text_height(self._text, font, width, option, doc.documentMargin(), line))
        return self._height[1]

    def changeEvent(self, e) -> None:  # noqa: N802
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self.update()
            self.row.sync_heights()

    # --- looks: painted by the shared renderer -----------------------------------------------

    def paintEvent(self, e) -> None:  # noqa: N802
        r = self.row.renderer()
        r.lang = r.highlighter.lang = self.lang
        if r.font() != self.font():
            r.setFont(self.font())
        palette = r.palette()
        base = self.palette().color(QPalette.ColorRole.Base)
        if palette.color(QPalette.ColorRole.Base) != base:
            palette.setColor(QPalette.ColorRole.Base, base)
            r.setPalette(palette)
        r.setReadOnly(self._read_only)
        r.setPlaceholderText(self._placeholder)
        r.highlighter.terms = self.row.terms
        r.highlighter.other_text = self.row.text(self.row.other(self.lang))
        r.resize(self.size())
        r.document().setPlainText(self._text)  # highlighted with the terms above
        # through a pixmap: rendering straight into this paint's painter loses its offset when
        # the row is grabbed (a dragged row's picture)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        r.render(pixmap, QPoint(0, 0))
        p = QPainter(self)
        p.drawPixmap(0, 0, pixmap)
        p.end()

    # --- the first use: the row makes its editors, which take over --------------------------

    def enterEvent(self, e) -> None:  # noqa: N802
        # (so a glossary term's tooltip, which follows the pointer's arrival, is the cell's own;
        # no event() here: every event of every preview would pass through Python)
        self.row.materialize()

    def focusInEvent(self, e) -> None:  # noqa: N802
        cell = self.row.cell(self.lang)
        cell.setFocus(e.reason())

    def mousePressEvent(self, e) -> None:  # noqa: N802
        self._forward(e)

    def mouseDoubleClickEvent(self, e) -> None:  # noqa: N802
        self._forward(e)

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        self._forward(e)  # (a selection dragged from the press the cell took over)

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        self._forward(e)

    def contextMenuEvent(self, e) -> None:  # noqa: N802
        cell = self.row.cell(self.lang)
        QApplication.sendEvent(cell, type(e)(e.reason(), e.pos(), e.globalPos(), e.modifiers()))

    def _forward(self, e) -> None:
        """A click on a row not yet used (no pointer passed over it first): the same click on its cell."""
        cell = self.row.cell(self.lang)
        target = cell.viewport()
        pos = target.mapFrom(self, e.position().toPoint())
        QApplication.sendEvent(target, QMouseEvent(e.type(), pos, e.globalPosition(), e.button(), e.buttons(),
                                                   e.modifiers()))  # fmt: skip
