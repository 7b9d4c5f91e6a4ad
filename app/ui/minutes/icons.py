"""Colours and icons of segment statuses, drawn at run time (no image files to ship)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.core.enums import SegmentStatus

#: The colour of each status: grey draft, blue translated, amber checked, green agreed, dark
#: green initialled.
COLOURS = {
    SegmentStatus.DRAFT: "#9e9e9e",
    SegmentStatus.TRANSLATED: "#1e88e5",
    SegmentStatus.CHECKED: "#f9a825",
    SegmentStatus.AGREED: "#43a047",
    SegmentStatus.INITIALLED: "#1b5e20",
}
#: A light tint of the same colour, for the background of a row.
TINTS = {
    SegmentStatus.DRAFT: "#ffffff",
    SegmentStatus.TRANSLATED: "#f3f8fe",
    SegmentStatus.CHECKED: "#fffbea",
    SegmentStatus.AGREED: "#f2faf2",
    SegmentStatus.INITIALLED: "#eaf3ea",
}


def colour(status: SegmentStatus) -> QColor:
    return QColor(COLOURS[status])


def _draw(status: SegmentStatus, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = colour(status)
    r = QRectF(1.5, 1.5, size - 3, size - 3)
    pen = QPen(c, max(1.5, size / 10))
    p.setPen(pen)
    if status is SegmentStatus.DRAFT:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(r)  # an empty circle: nothing done yet
    elif status is SegmentStatus.TRANSLATED:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(r)
        path = QPainterPath()
        path.moveTo(r.center())
        path.arcTo(r, 90, 180)
        path.closeSubpath()
        p.fillPath(path, c)
    else:
        p.setBrush(c)
        p.drawEllipse(r)
        white = QPen(QColor("white"), max(1.6, size / 8))
        white.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(white)
        if status is SegmentStatus.INITIALLED:  # a padlock
            body = QRectF(size * 0.3, size * 0.46, size * 0.4, size * 0.28)
            p.fillRect(body, QColor("white"))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawArc(QRectF(size * 0.36, size * 0.26, size * 0.28, size * 0.36), 0, 180 * 16)
        else:  # a tick; doubled for "agreed" (both sides)
            p.drawPolyline([QPointF(size * 0.27, size * 0.52), QPointF(size * 0.43, size * 0.68),
                            QPointF(size * 0.73, size * 0.36)])  # fmt: skip
            if status is SegmentStatus.AGREED:
                p.drawLine(QPointF(size * 0.5, size * 0.68), QPointF(size * 0.78, size * 0.4))
    p.end()
    return pm


@cache
def status_icon(status: SegmentStatus) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32):
        icon.addPixmap(_draw(status, size))
    return icon
