"""The experts register's alert settings (stored in the database, shared by everyone who opens it)."""

from __future__ import annotations

from app.core.fields import Field, FieldKind
from app.core.services.experts import alerts as experts_alerts
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog


class AlertSettingsDialog(RecordDialog):
    fields = (
        Field("horizon", N_("Warn of terms ending within, days"), FieldKind.INT, maximum=999),
        Field("reply", N_("Warn of invitations unanswered after, days"), FieldKind.INT, maximum=999),
    )
    minimum_width = 0

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, None, parent)
        self.horizon, self.reply = self.widgets["horizon"], self.widgets["reply"]

    def defaults(self) -> None:
        horizon, reply = self.ctx.read(experts_alerts.alert_settings)
        self.set_value("horizon", horizon)
        self.set_value("reply", reply)

    def first_focus(self):
        return None

    def title(self) -> str:
        return _("Alert settings")

    def write(self, values) -> None:
        self.ctx.write(experts_alerts.save_alert_settings,
                       values["horizon"], values["reply"])  # fmt: skip
