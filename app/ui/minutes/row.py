"""A row of the editor: one segment's two texts side by side, heights in step, its status as a
colour and an icon, its kind (or decision number), and a grip to drag it by. And the divider that
opens each part of the minutes."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.services.minutes.records import SegmentData
from app.i18n import _
from app.ui.minutes.cell import CellEdit
from app.ui.minutes.icons import COLOURS, TINTS, status_icon
from app.ui.minutes.preview import CellPreview, renderer

MIME = "application/x-commission-desk-segment"


#: (palette, role, colour) -> that palette with that colour: changing a colour copies the whole
#: palette (0.1 ms), and every row colours four widgets the same way (issue 18)
_PALETTES: dict[tuple, QPalette] = {}


def _colour(widget: QWidget, role: QPalette.ColorRole, colour: str) -> None:
    base = widget.palette()
    key = (base.cacheKey(), base.resolveMask(), role, colour)
    pal = _PALETTES.get(key)
    if pal is None:
        if len(_PALETTES) > 64:  # the application's palette changed more than a few times
            _PALETTES.clear()
        pal = QPalette(base)
        pal.setColor(role, QColor(colour))
        _PALETTES[key] = pal
    widget.setPalette(pal)


class Grip(QLabel):
    """The handle a row is dragged by."""

    def __init__(self, row: SegmentRow) -> None:
        super().__init__("⋮⋮")
        self.row = row
        self.setObjectName("segment_grip")
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFixedWidth(14)
        self.setContentsMargins(0, 6, 0, 0)
        _colour(self, QPalette.ColorRole.WindowText, "#9e9e9e")
        self._press: QPoint | None = None

    def mousePressEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self._press = e.position().toPoint()

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        if self._press is None:
            return
        if (e.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(MIME, self.row.uuid.encode())
        drag.setMimeData(mime)
        drag.setPixmap(self.row.grab().scaledToWidth(min(400, self.row.width())))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        self._press = None


class SegmentRow(QFrame):
    activated = Signal(object)  # the row, when one of its cells gets the focus

    def __init__(self, segment: SegmentData, ru_left: bool = False, parent=None, terms=(), *,
                 lazy: bool = False) -> None:  # fmt: skip
        """``terms``: the glossary's terms, highlighted as the texts are first laid out (setting
        them afterwards would lay every text out again). ``lazy``: the texts are shown by
        previews until the row is first used (see :mod:`app.ui.minutes.preview`)."""
        super().__init__(parent)
        self.setObjectName("segment_row")
        self.uuid = segment.uuid
        self.segment = segment
        self.read_only = False
        self.findings = 0
        self.current = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._look: tuple | None = None
        self._badge_key: tuple | None = None
        self.terms = list(terms)
        self.extra_actions: list = []  # the cells' context menu's further actions
        self.editor = None  # the SegmentEditor, told of typing, leaving and navigation
        self._renderer: CellEdit | None = None
        self.lazy = lazy
        self._cells: dict[str, CellEdit | CellPreview] = (
            {"zh": CellPreview("zh", self), "ru": CellPreview("ru", self)} if lazy
            else {"zh": CellEdit("zh"), "ru": CellEdit("ru")}
        )  # fmt: skip
        self.grip = Grip(self)
        self.status_button = QToolButton()
        self.status_button.setObjectName("segment_status")
        self.status_button.setAutoRaise(True)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.badge = QLabel()
        self.badge.setObjectName("segment_badge")
        self.badge.setWordWrap(True)
        self.badge.setFixedWidth(96)
        _colour(self.badge, QPalette.ColorRole.WindowText, "#555555")
        small = QFont(self.badge.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.badge.setFont(small)
        self.warning: QLabel | None = None  # made when the segment first has findings
        side = QVBoxLayout()  # a layout, not a widget: a session has hundreds of rows (issue 18)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(2)
        self.top = QHBoxLayout()
        self.top.setSpacing(2)
        self.top.addWidget(self.status_button)
        self.top.addStretch(1)
        side.addLayout(self.top)
        side.addWidget(self.badge)
        side.addStretch(1)
        self.lay = QHBoxLayout(self)
        self.lay.setContentsMargins(7, 2, 2, 2)
        self.lay.setSpacing(4)
        self.lay.addWidget(self.grip)
        self.lay.addLayout(side)
        self._place_cells(ru_left)
        if not lazy:
            for cell in self._cells.values():
                cell.owner = self
                cell.highlighter.terms = list(terms)
        self.set_segment(segment, force_text=True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _place_cells(self, ru_left: bool) -> None:
        for cell in self._cells.values():
            self.lay.removeWidget(cell)
        while self.lay.count() > 2:  # the grip and the side stay
            self.lay.takeAt(2)
        left, right = ("ru", "zh") if ru_left else ("zh", "ru")
        self.lay.addWidget(self._cells[left], 1)
        self.lay.addSpacing(3)  # the line between the languages is painted there
        self.lay.addWidget(self._cells[right], 1)
        self.order = (left, right)

    # --- its editors, made when first needed -------------------------------------------------

    @property
    def cells(self) -> dict[str, CellEdit]:
        """The two editors (made now if the row still shows previews)."""
        if self.lazy:
            self.materialize()
        return self._cells  # type: ignore[return-value]

    def materialize(self) -> None:
        """Put the real editors in place of the previews: the same texts, looks and size."""
        if not self.lazy:
            return
        self.lazy = False
        previews = dict(self._cells)
        for lang, preview in previews.items():
            cell = CellEdit(lang, self)
            cell.highlighter.terms = list(self.terms)
            cell.highlighter.other_text = previews[self.other(lang)].text()
            cell.extra_actions = self.extra_actions
            if preview.font().bold():
                cell.setFont(preview.font())
            cell.setReadOnly(preview.isReadOnly())
            _colour(cell, QPalette.ColorRole.Base, preview.palette().color(QPalette.ColorRole.Base).name())
            cell.setPlaceholderText(preview.placeholderText())
            cell.set_text(preview.text(), 0)
            cell.owner = self
            self.lay.replaceWidget(preview, cell)
            cell.setGeometry(preview.geometry())
            cell.setFixedHeight(preview.height())
            self._cells[lang] = cell
            if not preview.isHidden():
                cell.show()
            QWidget.setTabOrder(preview, cell)
            preview.hide()
            preview.deleteLater()
        self.sync_heights()

    def renderer(self) -> CellEdit:
        """The hidden editor that paints previews: the editor's, shared by all its rows."""
        if self.editor is not None:
            return self.editor.cell_renderer()
        if self._renderer is None:
            self._renderer = renderer(self)
        return self._renderer

    def text(self, lang: str) -> str:
        """What the cell (or its preview) holds, without making the editors."""
        return self._cells[lang].text()

    def has_focus(self) -> bool:
        return not self.lazy and any(c.hasFocus() for c in self._cells.values())

    def is_locked(self, lang: str) -> bool:
        return self._cells[lang].isReadOnly()

    def set_terms(self, terms) -> None:
        self.terms = list(terms)
        if self.lazy:
            self.update()  # the previews paint with them
            for preview in self._cells.values():
                preview.update()
            return
        for cell in self._cells.values():
            if cell.highlighter.terms != self.terms:
                cell.highlighter.set_terms(self.terms)

    def set_extra_actions(self, actions: list) -> None:
        self.extra_actions = actions
        if not self.lazy:
            for cell in self._cells.values():
                cell.extra_actions = actions

    def set_other_texts(self) -> None:
        """Each highlighter knows the other language's text (a term's counterpart is there or not)."""
        if self.lazy:
            return
        for lang in ("zh", "ru"):
            self._cells[lang].highlighter.set_other_text(self._cells[self.other(lang)].text())

    def set_ru_left(self, ru_left: bool) -> None:
        if (self.order[0] == "ru") != ru_left:
            self._place_cells(ru_left)

    def cell(self, lang: str) -> CellEdit:
        return self.cells[lang]  # made if needed

    def other(self, lang: str) -> str:
        return "ru" if lang == "zh" else "zh"

    # --- what its cells tell it (direct calls: see CellEdit) ------------------------------------

    def cell_edited(self, cell: CellEdit, before: str, after: str, cursor: int) -> None:
        other = self.cells[self.other(cell.lang)]
        other.highlighter.set_other_text(cell.text())
        if self.editor is not None:
            self.editor.textEdited.emit(self.uuid, cell.lang, before, after, cursor)

    def cell_left(self, cell: CellEdit) -> None:
        if self.editor is not None:
            self.editor.cellLeft.emit(self.uuid)

    def cell_navigate(self, cell: CellEdit, where: str) -> None:
        if self.editor is not None:
            self.editor.navigate_from(self.uuid, cell.lang, where)

    def cell_cursor_moved(self, cell: CellEdit) -> None:
        if self.editor is not None:
            self.editor.ensure_cursor_visible(cell)

    # --- data --------------------------------------------------------------------------------

    def set_segment(self, segment: SegmentData, *, force_text: bool = False) -> None:
        """Show a segment's data. The texts are replaced only when asked (``force_text``) or when
        they differ from what the cells hold and the cells have nothing unsaved."""
        self.segment = segment
        for lang in ("zh", "ru"):
            cell = self._cells[lang]
            text = segment.text(lang)
            if force_text and cell.text() != text:
                cell.set_text(text, 0 if not getattr(cell, "positioned", False) else None)
        self.set_other_texts()
        heading = segment.kind is SegmentKind.HEADING
        for cell in self._cells.values():
            if cell.font().bold() != heading:
                f = QFont(cell.font())
                f.setBold(heading)
                cell.setFont(f)
        self.update_look()
        badge_key = (segment.kind, segment.decision.number if segment.decision else None, segment.status)
        if badge_key != self._badge_key:
            self._badge_key = badge_key
            self.retranslate_ui()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.update_look()

    def set_findings(self, n: int) -> None:
        self.findings = n
        if self.warning is None:
            if not n:
                return
            self.warning = QLabel()
            self.warning.setObjectName("segment_warning")
            _colour(self.warning, QPalette.ColorRole.WindowText, "#c62828")
            bold = QFont(self.warning.font())
            bold.setBold(True)
            self.warning.setFont(bold)
            self.top.insertWidget(1, self.warning)
        self.warning.setText("⚠" if n else "")
        self.warning.setToolTip(_("This segment has check findings: see the Checks panel.") if n else "")

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self.update_look()

    def update_look(self) -> None:
        status = self.segment.status
        locked = self.read_only or status is SegmentStatus.INITIALLED
        look = (status, locked, self.current)
        if look == self._look:
            return
        self._look = look
        for cell in self._cells.values():
            cell.setReadOnly(locked)
            _colour(cell, QPalette.ColorRole.Base, "#f4f4f4" if locked else "#ffffff")
        self.status_button.setIcon(status_icon(status))
        self.update()

    def paintEvent(self, e) -> None:  # noqa: N802
        """The status as a tinted background and a coloured stripe on the left."""
        status = self.segment.status
        p = QPainter(self)
        r = self.rect().adjusted(0, 0, -1, -1)
        p.fillRect(r, QColor(TINTS[status]))
        p.setPen(QPen(QColor("#3949ab" if self.current else "#dcdcdc"), 2 if self.current else 1))
        p.drawRect(r)
        p.fillRect(0, 0, 5, self.height(), QColor(COLOURS[status]))
        left = self._cells[self.order[0]].geometry()
        x = left.right() + 1 + self.lay.spacing() + 1  # in the gap between the two languages
        p.setPen(QPen(QColor("#d0d0d0"), 1))
        p.drawLine(x, left.top(), x, left.bottom())
        p.end()

    def retranslate_ui(self) -> None:
        seg = self.segment
        if seg.decision is not None:
            badge = _("Decision No. {number}").format(number=seg.decision.number)
        else:
            badge = seg.kind.label
        self.badge.setText(badge)
        tip = seg.status.label
        if seg.status is SegmentStatus.INITIALLED:
            tip += "\n" + _("Locked. Reopen it, giving the reason, to change it.")
        self.status_button.setToolTip(tip)
        self.status_button.setAccessibleName(seg.status.label)
        self.grip.setToolTip(_("Drag to move the segment (or Ctrl+Up / Ctrl+Down)"))
        self._cells["zh"].setPlaceholderText(_("Chinese text"))
        self._cells["ru"].setPlaceholderText(_("Russian text"))

    # --- heights in step ---------------------------------------------------------------------

    def sync_heights(self) -> None:
        if not self.isVisible():  # laid out at a width it does not have yet: done when shown
            return
        h = max(c.ideal_height() for c in self._cells.values())
        for c in self._cells.values():
            if c.height() != h or c.minimumHeight() != h:
                c.setFixedHeight(h)

    def resizeEvent(self, e) -> None:  # noqa: N802
        super().resizeEvent(e)
        if e.size().width() != e.oldSize().width():
            self.sync_heights()

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        self.lay.activate()  # the cells at their widths first: their texts laid out once
        self.sync_heights()


class PartDivider(QWidget):
    """The title of a part of the minutes, with a button to add a segment at its start."""

    addRequested = Signal(object)  # noqa: N815 - the SegmentPart

    def __init__(self, part: SegmentPart, parent=None) -> None:
        super().__init__(parent)
        self.part = part
        self.setObjectName(f"part_{part.value}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 10, 4, 2)
        self.label = QLabel()
        self.label.setStyleSheet("font-weight: bold; color: #283593; font-size: 11pt;")
        self.add_button = QPushButton()
        self.add_button.setFlat(True)
        self.add_button.setObjectName(f"part_add_{part.value}")
        self.add_button.clicked.connect(lambda: self.addRequested.emit(self.part))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #c5cae9;")
        lay.addWidget(self.label)
        lay.addWidget(line, 1)
        lay.addWidget(self.add_button)
        self.title = ""

    def set_title(self, title: str) -> None:
        self.title = title
        self.label.setText(title)

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("+ Add a segment here"))
