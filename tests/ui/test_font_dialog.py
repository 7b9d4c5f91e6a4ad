"""View → Fonts for rare characters…: adding a font clears the minutes' unprintable findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core.services import glyphs
from app.ui.dialogs.font_dialog import FontDialog
from app.ui.widgets import messages

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_the_menu_opens_the_dialog_and_a_bad_file_is_refused(qtbot, demo_ctx, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    dialog = FontDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.remove_button.isEnabled()
    not_a_font = tmp_path / "notes.txt"
    not_a_font.write_text("hello", encoding="utf-8")
    assert not dialog.use(str(not_a_font))
    assert errors and "notes.txt" in errors[-1]
    assert not dialog.use(str(tmp_path / "missing.ttf"))
    assert demo_ctx.read(glyphs.extra_fonts) == ()


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans is not installed")
def test_a_font_added_is_kept_and_can_be_removed(qtbot, demo_ctx):
    dialog = FontDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.use(str(DEJAVU))
    assert demo_ctx.read(glyphs.extra_fonts) == (str(DEJAVU.resolve()),)
    assert "DejaVuSans.ttf" in dialog.current.text()
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert demo_ctx.read(glyphs.extra_fonts) == ()
    assert not dialog.remove_button.isEnabled()


def test_the_view_menu_has_the_item(qtbot, demo_window, monkeypatch):
    opened = []
    monkeypatch.setattr(FontDialog, "exec", lambda self: opened.append(self) or QMessageBox.StandardButton.Close)
    assert demo_window.act_fonts in demo_window.view_menu.actions()
    demo_window.act_fonts.trigger()
    assert opened and opened[0].windowTitle() == "Fonts for rare characters"
