"""Qt's side of a language switch: its own translators (qtbase) and the default QLocale.

Installing or removing a QTranslator makes Qt send a LanguageChange event to every widget; our
widgets answer it with ``retranslate_ui()``. Since our own catalogs are not QTranslators, the
switch also sends that event itself, so that switching to English (no Qt translator) still
retranslates everything.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import i18n, paths

_installed: list[QTranslator] = []


def apply_language(code: str | None) -> str:
    """Switch the whole application's language now; returns the code in use."""
    lang = i18n.set_language(code)
    app = QCoreApplication.instance()
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    qt_dir = paths.qt_translations_dir()
    if lang != "en" and qt_dir is not None:
        for name in ("qtbase",):
            tr = QTranslator(app)
            if tr.load(f"{name}_{lang}", str(qt_dir)):
                QCoreApplication.installTranslator(tr)
                _installed.append(tr)
    QLocale.setDefault(QLocale({"zh_CN": "zh_CN", "ru": "ru_RU", "en": "en_GB"}[lang]))
    if isinstance(app, QApplication):
        # Qt posted its own LanguageChange (to each window) for the translators removed and installed:
        # every widget
        # hears ours now, and would retranslate a second time when those arrive (issue 18)
        QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
        for widget in app.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        _forget_measurements(app)
    return lang


def _forget_measurements(app: QApplication) -> None:
    """Sizes measured in the old language would clip the new one. A combo box measures its items
    once, when first shown (switching its size policy back and forth makes it measure again), and a
    hidden page keeps the sizes its layouts cached: both are measured again."""
    from PySide6.QtWidgets import QComboBox, QLayout

    adjust = QComboBox.SizeAdjustPolicy.AdjustToContents
    for top in app.topLevelWidgets():
        for layout in top.findChildren(QLayout):
            layout.invalidate()
        for combo in top.findChildren(QComboBox):
            policy = combo.sizeAdjustPolicy()
            if policy != adjust:
                combo.setSizeAdjustPolicy(adjust)
                combo.setSizeAdjustPolicy(policy)
