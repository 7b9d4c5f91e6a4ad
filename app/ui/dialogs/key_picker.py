"""Choosing a signing key for a dialog: the PKCS#12 file and its passphrase.

The passphrase is asked each time and kept only in the field while the dialog is open; it is never
saved (only the folder of the last key file is remembered, in this laptop's settings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.core.crypto import keys
from app.core.errors import ValidationError
from app.i18n import N_, _
from app.ui.widgets.retranslate import Retranslatable

SETTING = "signing/key_folder"


class KeyPicker(Retranslatable, QWidget):
    """A key file (path and Browse…) and its passphrase; both empty: no digital signature."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.path = QLineEdit()
        self.path.setObjectName("key_path")
        self.browse = QPushButton()
        self.browse.setObjectName("key_browse")
        self.browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("key_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.path, 3)
        lay.addWidget(self.browse)
        lay.addWidget(self.passphrase, 2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.path.setPlaceholderText(_("no digital signature"))
        self.browse.setText(_("&Browse…"))
        self.passphrase.setPlaceholderText(_("passphrase of the key"))

    def _browse(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(
            self,
            _("Choose the key file"),
            self.path.text() or str(QSettings().value(SETTING, "") or ""),
            _("Key files (*.p12 *.pfx)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.passphrase.setFocus()

    def chosen(self) -> bool:
        return bool(self.path.text().strip())

    def key(self) -> keys.SigningKey | None:
        """The opened key, or None when none is chosen; ValidationError (field "key") if it cannot be
        opened: the file cannot be read, or the passphrase is wrong."""
        text = self.path.text().strip()
        if not text:
            return None
        try:
            data = Path(text).expanduser().read_bytes()
        except OSError as exc:
            raise ValidationError(N_("Cannot read “{path}”: {reason}"), field="key", path=text,
                                  reason=exc.strerror or str(exc)) from exc  # fmt: skip
        try:
            key = keys.open_p12(data, self.passphrase.text())
        except keys.KeyFileError as exc:
            raise ValidationError(exc.msgid, field="key") from exc
        QSettings().setValue(SETTING, str(Path(text).expanduser().parent))
        return key
