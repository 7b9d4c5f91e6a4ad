"""The experts register's alert settings (stored in the database, shared by everyone who opens it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from app.core.errors import CoreError
from app.core.services.experts import alerts as experts_alerts
from app.i18n import _
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class AlertSettingsDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AlertSettingsDialog")
        horizon, reply = ctx.read(experts_alerts.alert_settings)
        self.horizon = QSpinBox()
        self.horizon.setObjectName("horizon")
        self.horizon.setRange(0, 999)
        self.horizon.setValue(horizon)
        self.reply = QSpinBox()
        self.reply.setObjectName("reply")
        self.reply.setRange(0, 999)
        self.reply.setValue(reply)
        self.horizon_label, self.reply_label = QLabel(), QLabel()
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, "horizon", self.horizon_label, self.horizon)
        self.errors.add_row(form, "reply", self.reply_label, self.reply)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.ctx.write(
                experts_alerts.save_alert_settings,
                self.horizon.value(),
                self.reply.value(),
            )
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Alert settings"))
        self.horizon_label.setText(_("Warn of terms ending within, days"))
        self.reply_label.setText(_("Warn of invitations unanswered after, days"))
        self.horizon.setSuffix("")
        self.reply.setSuffix("")
