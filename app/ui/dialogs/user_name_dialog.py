"""The user's name, a setting of each laptop (QSettings), which goes into the audit trail and the
minutes' revisions with every change made here; and exporting the whole audit trail."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.core import audit
from app.core.errors import CoreError
from app.core.services import audit as audit_service
from app.i18n import _, ngettext, wording
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.table_export import ask_path

KEY = "user/name"
MAX_NAME = 200


def load_user_name() -> None:
    """Give the audit trail the name set on this laptop (at start-up)."""
    audit.set_user_name(str(QSettings().value(KEY, "") or ""))


class UserNameDialog(Retranslatable, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UserNameDialog")
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit(str(QSettings().value(KEY, "") or ""))
        self.name.setObjectName("user_name")
        self.name.setMaxLength(MAX_NAME)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def accept(self) -> None:
        name = " ".join(self.name.text().split())
        QSettings().setValue(KEY, name)
        audit.set_user_name(name)
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("User name"))
        self.intro.setText(
            _(
                "Your name goes with every change you make on this computer into the history of the "
                "records. Left empty, the computer's user name ({name}) is used."
            ).format(name=audit.system_user_name())
        )
        self.name_label.setText(_("&Your name:"))


def export_audit_trail(parent: QWidget, ctx) -> str:
    """Ask for a file and write every change of every register to it; the path, or ""."""
    if not ctx.has_db:
        return ""
    path = ask_path(parent, _("History of changes") + ".xlsx")
    if not path:
        return ""
    try:
        n = ctx.read(audit_service.export, path)
    except CoreError as exc:
        messages.error(parent, exc.message)
        return ""
    messages.info(
        parent,
        ngettext("{count} row was written to “{path}”.", "{count} rows were written to “{path}”.", n).format(
            count=wording.format_number(n), path=path
        ),
    )
    return path
