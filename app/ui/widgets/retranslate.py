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
                QTimer.singleShot(0, self, self._after_switch)
        super().changeEvent(event)  # type: ignore[misc]

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if isinstance(self, QDialog):
            self.apply_mnemonics()
        super().showEvent(event)  # type: ignore[misc]
        if isinstance(self, QDialog) and not event.spontaneous():
            self._opened_size = self.size()

    def _after_switch(self) -> None:
        """Once every widget of the dialog has retranslated itself (a button box resets the texts
        of its standard buttons, Save and OK, after the dialog named them), the dialog's own texts
        again, and the mnemonics."""
        try:
            self.retranslate_ui()
        except Exception:
            logging.getLogger(__name__).exception("retranslating %s failed", type(self).__name__)
        self.apply_mnemonics()
        self._fit_new_texts()

    def _fit_new_texts(self) -> None:
        """The size a dialog opened in the new language has: combo boxes keep the size of their
        first texts until told their style changed; a dialog the user has not resized is sized
        again as on opening (to its form, or to the size it asked for and at least its form's
        minimum)."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QComboBox

        first_show = QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow
        for combo in self.findChildren(QComboBox):  # type: ignore[attr-defined]
            QCoreApplication.sendEvent(combo, QEvent(QEvent.Type.StyleChange))  # forget the sizes
            if combo.sizeAdjustPolicy() == first_show:  # as measured on a first show
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                combo.minimumSizeHint()
                combo.setSizeAdjustPolicy(first_show)
        if self.layout() is not None:  # type: ignore[attr-defined]
            self.layout().invalidate()  # type: ignore[attr-defined]
            self.layout().activate()  # type: ignore[attr-defined]
        opened = getattr(self, "_opened_size", None)
        if opened is None or opened != self.size():  # type: ignore[attr-defined]
            return  # not shown yet, or resized by the user: left as it is
        requested = getattr(self, "_requested_size", None)
        if requested is None and getattr(self, "_fits_screen", False):
            from app.ui.dialogs.screen_fit import full_size

            full_size(self)  # type: ignore[arg-type]
        elif requested is None:
            self.adjustSize()  # type: ignore[attr-defined]
        else:
            self.resize(requested.expandedTo(self.minimumSizeHint()))  # type: ignore[attr-defined]
        self._opened_size = self.size()  # type: ignore[attr-defined]

    def resize(self, *args) -> None:
        """Remember the size a dialog asks for before it is shown (to size it again the same way
        after a language switch)."""
        from PySide6.QtCore import QSize

        if isinstance(self, QDialog) and not self.isVisible():
            self._requested_size = QSize(*args) if len(args) == 2 else QSize(args[0])
        super().resize(*args)  # type: ignore[misc]

    def apply_mnemonics(self) -> None:
        from app.ui.widgets.mnemonics import apply_mnemonics

        apply_mnemonics(self)  # type: ignore[arg-type]
