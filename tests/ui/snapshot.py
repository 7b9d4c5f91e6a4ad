"""What the user sees of a widget tree: its visible strings and its column widths, so that a
window after a live language switch can be compared with one freshly started in that language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: rows of each table whose cells are compared (enough to see every kind of value)
ROWS = 30


def _path(w: QWidget, root: QWidget) -> str:
    parts = []
    while w is not None and w is not root:
        parent = w.parentWidget()
        name = w.objectName() or type(w).__name__
        if parent is not None:
            same = [c for c in parent.findChildren(type(w), options=Qt.FindChildOption.FindDirectChildrenOnly)]
            name += f"[{same.index(w)}]" if w in same else ""
        parts.append(name)
        w = parent
    return "/".join(reversed(parts))


def _model_strings(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out = []
    from PySide6.QtCore import QModelIndex

    try:
        cols = model.columnCount(QModelIndex())
    except TypeError:  # a list model
        cols = 1
    for r in range(min(ROWS, model.rowCount(QModelIndex()))):
        for c in range(cols):
            value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            if value not in (None, ""):
                out.append(str(value))
    return out


def snapshot(root: QWidget) -> dict[str, object]:
    """{widget path: what it shows} for every visible widget under ``root``."""
    out: dict[str, object] = {}
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        key = _path(w, root)
        if isinstance(w, QLabel):
            value: object = w.text()
        elif isinstance(w, QAbstractButton):
            value = (w.text(), w.toolTip())
        elif isinstance(w, QComboBox):
            value = [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            value = (w.text(), w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            value = w.text()
        elif isinstance(w, QGroupBox):
            value = w.title()
        elif isinstance(w, QTabBar):
            value = [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QHeaderView):
            model = w.model()
            n = w.count()
            value = [
                (str(model.headerData(i, w.orientation(), Qt.ItemDataRole.DisplayRole)) if model else "",
                 w.sectionSize(i), w.isSectionHidden(i))
                for i in range(n)
            ] if w.orientation() == Qt.Orientation.Horizontal else n  # fmt: skip
        elif isinstance(w, QAbstractItemView):
            value = _model_strings(w)
        elif isinstance(w, QSplitter):
            value = w.sizes()
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            value = (w.toPlainText()[:500], w.placeholderText())
        else:
            continue
        out[key] = value
    return out


def differences(fresh: dict, switched: dict) -> list[str]:
    out = []
    for key in sorted(set(fresh) | set(switched)):
        a, b = fresh.get(key, "<absent>"), switched.get(key, "<absent>")
        if a != b:
            out.append(f"{key}:\n    fresh:    {a!r}\n    switched: {b!r}")
    return out
