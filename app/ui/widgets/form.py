"""Forms whose bad input gets a clear message next to the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class FieldErrors:
    """Keeps one hidden error label under each registered field of a form.

    ``show(field, message)`` reveals the message under that field, marks the field invalid and
    gives it the focus; ``clear()`` hides every message. An unknown field shows the message in the
    form's general error label.
    """

    def __init__(self, general: QLabel | None = None) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general = general
        if general is not None:
            _style(general)

    def add_row(self, form: QFormLayout, field: str, label: QLabel | str, widget: QWidget) -> QLabel:
        """Add ``widget`` with its label to ``form``, and an error label beneath it."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = QLabel()
        _style(err)
        err.setObjectName(f"error_{field}")
        lay.addWidget(err)
        form.addRow(label, box)
        self._fields[field] = (widget, err)
        if isinstance(label, QLabel):
            label.setBuddy(widget)
        return err

    def register(self, field: str, widget: QWidget, label: QLabel) -> None:
        _style(label)
        self._fields[field] = (widget, label)

    def clear(self) -> None:
        for widget, err in self._fields.values():
            err.clear()
            err.hide()
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")
        if self.general is not None:
            self.general.clear()
            self.general.hide()

    def show(self, field: str | None, message: str) -> None:
        self.clear()
        if field in self._fields:
            widget, err = self._fields[field]
            err.setText(message)
            err.show()
            widget.setProperty("invalid", True)
            widget.setStyleSheet("border: 1px solid #b00020;")
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.general is not None:
            self.general.setText(message)
            self.general.show()

    def message(self, field: str) -> str:
        if field in self._fields:
            return self._fields[field][1].text()
        return self.general.text() if self.general is not None else ""

    def shown(self) -> list[str]:
        out = [e.text() for _w, e in self._fields.values() if e.text()]
        if self.general is not None and self.general.text():
            out.append(self.general.text())
        return out


def _style(label: QLabel) -> None:
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
