"""The certificates of the two sides: which one each side signs with, and whether this computer
trusts it.

Importing a side's certificate (a PEM or DER file the other secretariat sent) shows its SHA-256
fingerprint in groups of four, to be read aloud over the telephone with the other side; it is
trusted only when the user confirms that both read the same. Replacing a trusted certificate asks
the same confirmation and is logged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.core.crypto import keys, trust
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.minutes.records import author_name
from app.i18n import _, current_language
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


class CertificatesDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("CertificatesDialog")
        self.setMinimumWidth(640)
        self._sides = ctx.read(commission_service.get_sides)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        grid = QGridLayout()
        self.names: dict[str, QLabel] = {}
        self.states: dict[str, QLabel] = {}
        self.imports: dict[str, QPushButton] = {}
        for row, side in enumerate(self._sides):
            name, state = QLabel(), QLabel()
            name.setObjectName(f"certificate_{side.code}")
            state.setObjectName(f"state_{side.code}")
            state.setWordWrap(True)
            button = QPushButton()
            button.setObjectName(f"import_{side.code}")
            button.clicked.connect(lambda _c=False, code=side.code: self.import_certificate(code))
            grid.addWidget(name, 2 * row, 0)
            grid.addWidget(button, 2 * row, 1)
            grid.addWidget(state, 2 * row + 1, 0, 1, 2)
            self.names[side.code], self.states[side.code], self.imports[side.code] = name, state, button
        grid.setColumnStretch(0, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(grid)
        lay.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Certificates of the sides"))
        self.intro.setText(
            _(
                "Each side signs with its own key. A side's certificate is trusted once its fingerprint has "
                "been read aloud with that side and confirmed on this computer."
            )
        )
        self.refresh()

    def refresh(self) -> None:
        lang = current_language()
        recorded = self.ctx.read(trust.recorded)
        for side in self._sides:
            sc = recorded.get(side.code)
            if sc is None:
                self.names[side.code].setText(
                    _("{side}: no certificate yet").format(side=side.short_name(lang))
                )
                self.states[side.code].setText("")
            else:
                self.names[side.code].setText(
                    _("{side}: {name}\nFingerprint (SHA-256):\n{fingerprint}").format(
                        side=side.short_name(lang),
                        name=keys.subject_name(sc.certificate),
                        fingerprint=keys.grouped_lines(sc.fingerprint),
                    )  # fmt: skip
                )
                self.states[side.code].setText(self.ctx.read(trust.status, sc.certificate)[1].label)
            self.imports[side.code].setText(_("Import certificate…"))

    def import_certificate(self, code: str, path: str | Path | None = None) -> bool:
        """Import a side's certificate; trusted only once the user confirms its fingerprint."""
        if path is None:
            chosen, _f = QFileDialog.getOpenFileName(
                self, _("Import a certificate"), "", _("Certificates (*.pem *.crt *.cer *.der)")
            )
            if not chosen:
                return False
            path = chosen
        try:
            cert = keys.load_cert(Path(path).read_bytes())
        except OSError as exc:
            messages.error(
                self, _("Cannot read “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
            )
            return False
        except CoreError as exc:
            messages.error(self, exc.message)
            return False
        fp = keys.fingerprint(cert)
        current = self.ctx.read(trust.recorded).get(code)
        question = _(
            "Certificate of {name} for side {side}. Read its fingerprint aloud with the other side, group by "
            "group:\n\n{fingerprint}\n\nDid both of you read exactly the same?"
        ).format(name=keys.subject_name(cert), side=code, fingerprint=keys.grouped_lines(fp))
        if current is not None and current.fingerprint != fp:
            question += "\n\n" + _("It replaces the certificate trusted until now ({fingerprint}).").format(
                fingerprint=keys.grouped(current.fingerprint)
            )
        if not messages.confirm(self, question):
            return False
        try:
            self.ctx.write(trust.trust, code, cert, fp, author_name())
        except CoreError as exc:
            messages.error(self, exc.message)
            return False
        self.refresh()
        return True
