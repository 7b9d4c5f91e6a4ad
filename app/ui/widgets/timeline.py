"""Who is on site when: one row per person, one bar per assignment, coloured by status, with today
marked and the days past a term limit hatched in red.

The widget paints only the rows on screen and asks for their bars only (``loader(person_ids)``),
so a register of tens of thousands of assignments scrolls as fast as a small one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip

from app.core.models.experts import AssignmentStatus as S
from app.core.services.experts.query import Bar, TimelinePerson
from app.i18n import _, current_language, format_date, wording
from app.ui.widgets.retranslate import Retranslatable

STATUS_COLORS = {
    S.PROPOSED: "#b0bec5",
    S.INVITED: "#90caf9",
    S.ACCEPTED: "#4fc3f7",
    S.TRAVEL_ARRANGED: "#ffb74d",
    S.ON_SITE: "#43a047",
    S.COMPLETED: "#a1887f",
    S.CANCELLED: "#ef9a9a",
}
OVER_TERM_COLOR = "#c62828"
TODAY_COLOR = "#d32f2f"

Loader = Callable[[list[int]], dict[int, list[Bar]]]


class TimelineView(Retranslatable, QAbstractScrollArea):
    assignmentActivated = Signal(int)  # noqa: N815 - a bar was double-clicked
    personActivated = Signal(int)  # noqa: N815 - a name was double-clicked
    ROW_H = 24
    HEADER_H = 40
    NAME_W = 240
    PREFETCH = 40  # rows loaded beyond the screen, for smooth scrolling

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.people: list[TimelinePerson] = []
        self._loader: Loader | None = None
        self._bars: dict[int, list[Bar]] = {}
        self.today = dt.date.today()
        self.start = self.today - dt.timedelta(days=365)
        self.end = self.today + dt.timedelta(days=730)
        self.px_per_day = 2.0
        self.selected_person: int | None = None
        self.loads = 0  # how many times bars were fetched (for tests and benchmarks)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.verticalScrollBar().setSingleStep(self.ROW_H)
        self.horizontalScrollBar().setSingleStep(20)
        self.retranslate_ui()

    # --- data ------------------------------------------------------------------------------------

    def set_data(
        self,
        people: list[TimelinePerson],
        loader: Loader,
        start: dt.date,
        end: dt.date,
        today: dt.date | None = None,
    ) -> None:
        self.people = list(people)
        self._loader = loader
        self._bars.clear()
        self.start, self.end = start, max(start, end)
        if today is not None:
            self.today = today
        if self.selected_person not in {p.id for p in self.people}:
            self.selected_person = None
        self._update_scrollbars()
        self.viewport().update()

    def set_zoom(self, px_per_day: float) -> None:
        centre = self.date_at(self.NAME_W + (self.viewport().width() - self.NAME_W) // 2)
        self.px_per_day = px_per_day
        self._update_scrollbars()
        self.scroll_to_date(centre)
        self.viewport().update()

    def scroll_to_date(self, day: dt.date) -> None:
        """Put ``day`` in the middle of the visible time axis."""
        span = self.viewport().width() - self.NAME_W
        x = (day - self.start).days * self.px_per_day - span / 2
        self.horizontalScrollBar().setValue(int(max(0, x)))

    def bars_of(self, person_id: int) -> list[Bar]:
        if person_id not in self._bars:
            self._load([person_id])
        return self._bars.get(person_id, [])

    def _load(self, ids: list[int]) -> None:
        if not ids or self._loader is None:
            return
        self.loads += 1
        found = self._loader(ids)
        for pid in ids:
            self._bars[pid] = found.get(pid, [])

    def _ensure_loaded(self, rows: range) -> None:
        first = max(0, rows.start - self.PREFETCH)
        last = min(len(self.people), rows.stop + self.PREFETCH)
        missing = [p.id for p in self.people[rows.start : rows.stop] if p.id not in self._bars]
        if missing:  # fetch the screen and the rows around it in one query
            around = [p.id for p in self.people[first:last] if p.id not in self._bars]
            self._load(around)

    # --- geometry ----------------------------------------------------------------------------------

    def _days(self) -> int:
        return (self.end - self.start).days + 1

    def _update_scrollbars(self) -> None:
        vp = self.viewport().size()
        content_h = len(self.people) * self.ROW_H
        self.verticalScrollBar().setRange(0, max(0, content_h - (vp.height() - self.HEADER_H)))
        self.verticalScrollBar().setPageStep(max(1, vp.height() - self.HEADER_H))
        content_w = int(self._days() * self.px_per_day)
        self.horizontalScrollBar().setRange(0, max(0, content_w - (vp.width() - self.NAME_W)))
        self.horizontalScrollBar().setPageStep(max(1, vp.width() - self.NAME_W))

    def visible_rows(self) -> range:
        top = self.verticalScrollBar().value()
        first = top // self.ROW_H
        count = (self.viewport().height() - self.HEADER_H) // self.ROW_H + 2
        return range(min(first, len(self.people)), min(len(self.people), first + count))

    def x_of(self, day: dt.date) -> float:
        return self.NAME_W + (day - self.start).days * self.px_per_day - self.horizontalScrollBar().value()

    def date_at(self, x: float) -> dt.date:
        days = (x - self.NAME_W + self.horizontalScrollBar().value()) / self.px_per_day
        return self.start + dt.timedelta(days=int(days))

    def row_at(self, y: float) -> int:
        if y < self.HEADER_H:
            return -1
        row = int((y - self.HEADER_H + self.verticalScrollBar().value()) // self.ROW_H)
        return row if 0 <= row < len(self.people) else -1

    def y_of(self, row: int) -> int:
        return self.HEADER_H + row * self.ROW_H - self.verticalScrollBar().value()

    def _lanes(self, bars: list[Bar]) -> list[tuple[Bar, int, int]]:
        """(bar, lane, lanes): overlapping bars of one person share the row in lanes."""
        ends: list[dt.date] = []
        placed = []
        for b in sorted(bars, key=lambda b: (b.start, b.end)):
            lane = next((i for i, e in enumerate(ends) if e < b.start), None)
            if lane is None:
                lane = len(ends)
                ends.append(b.end)
            else:
                ends[lane] = b.end
            placed.append((b, lane))
        n = max(1, len(ends))
        return [(b, lane, n) for b, lane in placed]

    def bar_rect(self, row: int, lane: int, lanes: int, bar: Bar) -> QRectF:
        top = self.y_of(row) + 3
        h = (self.ROW_H - 6) / lanes
        x0 = self.x_of(bar.start)
        x1 = self.x_of(bar.end + dt.timedelta(days=1))
        return QRectF(x0, top + lane * h, max(2.0, x1 - x0), max(2.0, h - (1 if lanes > 1 else 0)))

    def bar_at(self, pos: QPoint) -> Bar | None:
        row = self.row_at(pos.y())
        if row < 0 or pos.x() < self.NAME_W:
            return None
        for bar, lane, lanes in self._lanes(self.bars_of(self.people[row].id)):
            if self.bar_rect(row, lane, lanes, bar).contains(pos.x(), pos.y()):
                return bar
        return None

    # --- painting ----------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802
        rows = self.visible_rows()
        self._ensure_loaded(rows)
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        w, h = self.viewport().width(), self.viewport().height()
        pal = self.palette()
        p.fillRect(0, 0, w, h, pal.base())
        alt = pal.alternateBase()
        for r in rows:
            if r % 2:
                p.fillRect(0, self.y_of(r), w, self.ROW_H, alt)
            if self.people[r].id == self.selected_person:
                p.fillRect(0, self.y_of(r), w, self.ROW_H, QColor(pal.highlight().color().lighter(170)))
        p.setClipRect(QRect(self.NAME_W, self.HEADER_H, w - self.NAME_W, h - self.HEADER_H))
        self._paint_grid(p, h)
        self._paint_bars(p, rows)
        self._paint_today(p, h)
        p.setClipping(False)
        self._paint_header(p, w)
        self._paint_names(p, rows, h)
        p.end()

    def _months(self):
        """The first days of the months on screen."""
        first = self.date_at(self.NAME_W)
        last = self.date_at(self.viewport().width()) + dt.timedelta(days=1)
        d = dt.date(first.year, first.month, 1)
        while d <= last:
            yield d
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)

    def _paint_grid(self, p: QPainter, h: int) -> None:
        p.setPen(QPen(QColor("#dddddd"), 1))
        for d in self._months():
            x = int(self.x_of(d))
            if d.month == 1:
                p.setPen(QPen(QColor("#aaaaaa"), 1))
                p.drawLine(x, self.HEADER_H, x, h)
                p.setPen(QPen(QColor("#dddddd"), 1))
            elif self.px_per_day >= 0.6:
                p.drawLine(x, self.HEADER_H, x, h)

    def _paint_bars(self, p: QPainter, rows: range) -> None:
        lang = current_language()
        fm = QFontMetrics(self.font())
        hatch = QBrush(QColor(OVER_TERM_COLOR), Qt.BrushStyle.BDiagPattern)
        for r in rows:
            for bar, lane, lanes in self._lanes(self._bars.get(self.people[r].id, [])):
                rect = self.bar_rect(r, lane, lanes, bar)
                if rect.right() < self.NAME_W or rect.left() > self.viewport().width():
                    continue
                color = QColor(STATUS_COLORS[bar.status])
                p.fillRect(rect, color)
                p.setPen(QPen(color.darker(140), 1))
                p.drawRect(rect)
                if bar.status == S.CANCELLED:
                    p.setPen(QPen(color.darker(170), 1))
                    mid = rect.center().y()
                    p.drawLine(int(rect.left()), int(mid), int(rect.right()), int(mid))
                if bar.status == S.ON_SITE and self.today > bar.term_end:
                    over_end = max(self.today, bar.end) + dt.timedelta(days=1)
                    x0 = self.x_of(bar.term_end + dt.timedelta(days=1))
                    over = QRectF(x0, rect.top(), max(2.0, self.x_of(over_end) - x0), rect.height())
                    p.fillRect(over, QColor(255, 205, 210))
                    p.fillRect(over, hatch)
                    p.setPen(QPen(QColor(OVER_TERM_COLOR), 1))
                    p.drawRect(over)
                if rect.width() > 40 and lanes == 1:
                    text = fm.elidedText(
                        bar.host_organisation(lang), Qt.TextElideMode.ElideRight, int(rect.width()) - 6
                    )
                    p.setPen(QColor("#ffffff") if bar.status == S.ON_SITE else QColor("#1a1a1a"))
                    p.drawText(
                        rect.adjusted(3, 0, -3, 0),
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        text,
                    )

    def _paint_today(self, p: QPainter, h: int) -> None:
        x = int(self.x_of(self.today) + self.px_per_day / 2)
        p.setPen(QPen(QColor(TODAY_COLOR), 2))
        p.drawLine(x, self.HEADER_H, x, h)

    def _paint_header(self, p: QPainter, w: int) -> None:
        pal = self.palette()
        p.fillRect(0, 0, w, self.HEADER_H, pal.button())
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(0, self.HEADER_H - 1, w, self.HEADER_H - 1)
        p.setClipRect(QRect(self.NAME_W, 0, w - self.NAME_W, self.HEADER_H))
        fm = QFontMetrics(self.font())
        half = self.HEADER_H // 2
        month_w = 30 * self.px_per_day
        p.setPen(pal.buttonText().color())
        first = True
        for d in self._months():
            x = int(self.x_of(d))
            if d.month == 1 or first:  # the year over its January, and over the first month shown
                year_x = max(x, self.NAME_W) if first else x
                p.drawText(
                    QRect(year_x + 3, 0, 200, half), Qt.AlignmentFlag.AlignVCenter, self._year_text(d.year)
                )
            first = False
            label = wording.month_abbr(d.month)
            if fm.horizontalAdvance(label) + 6 < month_w:
                p.drawText(QRect(x + 3, half, int(month_w), half), Qt.AlignmentFlag.AlignVCenter, label)
            p.drawLine(x, half if d.month != 1 else 0, x, self.HEADER_H)
        # "today" in the top half, so that the month under it stays readable
        x = int(self.x_of(self.today) + self.px_per_day / 2)
        today = _("Today")
        tw = fm.horizontalAdvance(today) + 8
        p.fillRect(QRect(x - tw // 2, 2, tw, half - 3), QColor(TODAY_COLOR))
        p.setPen(QColor("#ffffff"))
        p.drawText(QRect(x - tw // 2, 2, tw, half - 3), Qt.AlignmentFlag.AlignCenter, today)
        p.setPen(QPen(QColor(TODAY_COLOR), 2))
        p.drawLine(x, half, x, self.HEADER_H)
        p.setClipping(False)

    @staticmethod
    def _year_text(year: int) -> str:
        return wording.year_text(year)

    def _paint_names(self, p: QPainter, rows: range, h: int) -> None:
        pal = self.palette()
        p.fillRect(0, 0, self.NAME_W, h, pal.window())
        for r in rows:
            y = self.y_of(r)
            person = self.people[r]
            if person.id == self.selected_person:
                p.fillRect(0, y, self.NAME_W, self.ROW_H, pal.highlight())
                p.setPen(pal.highlightedText().color())
            else:
                p.setPen(pal.windowText().color())
            p.drawText(
                QRect(8, y, self.NAME_W - 12, self.ROW_H), Qt.AlignmentFlag.AlignVCenter, self._name(person)
            )
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(self.NAME_W - 1, 0, self.NAME_W - 1, h)
        p.fillRect(0, 0, self.NAME_W - 1, self.HEADER_H - 1, pal.button())
        p.setPen(pal.buttonText().color())
        p.drawText(QRect(8, 0, self.NAME_W - 12, self.HEADER_H), Qt.AlignmentFlag.AlignVCenter, _("Person"))

    def _name(self, person: TimelinePerson) -> str:
        lang = current_language()
        fm = QFontMetrics(self.font())
        name = person.name(lang)
        other = person.name_ru if lang.startswith("zh") else person.name_zh
        text = f"{name} ({other})" if other and other != name else name
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, self.NAME_W - 14)

    # --- interaction -------------------------------------------------------------------------------

    def tooltip_text(self, bar: Bar) -> str:
        lang = current_language()
        lines = [
            f"{bar.purpose.label} — {bar.status.label}",
            bar.host_organisation(lang) + (f", {bar.place(lang)}" if bar.place(lang) else ""),
            _("{from_} to {to}").format(from_=format_date(bar.start), to=format_date(bar.end)),
            _("The term ends on {date}.").format(date=format_date(bar.term_end)),
        ]
        if bar.status == S.ON_SITE and self.today > bar.term_end:
            lines.append(_("Past the term limit"))
        return "\n".join(lines)

    def viewportEvent(self, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ToolTip:
            bar = self.bar_at(event.pos())
            if bar is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(bar), self.viewport())
            else:
                row = self.row_at(event.pos().y())
                if 0 <= row and event.pos().x() < self.NAME_W:
                    person = self.people[row]
                    QToolTip.showText(event.globalPos(), "\n".join(
                        x for x in (person.name_zh, person.name_ru, person.name_latin) if x), self.viewport())  # fmt: skip
                else:
                    QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        row = self.row_at(event.position().y())
        if row >= 0:
            self.selected_person = self.people[row].id
            self.viewport().update()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        bar = self.bar_at(pos)
        if bar is not None:
            self.assignmentActivated.emit(bar.assignment_id)
            return
        row = self.row_at(pos.y())
        if row >= 0 and pos.x() < self.NAME_W:
            self.personActivated.emit(self.people[row].id)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 500)

    def retranslate_ui(self) -> None:
        self.viewport().update()
