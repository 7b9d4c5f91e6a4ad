"""The window on a shared server database: opening one, other secretaries' changes, reader roles.

- File → Open server database… asks for the URL (the recent servers offered, without passwords)
  and, when libpq has none (``~/.pgpass``, ``PGPASSWORD``), for the password, which stays in memory.
  An older schema is upgraded only after the window asked; an empty database is left to ``migrate``.
- :class:`ServerWatch` listens for the server's notifications (a QSocketNotifier on the listening
  connection, and a poll every second as a safety net): another program's write refreshes the open
  tab at once.
- :class:`ReadOnlyGuard` greys out the editing buttons when the database user may only read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import ALL, Change
from app.core.db import server
from app.core.errors import CoreError, SchemaUpgradeNeeded, ServerPasswordError
from app.i18n import _
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

RECENT_KEY = "servers/recent"
MAX_RECENT = 8
#: the safety-net poll of the notifications (milliseconds)
POLL_MS = 1000
#: buttons (attribute names in the views) that change records: greyed out for a reader
EDITING_BUTTONS = frozenset({
    "add_button", "new_button", "edit_button", "delete_button", "correct_button", "step_button",
    "budget_add", "budget_remove", "rate_add", "rate_remove", "import_button", "accept_button",
    "replace_button", "replace_all_button", "start_agenda_button", "start_empty_button", "reopen_button",
    "settings_button", "issue_button",
})  # fmt: skip


def recent_servers() -> list[str]:
    value = QSettings().value(RECENT_KEY, []) or []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value if server.is_url(str(v))]


def remember_server(url: str) -> None:
    shown = server.display_url(url)  # never a password
    QSettings().setValue(RECENT_KEY, [shown, *[u for u in recent_servers() if u != shown]][:MAX_RECENT])


class ServerDialog(Retranslatable, QDialog):
    """The server's URL (recent ones offered) and, if needed, the password (never stored)."""

    def __init__(self, parent: QWidget | None = None, url: str = "", message: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("server_dialog")
        self.url = QComboBox()
        self.url.setObjectName("server_url")
        self.url.setEditable(True)
        self.url.addItems(recent_servers())
        self.url.setEditText(url or (recent_servers() or [""])[0])
        self.url.lineEdit().setPlaceholderText("postgresql://user@host:5432/commission")
        self.url.setMinimumWidth(420)
        self.password = QLineEdit()
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel(message)
        self.note.setObjectName("server_note")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(message))
        form = QFormLayout()
        self.url_label, self.password_label = QLabel(), QLabel()
        self.url_label.setBuddy(self.url)
        self.password_label.setBuddy(self.password)
        form.addRow(self.url_label, self.url)
        form.addRow(self.password_label, self.password)
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons_box = buttons
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Open server database"))
        self.password.setPlaceholderText(_("from ~/.pgpass or PGPASSWORD when left empty"))
        self.url_label.setText(_("Server database:"))
        self.password_label.setText(_("Password:"))
        self.hint.setText(_("The password is used for this session only and never stored."))

    def _accept(self) -> None:
        if not server.is_url(self.url.currentText()):
            messages.error(self, _("A server database is named postgresql://user@host:port/dbname."))
            return
        self.accept()

    def values(self) -> tuple[str, str | None]:
        return self.url.currentText().strip(), self.password.text() or None


def open_server(parent: QWidget | None, url: str = "", *, create: bool = False, ask: bool = True):
    """Open a server database, asking for the URL (``ask``) and the password when needed, and
    before an upgrade; the open Database, or None (cancelled, or the error was shown)."""
    from app.core.db import Database

    password: str | None = None
    message = ""
    while True:
        if ask:
            dialog = ServerDialog(parent, url, message)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            url, password = dialog.values()
        try:
            try:
                db = Database.open(url, create=create, password=password)
            except SchemaUpgradeNeeded as exc:
                if not _confirm_upgrade(parent, exc):
                    return None
                db = Database.open(url, create=create, password=password, upgrade=True)
        except ServerPasswordError as exc:
            message, ask = exc.message, True
            continue
        except CoreError as exc:
            messages.error(parent, exc.message)
            if not ask:
                return None
            message = exc.message
            continue
        remember_server(url)
        return db


def _confirm_upgrade(parent: QWidget | None, exc: SchemaUpgradeNeeded) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Upgrade the server database?"))
    box.setText(exc.message)
    box.setInformativeText(
        _("Upgrade it now? Every secretary then needs this version of Commission Desk to open it.")
    )
    upgrade = box.addButton(_("Upgrade"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is upgrade


class ServerWatch(QObject):
    """Refreshes the window when another program wrote to the open server database."""

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = None
        self.listener: server.Listener | None = None
        self.notifier: QSocketNotifier | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        ctx.changed.connect(self._on_changed)
        self._on_changed(ALL)

    def _on_changed(self, changes) -> None:
        if self.ctx.db is not self.db:
            self.stop()
            self.db = self.ctx.db
            if self.db is not None and self.db.is_server:
                self.start()

    def start(self) -> None:
        try:
            self.listener = server.Listener(self.db.url, self.db.server_password)
        except Exception:  # noqa: BLE001 - no notifications: the window still works, refreshed by hand
            self.listener = None
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.poll)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def poll(self) -> None:
        if self.listener is None or self.db is None:
            return
        try:
            payloads = self.listener.poll()
        except Exception:  # noqa: BLE001 - the server went away: stop listening quietly
            self.stop()
            return
        if any(p != self.db.token for p in payloads):
            self.ctx.changed.emit(ALL - {Change.DATABASE})  # every view refreshes what it shows


class ReadOnlyGuard(QObject):
    """Greys out the editing buttons of the window's views while the database may only be read
    (and keeps them grey when a view enables them on a new selection)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.guarded: list[QAbstractButton] = []  # the buttons held grey now
        window.ctx.changed.connect(self.apply)
        self.apply()

    def read_only(self) -> bool:
        db = self.window.ctx.db
        return db is not None and db.read_only

    def buttons(self, views=None) -> list[QAbstractButton]:
        """The editing buttons of the views built so far (a tab built later is guarded by
        :meth:`guard_view` as it is built: asking for every view would build every tab)."""
        found = []
        for view in self.window.views.built() if views is None else views:
            for widget in [view, *view.findChildren(QWidget)]:
                for name in EDITING_BUTTONS:
                    button = getattr(widget, name, None)
                    if isinstance(button, QAbstractButton):
                        found.append(button)
        return found

    def guard_view(self, view) -> None:
        self.apply(views=[view])

    def apply(self, _changes=None, views=None) -> None:
        """Hold the editing buttons grey while the database may only be read. Runs on every
        change: a writable database (every laptop) costs nothing here once nothing is held."""
        if not self.read_only():
            for button in self.guarded:
                try:
                    button.removeEventFilter(self)
                except RuntimeError:  # a button deleted meanwhile
                    pass
            self.guarded = []
            return
        for button in self.buttons(views):
            if button not in self.guarded:
                button.installEventFilter(self)
                self.guarded.append(button)
            button.setEnabled(False)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.EnabledChange and obj.isEnabled() and self.read_only():
            obj.setEnabled(False)
        return False
