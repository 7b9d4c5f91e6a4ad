"""Answering the titles dialog that Attach… opens for each file."""

from __future__ import annotations

from tests.ui.typing import type_text


def answer_titles_dialog(qtbot, zh=None, ru=None, seen=None):
    """When the titles dialog opens: note what it shows, type the titles given, press Save."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        if seen is not None:
            seen.append((dialog.windowTitle(), dialog.file_label.text(),
                         dialog.widgets["title_zh"].text(), dialog.widgets["title_ru"].text()))  # fmt: skip
        for name, text in (("title_zh", zh), ("title_ru", ru)):
            if text is not None:
                editor = dialog.widgets[name]
                editor.clear()
                type_text(editor, text)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, answer)

