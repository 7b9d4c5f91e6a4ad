"""One language's text of a segment: a plain text editor that grows with its text.

The editor's own undo is off: typing goes into the minutes editor's QUndoStack, so that Ctrl+Z
undoes typing, splits, merges and moves in the order they happened. Keys that belong to the
editor's actions (Ctrl+Z, Ctrl+Up…) are left to those actions. Tab, Enter and the arrow keys at the
edge of the text move to the neighbouring cell; Shift+Enter starts a new line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QTextCursor, QTextLayout
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QToolTip

from app.i18n import _
from app.ui.minutes.highlighter import TermHighlighter

#: Shortcuts the cells leave to the editor's actions (filled in by ``actions.EditorActions``).
RESERVED: list[QKeySequence] = []
_SHORTCUT_OVERRIDE, _TOOL_TIP = QEvent.Type.ShortcutOverride, QEvent.Type.ToolTip


def lines_height(text: str, font, option, width: float, formats=()) -> float:
    """The height of the lines of one block of ``text`` laid out at ``width`` (leading included)."""
    tl = QTextLayout(text, font)
    tl.setTextOption(option)
    if formats:
        tl.setFormats(formats)
    tl.beginLayout()
    height = 0.0
    while True:
        line = tl.createLine()
        if not line.isValid():
            break
        line.setLeadingIncluded(True)
        line.setLineWidth(width if width > 0 else 1e6)
        height += line.height()
    tl.endLayout()
    return height


class CellEdit(QPlainTextEdit):
    """Tells its row (``owner``: typing, focus, leaving, navigation, a new ideal height, a moved
    cursor) by calling it, not through Qt signals: a session of 500 segments has 1,000 cells, and
    each connection costs as much as creating a small widget (issue 18)."""


    MIN_LINES = 1

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName(f"cell_{lang}")
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(6)
        self._programmatic = False
        self._text = ""
        self._height: tuple[tuple, int] | None = None  # (width, text revision, font) → height
        self.owner = None  # the SegmentRow
        self.positioned = False  # the user put the cursor somewhere: the split point
        self.extra_actions: list = []
        self.highlighter = TermHighlighter(self.document(), lang)
        self.document().contentsChanged.connect(self._on_contents)
        # the cell is as tall as its text: it never scrolls inside itself (its scroll range can
        # lag a line behind a new height), the wheel scrolls the editor
        self.verticalScrollBar().rangeChanged.connect(lambda *_a: self.verticalScrollBar().setValue(0))
        self.verticalScrollBar().valueChanged.connect(self._keep_top)
        self.cursorPositionChanged.connect(self._on_cursor)

    # --- text --------------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def set_text(self, text: str, cursor: int | None = None) -> None:
        """Replace the text without it counting as typing (loading, undo, a merge…)."""
        if text == self._text and cursor is None:
            return
        self._programmatic = True
        try:
            if not self._text and self.document().isEmpty():  # a new cell: no selection to replace
                self.document().setPlainText(text)
            elif text != self.toPlainText():
                c = QTextCursor(self.document())
                c.select(QTextCursor.SelectionType.Document)
                c.insertText(text)
            self._text = text
            c = self.textCursor()
            pos = len(text) if cursor is None else max(0, min(cursor, len(text)))
            c.setPosition(pos)
            self.setTextCursor(c)
        finally:
            self._programmatic = False

    def _on_contents(self) -> None:
        self._height_changed()  # typed or set: the row takes the taller of its cells' heights
        if self._programmatic:
            return
        new = self.toPlainText()
        if new == self._text:
            return
        before, self._text = self._text, new
        if self.owner is not None:
            self.owner.cell_edited(self, before, new, self.textCursor().position())

    def _on_cursor(self) -> None:
        if self.hasFocus():
            self.positioned = True
            if self.owner is not None:
                self.owner.cell_cursor_moved(self)

    def _height_changed(self) -> None:
        if self.owner is not None:
            self.owner.sync_heights()

    def _navigate(self, where: str) -> None:
        """``where``: "next_cell", "prev_cell", "next_row", "prev_row"."""
        if self.owner is not None:
            self.owner.cell_navigate(self, where)

    # --- size --------------------------------------------------------------------------------

    def ideal_height(self) -> int:
        """The height that shows every line at the cell's present width.

        The document is laid out here, at the viewport's width, block by block: a plain text
        editor lays out only the blocks it paints, so its own line count lags behind a new width or
        a new text (rows of another session kept the height of their first layout)."""
        doc = self.document()
        margin = doc.documentMargin()
        width = self.viewport().width() - 2 * margin
        font = doc.defaultFont()
        # a row asks each time one of its cells is resized or retyped: the same text at the same
        # width and font is not laid out again (the highlighter's colours change no height)
        key = (width, doc.revision(), font.key())
        if self._height is not None and self._height[0] == key:
            return self._height[1]
        option = doc.defaultTextOption()
        height = 0.0
        block = doc.firstBlock()
        while block.isValid():
            if block.isVisible():
                height += lines_height(block.text(), font, option, width, block.layout().formats())
            block = block.next()
        height = max(height, self.MIN_LINES * self.fontMetrics().lineSpacing())
        # QPlainTextEdit counts a line as visible only within the height less one more margin and a
        # pixel (its scroll range), hence three margins, not two
        result = int(height + 3 * margin + 2 * self.frameWidth() + 2.999)
        self._height = (key, result)
        return result

    def _keep_top(self, value: int) -> None:
        if value and self.height() >= self.ideal_height():
            self.verticalScrollBar().setValue(0)

    def wheelEvent(self, e) -> None:  # noqa: N802
        e.ignore()

    # (a new width is the row's: its resizeEvent, after its layout has resized the cells, fits
    # the heights; a resizeEvent here would do it once more for each cell)

    def changeEvent(self, e) -> None:  # noqa: N802
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._height_changed()

    # --- keys --------------------------------------------------------------------------------

    def event(self, e) -> bool:
        kind = e.type()  # once: every event of every cell passes here
        if kind == _SHORTCUT_OVERRIDE:
            combo = QKeySequence(e.keyCombination())
            if any(combo.matches(r) == QKeySequence.SequenceMatch.ExactMatch for r in RESERVED):
                e.ignore()
                return False
            if e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo):
                e.ignore()
                return False
        if kind == _TOOL_TIP:
            return self._tooltip(e)
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        key, mods = e.key(), e.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_Tab and plain:
            self._navigate("next_cell")
            return
        if key == Qt.Key.Key_Backtab:
            self._navigate("prev_cell")
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                if not self.isReadOnly():
                    self.textCursor().insertText("\n")
                return
            if plain:
                self._navigate("next_row")
                return
        if key == Qt.Key.Key_Up and plain and self._on_first_line():
            self._navigate("prev_row")
            return
        if key == Qt.Key.Key_Down and plain and self._on_last_line():
            self._navigate("next_row")
            return
        super().keyPressEvent(e)

    def _on_first_line(self) -> bool:
        c = self.textCursor()
        block = c.block()
        if block != self.document().firstBlock():
            return False
        line = block.layout().lineForTextPosition(c.positionInBlock())
        return not line.isValid() or line.lineNumber() == 0

    def _on_last_line(self) -> bool:
        c = self.textCursor()
        block = c.block()
        if block != self.document().lastBlock():
            return False
        layout = block.layout()
        line = layout.lineForTextPosition(c.positionInBlock())
        return not line.isValid() or line.lineNumber() == layout.lineCount() - 1

    def contextMenuEvent(self, e) -> None:  # noqa: N802
        menu = self.createStandardContextMenu()
        for a in list(menu.actions()):  # the editor's own undo is off: the Edit menu's undoes
            if a.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(a)
        if self.extra_actions:
            menu.addSeparator()
            for a in self.extra_actions:
                if a is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a)
        menu.exec(e.globalPos())
        menu.deleteLater()

    def focusInEvent(self, e) -> None:  # noqa: N802
        super().focusInEvent(e)
        self.positioned = True
        if self.owner is not None:
            self.owner.activated.emit(self.owner)
        self.viewport().update()

    def focusOutEvent(self, e) -> None:  # noqa: N802
        super().focusOutEvent(e)
        self.viewport().update()
        if self.owner is not None:
            self.owner.cell_left(self)

    # --- the split marker and term tooltips --------------------------------------------------

    def paintEvent(self, e) -> None:  # noqa: N802
        super().paintEvent(e)
        if not self.hasFocus() and self.positioned and not self.isReadOnly():
            rect = self.cursorRect()
            p = QPainter(self.viewport())
            p.setPen(QPen(QColor("#8a8a8a"), 1, Qt.PenStyle.DashLine))
            p.drawLine(rect.topLeft(), rect.bottomLeft())
            p.end()

    def _tooltip(self, e) -> bool:
        pos: QPoint = e.pos()
        cursor = self.cursorForPosition(self.viewport().mapFrom(self, pos))
        block = cursor.block()
        term = self.highlighter.term_at(block.text(), cursor.positionInBlock())
        if term is None:
            QToolTip.hideText()
            e.ignore()
            return True
        counterpart = term.ru if self.lang == "zh" else term.zh
        if self.highlighter.counterpart_present(term):
            text = _("Glossary: {term} — {counterpart}").format(
                term=term.zh if self.lang == "zh" else term.ru, counterpart=counterpart
            )
        else:
            text = _("Glossary: {term} — {counterpart} (missing from the other text)").format(
                term=term.zh if self.lang == "zh" else term.ru, counterpart=counterpart
            )
        if term.note:
            text += "\n" + term.note
        QToolTip.showText(e.globalPos(), text, self)
        return True
