"""The two languages side by side, row by row: a scroll area of segment rows under the titles of
the parts. Keeps the focus moving naturally (Tab, Enter, arrows), takes rows dragged by their grip,
filters rows, and scrolls the cursor into view."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.core.enums import SegmentPart, SegmentStatus
from app.core.services.minutes.records import SegmentData
from app.ui.minutes.cell import CellEdit
from app.ui.minutes.preview import renderer
from app.ui.minutes.row import MIME, PartDivider, SegmentRow
from app.ui.widgets.deferred import after_paint

FILTERS = ("all", "not_agreed", "findings")
#: Rows created at once when a session is opened (more than a screen holds); the rest follow in
#: batches once the window has shown the first ones (issue 18).
FIRST_ROWS = 16
MORE_ROWS = 40


class _Container(QWidget):
    """The rows' parent: accepts a dragged row and shows where it would land."""

    def __init__(self, editor: SegmentEditor) -> None:
        super().__init__()
        self.editor = editor
        self.setAcceptDrops(True)
        self.indicator = QFrame(self)
        self.indicator.setStyleSheet("background: #3949ab;")
        self.indicator.setFixedHeight(3)
        self.indicator.hide()

    def dragEnterEvent(self, e) -> None:  # noqa: N802
        self.editor.ensure_all()
        if e.mimeData().hasFormat(MIME) and not self.editor.read_only:
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:  # noqa: N802
        if not e.mimeData().hasFormat(MIME):
            return
        y, _slot = self.editor.drop_slot(e.position().toPoint())
        self.indicator.setGeometry(0, y - 1, self.width(), 3)
        self.indicator.show()
        self.indicator.raise_()
        e.acceptProposedAction()

    def dragLeaveEvent(self, e) -> None:  # noqa: N802
        self.indicator.hide()

    def dropEvent(self, e) -> None:  # noqa: N802
        self.indicator.hide()
        if not e.mimeData().hasFormat(MIME):
            return
        uuid = bytes(e.mimeData().data(MIME)).decode()
        _y, (index, part) = self.editor.drop_slot(e.position().toPoint(), moving=uuid)
        e.acceptProposedAction()
        self.editor.dropped.emit(uuid, index, part)


