"""Record the signing of the minutes: date, place (Chinese and Russian), who signs for each side.

The closing formula is shown as it will be printed, in both languages. Recording is refused while
the minutes are not agreed or a check fails (the problems are listed); once recorded, the minutes
are read-only and their fingerprint is fixed. :func:`record_signing` is what the Minutes tab and
the File menu call.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.minutes import signing
from app.core.services.minutes.content import SigningFields, short_fingerprint, signing_defaults
from app.i18n import _, current_language, format_date, ngettext
from app.ui.dialogs.key_picker import KeyPicker
from app.ui.dialogs.print_minutes_dialog import session_text
from app.ui.widgets import messages
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


def formula_preview(fields: SigningFields, lang: str) -> str:
    """The closing formula as the original of the side writing in ``lang`` prints it."""
    from app.reports.minutes_blocks import formula

    return formula(lang, lang, fields.place_zh if lang == "zh" else fields.place_ru, fields.date)


def _fit_height(label: QLabel) -> None:
    """Room for every line of a wrapped label (its style sheet's padding and border included)."""
    width = 400  # the narrowest the dialog's field column gets
    rect = label.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, label.text())
    label.setMinimumHeight(max(rect.height(), 3 * label.fontMetrics().lineSpacing()) + 16)


class SigningDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("SigningDialog")
        self.setMinimumWidth(620)
        self.recorded: signing.minutes_service.MinutesData | None = None
        self._states = [s for s in ctx.read(signing.minutes_states) if s.started]
        self._sides = ctx.read(commission_service.get_sides)
        self._problems: list[signing.Problem] = []

        self.session = QComboBox()
        self.session.setObjectName("session")
        for st in self._states:
            self.session.addItem("", st.meeting_id)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.date = DateEdit()  # the language's own date style, like every other date field
        self.date.setObjectName("date")
        self.place_zh = QLineEdit()
        self.place_zh.setObjectName("place_zh")
        self.place_ru = QLineEdit()
        self.place_ru.setObjectName("place_ru")
        self.signatory = {1: QComboBox(), 2: QComboBox()}
        for pos, combo in self.signatory.items():
            combo.setObjectName(f"signatory{pos}")
        self.preview_zh = QLabel()
        self.preview_ru = QLabel()
        for w in (self.preview_zh, self.preview_ru):
            w.setWordWrap(True)
            w.setStyleSheet("background: #f6f6f2; padding: 6px; border: 1px solid #ddd;")
        self.preview_zh.setObjectName("formula_zh")
        self.preview_ru.setObjectName("formula_ru")
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a4b00;")
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QFormLayout()
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels = {k: QLabel() for k in ("session", "date", "place_zh", "place_ru", "signatory1", "signatory2",
                                             "formula", "key")}  # fmt: skip
        form.addRow(self.labels["session"], self.session)
        self.labels["session"].setBuddy(self.session)
        form.addRow("", self.status)
        self.errors.add_row(form, "date", self.labels["date"], self.date)
        self.errors.add_row(form, "place_zh", self.labels["place_zh"], self.place_zh)
        self.errors.add_row(form, "place_ru", self.labels["place_ru"], self.place_ru)
        self.errors.add_row(form, "signatory1", self.labels["signatory1"], self.signatory[1])
        self.errors.add_row(form, "signatory2", self.labels["signatory2"], self.signatory[2])
        form.addRow(self.labels["formula"], self.preview_zh)
        form.addRow("", self.preview_ru)
        self.key_picker = KeyPicker()
        self.errors.add_row(form, "key", self.labels["key"], self.key_picker)
        self.labels["key"].setBuddy(self.key_picker.path)
        self.certificates_button = QPushButton()
        self.certificates_button.setObjectName("certificates")
        self.certificates_button.clicked.connect(self._certificates)
        form.addRow("", self.certificates_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setObjectName("record")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problems)
        lay.addWidget(self.note)
        lay.addWidget(general)
        lay.addWidget(self.buttons)

        if meeting_id is not None:
            self.session.setCurrentIndex(max(0, self.session.findData(meeting_id)))
        else:  # the latest minutes not signed yet, if any
            first = next((i for i, s in enumerate(self._states) if not s.signed), 0)
            self.session.setCurrentIndex(first)
        self.session.currentIndexChanged.connect(self._load)
        for w in (self.place_zh, self.place_ru):
            w.textChanged.connect(self._update_preview)
        self.date.dateChanged.connect(self._update_preview)
        self.retranslate_ui()
        self._load()

    # --- loading -----------------------------------------------------------------------------

    def state(self) -> signing.MinutesState | None:
        i = self.session.currentIndex()
        return self._states[i] if 0 <= i < len(self._states) else None

    def _fill_signatories(self, meeting_id: int) -> None:
        lang = current_language()
        from app.core.enums import DelegationRole

        for pos, combo in self.signatory.items():
            combo.clear()
            for c in self.ctx.read(signing.signatory_candidates, meeting_id, pos):
                role = DelegationRole(c.role).label if c.role else _("not in the delegation")
                combo.addItem(f"{c.name(lang)} — {role}", c.person_id)

    def _load(self) -> None:
        self.errors.clear()
        st = self.state()
        editable = st is not None and not st.signed
        for w in (self.date, self.place_zh, self.place_ru, *self.signatory.values()):
            w.setEnabled(editable)
        if st is None:
            self.record_button.setEnabled(False)
            self._show_state()
            return
        self._fill_signatories(st.meeting_id)
        fields = self.ctx.read(signing_defaults, st.meeting_id)
        if fields.date:
            self.date.setDate(QDate(fields.date.year, fields.date.month, fields.date.day))
        self.place_zh.setText(fields.place_zh)
        self.place_ru.setText(fields.place_ru)
        for pos, pid in ((1, fields.signatory1_id), (2, fields.signatory2_id)):
            combo = self.signatory[pos]
            combo.setCurrentIndex(combo.findData(pid) if pid is not None else -1)
        self._problems = [] if st.signed else self.ctx.read(signing.readiness, st.meeting_id)
        self.record_button.setEnabled(editable and not self._problems)
        self._show_state()
        self._update_preview()

    def fields(self) -> SigningFields:
        d = self.date.date()
        return SigningFields(
            date=dt.date(d.year(), d.month(), d.day()),
            place_zh=self.place_zh.text(),
            place_ru=self.place_ru.text(),
            signatory1_id=self.signatory[1].currentData(),
            signatory2_id=self.signatory[2].currentData(),
        )

    def _update_preview(self, *_args) -> None:
        f = self.fields()
        self.preview_zh.setText(formula_preview(f, "zh"))
        self.preview_ru.setText(formula_preview(f, "ru"))
        for w in (self.preview_zh, self.preview_ru):  # every line of the wrapped formula, never half of one
            _fit_height(w)

    def _show_state(self) -> None:
        st = self.state()
        if st is None:
            self.status.setText(_("No session has minutes yet. Write them in the Minutes tab first."))
            self.problems.hide()
            return
        if st.signed:
            self.status.setText(
                _("These minutes were signed on {date}; fingerprint {fingerprint}. They can no longer be changed.").format(
                    date=format_date(st.signed_on), fingerprint=short_fingerprint(st.fingerprint)
                )
            )  # fmt: skip
            self.problems.hide()
            return
        self.status.setText(_("Not signed yet."))
        if self._problems:
            shown = "\n".join("• " + p.message for p in self._problems[:8])
            rest = len(self._problems) - 8
            if rest > 0:
                shown += "\n" + ngettext("…and {n} more problem.", "…and {n} more problems.", rest).format(
                    n=rest
                )
            self.problems.setText(_("The minutes are not ready for signature:") + "\n" + shown)
            self.problems.show()
        else:
            self.problems.hide()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Record the signing of the minutes"))
        self.labels["session"].setText(_("&Session:"))
        self.labels["date"].setText(_("&Date of signing:"))
        self.labels["place_zh"].setText(_("Place in &Chinese:"))
        self.labels["place_ru"].setText(_("Place in &Russian:"))
        self.place_ru.setPlaceholderText(_("as it reads after «Совершено в», e.g. Пекине"))
        self.labels["formula"].setText(_("Closing formula:"))
        lang = current_language()
        for pos, key in ((1, "signatory1"), (2, "signatory2")):
            side = next((s for s in self._sides if s.position == pos), None)
            name = side.short_name(lang) if side else str(pos)
            self.labels[key].setText(_("Signs for {side}:").format(side=name))
        self.note.setText(
            _(
                "Recording the signing locks the minutes: no segment can change afterwards. Their fingerprint "
                "is fixed and printed on every page of the signature copies, so that a paper copy can be "
                "checked against the record."
            )
        )
        self.record_button.setText(_("&Record the signing"))
        self.labels["key"].setText(_("Sign digitally &with:"))
        self.certificates_button.setText(_("Certificates of the sides…"))
        self.key_picker.setToolTip(
            _(
                "Your side's key file (PKCS#12): it signs the content of the minutes when the signing is recorded."
            )
        )
        for i, st in enumerate(self._states):
            self.session.setItemText(i, session_text(st))
        st = self.state()
        if st is not None:  # the roles in the new language, the same people chosen
            chosen = {pos: combo.currentData() for pos, combo in self.signatory.items()}
            self._fill_signatories(st.meeting_id)
            for pos, combo in self.signatory.items():
                combo.setCurrentIndex(combo.findData(chosen[pos]) if chosen[pos] is not None else -1)
        self._show_state()

    # --- recording ---------------------------------------------------------------------------

    def accept(self) -> None:
        st = self.state()
        if st is None or st.signed:
            return
        self.errors.clear()
        fields = self.fields()
        try:
            self.ctx.read(signing.validate_signing, st.meeting_id, fields)
            key = self._key()
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        if not messages.confirm(
            self,
            _(
                "Record the signing of the minutes of session {number}? They become read-only for good."
            ).format(number=st.ordinal),
        ):
            return
        try:
            self.recorded = self.ctx.write(
                signing.record_signing,
                st.meeting_id,
                fields,
                key=key,
            )
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()

    def _key(self):
        """The chosen key, opened and trusted on this computer, or None; ValidationError if not."""
        from app.core.crypto import keys, trust
        from app.core.errors import ValidationError

        key = self.key_picker.key()
        if key is None:
            return None
        _side, state = self.ctx.read(trust.status, key.certificate)
        if state is not trust.Trust.TRUSTED:
            raise ValidationError(
                _(
                    "This key's certificate is not trusted on this computer ({state}); fingerprint {fingerprint}. "
                    "Trust it first under “Certificates of the sides…”."
                ).format(state=state.label, fingerprint=keys.grouped(key.fingerprint)),  # fmt: skip
                field="key",
            )
        return key

    def _certificates(self) -> None:
        from app.ui.dialogs.certificates_dialog import CertificatesDialog

        CertificatesDialog(self.ctx, self).exec()


def record_signing(parent, ctx, meeting_id: int | None = None) -> SigningDialog:
    """Open the signing dialog; once recorded, offer to print the signature copies."""
    dialog = SigningDialog(ctx, meeting_id, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.recorded is not None:
        if messages.confirm(
            parent,
            _("The signing is recorded; fingerprint {fingerprint}. Print the signature copies now?").format(
                fingerprint=short_fingerprint(dialog.recorded.fingerprint)
            ),
        ):
            from app.ui.dialogs.print_minutes_dialog import print_minutes

            print_minutes(parent, ctx, dialog.recorded.meeting_id)
    return dialog
