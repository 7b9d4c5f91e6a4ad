"""Start-up of the GUI: the QApplication, fonts, language, the database, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, ORG_NAME, __version__, i18n, paths

_registered_families: list[str] = []

#: Fonts shipped in resources/fonts for the interface: PT Sans for Latin and Cyrillic when the
#: system's interface font lacks Cyrillic (or is itself a Chinese font), and WenQuanYi Micro Hei as
#: the fallback for Han characters, so that Chinese renders on a laptop that has no CJK font.
UI_FONTS = ("PTSans-Regular.ttf", "PTSans-Bold.ttf", "wqy-microhei.ttc")
LATIN_FAMILY = "PT Sans"
CJK_FAMILY = "WenQuanYi Micro Hei"
CJK_FAMILIES = (CJK_FAMILY, "WenQuanYi Micro Hei Mono", "WenQuanYi Zen Hei", "AR PL UMing CN")


def interface_families(system_family: str) -> list[str]:
    """The interface font's families, in order: the system's own when it draws Cyrillic and is not
    a Chinese font, else PT Sans; then the bundled Chinese font for Han characters."""
    first: list[str] = []
    writing = QFontDatabase.writingSystems(system_family) if system_family else []
    if system_family and system_family not in CJK_FAMILIES and QFontDatabase.WritingSystem.Cyrillic in writing:
        first.append(system_family)
    if LATIN_FAMILY in QFontDatabase.families() and LATIN_FAMILY not in first:
        first.append(LATIN_FAMILY)
    return [*first, CJK_FAMILY]


def register_fonts() -> list[str]:
    """Register the shipped fonts with Qt and set the interface font: a Latin/Cyrillic font first,
    the bundled Chinese one as its fallback."""
    if _registered_families:
        return _registered_families
    for name in UI_FONTS:
        fid = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
        if fid >= 0:
            _registered_families.extend(QFontDatabase.applicationFontFamilies(fid))
    app = QApplication.instance()
    if app is not None and _registered_families:
        system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font = QFont(app.font())
        font.setFamilies(interface_families(QFontInfo(system).family()))
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


def init_application(argv: list[str] | None = None, *, glyph_source: bool = True) -> QApplication:
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
    if glyph_source:  # run_gui installs it once the window is up (it loads the ORM)
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


def run_gui(db_path: Path | str, lang: str | None = None, demo: bool = False, passphrase: str | None = None) -> int:
    from PySide6.QtCore import QTimer

    from app.i18n.qt import apply_language
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    app = init_application(glyph_source=False)
    apply_language(choose_language(lang))
    window = MainWindow(AppContext())
    # The window's shell (menus, tab bar) shows first; then the database opens and the current tab
    # is built (issue 18). COMMISSION_DESK_QUIT_AFTER_START=1 quits once that tab is up (start-up
    # benchmarks, scripts), =shell as soon as the shell is shown, before the database opens.
    quit_after = os.environ.get("COMMISSION_DESK_QUIT_AFTER_START", "")
    window.build_on_show = False
    failures: list[Exception] = []

    def open_database() -> None:
        try:
            _open_database(window, db_path, demo, passphrase, bool(quit_after))
        except Exception as exc:  # noqa: BLE001 (raised again below, for the command's error handling)
            failures.append(exc)
            app.exit(1)

    if quit_after == "shell":
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, open_database)
    window.show()
    status = app.exec()
    if failures:  # one translated line and the crash log, as before the window showed first
        raise failures[0]
    return status


def _open_database(window, db_path: Path | str, demo: bool, passphrase: str | None, quit_after: bool) -> None:
    from PySide6.QtCore import QTimer

    from app.ui.database_safety import open_interactively

    install_glyph_source()
    db = open_interactively(window, db_path, create=True, passphrase=passphrase)
    empty = False
    if db is not None:
        from app.core.demo import build_demo, is_empty

        with db.unit() as s:
            empty = is_empty(s)
            if empty and demo:
                build_demo(s)
                empty = False
        add_user_fonts(db)
        window.ctx.set_database(db)
    window.show_current_tab()
    if quit_after:
        QTimer.singleShot(0, QApplication.instance().quit)
    else:
        window.backups.start_after_show()  # in the background, once the window is up
        window.build_tabs_when_idle()  # then a click on another tab only shows it
        if db is not None and empty:
            _first_start(window)


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
