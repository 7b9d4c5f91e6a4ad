"""One dialog skeleton for adding or editing a record, built from declared fields.

A dialog declares its fields (:class:`app.core.fields.Field`) and gets the rest: a form with one
editor per field (chosen by the field's kind), labels with mnemonics of their own in every language
(:mod:`app.ui.widgets.mnemonics`: the ``&`` of the msgid where free, else another letter),
required fields marked, an error label under each field and one for the whole form, Save/Cancel,
saving in one unit of work through the application context, and the labels retranslated on a
language switch.

    class GlossaryTermDialog(RecordDialog):
        fields = (
            Field("zh", N_("Term in &Chinese:")),
            Field("ru", N_("Term in &Russian:")),
            Field("note", N_("&Note:"), FieldKind.LONG_TEXT),
        )

        def title(self): return _("Edit glossary term") if self.record else _("New glossary term")
        def write(self, values): return self.ctx.write(Change.GLOSSARY, glossary.save_term, ...)

A dialog that asks the user something while saving (a warning to override, a date to confirm)
loops inside :meth:`write` and raises :class:`KeepOpen` when the user declines.
Editors by kind: TEXT and UUID a line edit, LONG_TEXT a plain text edit, INT a spin box, DECIMAL
and MONEY a line edit (the text goes to the service, which reads it in the interface language),
DATE a :class:`DateEdit`, BOOL a check box, CHOICE a combo box of the members of ``field.choices``
(a LabeledEnum), REF a combo box whose options the dialog gives in :meth:`options`. A dialog that
wants another editor for a field returns it from :meth:`make_editor` and, when the widget is not one
of those, reads and writes it in :meth:`value` / :meth:`set_value` (a CurrencyBox, a DayCombo and
an OptionalDateEdit are understood already: a currency code, a day, a date or None).

Accepting runs, in order: each field's declared rules (:meth:`Field.validate`), the dialog's
:meth:`check` (rules across fields), then :meth:`write`, the service call. The first
ValidationError shows its message under the field it names (``exc.field`` is the field's name),
or in the error label under the form; nothing is saved and the dialog stays open.

A save that someone else's save made stale (:class:`ConflictError`: the record changed after the
form was read) shows both versions field by field (:class:`ConflictDialog`); the values chosen go
into the form and are saved against the version now stored. :meth:`write` hands the service
:meth:`record_version` for that.

A dialog too long for one form declares ``groups``, one tab each (:class:`FieldGroup`): its title
and its fields, in one column or in several side by side; a tab of the dialog's own (a table,
attachments) is declared without fields and built by :meth:`make_tab`. A field of ``fields`` that
no group names goes into the first tab; an error brings the tab of its field forward.

A dialog that stays open after saving (steps recorded from within it) calls :meth:`save`, which
:meth:`accept` calls before closing, and :meth:`saved_as` with what was stored.

Hooks for what is particular to a dialog: :meth:`add_widgets_above`, :meth:`add_after_field` and
:meth:`add_widgets` (extra widgets above the form, after a field's row, below the form),
:meth:`form_for` (a field's row in a form of the dialog's own, such as a group box),
:meth:`make_tab`, :meth:`setup` (fill lists, connect signals), :meth:`defaults` (a new record),
:meth:`load` (an existing one), :meth:`check`, :meth:`write`, :meth:`title`, and
:meth:`retranslate_extra`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ConflictError, CoreError
from app.core.fields import Field, FieldKind
from app.i18n import _, current_language, wording
from app.ui.dialogs.conflict_dialog import ConflictDialog
from app.ui.dialogs.history_dialog import add_history_button
from app.ui.widgets.currency_box import CurrencyBox
from app.ui.widgets.date_edit import DateEdit, OptionalDateEdit
from app.ui.widgets.day_combo import DayCombo
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

#: the kinds whose value the dialog passes on as typed text, for the service to read as a number
_TYPED_NUMBERS = (FieldKind.DECIMAL, FieldKind.MONEY)


class KeepOpen(Exception):  # noqa: N818 - not an error: the dialog simply stays open
    """Raised by :meth:`RecordDialog.write` when nothing was saved and the dialog stays open."""


@dataclass(frozen=True)
class FieldGroup:
    """A tab of a record dialog: its title (a msgid) and the names of its fields, one tuple per
    column of the tab (none: a tab the dialog builds itself in :meth:`RecordDialog.make_tab`)."""

    title: str
    columns: tuple[tuple[str, ...], ...] = ()
    #: the share of the width each column takes (equal shares when empty)
    stretch: tuple[int, ...] = ()
    #: the fields take the tab's whole height (several-line texts share it), else they keep to the top
    fill: bool = False


class RecordDialog(Retranslatable, QDialog):
    """Add or edit one record; subclasses declare ``fields`` and override the hooks they need.

    Attributes the dialogs and their tests use: ``ctx``, ``record`` (None for a new one),
    ``saved`` (what :meth:`write` returned), ``widgets`` and ``labels`` (by field name),
    ``errors`` (:class:`FieldErrors`), ``buttons`` (Save and Cancel), ``tabs`` (the
    QTabWidget of the ``groups``, or None).
    """

    #: the fields of the form, in order
    fields: tuple[Field, ...] = ()
    #: the tabs of a long form (none: one form)
    groups: tuple[FieldGroup, ...] = ()
    #: the button that saves (Save, or Ok for a dialog that records an action)
    ok_button = QDialogButtonBox.StandardButton.Save
    minimum_width = 460
    #: fields whose editor (the dialog's own) gives a value the declared kind does not describe, such
    #: as a time of day: the declared rules are not applied to them, the service checks them
    unchecked: frozenset[str] = frozenset()
    #: height of the LONG_TEXT editors
    long_text_height = 80

    def __init__(self, ctx, record: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.saved: Any = None
        self._version: int | None = None  # the version stored, once a conflict was resolved
        self.setObjectName(type(self).__name__)
        self.setMinimumWidth(self.minimum_width)
        self.main_layout = QVBoxLayout(self)
        self.add_widgets_above(self.main_layout)
        self.form_layout = QFormLayout()
        self.tabs: QTabWidget | None = None
        self._tab_of: dict[str, int] = {}  # field name -> index of its tab
        self._form_of: dict[str, QFormLayout] = {}
        self._filling: set[str] = set()  # fields of a group that fills its tab
        if self.groups:
            self.main_layout.addWidget(self._build_tabs(), 1)
        else:
            self.main_layout.addLayout(self.form_layout)
        self.general_error = QLabel()
        self.general_error.setObjectName("error_general")
        self.errors = FieldErrors(self.general_error)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        for f in self.fields:
            widget = self.make_editor(f)
            widget.setObjectName(f.name)
            label = QLabel()
            if f.required:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            self.labels[f.name] = label
            self.widgets[f.name] = widget
            form = self.form_for(f.name)
            self.errors.add_row(form, f.name, label, widget)
            self.add_after_field(f.name, form)
        self.add_widgets(self.main_layout)
        self.main_layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(self.ok_button | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # the record's history from the audit trail (a record that has a UUID, i.e. one saved)
        self.history = add_history_button(
            self, self.buttons, getattr(record, "uuid", None) or None, self._field_label
        )
        self.main_layout.addWidget(self.buttons)
        self.setup()
        self.fill_options()
        if record is None:
            self.defaults()
        else:
            self.load(record)
        self.retranslate_ui()
        from app.ui.dialogs.screen_fit import fit_on_screen

        fit_on_screen(self)
        first = self.first_focus()
        if first is not None:
            first.setFocus()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        """Opened at its full size (:func:`~app.ui.dialogs.screen_fit.full_size`) as it is first
        shown, before Qt centres it, unless it asked for a size of its own."""
        first = getattr(self, "_opened_size", None) is None and getattr(self, "_requested_size", None) is None
        if visible and first and not self.isVisible():
            from app.ui.dialogs.screen_fit import full_size

            full_size(self)
        super().setVisible(visible)

    def _field_label(self, name: str) -> str:
        return next((f.label for f in self.fields if f.name == name), "")

    def _build_tabs(self) -> QTabWidget:
        """A tab per declared group: its columns of forms side by side, or the dialog's own page."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("record_tabs")
        first: tuple[QFormLayout, int] | None = None
        for index, group in enumerate(self.groups):
            if not group.columns:
                self.tabs.addTab(self.make_tab(group), "")
                continue
            page = QWidget()
            row = QHBoxLayout(page)
            for i, names in enumerate(group.columns):
                form = QFormLayout() if index or i else self.form_layout
                column = QVBoxLayout()
                column.addLayout(form)
                if not group.fill:
                    column.addStretch(1)
                if i:
                    row.addSpacing(16)
                row.addLayout(column, group.stretch[i] if i < len(group.stretch) else 1)
                for name in names:
                    self._form_of[name], self._tab_of[name] = form, index
                    if group.fill:
                        self._filling.add(name)
                if first is None:
                    first = (form, index)
            self.tabs.addTab(page, "")
        for f in self.fields:  # a field no group names goes into the first tab of fields
            if f.name not in self._form_of and first is not None:
                self._form_of[f.name], self._tab_of[f.name] = first
        return self.tabs

    # --- editors -----------------------------------------------------------------------------------

    def make_editor(self, field: Field) -> QWidget:
        """The editor of ``field``; override to give one field another widget."""
        kind = field.kind
        if kind is FieldKind.LONG_TEXT:
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            if field.name not in self._filling:
                w.setMaximumHeight(self.long_text_height)
            return w
        if kind is FieldKind.INT:
            w = QSpinBox()
            w.setRange(int(field.minimum if field.minimum is not None else 0),
                       int(field.maximum if field.maximum is not None else 999_999))  # fmt: skip
            return w
        if kind is FieldKind.DATE:
            return DateEdit(optional=not field.required)
        if kind is FieldKind.BOOL:
            return QCheckBox()
        if kind in (FieldKind.CHOICE, FieldKind.REF):
            return QComboBox()
        w = QLineEdit()
        if field.max_length is not None and kind is FieldKind.TEXT:
            w.setMaxLength(field.max_length)
        if field.read_only or kind is FieldKind.UUID:
            w.setReadOnly(True)
        return w

    def options(self, field: Field) -> Iterable[tuple[str, Any]]:
        """(text, value) of each option of a REF field, in the current language; override."""
        return ()

    def fill_options(self) -> None:
        """(Re)fill every CHOICE and REF combo box, keeping what is chosen."""
        for f in self.fields:
            combo = self.widgets[f.name]
            if f.kind not in (FieldKind.CHOICE, FieldKind.REF) or not isinstance(combo, QComboBox):
                continue
            if f.kind is FieldKind.CHOICE:
                items = [(m.label, m.value) for m in (f.choices or ())]
            else:
                items = list(self.options(f))
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def value(self, name: str) -> Any:
        """What the editor of field ``name`` holds (text, int, date, bool or the chosen data)."""
        w = self.widgets[name]
        if isinstance(w, CurrencyBox):
            return w.currency()
        if isinstance(w, DayCombo):
            return w.day()
        if isinstance(w, OptionalDateEdit):
            return w.date()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, DateEdit):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        raise TypeError(f"{type(self).__name__}: say how to read the field {name!r} (override value)")

    def set_value(self, name: str, value: Any) -> None:
        w = self.widgets[name]
        if isinstance(w, CurrencyBox):
            w.set_currency(value)
        elif isinstance(w, DayCombo):
            w.set_day(value)
        elif isinstance(w, OptionalDateEdit):
            w.set_date(value)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QLineEdit):
            w.setText("" if value is None else str(value))
            w.setCursorPosition(0)  # a text longer than the field shows its beginning
        elif isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, DateEdit):
            w.set_value(value if isinstance(value, dt.date) else None)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            data = getattr(value, "value", value)  # an enum member or a plain value
            w.setCurrentIndex(max(0, w.findData(data)))
        else:
            raise TypeError(f"{type(self).__name__}: say how to set the field {name!r} (override set_value)")

    def values(self) -> dict[str, Any]:
        return {f.name: self.value(f.name) for f in self.fields}

    # --- hooks -------------------------------------------------------------------------------------

    def add_widgets_above(self, layout: QVBoxLayout) -> None:
        """Add widgets above the form (an introduction)."""

    def form_for(self, name: str) -> QFormLayout:
        """The form the row of field ``name`` goes into: the dialog's form (its group's, with
        ``groups``), or one of its own (in a group box it adds to ``self.main_layout`` the first
        time)."""
        return self._form_of.get(name, self.form_layout)

    def make_tab(self, group: FieldGroup) -> QWidget:
        """The page of a declared group without fields (a table, the attachments)."""
        raise NotImplementedError(f"{type(self).__name__}: build the tab {group.title!r} (make_tab)")

    def add_after_field(self, name: str, form: QFormLayout) -> None:
        """Add a row of the dialog's own (a hint) after the row of field ``name``."""

    def add_widgets(self, layout: QVBoxLayout) -> None:
        """Add widgets below the form (check boxes, notes)."""

    def setup(self) -> None:
        """Read what the form offers (sides, people…) and connect signals; before the options."""

    def defaults(self) -> None:
        """Fill the form for a new record."""

    def load(self, record: Any) -> None:
        """Fill the form from ``record``: by default each field from the attribute of its name."""
        for f in self.fields:
            if hasattr(record, f.name):
                self.set_value(f.name, getattr(record, f.name))

    def first_focus(self) -> QWidget | None:
        """The editor that has the focus when the dialog opens."""
        return self.widgets[self.fields[0].name] if self.fields else None

    def title(self) -> str:
        """The window title, in the current language."""
        return ""

    def check(self, values: dict[str, Any]) -> None:
        """Rules across fields: raise ValidationError(field=…) when one is broken."""

    def write(self, values: dict[str, Any]) -> Any:
        """Save through ``self.ctx.write`` (one unit of work) and return what was saved.

        Raise :class:`KeepOpen` to leave the dialog open without a message (the user declined a
        question asked on the way).
        """
        raise NotImplementedError

    def retranslate_extra(self) -> None:
        """Retranslate what the dialog added itself."""

    def show_error(self, field: str | None, message: str) -> None:
        """Show ``message`` under ``field`` (or under the form), the field's tab brought forward
        (the first tab for a message about the whole form)."""
        if self.tabs is not None:
            self.tabs.setCurrentIndex(self._tab_of.get(field or "", 0))
        self.errors.show(field, message)

    # --- the skeleton ------------------------------------------------------------------------------

    def validate(self, values: dict[str, Any]) -> None:
        """The declared rules of every field, then :meth:`check`."""
        for f in self.fields:
            if f.read_only or f.name in self.unchecked:
                continue
            value = values.get(f.name)
            if f.kind in _TYPED_NUMBERS and isinstance(value, str) and not f.is_empty(value):
                continue  # the service reads the number as the interface language writes it
            f.validate(value)
        self.check(values)

    def save(self) -> bool:
        """Check and save what the form shows, the dialog left open; False when nothing was saved
        (the message shown, or the user declined)."""
        self.errors.clear()
        while True:
            values = self.values()
            try:
                self.validate(values)
                self.saved = self.write(values)
            except ConflictError as exc:  # saved by someone else meanwhile: both versions shown
                if not self.resolve_conflict(exc):
                    return False
                continue  # save the values chosen, against the version now stored
            except CoreError as exc:  # a ValidationError, or a record gone meanwhile
                self.show_error(exc.field, exc.message)
                return False
            except KeepOpen:
                return False
            return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def saved_as(self, record: Any) -> None:
        """The form now edits ``record`` as stored (a dialog that stays open after a save): the next
        save goes against its version."""
        self.record = record
        self._version = None

    # --- a stale save ------------------------------------------------------------------------------

    def record_version(self) -> int | None:
        """The version of the record the form was read from (the one now stored once a conflict was
        resolved): what :meth:`write` hands the service, which refuses a stale save."""
        if self._version is not None:
            return self._version
        return getattr(self.record, "version", None)

    def describe(self, name: str, value: Any) -> str:
        """A value of field ``name`` as the form shows it (the option's text of a combo box)."""
        if value is None or value == "":
            return ""
        w = self.widgets.get(name)
        if isinstance(w, QComboBox) and w.findData(getattr(value, "value", value)) >= 0:
            return w.itemText(w.findData(getattr(value, "value", value)))
        if isinstance(value, tuple | list):
            return ", ".join(self.describe(name, v) for v in value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, dt.date):
            return wording.short_date(value)
        return str(getattr(value, "label", None) or getattr(value, "value", value))

    def resolve_conflict(self, exc: ConflictError) -> bool:
        """Show both versions; put the values chosen into the form and save against the version now
        stored (True), or go back to the form (False)."""
        if exc.version is None:  # a race within the save itself: saving again shows the versions
            self.show_error(None, exc.message)
            return False
        if exc.fields:
            base = self.conflict_base(exc)
            dlg = ConflictDialog(exc, self._field_label, self.describe, base=base or None, parent=self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            self.apply_merged(dlg.merged())
        self._version = exc.version
        return True

    def conflict_base(self, exc: ConflictError) -> dict[str, Any]:
        """The values of the conflict's fields as the form was read (what the user did not change
        starts on the saved version)."""
        return {n: getattr(self.record, n) for n in exc.mine if hasattr(self.record, n)}

    def apply_merged(self, values: dict[str, Any]) -> None:
        """Put the values chosen in a conflict into the form (those of its own fields)."""
        for name, value in values.items():
            if name in self.widgets:
                self.set_value(name, value)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.title())
        for i, group in enumerate(self.groups if self.tabs is not None else ()):
            self.tabs.setTabText(i, _(group.title))
        # numbers typed in the previous language's way are rewritten in the new one's (1,234.50 in
        # English is 1 234,50 in Russian), as the form would show them opened in that language
        lang, before = current_language(), getattr(self, "_typed_in", current_language())
        for f in self.fields:
            w = self.widgets[f.name]
            if f.kind in _TYPED_NUMBERS and isinstance(w, QLineEdit):
                w.setText(wording.retype_number(w.text(), before, lang))
        self._typed_in = lang
        for f in self.fields:
            label = self.labels[f.name]
            label.setText(f.label)
            tip = f.help
            if f.required:
                tip = _("Required.") + (f" {tip}" if tip else "")
            label.setToolTip(tip)
            widget = self.widgets[f.name]
            if f.help and isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setPlaceholderText(f.help)
            if isinstance(widget, CurrencyBox):  # the others retranslate themselves
                widget.retranslate_ui()
            elif isinstance(widget, DayCombo):
                widget.retranslate()
        self.fill_options()
        self.retranslate_extra()
        self.apply_mnemonics()  # every label a letter of its own, in this language