class SegmentEditor(QScrollArea):
    #: the current segment changed: its uuid ("" for none)
    currentChanged = Signal(str)  # noqa: N815
    #: the user typed: uuid, lang, text before, text after, cursor
    textEdited = Signal(str, str, str, str, int)  # noqa: N815
    #: a row was dropped: uuid, index (counted without it), part
    dropped = Signal(str, int, object)
    #: a part's "add a segment here" button
    addRequested = Signal(object)  # noqa: N815
    #: every row has been created (after a long session was opened)
    loaded = Signal()
    #: a cell lost the focus: the segment's uuid
    cellLeft = Signal(str)  # noqa: N815
    #: the status button of a row was pressed: uuid
    statusRequested = Signal(str, object)  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("segment_editor")
        self.setWidgetResizable(True)
        self.container = _Container(self)
        # growing as rows are added below the screen repaints only what it gains (nothing on
        # screen), not every row in view once per batch (issue 18)
        self.container.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.lay = QVBoxLayout(self.container)
        self.lay.setContentsMargins(6, 0, 6, 12)
        self.lay.setSpacing(3)
        self.setWidget(self.container)
        self.rows: dict[str, SegmentRow] = {}
        self.order: list[str] = []
        self.dividers = {p: PartDivider(p) for p in SegmentPart}
        for d in self.dividers.values():
            d.addRequested.connect(self.addRequested)
        self.ru_left = False
        self.read_only = False
        self.filter = "all"
        self.failing: dict[str, int] = {}
        self.current_uuid = ""
        self._last_lang = "zh"
        self.context_actions: list = []
        self.terms: list = []
        self._waiting: list[SegmentData] = []
        self._batch = 0  # which opening the waiting segments belong to
        self._waiting_last = True
        self._renderer: CellEdit | None = None
        self._relayout()

    # --- building ----------------------------------------------------------------------------

    def sync(self, segments: list[SegmentData], *, read_only: bool, pending=lambda uuid: False) -> None:
        """Show ``segments`` in order. Rows that exist keep their widgets (and the cursor);
        their texts are refreshed unless they hold unsaved typing."""
        self.read_only = read_only
        for d in self.dividers.values():  # signed minutes offer no edit that would be refused
            d.add_button.setVisible(not read_only)
        wanted = {s.uuid for s in segments}
        for uuid in [u for u in self.rows if u not in wanted]:
            row = self.rows.pop(uuid)
            self.lay.removeWidget(row)
            row.hide()  # keeps its parent: an orphan would be a top-level window until deleted
            row.deleteLater()
        self._waiting = []
        self._waiting_last = True  # every waiting row comes after every row made
        created = 0
        for seg in segments:
            row = self.rows.get(seg.uuid)
            if row is None:
                if created >= FIRST_ROWS:  # the rest a moment later, so that the window stays alive
                    self._waiting.append(seg)
                    continue
                row = self._add_row(seg)
                created += 1
            else:
                row.set_segment(seg, force_text=not pending(seg.uuid))
            if self._waiting:
                self._waiting_last = False
            row.set_read_only(read_only)
        self.order = [s.uuid for s in segments]
        self._relayout()
        self.apply_filter()
        if self.current_uuid not in self.rows:
            self.current_uuid = ""
            self.currentChanged.emit("")
        self._batch += 1  # a batch of the segments shown before is not created
        if self._waiting:
            self._more_after_paint()

    def _more_after_paint(self) -> None:
        """The first batch once the first rows are on screen (issue 18: they show at once); each
        later batch in a turn of the event loop of its own, so the window stays alive."""
        batch = self._batch
        after_paint(self.viewport(), lambda: self._create_more() if batch == self._batch else None)

    def _add_row(self, seg: SegmentData) -> SegmentRow:
        row = self._new_row(seg)
        # born at the width the layout will give it: its texts are laid out once, not at a
        # default width first (issue 18)
        margins = self.lay.contentsMargins()
        row.resize(max(1, self.container.width() - margins.left() - margins.right()), row.height())
        self.rows[seg.uuid] = row
        row.set_read_only(self.read_only)
        row.set_findings(self.failing.get(seg.uuid, 0))
        return row

    def _create_more(self, everything: bool = False) -> None:
        if not self._waiting:
            return
        batch = self._waiting if everything else self._waiting[:MORE_ROWS]
        self._waiting = [] if everything else self._waiting[MORE_ROWS:]
        wanted = set(self.order)
        added = [self._add_row(seg) for seg in batch if seg.uuid in wanted and seg.uuid not in self.rows]
        if self._waiting_last:
            self._place(added)
        else:
            self._relayout()
        self.apply_filter()
        if self._waiting:  # the first screen is painted: the next batch in the next turn of the loop
            batch_of = self._batch  # (rows below the screen paint nothing to wait for)
            QTimer.singleShot(0, self, lambda: self._create_more() if batch_of == self._batch else None)
        else:
            self.loaded.emit()

    def ensure_all(self) -> None:
        """Create the rows still waiting (before searching, navigating or dropping)."""
        if self._waiting:
            self._create_more(everything=True)

    def set_terms(self, terms) -> None:
        self.terms = list(terms)
        for row in self.rows.values():
            row.set_terms(self.terms)

    def cell_renderer(self) -> CellEdit:
        """The hidden editor that paints the rows not used yet (see :mod:`app.ui.minutes.preview`)."""
        if self._renderer is None:
            self._renderer = renderer(self)
        return self._renderer

    def _new_row(self, seg: SegmentData) -> SegmentRow:
        # its editors made when first used: the pointer, a click, the focus (issue 18)
        row = SegmentRow(seg, self.ru_left, self.container, terms=self.terms, lazy=True)
        row.editor = self  # its cells' typing, leaving and navigation come here
        row.activated.connect(self._on_activated)
        row.status_button.clicked.connect(lambda _c=False, r=row: self.statusRequested.emit(r.uuid, r))
        row.set_extra_actions(self.context_actions)
        return row

    def _place(self, added: list[SegmentRow]) -> None:
        """Put rows created after all those before them in the order (the rows that waited) at the
        end of their parts, without laying out every row again as :meth:`_relayout` does."""
        parts = list(SegmentPart)
        for row in added:
            later = parts[parts.index(row.segment.part) + 1 :]
            index = self.lay.indexOf(self.dividers[later[0]]) if later else self.lay.count() - 1  # the stretch
            self.lay.insertWidget(index, row)

    def _relayout(self) -> None:
        while self.lay.count():
            self.lay.takeAt(0)
        by_part: dict[SegmentPart, list[SegmentRow]] = {p: [] for p in SegmentPart}
        for uuid in self.order:
            row = self.rows.get(uuid)
            if row is not None:
                by_part[row.segment.part].append(row)
        for part in SegmentPart:
            self.lay.addWidget(self.dividers[part])
            for row in by_part[part]:
                self.lay.addWidget(row)
        self.lay.addStretch(1)

    def set_part_titles(self, titles: dict[SegmentPart, str]) -> None:
        for part, title in titles.items():
            self.dividers[part].set_title(title)
            self.dividers[part].retranslate_ui()

    def set_ru_left(self, ru_left: bool) -> None:
        self.ru_left = ru_left
        for row in self.rows.values():
            row.set_ru_left(ru_left)

    def first_lang(self) -> str:
        return "ru" if self.ru_left else "zh"

    def retranslate_ui(self) -> None:
        for row in self.rows.values():
            row.retranslate_ui()
        for d in self.dividers.values():
            d.retranslate_ui()

    # --- filter and findings -----------------------------------------------------------------

    def set_filter(self, name: str) -> None:
        self.filter = name
        self.apply_filter()

    def set_failing(self, failing: dict[str, int]) -> None:
        self.failing = failing
        for uuid, row in self.rows.items():
            row.set_findings(failing.get(uuid, 0))
        if self.filter == "findings":
            self.apply_filter()

    def visible(self, seg: SegmentData) -> bool:
        if self.filter == "not_agreed":
            return seg.status.rank < SegmentStatus.AGREED.rank
        if self.filter == "findings":
            return seg.uuid in self.failing
        return True

    def apply_filter(self) -> None:
        # Qt lays out the parent each time a child is shown: with the layout off meanwhile, the
        # rows are laid out once, not once per row shown (500 rows: 10,000 resizes; issue 18)
        self.lay.setEnabled(False)
        try:
            for uuid in self.order:
                row = self.rows.get(uuid)
                if row is None:
                    continue
                show = self.visible(row.segment)
                if row.isHidden() == show:
                    row.setVisible(show)
        finally:
            self.lay.setEnabled(True)
        # as tall as its rows at once: laid out in a container still of the old height, the rows
        # on screen would be squeezed, then stretched back (two repaints a batch; issue 18)
        need = self.container.minimumSizeHint().height()
        if need > self.container.height():
            self.container.resize(self.container.width(), need)
        self.lay.activate()

    # --- current row and focus ---------------------------------------------------------------

    def _on_activated(self, row: SegmentRow) -> None:
        lang = next((lang for lang, c in row.cells.items() if c.hasFocus()), self._last_lang)
        self._last_lang = lang
        if row.uuid != self.current_uuid:
            old = self.rows.get(self.current_uuid)
            if old is not None:
                old.set_current(False)
            self.current_uuid = row.uuid
            row.set_current(True)
            self.currentChanged.emit(row.uuid)

    def current_row(self) -> SegmentRow | None:
        return self.rows.get(self.current_uuid)

    def current_lang(self) -> str:
        row = self.current_row()
        if row is not None:
            for lang, cell in row.cells.items():
                if cell.hasFocus():
                    self._last_lang = lang
        return self._last_lang

    def focus_segment(self, uuid: str, lang: str | None = None, *, cursor: int | None = None,
                      keep_cursor: bool = False) -> None:  # fmt: skip
        if uuid not in self.rows and uuid in self.order:
            self.ensure_all()
        row = self.rows.get(uuid)
        if row is None:
            return
        if row.isHidden():
            self.set_filter("all")
            self.filterReset()
        lang = lang or self._last_lang
        cell = row.cell(lang)
        if cursor is not None:
            c = cell.textCursor()
            c.setPosition(max(0, min(cursor, len(cell.text()))))
            cell.setTextCursor(c)
        elif not keep_cursor and not cell.positioned:
            cell.moveCursor(QTextCursor.MoveOperation.End)
        cell.setFocus(Qt.FocusReason.OtherFocusReason)
        self._on_activated(row)
        QTimer.singleShot(0, lambda: self.ensureWidgetVisible(row, 20, 40) if row.isVisible() else None)

    def filterReset(self) -> None:  # noqa: N802 - overridden by the view to update its combo
        pass

    def focus_index(self, index: int) -> None:
        if 0 <= index < len(self.order):
            self.focus_segment(self.order[index])

    def visible_order(self) -> list[str]:
        self.ensure_all()
        return [u for u in self.order if not self.rows[u].isHidden()]

    def navigate_from(self, uuid: str, lang: str, where: str) -> None:
        order = self.visible_order()
        if uuid not in order:
            return
        i = order.index(uuid)
        first, second = ("ru", "zh") if self.ru_left else ("zh", "ru")
        if where == "next_cell":
            if lang == first:
                self.focus_segment(uuid, second)
            elif i + 1 < len(order):
                self.focus_segment(order[i + 1], first)
        elif where == "prev_cell":
            if lang == second:
                self.focus_segment(uuid, first)
            elif i > 0:
                self.focus_segment(order[i - 1], second)
        elif where == "next_row" and i + 1 < len(order):
            self.focus_segment(order[i + 1], lang, cursor=0)
        elif where == "prev_row" and i > 0:
            prev = self.rows[order[i - 1]].cell(lang)
            self.focus_segment(order[i - 1], lang, cursor=len(prev.text()))

    def ensure_cursor_visible(self, cell) -> None:
        if not cell.hasFocus():
            return
        rect = cell.cursorRect()
        p = cell.viewport().mapTo(self.container, rect.center())
        self.ensureVisible(p.x(), p.y(), 20, rect.height() + 10)

    # --- text coming back from undo ----------------------------------------------------------

    def apply_text(self, uuid: str, lang: str, text: str, cursor: int) -> bool:
        row = self.rows.get(uuid)
        if row is None or row.is_locked(lang):
            return False
        cell = row.cell(lang)
        cell.set_text(text, cursor)
        row.cells[row.other(lang)].highlighter.set_other_text(text)
        self.focus_segment(uuid, lang, keep_cursor=True)
        return True

    # --- dropping ----------------------------------------------------------------------------

    def drop_slot(self, pos: QPoint, moving: str = "") -> tuple[int, tuple[int, SegmentPart]]:
        """(y of the indicator, (index without the moving row, part)) for a point in the container."""
        part = SegmentPart.PREAMBLE
        index = 0
        y = 0
        for i in range(self.lay.count()):
            w = self.lay.itemAt(i).widget()
            if w is None:
                continue
            if not w.isVisible():
                if isinstance(w, SegmentRow) and w.uuid != moving:
                    index += 1
                continue
            g = w.geometry()
            if isinstance(w, PartDivider):
                if pos.y() < g.center().y() and i > 0:
                    return y, (index, part)
                part = w.part
                y = g.bottom() + 1
                continue
            if pos.y() < g.center().y():
                return g.top() - 1, (index, part)
            if w.uuid != moving:
                index += 1
            y = g.bottom() + 1
        return y, (index, part)
