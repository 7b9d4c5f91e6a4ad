"""Print the minutes: choose the session, the copy (the original for either side, or the reading
copy), the layout, the marking and the copy number; then the preview, with Print and Save as PDF.

Signed minutes print as signature originals with their fingerprint; minutes not signed yet print as
proofs with the watermark 草案 / ПРОЕКТ, and the dialog says what still stops the signing.
:func:`print_minutes` is what the Minutes tab and the File menu call.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.minutes import signing
from app.core.services.minutes.content import MARKINGS, short_fingerprint
from app.i18n import _, current_language, format_date, ngettext, wording
from app.ui.dialogs.key_picker import KeyPicker
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

READING = "reading"


def session_text(state: signing.MinutesState) -> str:
    """ "Session 1 — Beijing, 29 Jun 2026 – 3 Jul 2026 — signed" for the session lists."""
    lang = current_language()
    if state.signed:
        status = _("signed")
    elif state.started:
        status = ngettext("{n} segment, not signed", "{n} segments, not signed", state.segments).format(
            n=state.segments
        )
    else:
        status = _("no minutes yet")
    return _("{session} — {city}, {dates} — {status}").format(
        session=wording.session_name(state.ordinal),
        city=state.city(lang),
        dates=wording.date_range(state.start, state.end),
        status=status,
    )


class PrintMinutesDialog(Retranslatable, QDialog):
    """Choose what to print; :meth:`preview` renders it and opens the preview window."""

    def __init__(self, ctx, meeting_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("PrintMinutesDialog")
        self.setMinimumWidth(600)
        self.preview_dialog = None
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

        self.copy_group = QButtonGroup(self)
        self.copy_buttons: dict[str, QRadioButton] = {}
        copies = QWidget()
        cl = QVBoxLayout(copies)
        cl.setContentsMargins(0, 0, 0, 0)
        for code in [s.code for s in self._sides] + [READING]:
            b = QRadioButton()
            b.setObjectName(f"copy_{code}")
            self.copy_group.addButton(b)
            self.copy_buttons[code] = b
            cl.addWidget(b)
        self.layout_group = QButtonGroup(self)
        self.layout_buttons: dict[str, QRadioButton] = {}
        layouts = QWidget()
        ll = QVBoxLayout(layouts)
        ll.setContentsMargins(0, 0, 0, 0)
        for name in ("sequential", "parallel"):
            b = QRadioButton()
            b.setObjectName(f"layout_{name}")
            self.layout_group.addButton(b)
            self.layout_buttons[name] = b
            ll.addWidget(b)
        self.marking = QComboBox()
        self.marking.setObjectName("marking")
        self.copy_number = QSpinBox()
        self.copy_number.setObjectName("copy_number")
        self.copy_number.setRange(0, 999)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setStyleSheet("color: #8a4b00;")

        form = QFormLayout()
        self.labels = {k: QLabel() for k in ("session", "copy", "layout", "marking", "copy_number", "key")}
        form.addRow(self.labels["session"], self.session)
        form.addRow("", self.status)
        form.addRow(self.labels["copy"], copies)
        form.addRow(self.labels["layout"], layouts)
        form.addRow(self.labels["marking"], self.marking)
        form.addRow(self.labels["copy_number"], self.copy_number)
        self.key_picker = KeyPicker()
        form.addRow(self.labels["key"], self.key_picker)
        self.labels["key"].setBuddy(self.key_picker.path)
        for key, w in (
            ("session", self.session),
            ("marking", self.marking),
            ("copy_number", self.copy_number),
        ):
            self.labels[key].setBuddy(w)

        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.setObjectName("preview")
        self.preview_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.preview)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problems)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay.addLayout(row)

        self._restore(meeting_id)
        self.session.currentIndexChanged.connect(self._on_session)
        self.copy_group.buttonToggled.connect(self._on_copy)
        self.retranslate_ui()
        self._on_session()

    # --- state -------------------------------------------------------------------------------

    def state(self) -> signing.MinutesState | None:
        i = self.session.currentIndex()
        return self._states[i] if 0 <= i < len(self._states) else None

    def copy(self) -> str:
        return next((code for code, b in self.copy_buttons.items() if b.isChecked()), READING)

    def layout_name(self) -> str:
        return "parallel" if self.layout_buttons["parallel"].isChecked() else "sequential"

    def _restore(self, meeting_id: int | None) -> None:
        s = QSettings()
        if meeting_id is not None:
            self.session.setCurrentIndex(max(0, self.session.findData(meeting_id)))
        copy = str(s.value("print_minutes/copy", self._sides[0].code if self._sides else READING))
        self.copy_buttons.get(copy, self.copy_buttons[READING]).setChecked(True)
        layout = str(s.value("print_minutes/layout", "sequential"))
        self.layout_buttons.get(layout, self.layout_buttons["sequential"]).setChecked(True)

    def _on_session(self) -> None:
        st = self.state()
        self.preview_button.setEnabled(st is not None)
        self._problems = []
        if st is not None and not st.signed:
            self._problems = self.ctx.read(signing.readiness, st.meeting_id)
        self._fill_markings()
        self._show_state()

    def _on_copy(self, *_args) -> None:
        reading = self.copy() == READING
        if reading:
            self.layout_buttons["parallel"].setChecked(True)
        self.layout_buttons["sequential"].setEnabled(not reading)
        self._show_state()

    def _fill_markings(self) -> None:
        st = self.state()
        current = self.marking.currentData()
        self.marking.blockSignals(True)
        self.marking.clear()
        self.marking.addItem(_("None"), ("", ""))
        choices = list(MARKINGS)
        own = (st.marking_zh, st.marking_ru) if st is not None else ("", "")
        if any(own) and own not in choices:
            choices.insert(0, own)
        for zh, ru in choices:
            self.marking.addItem(" / ".join(t for t in (zh, ru) if t), (zh, ru))
        wanted = current if current is not None and current != ("", "") else own
        self.marking.setCurrentIndex(max(0, self.marking.findData(wanted)))
        self.marking.blockSignals(False)

    def _show_state(self) -> None:
        st = self.state()
        if st is None:
            self.status.setText(_("No session has minutes yet. Write them in the Minutes tab first."))
            self.problems.hide()
            return
        if st.signed:
            self.status.setText(
                _("Signed on {date} in {place}. Fingerprint {fingerprint}. Copies print as signature originals.").format(
                    date=format_date(st.signed_on),
                    place=st.place(current_language()),
                    fingerprint=short_fingerprint(st.fingerprint),
                )
            )  # fmt: skip
            problem = self.ctx.read(lambda s: signing.print_source(s, st.meeting_id).problem)
            self.problems.setText(problem)  # a forgery, a record changed after signing: said before printing
            self.problems.setVisible(bool(problem))
            return
        self.status.setText(
            _("Not signed yet: every copy prints as a proof with the watermark 草案 / ПРОЕКТ, to proofread.")
        )
        if self.copy() == READING:
            self.problems.hide()
            return
        if self._problems:
            shown = "\n".join("• " + p.message for p in self._problems[:8])
            rest = len(self._problems) - 8
            if rest > 0:
                shown += "\n" + ngettext("…and {n} more problem.", "…and {n} more problems.", rest).format(
                    n=rest
                )
            self.problems.setText(_("Signature copies cannot be printed yet:") + "\n" + shown)
        else:
            self.problems.setText(
                _("The minutes are agreed and pass every check. Record the signing to print the signature copies.")
            )  # fmt: skip
        self.problems.show()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Print the minutes"))
        self.labels["session"].setText(_("&Session:"))
        self.labels["copy"].setText(_("Copy:"))
        self.labels["layout"].setText(_("Layout:"))
        self.labels["marking"].setText(_("&Marking:"))
        self.labels["copy_number"].setText(_("Copy &number:"))
        lang = current_language()
        for side in self._sides:
            self.copy_buttons[side.code].setText(
                _("The original for {side} ({code})").format(side=side.short_name(lang), code=side.code)
            )
        self.copy_buttons[READING].setText(_("Reading copy, not for signature (parallel columns)"))
        self.layout_buttons["sequential"].setText(
            _("Sequential: the whole text in one language, then in the other")
        )
        self.layout_buttons["parallel"].setText(
            _("Parallel: the two languages side by side, segment by segment")
        )
        self.copy_number.setSpecialValueText(_("none"))
        self.preview_button.setText(_("&Preview…"))
        self.labels["key"].setText(_("Sign digitally &with:"))
        self.key_picker.setToolTip(
            _(
                "Your side's key file (PKCS#12): the copy is signed (PAdES) and its pages stay the registered print."
            )
        )
        for i, st in enumerate(self._states):
            self.session.setItemText(i, session_text(st))
        if self.marking.count():
            self.marking.setItemText(0, _("None"))
        self._show_state()

    # --- printing ----------------------------------------------------------------------------

    def options(self):
        from app.reports.minutes import Layout, PrintOptions

        st = self.state()
        zh, ru = self.marking.currentData() or ("", "")
        return PrintOptions(
            copy=self.copy(),
            layout=Layout(self.layout_name()),
            draft=st is not None and not st.signed,
            copy_number=str(self.copy_number.value()) if self.copy_number.value() else "",
            marking_zh=zh,
            marking_ru=ru,
        )

    def preview(self):
        """Render the chosen copy and open the preview (Print…, Save as PDF…); returns it."""
        from app.reports.minutes import minutes_print
        from app.ui.dialogs.pdf_preview import show_pdf

        st = self.state()
        if st is None:
            return None
        try:
            key = self.key_picker.key()
            if key is not None and not st.signed:
                raise CoreError(_("Only copies of signed minutes are signed digitally, not proofs."))
        except CoreError as exc:
            messages.error(self, exc.message)
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.ctx.read(minutes_print, st.meeting_id, self.options())
            if key is not None:
                result = self._signed(result, key)
        except CoreError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(self, exc.message)
            return None
        QApplication.restoreOverrideCursor()
        if result.missing:
            listed = " ".join(f"{c} (U+{ord(c):04X})" for c in result.missing)
            messages.warning(
                self,
                _("No font can print these characters; they appear as □ in the copy: {chars}").format(
                    chars=listed
                ),
            )
        s = QSettings()
        s.setValue("print_minutes/copy", self.copy())
        s.setValue("print_minutes/layout", self.layout_name())
        self.preview_dialog = show_pdf(self.parentWidget(), result.data, result.name, result.title)
        self.accept()  # the preview takes over (a modal dialog would block it)
        return self.preview_dialog

    def _signed(self, result, key):
        """The print with the key's PAdES signature added (an incremental update)."""
        from dataclasses import replace

        from app.core.crypto import pdfsign, trust

        side = self.ctx.read(trust.side_of, key.certificate)
        return replace(result, data=pdfsign.sign(result.data, key, side))


def print_minutes(parent, ctx, meeting_id: int | None = None) -> PrintMinutesDialog:
    """Open the print dialog (for a session, or the latest one with minutes)."""
    dialog = PrintMinutesDialog(ctx, meeting_id, parent)
    dialog.exec()
    return dialog
