"""A stale save, shown to the person who made it: both versions side by side, field by field, and
a choice for each field (a merge), instead of either version being lost without a word.

The dialog is given the :class:`~app.core.errors.ConflictError` the save raised, the label of each
field and a function that writes a value as the user reads it (a side's name for its id, a date in
the interface language). Each field that differs gets a row: its label, "My version" and "Saved
version", one of the two chosen. A field the user did not change (``base``: the values as they were
read) starts on the saved version, one the user changed on theirs. :meth:`merged` gives the values
to save: the conflict's ``mine`` with the chosen saved values in place.

    dlg = ConflictDialog(exc, labels, describe, base=..., parent=self)
    if dlg.exec():
        data = replace(data, **dlg.merged(), version=exc.version)   # and save again
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ConflictError
from app.i18n import _, current_language, wording
from app.ui.widgets.retranslate import Retranslatable

MINE, THEIRS = 0, 1


def plain(value: Any) -> str:
    """A value as text, for a field the caller does not describe."""
    if value is None:
        return ""
    return str(getattr(value, "label", None) or getattr(value, "value", value))


class ConflictDialog(Retranslatable, QDialog):
    """Choose, field by field, between my version and the one saved meanwhile."""

    def __init__(
        self,
        conflict: ConflictError,
        labels: Mapping[str, str] | Callable[[str], str],
        describe: Callable[[str, Any], str] = lambda _f, v: plain(v),
        base: Mapping[str, Any] | None = None,
        cancel: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: False where going back is not possible (the minutes' autosave): a choice must be made
        self.can_cancel = cancel
        self.setObjectName("ConflictDialog")
        self.conflict = conflict
        self._labels = labels
        self._describe = describe
        self.fields = conflict.fields
        self.setMinimumWidth(640)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)

        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        self.mine_heading, self.theirs_heading = QLabel(), QLabel()
        for col, w in ((1, self.mine_heading), (2, self.theirs_heading)):
            font = w.font()
            font.setBold(True)
            w.setFont(font)
            grid.addWidget(w, 0, col)
        self.groups: dict[str, QButtonGroup] = {}
        self.field_labels: dict[str, QLabel] = {}
        #: the value shown beside each button ("<field>_mine", "<field>_theirs")
        self.texts: dict[str, QLabel] = {}
        for row, name in enumerate(self.fields, start=1):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.field_labels[name] = label
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for which in (MINE, THEIRS):
                tag = f"{name}_{'mine' if which == MINE else 'theirs'}"
                button = QRadioButton()
                button.setObjectName(tag)
                text = QLabel()  # beside the button, so that a long text wraps
                text.setObjectName(f"{tag}_text")
                text.setWordWrap(True)
                text.setTextFormat(Qt.TextFormat.PlainText)  # what was typed, never markup
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                cell = QWidget()
                box = QHBoxLayout(cell)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
                box.addWidget(text, 1)
                group.addButton(button, which)
                self.texts[tag] = text
                grid.addWidget(cell, row, 1 + which)
            changed_by_me = base is None or name not in base or base[name] != conflict.mine.get(name)
            group.button(MINE if changed_by_me else THEIRS).setChecked(True)
            self.groups[name] = group
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.fields) + 1, 1)  # the rows stay together at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        layout.addWidget(scroll, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel if cancel else QDialogButtonBox.StandardButton.NoButton
        )
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.all_mine = QPushButton()
        self.all_mine.setObjectName("all_mine")
        self.all_theirs = QPushButton()
        self.all_theirs.setObjectName("all_theirs")
        self.buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def _text(self, name: str, value: Any) -> str:
        text = self._describe(name, value)
        return text if text.strip() else _("(empty)")

    def label(self, name: str) -> str:
        labels = self._labels
        text = (labels(name) if callable(labels) else labels.get(name, name)) or name
        return text.replace("&", "").rstrip(":：")

    def reject(self) -> None:
        if self.can_cancel:
            super().reject()

    def choose_all(self, which: int) -> None:
        for group in self.groups.values():
            group.button(which).setChecked(True)

    def choice(self, name: str) -> int:
        return self.groups[name].checkedId()

    def merged(self) -> dict[str, Any]:
        """The values to save: mine, with the saved value of each field chosen so."""
        out = dict(self.conflict.mine)
        for name in self.fields:
            if self.choice(name) == THEIRS:
                out[name] = self.conflict.theirs.get(name)
        return out

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Changed by someone else"))
        c = self.conflict
        intro = [_("Someone else saved this record after you opened it; nothing of yours was saved yet.")]
        if c.changed_by and c.changed_at is not None:
            intro.append(_("The saved version is by {user}, {time}.").format(
                user=c.changed_by, time=wording.short_datetime(c.changed_at)))  # fmt: skip
        elif c.changed_by:
            intro.append(_("The saved version is by {user}.").format(user=c.changed_by))
        intro.append(_("Choose for each field which version to keep, then save."))
        self.intro.setText(("" if current_language().startswith("zh") else " ").join(intro))
        self.mine_heading.setText(_("My version"))
        self.theirs_heading.setText(_("Saved version"))
        for name, label in self.field_labels.items():
            label.setText(self.label(name))
            for tag, values in ((f"{name}_mine", c.mine), (f"{name}_theirs", c.theirs)):
                self.texts[tag].setText(self._text(name, values.get(name)))
        self.save_button.setText(_("Save"))
        self.all_mine.setText(_("All mine"))
        self.all_theirs.setText(_("All saved"))
