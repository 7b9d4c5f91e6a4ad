"""Combo box items whose value may be "none" (all kinds, no session, not imported…).

None is never stored in a combo: an item without data and an item whose value is None look the
same through ``currentData()``, and PySide6 6.12 mishandles None in a QVariant (see
:mod:`app.ui.refcounts`). The "none" value is kept as :data:`EMPTY` and turned back into None here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

EMPTY = ""


def add_item(combo: QComboBox, text: str, value: object = None) -> None:
    combo.addItem(text, EMPTY if value is None else value)


def value(combo: QComboBox) -> object:
    """The current item's value, None for the "none" item or an empty combo."""
    if combo.currentIndex() < 0:
        return None
    v = combo.currentData()
    return None if isinstance(v, str) and v == EMPTY else v


def item_value(combo: QComboBox, index: int) -> object:
    if not 0 <= index < combo.count():
        return None
    v = combo.itemData(index)
    return None if isinstance(v, str) and v == EMPTY else v


def find(combo: QComboBox, v: object) -> int:
    return combo.findData(EMPTY if v is None else v)


def select(combo: QComboBox, v: object) -> None:
    """Make the item with value ``v`` current (the first item if there is none)."""
    combo.setCurrentIndex(max(0, find(combo, v)))


def refill(combo: QComboBox, entries: list[tuple[str, object]], tooltips: list[str] | None = None) -> None:
    """Replace the items, keeping the current value if it is still offered; no signal is emitted."""
    from PySide6.QtCore import Qt

    current = value(combo)
    combo.blockSignals(True)
    combo.clear()
    for i, (text, v) in enumerate(entries):
        add_item(combo, text, v)
        if tooltips and tooltips[i]:
            combo.setItemData(i, tooltips[i], Qt.ItemDataRole.ToolTipRole)
    index = find(combo, current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
