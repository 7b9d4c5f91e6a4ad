"""An ISO 4217 currency chooser: the commission's currencies first, any other code may be typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.core.services.money import DEFAULT_CURRENCIES
from app.i18n import currency_name

#: Offered after CNY and RUB; any other code can be typed (validated when saved).
OTHER_CURRENCIES = ("USD", "EUR", "SUR", "CHF", "GBP", "JPY", "HKD")


class CurrencyBox(QComboBox):
    def __init__(self, parent=None, extra: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setMaxLength(3)
        codes = list(DEFAULT_CURRENCIES) + [
            c for c in (*extra, *OTHER_CURRENCIES) if c not in DEFAULT_CURRENCIES
        ]
        for code in dict.fromkeys(codes):
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
