"""Language switching at run time (after Frescobaldi): every widget has ``retranslate_ui()``,
called once at creation and again whenever Qt delivers a LanguageChange event."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent


class Retranslatable:
    """Mixin for QWidget subclasses: calls ``self.retranslate_ui()`` on every language change."""

    def retranslate_ui(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            try:
                self.retranslate_ui()
            except Exception:  # an error must not escape into Qt's event delivery (it would crash)
                logging.getLogger(__name__).exception("retranslating %s failed", type(self).__name__)
        super().changeEvent(event)  # type: ignore[misc]
