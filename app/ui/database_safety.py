"""Keeping the database safe from the window: backups, restore, a damaged file, the passphrase.

- Backups run in the background: once after the window is up (start-up stays fast), and every
  30 minutes while changes are made; File → Back up now takes one at once. All use SQLite's online
  backup API (app/core/db/backup.py), into the ``backups`` folder beside the database.
- File → Restore… picks a backup, backs up the current file first and puts the backup in its place.
- Opening a damaged file offers the newest good backup; the damaged file is kept under a new name.
- An encrypted file asks for its passphrase; the File menu encrypts, decrypts or changes it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.core.changes import Change
from app.core.db import backup
from app.core.errors import CoreError, DatabaseOpenError
from app.i18n import _, wording
from app.ui.widgets import messages

#: The first background backup waits this long after the window is shown (milliseconds).
FIRST_BACKUP_DELAY_MS = 3000


def ask_passphrase(parent: QWidget | None, path: Path, *, wrong: bool = False) -> str | None:
    text = _("The passphrase of “{path}”:").format(path=path.name)
    if wrong:
        text = _("That passphrase does not open the file. Try again.") + "\n\n" + text
    value, ok = QInputDialog.getText(
        parent, _("Encrypted database"), text, QLineEdit.EchoMode.Password
    )
    return value if ok and value else None


def ask_new_passphrase(parent: QWidget | None) -> str | None:
    """A new passphrase, typed twice; None when cancelled."""
    while True:
        first, ok = QInputDialog.getText(
            parent, _("New passphrase"), _("The new passphrase:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if not first:
            messages.error(parent, _("The passphrase must not be empty."))
            continue
        second, ok = QInputDialog.getText(
            parent, _("New passphrase"), _("The new passphrase again:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if first == second:
            return first
        messages.error(parent, _("The two passphrases differ."))


def offer_backup(parent: QWidget | None, path: Path, passphrase: str | None, error: CoreError) -> bool:
    """A file that fails to open because it is damaged: offer the newest good backup. True when
    it was restored (the damaged file kept aside)."""
    from app.core.db.integrity import check_file

    if not path.is_file() or "locked" in error.msgid or not backup.list_backups(path):
        return False
    try:
        if check_file(path, passphrase).healthy:
            return False
    except DatabaseOpenError as exc:
        if "locked" in exc.msgid or "passphrase" in exc.msgid:
            return False
    good = backup.newest_good_backup(path, passphrase)
    if good is None:
        return False
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Damaged database"))
    box.setText(error.message)
    box.setInformativeText(
        _(
            "Restore the newest good backup, taken {when}? The damaged file is kept beside it under a new "
            "name; nothing is overwritten."
        ).format(when=wording.short_datetime(good.taken))
    )
    restore = box.addButton(_("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        result = backup.restore(path, good.path, passphrase)
    except CoreError as exc:
        messages.error(parent, exc.message)
        return False
    if result.kept_aside:
        messages.info(parent, _("The damaged file was kept as {path}.").format(path=result.kept_aside))
    return True


def open_interactively(parent: QWidget | None, path: Path, *, create: bool = False, passphrase: str | None = None):
    """Open the database at ``path``, asking for its passphrase and offering a backup of a damaged
    file; the open Database, or None (the error was shown)."""
    from app.core.db import Database, server, sqlcipher

    if server.is_url(path):  # a server database: its password is asked, an upgrade confirmed
        from app.ui.server_db import open_server

        return open_server(parent, str(path), ask=False)
    wrong = False
    restored = False
    while True:
        try:
            return Database.open(path, create=create, passphrase=passphrase)
        except (sqlcipher.PassphraseNeeded, sqlcipher.WrongPassphrase) as exc:
            wrong = isinstance(exc, sqlcipher.WrongPassphrase)
            passphrase = ask_passphrase(parent, Path(path), wrong=wrong)
            if passphrase is None:
                return None
        except CoreError as exc:
            if not restored and offer_backup(parent, Path(path).expanduser().resolve(), passphrase, exc):
                restored = True
                continue
            messages.error(parent, exc.message)
            return None


class BackupKeeper(QObject):
    """The window's backups: in the background after start-up and every 30 minutes of changes."""

    finished = Signal(object, object)  # (backup path or None, error message or None)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.dirty = False
        self.thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(backup.INTERVAL_SECONDS * 1000)
        self.timer.timeout.connect(self._on_timer)
        self.timer.start()
        self.ctx.changed.connect(self._on_changed)
        self.finished.connect(self._on_finished)

    def start_after_show(self, delay_ms: int = FIRST_BACKUP_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.in_background)  # cancelled if the window goes first

    def _on_changed(self, changes) -> None:
        if Change.DATABASE not in changes:
            self.dirty = True

    def _on_timer(self) -> None:
        if self.dirty:
            self.in_background()

    def in_background(self) -> None:
        """One backup in a worker thread (the window never waits); skipped while one runs."""
        db = self.ctx.db
        if db is None or db.is_server or (self.thread is not None and self.thread.is_alive()):
            return  # a server database is backed up on the server (pg_dump), not by every window
        self.dirty = False
        path, passphrase = db.path, db.passphrase

        def work() -> None:
            try:
                result = (backup.make_backup(path, passphrase), None)
            except CoreError as exc:
                result = (None, exc.message)
            try:
                self.finished.emit(*result)
            except RuntimeError:  # the window was closed meanwhile
                pass

        self.thread = threading.Thread(target=work, name="backup", daemon=True)
        self.thread.start()

    def wait(self, timeout: float = 30) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _on_finished(self, target, error) -> None:
        bar = self.window.statusBar()
        if error:
            bar.showMessage(_("The automatic backup failed: {error}").format(error=error), 15000)
        elif target is not None:
            bar.showMessage(_("Backup written: {path}").format(path=target), 5000)

    # --- the File menu -----------------------------------------------------------------------

    def back_up_now(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        self.wait()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = db.backup()
        except CoreError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(self.window, exc.message)
            return
        QApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(_("Backup written: {path}").format(path=target), 8000)

    def _reopen(self, path: Path, passphrase: str | None) -> None:
        db = open_interactively(self.window, path, passphrase=passphrase)
        if db is not None:
            self.ctx.set_database(db)

    def restore(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        folder = backup.backups_dir(db.path)
        path, _f = QFileDialog.getOpenFileName(
            self.window,
            _("Restore a backup"),
            str(folder if folder.is_dir() else db.path.parent),
            _("Commission Desk databases ({patterns})").format(patterns="*.sqlite3 *.sqlite *.db *.bak"),
        )
        if not path:
            return
        if not messages.confirm(
            self.window,
            _(
                "Replace the database “{path}” with the backup “{backup}”? The current file is backed up "
                "first."
            ).format(path=db.path, backup=Path(path).name),
        ):
            return
        if not self._close_for_file_work():
            return
        db_path, passphrase = db.path, db.passphrase
        try:
            result = backup.restore(db_path, Path(path), passphrase)
        except CoreError as exc:
            messages.error(self.window, exc.message)
            self._reopen(db_path, passphrase)
            return
        self._reopen(db_path, passphrase)
        if result.safety_backup:
            self.window.statusBar().showMessage(
                _("Restored; the database as it was is in {path}").format(path=result.safety_backup), 10000
            )

    def _close_for_file_work(self) -> bool:
        """Close the database (every tab lets go of it) before its file is replaced."""
        for v in self.window.views.built():
            closer = getattr(v, "close_view", None)
            if closer is not None and not closer():
                return False
        self.wait()
        self.ctx.set_database(None)
        return True

    def encrypt(self) -> None:
        self._convert("encrypt")

    def decrypt(self) -> None:
        self._convert("decrypt")

    def change_passphrase(self) -> None:
        self._convert("change")

    def _convert(self, what: str) -> None:
        from app.core.db import sqlcipher

        db = self.ctx.db
        if db is None:
            return
        new = None
        if what in ("encrypt", "change"):
            new = ask_new_passphrase(self.window)
            if new is None:
                return
        elif not messages.confirm(
            self.window, _("Store “{path}” without encryption? Anyone with the file can then read it.").format(
                path=db.path
            )
        ):
            return
        path, old = db.path, db.passphrase
        if not self._close_for_file_work():
            return
        key = None if what == "decrypt" else new
        try:
            if what == "encrypt":
                sqlcipher.encrypt_file(path, new)
            elif what == "decrypt":
                sqlcipher.decrypt_file(path, old)
            else:
                sqlcipher.change_passphrase(path, old, new)
        except CoreError as exc:
            messages.error(self.window, exc.message)
            key = old
        self._reopen(path, key)
        if what == "encrypt" and backup.list_backups(path):
            messages.info(
                self.window,
                _(
                    "The database is now encrypted. Its earlier backups in {folder} are not: delete them "
                    "if they must not be read."
                ).format(folder=backup.backups_dir(path)),
            )

    def update_actions(self, actions: dict) -> None:
        db = self.ctx.db
        has = db is not None
        actions["backup"].setEnabled(has)
        has = has and not db.is_server  # restoring and encrypting are for files
        actions["restore"].setEnabled(has)
        actions["encrypt"].setEnabled(has and not db.encrypted)
        actions["decrypt"].setEnabled(has and db.encrypted)
        actions["change"].setEnabled(has and db.encrypted)
