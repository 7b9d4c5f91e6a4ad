"""Language switching at run time (after Frescobaldi): every widget has ``retranslate_ui()``,
called once at creation and again whenever Qt delivers a LanguageChange event."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QDialog


class Retranslatable:
    """Mixin for QWidget subclasses: calls ``self.retranslate_ui()`` on every language change.

    A dialog also gets its field labels' mnemonics (:mod:`app.ui.widgets.mnemonics`) when shown and
    after a language switch, once every widget in it has retranslated itself."""

    def retranslate_ui(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            try:
                self.retranslate_ui()
            except Exception:  # an error must not escape into Qt's event delivery (it would crash)
                logging.getLogger(__name__).exception("retranslating %s failed", type(self).__name__)
            if isinstance(self, QDialog):
                QTimer.singleShot(0, self, self.apply_mnemonics)
        super().changeEvent(event)  # type: ignore[misc]

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if isinstance(self, QDialog):
            self.apply_mnemonics()
        super().showEvent(event)  # type: ignore[misc]

    def apply_mnemonics(self) -> None:
        from app.ui.widgets.mnemonics import apply_mnemonics

        apply_mnemonics(self)  # type: ignore[arg-type]
