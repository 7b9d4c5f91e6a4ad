"""File menu: Back up now, Restore…, the passphrase actions, and a damaged file offered its backup."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from app.core.db import backup
from app.ui.widgets import messages
from tests.core.test_backup import damage


def people(db, table: str = "people") -> int:
    with db.engine.connect() as c:
        return c.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def answers(monkeypatch, *texts):
    """QInputDialog.getText answers ``texts`` in turn (None: Cancel); returns the prompts asked."""
    queue = list(texts)
    asked = []

    def get_text(parent, title, label, *a, **k):
        asked.append(label)
        value = queue.pop(0)
        return ("", False) if value is None else (value, True)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def test_back_up_now_and_in_the_background(qtbot, demo_window):
    w = demo_window
    act = w.safety_actions["backup"]
    assert act.isEnabled() and act in w.file_menu.actions() and act.text() == "&Back up now"
    act.trigger()
    (made,) = backup.list_backups(w.ctx.db.path)
    assert "Backup written" in w.statusBar().currentMessage()
    w.backups.in_background()
    w.backups.wait()
    qtbot.waitUntil(lambda: len(backup.list_backups(w.ctx.db.path)) == 2)
    assert not w.backups.dirty


def test_changes_make_the_timer_back_up(qtbot, demo_window):
    from app.core.changes import Change

    w = demo_window
    w.backups._on_timer()
    w.backups.wait()
    assert backup.list_backups(w.ctx.db.path) == []  # nothing changed: no backup
    w.ctx.announce(Change.PEOPLE)
    assert w.backups.dirty
    w.backups._on_timer()
    w.backups.wait()
    qtbot.waitUntil(lambda: len(backup.list_backups(w.ctx.db.path)) == 1)


def test_restore_backs_up_first_and_reopens(qtbot, demo_window, monkeypatch):
    w = demo_window
    path = w.ctx.db.path
    before = people(w.ctx.db, "meeting_deadlines")
    assert before
    saved = w.ctx.db.backup()
    with w.ctx.db.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM meeting_deadlines")
    assert people(w.ctx.db, "meeting_deadlines") == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    w.safety_actions["restore"].trigger()
    assert w.ctx.db is not None and w.ctx.db.path == path
    assert people(w.ctx.db, "meeting_deadlines") == before
    assert len(backup.list_backups(path)) == 2  # the one restored and the one taken first


def test_encrypt_change_and_decrypt_from_the_menu(qtbot, demo_window, monkeypatch):
    w = demo_window
    path = w.ctx.db.path
    n = people(w.ctx.db)
    assert not w.safety_actions["decrypt"].isEnabled()
    answers(monkeypatch, "one", "one")
    w.safety_actions["encrypt"].trigger()
    assert w.ctx.db.encrypted and people(w.ctx.db) == n
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert w.safety_actions["change"].isEnabled() and not w.safety_actions["encrypt"].isEnabled()
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    answers(monkeypatch, "two", "typo", "two", "two")
    w.safety_actions["change"].trigger()
    assert errors == ["The two passphrases differ."]
    assert w.ctx.db.passphrase == "two"
    w.backups.back_up_now()
    (copy,) = backup.list_backups(path)
    assert not copy.path.read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    w.safety_actions["decrypt"].trigger()
    assert not w.ctx.db.encrypted and people(w.ctx.db) == n
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_opening_an_encrypted_file_asks_for_the_passphrase(qtbot, window, tmp_path, monkeypatch):
    from app.core.db import Database

    secret = tmp_path / "secret.sqlite3"
    Database.open(secret, passphrase="right").close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(secret), ""))
    asked = answers(monkeypatch, "wrong", "right")
    window.act_open_db.trigger()
    assert window.ctx.db.path == secret and window.ctx.db.encrypted
    assert len(asked) == 2 and "does not open" in asked[1]
    current = window.ctx.db
    answers(monkeypatch, None)
    window.act_open_db.trigger()  # cancelled: the open database stays
    assert window.ctx.db is current


def test_a_damaged_file_is_offered_its_newest_good_backup(qtbot, window, demo_db_path, monkeypatch):
    from app.core.db import Database

    db = Database.open(demo_db_path)
    db.backup()
    db.close()
    damage(demo_db_path, page=2)
    damaged = demo_db_path.read_bytes()
    monkeypatch.setattr(messages, "info", lambda *a, **k: None)
    seen = []

    def click_restore():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.informativeText())
        (button,) = [b for b in box.buttons() if b.text() == "Restore the backup"]
        button.click()

    QTimer.singleShot(0, click_restore)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_db_path), ""))
    window.act_open_db.trigger()
    assert seen and "newest good backup" in seen[0]
    assert window.ctx.db.path == demo_db_path
    (aside,) = [
        p for p in demo_db_path.parent.glob(f"{demo_db_path.name}.damaged-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert aside.read_bytes() == damaged
    with sqlite3.connect(demo_db_path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_first_backup_runs_after_the_window_is_up(qtbot, demo_window):
    w = demo_window
    w.backups.start_after_show(10)
    assert backup.list_backups(w.ctx.db.path) == []  # nothing during start-up itself
    qtbot.waitUntil(lambda: len(backup.list_backups(w.ctx.db.path)) == 1, timeout=10000)
    w.backups.wait()
