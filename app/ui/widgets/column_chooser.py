"""Columns the user shows, hides (header context menu) and reorders (drag the header), remembered
in QSettings under a key of the table's own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu

from app.i18n import _, current_language, format_date


def fit_headers(table, extra: int = 26) -> None:
    """Widen the columns whose header text no longer fits (after a language switch); never narrow."""
    header = table.horizontalHeader()
    model = table.model()
    fm = header.fontMetrics()
    for i in range(header.count()):
        if header.isSectionHidden(i):
            continue
        text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        needed = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0) + extra
        if header.sectionSize(i) < needed:
            header.resizeSection(i, needed)


def fit_columns(table, *, chars: dict[int, int] | None = None, content=(), extra: int = 26,
                cap_chars: int = 48, values: dict[int, list[str]] | None = None) -> None:
    """Size the columns for the current language: each at least its header, ``chars`` average
    characters where given, and as wide as what the ``content`` columns show (their longest value
    among the rows in view, within ``cap_chars``), and as wide as every one of ``values`` (all the
    labels a column of kinds or statuses may show, not only those in the first rows). Widths
    depend only on the language and the data,
    never on earlier widths: after a language switch the table is as after a fresh start."""
    table.ensurePolished()  # the fonts it will be shown with
    header = table.horizontalHeader()
    header.ensurePolished()
    model = table.model()
    fm = header.fontMetrics()
    avg = table.fontMetrics().averageCharWidth()
    chars = chars or {}
    content = set(content)
    for i in range(header.count()):
        if header.isSectionHidden(i) or header.sectionResizeMode(i) != QHeaderView.ResizeMode.Interactive:
            continue
        if header.stretchLastSection() and header.visualIndex(i) == header.count() - 1:
            continue
        text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        width = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0) + extra
        if i in chars:
            width = max(width, avg * chars[i] + 16)
        if i in content:
            width = max(width, min(_content_width(table, i), avg * cap_chars + 16))
        if values and values.get(i):
            tfm = table.fontMetrics()
            pad = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 14
            width = max(width, min(max(tfm.horizontalAdvance(v) for v in values[i]) + pad, avg * cap_chars + 16))
        header.resizeSection(i, width)
    if model.rowCount() > 0:
        table.setProperty("fitted_language", current_language())


class _Filler(QObject):
    """Gives the table's spare width (or takes its lack) to its text columns, so that the columns
    end at the table's right edge instead of leaving a blank band or hiding the last one."""

    def __init__(self, table, columns: dict[int, int], min_chars: int) -> None:
        super().__init__(table)
        self.table, self.columns, self.min_chars = table, columns, min_chars
        self.base: dict[int, int] = {}
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        header = self.table.horizontalHeader()
        shown = {i: w for i, w in self.base.items() if not header.isSectionHidden(i)}
        if not shown:
            return
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i not in shown and not header.isSectionHidden(i))  # fmt: skip
        slack = self.table.viewport().width() - others - sum(shown.values())
        weights = sum(self.columns[i] for i in shown)
        least = self.table.fontMetrics().averageCharWidth() * self.min_chars
        for i, base in shown.items():
            header.resizeSection(i, max(min(base, least), base + slack * self.columns[i] // weights))


def fill_width(table, columns: dict[int, int], min_chars: int = 18) -> None:
    """After :func:`fit_columns`: the ``columns`` (index → weight) share what the table has to
    spare or lacks, now and whenever it is resized; never narrower than ``min_chars``."""
    filler = table.findChild(_Filler)
    if filler is None:
        filler = _Filler(table, columns, min_chars)
    header = table.horizontalHeader()
    filler.base = {i: header.sectionSize(i) for i in columns}
    filler.apply()


def _content_width(table, column: int, rows: int = 60) -> int:
    """The widest value among the first ``rows`` rows (not only those in view: the same rows
    whether the table was shown yet or not)."""
    model = table.model()
    fm = table.fontMetrics()
    lines = set()  # each text measured once (a column of dates or statuses repeats itself)
    # a query model says what a cell shows without a QModelIndex per cell
    text = getattr(model, "text", None) or (lambda r, c: model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole))
    for r in range(min(rows, model.rowCount())):
        value = text(r, column)
        if value not in (None, ""):
            lines.update(str(value).split("\n"))
    widest = max((fm.horizontalAdvance(line) for line in lines), default=0)
    return widest + 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 14


def date_samples() -> list[str]:
    """A date of each month as the tables show them in the current language: a column of dates
    fitted to these holds any date, also when the first rows have none (dates not reached yet)."""
    return [format_date(dt.date(2026, month, 28)) for month in range(1, 13)]


def needs_fit(table) -> bool:
    """True when the table has rows and was not yet sized for the current language."""
    return table.model().rowCount() > 0 and table.property("fitted_language") != current_language()


class ColumnChooser:
    """Manages the horizontal header of a table over a :class:`QueryTableModel`.

    ``hidden_by_default`` names the column keys hidden until the user shows them.
    """

    def __init__(self, table, settings_key: str, hidden_by_default: set[str] = frozenset()) -> None:  # noqa: B006
        self.table = table
        self.header: QHeaderView = table.horizontalHeader()
        self.key = settings_key
        self.hidden_by_default = set(hidden_by_default)
        self.header.setSectionsMovable(True)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self.show_menu)
        self._timer = QTimer(self.header)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.save)
        self._restoring = False
        for signal in (
            self.header.sectionMoved,
            self.header.sectionResized,
            self.header.sortIndicatorChanged,
        ):
            signal.connect(lambda *_a: self._schedule())
        self.restore()

    @property
    def columns(self):
        return self.table.model().columns

    def visible_keys(self) -> list[str]:
        """The keys of the shown columns, in the order the user sees them."""
        out = []
        for visual in range(self.header.count()):
            logical = self.header.logicalIndex(visual)
            if not self.header.isSectionHidden(logical):
                out.append(self.columns[logical].key)
        return out

    def set_visible(self, key: str, visible: bool) -> None:
        index = next(i for i, c in enumerate(self.columns) if c.key == key)
        if not visible and len(self.visible_keys()) <= 1:
            return  # the last column stays
        self.header.setSectionHidden(index, not visible)
        self._schedule()

    def show_menu(self, pos) -> None:
        menu = QMenu(self.header)
        self.populate(menu)
        menu.exec(self.header.mapToGlobal(pos))

    def populate(self, menu: QMenu) -> None:
        shown = set(self.visible_keys())
        for visual in range(self.header.count()):
            logical = self.header.logicalIndex(visual)
            col = self.columns[logical]
            action = menu.addAction(_(col.header_tooltip or col.header))
            action.setCheckable(True)
            action.setChecked(col.key in shown)
            action.setEnabled(not (col.key in shown and len(shown) == 1))
            action.toggled.connect(lambda on, key=col.key: self.set_visible(key, on))
        menu.addSeparator()
        menu.addAction(_("Restore the default columns"), self.reset)

    def reset(self) -> None:
        self._restoring = True
        for logical in range(self.header.count()):
            current = self.header.visualIndex(logical)
            if current != logical:
                self.header.moveSection(current, logical)
        for i, col in enumerate(self.columns):
            self.header.setSectionHidden(i, col.key in self.hidden_by_default)
        self._restoring = False
        self.table.resizeColumnsToContents()
        self.save()

    def restore(self) -> None:
        state = QSettings().value(f"{self.key}/header")
        self._restoring = True
        ok = False
        if state is not None:
            try:
                ok = self.header.restoreState(state) and self.header.count() == len(self.columns)
            except TypeError:
                ok = False
        if not ok:
            for i, col in enumerate(self.columns):
                self.header.setSectionHidden(i, col.key in self.hidden_by_default)
        self._restoring = False
        self.restored = ok

    def _schedule(self) -> None:
        if not self._restoring:
            self._timer.start()

    def save(self) -> None:
        self._timer.stop()
        QSettings().setValue(f"{self.key}/header", self.header.saveState())
