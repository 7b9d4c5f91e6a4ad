"""Start-up of the GUI: the QApplication, fonts, language, the database, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, ORG_NAME, __version__, i18n, paths

_registered_families: list[str] = []

#: The Chinese font shipped in resources/fonts: registered so that Chinese renders on a laptop
#: that has no CJK font at all.
UI_FONTS = ("wqy-microhei.ttc",)
CJK_FAMILY = "WenQuanYi Micro Hei"


def register_fonts() -> list[str]:
    """Register the shipped fonts with Qt and add the Chinese one to the default font's fallbacks."""
    if _registered_families:
        return _registered_families
    for name in UI_FONTS:
        fid = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
        if fid >= 0:
            _registered_families.extend(QFontDatabase.applicationFontFamilies(fid))
    app = QApplication.instance()
    if app is not None and _registered_families:
        font = QFont(app.font())
        families = [f for f in font.families() if f] or [font.family()]
        for fam in (CJK_FAMILY, *_registered_families):
            if fam not in families:
                families.append(fam)
        font.setFamilies(families)
        app.setFont(font)
    return _registered_families


def install_glyph_source() -> None:
    """The minutes checks ask the documents' fonts which characters print (loaded when asked)."""
    from app.core.services import glyphs

    def source(font_paths):
        from app.reports import fonts

        return fonts.printable_with(font_paths)

    glyphs.install(source)


def add_user_fonts(db) -> None:
    """The font files the user added (setting fonts.extra): further fallbacks on screen too."""
    from app.core.services import glyphs

    with db.unit() as s:
        extra = glyphs.use_settings(s)  # the minutes checks count on these fonts too
    app = QApplication.instance()
    for path in extra:
        fid = QFontDatabase.addApplicationFont(path)
        if fid < 0 or app is None:
            continue
        font = QFont(app.font())
        families = [f for f in font.families() if f] or [font.family()]
        families += [f for f in QFontDatabase.applicationFontFamilies(fid) if f not in families]
        font.setFamilies(families)
        app.setFont(font)


def init_application(argv: list[str] | None = None) -> QApplication:
    from app.ui.refcounts import protect_singletons

    protect_singletons()  # PySide6 6.12 on Python 3.11 loses references to None: see refcounts.py
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon = paths.icons_dir() / "commission-desk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    register_fonts()
    install_glyph_source()
    from app.ui import busy

    busy.install()
    return app


def choose_language(cli_lang: str | None) -> str:
    """--lang, else the remembered choice, else the system locale, else English."""
    if cli_lang:
        return i18n.normalize_language(cli_lang) or "en"
    saved = QSettings().value("language")
    if saved:
        return i18n.normalize_language(str(saved)) or "en"
    return i18n.system_language()


def run_gui(db_path: Path, lang: str | None = None, demo: bool = False, passphrase: str | None = None) -> int:
    from app.i18n.qt import apply_language
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    app = init_application()
    apply_language(choose_language(lang))
    ctx = AppContext()
    from app.ui.database_safety import open_interactively

    db = open_interactively(None, db_path, passphrase=passphrase)
    if db is not None:
        from app.core.demo import build_demo, is_empty

        with db.unit() as s:
            empty = is_empty(s)
            if empty and demo:
                build_demo(s)
                empty = False
        ctx.db = db
        add_user_fonts(db)
    window = MainWindow(ctx)
    window.show()
    if os.environ.get("COMMISSION_DESK_QUIT_AFTER_START"):  # start-up benchmark: quit once shown
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    else:
        window.backups.start_after_show()  # in the background, once the window is up
        if db is not None and empty:
            _first_start(window)
    return app.exec()


def _first_start(window) -> None:
    """An empty database: offer to set up the commission or to load the demo."""
    from app.core.changes import ALL
    from app.core.demo import build_demo
    from app.i18n import _

    box = QMessageBox(window)
    box.setWindowTitle(_("Welcome to Commission Desk"))
    box.setText(
        _(
            "This database is empty. Set up your commission and its two sides, or look around in the demo first?"
        )
    )
    setup = box.addButton(_("Set up the commission…"), QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton(_("Load the demo"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is setup:
        window.edit_commission()
    elif box.clickedButton() is demo:
        with window.ctx.db.unit() as s:
            build_demo(s)
        window.ctx.announce(ALL)
