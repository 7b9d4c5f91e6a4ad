"""The main window: menus, the language switch, the tabs. Small on purpose: the tabs do the work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from app import APP_NAME, __version__, i18n
from app.i18n import N_, _
from app.ui.lazy_tabs import IdleBuilder, LazyViews
from app.ui.widgets.retranslate import Retranslatable

if TYPE_CHECKING:
    from app.ui.context import AppContext
    from app.ui.views.base import View

DB_FILTER = "*.sqlite3 *.sqlite *.db"
# the same msgids as app.core.services.glyphs (not imported at start-up: it loads the ORM)
VIEW_MENU = N_("&View")
FONTS_MENU = N_("&Fonts for rare characters…")


def settings() -> QSettings:
    return QSettings()


class MainWindow(Retranslatable, QMainWindow):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: build the current tab when the window shows (the start turns it off to show the shell
        #: first, and calls show_current_tab() once the database is open)
        self.build_on_show = True
        self.setObjectName("MainWindow")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        # each tab's view is built when first shown (or asked for): the window is up at once
        self.views = LazyViews(self.tabs, self._build_view)
        self._tab_saver = QTimer(self)
        self._tab_saver.setSingleShot(True)
        self._tab_saver.setInterval(1000)
        self._tab_saver.timeout.connect(lambda: settings().setValue("window/tab", self.tabs.currentIndex()))
        self.tabs.currentChanged.connect(self._on_tab)
        from app.ui.server_db import ReadOnlyGuard, ServerWatch

        self.server_watch = ServerWatch(ctx, self)  # another secretary's edits appear at once
        self.read_only_guard = ReadOnlyGuard(self)
        self.setCentralWidget(self.tabs)
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        # a passing message ("Backup written: …") gets the whole bar while it shows
        self.statusBar().messageChanged.connect(lambda text: self.db_label.setVisible(not text))
        if ctx.has_db:  # else when a database opens (it loads the ORM)
            self._load_user_name()
        self._create_actions()
        self._create_menus()
        ctx.changed.connect(self._on_changed)
        self._restore()
        self._install_tab_edit_actions()
        self._between_installed = False
        if ctx.has_db:  # else once a database is open (the reminders load the ORM)
            self._install_between()
        self.retranslate_ui()
        self._update_actions()

    def _build_view(self, tab) -> View:
        view = tab.create(self.ctx)
        view.actionsChanged.connect(self._update_actions)
        view.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.read_only_guard.guard_view(view)  # a reader's editing buttons stay grey
        return view

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, name: str, slot, shortcut=None) -> QAction:
        a = QAction(self)
        a.setObjectName(name)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        return a

    def _create_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new_db = self._action("action_new_db", self.new_database)
        self.act_open_db = self._action("action_open_db", self.open_database, K.Open)
        self.act_open_server = self._action("action_open_server", self.open_server_database)
        self.act_demo_db = self._action("action_demo_db", self.new_demo_database)
        self.act_commission = self._action("action_commission", self.edit_commission)
        self.act_user_name = self._action("action_user_name", self.edit_user_name)
        self.act_export_history = self._action("action_export_history", self.export_history)
        from app.ui.database_safety import BackupKeeper

        self.backups = BackupKeeper(self)
        self.safety_actions = {
            "backup": self._action("action_backup", self.backups.back_up_now),
            "restore": self._action("action_restore", self.backups.restore),
            "encrypt": self._action("action_encrypt", self.backups.encrypt),
            "change": self._action("action_change_passphrase", self.backups.change_passphrase),
            "decrypt": self._action("action_decrypt", self.backups.decrypt),
        }
        self.act_print_minutes = self._action("action_print_minutes", self.print_minutes, K.Print)
        self.act_sign_minutes = self._action("action_sign_minutes", self.sign_minutes)
        self.act_verify_minutes = self._action("action_verify_minutes", self.verify_minutes)
        self.act_quit = self._action("action_quit", self.close, K.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_new = self._action("action_new", lambda: self.current_view().new_record(), K.New)
        self.act_edit = self._action("action_edit", lambda: self.current_view().edit_record())
        self.act_edit.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.act_delete = self._action("action_delete", lambda: self.current_view().delete_record(), K.Delete)
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tabs.addAction(self.act_delete)
        self.act_find = self._action("action_find", lambda: self.current_view().focus_search(), K.Find)
        self.act_fonts = self._action("action_fonts", self.edit_fonts)
        self.act_certificates = self._action("action_certificates", self.edit_certificates)
        self.act_exchange = self._action("action_exchange", self.exchange_bundles)
        self.act_conflicts = self._action("action_conflicts", self.show_conflicts)
        self.act_about = self._action("action_about", self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about_qt = self._action("action_about_qt", QApplication.aboutQt)
        self.act_about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.tab_actions: list[QAction] = []
        for i in range(len(self.views)):
            a = self._action(f"action_tab_{i}", lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
            a.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            self.tab_actions.append(a)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in i18n.LANGUAGES:
            a = QAction(i18n.LANGUAGE_NAMES[code], self)  # endonyms: never translated
            a.setObjectName(f"action_lang_{code}")
            a.setCheckable(True)
            a.setData(code)
            a.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            self.language_group.addAction(a)
            self.language_actions[code] = a

    def _create_menus(self) -> None:
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.file_menu.setObjectName("menu_file")
        for a in (self.act_new_db, self.act_open_db, self.act_open_server, self.act_demo_db):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addActions(list(self.safety_actions.values()))
        self.file_menu.insertSeparator(self.safety_actions["encrypt"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_commission)
        self.file_menu.addAction(self.act_certificates)
        self.file_menu.addAction(self.act_exchange)
        self.file_menu.addAction(self.act_conflicts)
        self.file_menu.addAction(self.act_user_name)
        self.file_menu.addAction(self.act_export_history)
        self.file_menu.addSeparator()
        for a in (self.act_print_minutes, self.act_sign_minutes, self.act_verify_minutes):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = mb.addMenu("")
        self.edit_menu.setObjectName("menu_edit")
        self._tab_edit_actions: list[QAction] = []
        self._tab_separator = QAction(self)
        self._tab_separator.setSeparator(True)
        for a in (self.act_new, self.act_edit, self.act_delete):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_find)
        self.view_menu = mb.addMenu("")
        self.view_menu.setObjectName("menu_view")
        for a in self.tab_actions:
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_fonts)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("menu_language")
        for a in self.language_actions.values():
            self.language_menu.addAction(a)
        self.help_menu = mb.addMenu("")
        self.help_menu.setObjectName("menu_help")
        self.help_menu.addAction(self.act_about)
        self.help_menu.addAction(self.act_about_qt)

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_(VIEW_MENU))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.act_new_db.setText(_("&New database…"))
        self.act_open_db.setText(_("&Open database…"))
        self.act_open_server.setText(_("Open server d&atabase…"))
        self.act_demo_db.setText(_("New &demo database…"))
        self.act_commission.setText(_("&Commission and sides…"))
        self.act_certificates.setText(_("Cer&tificates of the sides…"))
        self.act_exchange.setText(_("&Exchange with the other side…"))
        self.act_conflicts.setText(_("Con&flicts…"))
        self.act_user_name.setText(_("&User name…"))
        self.act_export_history.setText(_("E&xport the history of changes…"))
        for key, text in (
            ("backup", _("&Back up now")),
            ("restore", _("&Restore…")),
            ("encrypt", _("Encr&ypt with a passphrase…")),
            ("change", _("C&hange the passphrase…")),
            ("decrypt", _("Re&move the encryption…")),
        ):
            self.safety_actions[key].setText(text)
        self.act_print_minutes.setText(_("&Print the minutes…"))
        self.act_sign_minutes.setText(_("Record the &signing of the minutes…"))
        self.act_verify_minutes.setText(_("&Verify a copy of the minutes…"))
        self.act_quit.setText(_("&Quit"))
        self.act_new.setText(_("&New record…"))
        self.act_edit.setText(_("&Edit record…"))
        self.act_delete.setText(_("&Delete record"))
        self.act_find.setText(_("&Find"))
        self.act_fonts.setText(_(FONTS_MENU))
        self.act_about.setText(_("&About Commission Desk"))
        self.act_about_qt.setText(_("About &Qt"))
        for i, tab in enumerate(self.views.entries):
            title = _(tab.title)
            self.tabs.setTabText(i, title)
            self.tab_actions[i].setText(_("Show {tab}").format(tab=title))
        if self._between_installed:
            from app.ui import between

            between.retranslate(self)
        lang = i18n.current_language()
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)
        self._update_title()

    # --- language ----------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        from app.i18n.qt import apply_language

        lang = apply_language(code)
        settings().setValue("language", lang)

    # --- database ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = ""
        if self.ctx.has_db:
            from app.core.errors import CoreError

            try:
                from app.core.services.commission import get_commission

                name = self.ctx.read(get_commission).name(i18n.current_language())
            except CoreError:
                name = ""
            db = self.ctx.db
            # a long path is shortened in its middle; the tooltip has it whole
            path = self.db_label.fontMetrics().elidedText(db.location, Qt.TextElideMode.ElideMiddle, 420)
            self.db_label.setText(_("Database: {path}").format(path=path))
            if db.is_server and db.read_only:
                self.db_label.setText(_("Database: {path} (read only)").format(path=path))
            self.db_label.setToolTip(db.location)
            file_part = db.location.split("?")[0].rsplit("/", 1)[-1] if db.is_server else db.path.name
        else:
            self.db_label.setText(_("No database is open"))
            file_part = ""
        parts = [p for p in (name, file_part) if p]
        self.setWindowTitle(" — ".join([*parts, _("Commission Desk")]))

    def _install_between(self) -> None:
        from app.ui import between

        self._between_installed = True
        between.install(self)  # the reminders panel, searching everything
        between.retranslate(self)

    def _load_user_name(self) -> None:
        from app.ui.dialogs.user_name_dialog import load_user_name

        load_user_name()  # who the audit trail names (a setting of this laptop)

    def _on_changed(self, changes) -> None:
        from app.core.changes import Change

        if Change.DATABASE in changes and self.ctx.has_db:
            self._load_user_name()
            if not self._between_installed:
                self._install_between()
        if Change.DATABASE in changes or Change.COMMISSION in changes:
            self._update_title()
        self._update_actions()

    def open_path(self, path: Path, *, create: bool = False) -> bool:
        from app.ui.database_safety import open_interactively

        db = open_interactively(self, path, create=create)
        if db is None:
            return False
        self.ctx.set_database(db)
        settings().setValue("database", str(db.path))
        self.statusBar().showMessage(_("Opened {path}").format(path=db.path), 5000)
        self.backups.start_after_show()
        return True

    def open_server_database(self) -> bool:
        from app.ui.server_db import open_server

        db = open_server(self)
        if db is None:
            return False
        self.ctx.set_database(db)
        self.statusBar().showMessage(_("Opened {path}").format(path=db.location), 5000)
        return True

    def _folder(self) -> str:
        return str(self.ctx.db.path.parent) if self.ctx.has_db and self.ctx.db.path else ""

    def open_database(self) -> None:
        start = self._folder()
        path, _f = QFileDialog.getOpenFileName(
            self,
            _("Open database"),
            start,
            _("Commission Desk databases ({patterns})").format(patterns=DB_FILTER),
        )
        if path:
            self.open_path(Path(path))

    def _ask_new_path(self, title: str) -> Path | None:
        start = self._folder()
        path, _f = QFileDialog.getSaveFileName(
            self, title, start, _("Commission Desk databases ({patterns})").format(patterns=DB_FILTER)
        )
        if not path:
            return None
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(".sqlite3")
        if p.exists() and p.stat().st_size > 0:
            from app.ui.widgets import messages

            messages.error(self, _("{path} already exists. Choose a new file name.").format(path=p))
            return None
        return p

    def new_database(self) -> None:
        p = self._ask_new_path(_("New database"))
        if p is not None and self.open_path(p, create=True):
            self.edit_commission()

    def new_demo_database(self) -> None:
        p = self._ask_new_path(_("New demo database"))
        if p is None:
            return
        from app.core.demo import create_demo_database
        from app.core.errors import CoreError
        from app.ui.widgets import messages

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = create_demo_database(p)
        except CoreError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(self, exc.message)
            return
        QApplication.restoreOverrideCursor()
        self.ctx.set_database(db)
        settings().setValue("database", str(db.path))
        self.statusBar().showMessage(_("Demo database created: {path}").format(path=db.path), 5000)

    def edit_commission(self) -> None:
        if not self.ctx.has_db:
            return
        from app.ui.dialogs.commission_dialog import CommissionDialog

        CommissionDialog(self.ctx, self).exec()

    def edit_user_name(self) -> None:
        from app.ui.dialogs.user_name_dialog import UserNameDialog

        UserNameDialog(self).exec()

    def export_history(self) -> None:
        from app.ui.dialogs.user_name_dialog import export_audit_trail

        export_audit_trail(self, self.ctx)

    # --- the minutes: signature copies, signing, verifying -----------------------------------

    def print_minutes(self) -> None:
        if self.ctx.has_db:
            from app.ui.dialogs.print_minutes_dialog import print_minutes

            print_minutes(self, self.ctx)

    def sign_minutes(self) -> None:
        if self.ctx.has_db:
            from app.ui.dialogs.signing_dialog import record_signing

            record_signing(self, self.ctx)

    def verify_minutes(self) -> None:
        if self.ctx.has_db:
            from app.ui.dialogs.verify_minutes import verify_file

            verify_file(self, self.ctx)

    # --- tabs and the Edit menu --------------------------------------------------------------

    def current_view(self) -> View | None:
        """The current tab's view, built if it was not yet (a tab is built when first shown)."""
        i = self.tabs.currentIndex()
        return self.views[i] if i >= 0 else None

    def _current_built_view(self) -> View | None:
        i = self.tabs.currentIndex()
        return self.views[i] if i >= 0 and self.views.is_built(i) else None

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.build_on_show:
            self.show_current_tab()

    def show_current_tab(self) -> None:
        """Build the current tab's view if it is not yet (the start shows the shell first)."""
        if self._current_built_view() is not None:
            return
        if self.current_view() is not None:
            self._install_tab_edit_actions()
            self._update_actions()

    def build_tabs_when_idle(self, delay_ms: int = 500) -> None:
        """Build the other tabs in idle time, one per turn of the event loop, from ``delay_ms``
        on: a click on a tab then only shows it (the start calls this once the window is up)."""
        if self.findChild(IdleBuilder) is None:
            IdleBuilder(self.views, self, delay_ms)

    def view_named(self, class_name: str) -> View | None:
        """The tab's view of that class, built if it was not yet shown."""
        i = self.views.index_of(class_name)
        return self.views[i] if i >= 0 else None

    def _on_tab(self, index: int) -> None:
        # remembered a moment later (and on closing): a QSettings writes its file when it goes, and
        # the click on a tab should show the tab, not wait for the disk (issue 18)
        self._tab_saver.start()
        if self.isVisible():
            self.current_view()  # built on first show
        self._install_tab_edit_actions()
        self._update_actions()

    def _install_tab_edit_actions(self) -> None:
        """The current tab's own actions (undo, redo…) at the top of the Edit menu."""
        for a in self._tab_edit_actions:
            self.edit_menu.removeAction(a)
        v = self._current_built_view()
        actions = list(v.edit_actions()) if v is not None else []
        if actions:
            actions.append(self._tab_separator)
            first = self.edit_menu.actions()[0] if self.edit_menu.actions() else None
            self.edit_menu.insertActions(first, actions)
        self._tab_edit_actions = actions

    def _update_actions(self) -> None:
        v = self._current_built_view()
        has_db = self.ctx.has_db
        writable = has_db and not self.ctx.db.read_only  # a reader role reads and prints only
        self.act_new.setEnabled(bool(v) and writable and v.can_new())
        self.act_edit.setEnabled(bool(v) and writable and v.can_edit())
        self.act_delete.setEnabled(bool(v) and writable and v.can_delete())
        self.act_find.setEnabled(bool(v) and has_db and v.can_find())
        self.act_commission.setEnabled(writable)
        self.act_export_history.setEnabled(has_db)
        self.backups.update_actions(self.safety_actions)
        self.act_fonts.setEnabled(has_db)
        self.act_certificates.setEnabled(has_db)
        self.act_exchange.setEnabled(has_db)
        self.act_conflicts.setEnabled(writable)
        for a in (self.act_print_minutes, self.act_verify_minutes):
            a.setEnabled(has_db)
        self.act_sign_minutes.setEnabled(writable)

    def edit_certificates(self) -> None:
        from app.ui.dialogs.certificates_dialog import CertificatesDialog

        CertificatesDialog(self.ctx, self).exec()

    def exchange_bundles(self) -> None:
        from app.ui.dialogs.bundle_dialog import ExchangeDialog

        ExchangeDialog(self.ctx, self).exec()

    def show_conflicts(self) -> None:
        from app.ui.dialogs.conflicts_dialog import ConflictsDialog

        ConflictsDialog(self.ctx, self).exec()

    def edit_fonts(self) -> None:
        from app.ui.dialogs.font_dialog import FontDialog

        FontDialog(self.ctx, parent=self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Commission Desk"),
            "<h3>{name} {version}</h3><p>{text}</p>".format(
                name=APP_NAME,
                version=__version__,
                text=_(
                    "The desk of the delegates and secretaries of a bilateral joint commission: agenda, "
                    "exchanges, experts, expenses and bilingual minutes, offline."
                ),
            ),
        )

    # --- window state ------------------------------------------------------------------------

    def _restore(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # the first start: as large as a 1366×768 laptop allows, with its task bar
            from app.ui.dialogs.screen_fit import available

            room = available()
            self.resize(min(1280, room.width()), room.height())
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        try:
            tab = int(s.value("window/tab", 0))
        except (TypeError, ValueError):
            tab = 0
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for v in self.views.built():
            closer = getattr(v, "close_view", None)
            if closer is not None and not closer():
                event.ignore()
                return
        self.server_watch.stop()
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        super().closeEvent(event)
