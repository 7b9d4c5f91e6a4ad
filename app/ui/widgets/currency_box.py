"""An ISO 4217 currency chooser: the commission's currencies first (its setting ``money.currencies``),
then the usual others; any other code may be typed (validated when saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.core.services.money import DEFAULT_CURRENCIES, commission_currencies
from app.i18n import currency_name

#: Offered after the commission's own currencies; any other code can be typed.
OTHER_CURRENCIES = ("CNY", "RUB", "USD", "EUR", "SUR", "CHF", "GBP", "JPY", "HKD")


class CurrencyBox(QComboBox):
    """``ctx``: the application context whose database's commission chooses the first codes
    (without one, or without a database: CNY and RUB)."""

    def __init__(self, parent=None, extra: tuple[str, ...] = (), ctx=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setMaxLength(3)
        first = DEFAULT_CURRENCIES
        if ctx is not None and getattr(ctx, "has_db", False):
            first = ctx.read(commission_currencies)
        #: the commission's currencies, offered first
        self.first = tuple(first)
        for code in dict.fromkeys((*first, *extra, *OTHER_CURRENCIES)):
            self.addItem(code)
        self.lineEdit().textEdited.connect(self._upper)
        self.retranslate_ui()

    def _upper(self, text: str) -> None:
        if text != text.upper():
            pos = self.lineEdit().cursorPosition()
            self.lineEdit().setText(text.upper())
            self.lineEdit().setCursorPosition(pos)

    def currency(self) -> str:
        return self.currentText().strip().upper()

    def set_currency(self, code: str) -> None:
        i = self.findText(code)
        if i >= 0:
            self.setCurrentIndex(i)
        else:
            self.setEditText(code)

    def retranslate_ui(self) -> None:
        """Each code's name in the interface language, as a tooltip."""
        for i in range(self.count()):
            code = self.itemText(i)
            self.setItemData(i, f"{code} · {currency_name(code)}", Qt.ItemDataRole.ToolTipRole)
