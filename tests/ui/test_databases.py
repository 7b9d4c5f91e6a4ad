"""File menu: a new demo database, opening a database that cannot be opened."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from app.ui.widgets import messages


def test_new_demo_database_from_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "demo-from-menu.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.act_demo_db.trigger()
    assert window.ctx.db.path == target
    window.tabs.setCurrentIndex(5)
    people = window.views[5]
    assert people.model.rowCount() >= 12
    assert "demo-from-menu.sqlite3" in window.windowTitle()
    assert "中苏国防工业联合委员会" not in window.windowTitle()  # English interface: the English name
    assert "Sino-Soviet" in window.windowTitle()


def test_opening_a_file_that_is_not_a_database_shows_why_and_keeps_the_current_one(
    qtbot, window, tmp_path, monkeypatch
):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database\n" * 20)
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    current = window.ctx.db
    window.act_open_db.trigger()
    assert errors and "not an SQLite file" in errors[0]
    assert window.ctx.db is current
    assert bad.read_text() == "not a database\n" * 20


def test_a_new_database_opens_the_commission_settings(qtbot, window, tmp_path, monkeypatch):
    from app.ui.dialogs.commission_dialog import CommissionDialog

    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = []
    monkeypatch.setattr(CommissionDialog, "exec", lambda self: opened.append(self) or 0)
    window.act_new_db.trigger()
    assert window.ctx.db.path == target.with_suffix(".sqlite3")
    assert opened
