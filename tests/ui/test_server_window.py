"""The window on a PostgreSQL server database: File → Open server database… (recent servers, the
password asked and never stored), another secretary's edit shown within a second, a reader's
window greyed out. Needs the server of tests/pg_server.py (skipped where none can be started)."""

from __future__ import annotations

import time
import uuid

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, text

from app.core.db import Database
from app.core.models import Side
from app.core.services import people
from app.core.services.people import PersonData
from app.ui.server_db import ServerDialog
from tests.ui.typing import type_text


@pytest.fixture
def server_demo(pg_fresh, pg_templates):
    database = Database.open(pg_fresh(pg_templates.demo()))
    yield database
    database.close()


def _user(pg_server, db: Database, *, write: bool) -> str:
    name = f"u_{uuid.uuid4().hex[:8]}"
    pg_server.sql(f"CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'")
    with db.engine.begin() as conn:
        rights = "ALL" if write else "SELECT"
        conn.execute(text(f"GRANT {rights} ON ALL TABLES IN SCHEMA public TO {name}"))
        conn.execute(text(f"GRANT {rights} ON ALL SEQUENCES IN SCHEMA public TO {name}"))
    return name


def _dbname(db: Database) -> str:
    return db.location.split("?")[0].rsplit("/", 1)[1]


def test_open_server_database_asks_the_password_and_remembers_only_the_url(
    qtbot, window, server_demo, pg_server, monkeypatch, tmp_path
):
    if not pg_server.asks_passwords():
        pytest.skip("the test server trusts TCP connections: passwords cannot be tested")
    from app.ui.widgets import messages

    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, message, title=None: errors.append(message))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    user = _user(pg_server, server_demo, write=True)
    url = pg_server.tcp_url(user, _dbname(server_demo))
    seen: list[str] = []

    def fill() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ServerDialog) and w.isVisible()]
        if not dialogs:
            if len(seen) < 2:
                QTimer.singleShot(50, fill)
            return
        dialog = dialogs[-1]
        seen.append(dialog.note.text())
        if len(seen) == 1:  # first: the URL only; the server asks for the password
            dialog.url.setEditText(url)
        elif len(seen) == 2:
            type_text(dialog.password, f"pw-{user}")
        else:  # a third time: give up (the test fails below)
            dialog.reject()
            return
        QTimer.singleShot(50, fill)
        dialog.buttons_box.button(dialog.buttons_box.StandardButton.Open).click()

    QTimer.singleShot(50, fill)
    assert window.open_server_database(), (seen, errors)
    assert "asks for a password" in seen[1]
    assert window.ctx.db.location == url and window.ctx.db.is_server
    assert url == window.db_label.toolTip() and _dbname(server_demo) in window.windowTitle()
    stored = {k: QSettings().value(k) for k in QSettings().allKeys()}
    assert stored["servers/recent"] in ([url], url)
    assert not any(f"pw-{user}" in str(v) for v in stored.values())
    window.views[5].refresh()  # the people of the server's demo commission
    assert window.views[5].model.rowCount() > 0


def test_another_secretarys_edit_appears_within_a_second(qtbot, server_demo):
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    w = MainWindow(AppContext(Database.open(server_demo.location)))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentIndex(5)
    view = w.views[5]
    before = view.model.rowCount()
    with server_demo.unit() as s:  # the other secretary's program
        side_id = s.scalars(select(Side.id)).first()
        people.add_person(s, PersonData(side_id=side_id, name_zh="新同事", name_ru="Новый коллега"))
    start = time.monotonic()
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1, timeout=1000)
    assert time.monotonic() - start < 1.0
    w.ctx.db.close()


def test_a_readers_window_greys_out_editing(qtbot, server_demo, pg_server, monkeypatch):
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    user = _user(pg_server, server_demo, write=False)
    monkeypatch.setenv("PGPASSWORD", f"pw-{user}")
    db = Database.open(pg_server.tcp_url(user, _dbname(server_demo)))
    w = MainWindow(AppContext(db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentIndex(5)
    view = w.views[5]
    view.table.selectRow(0)  # a selection would enable Edit and Delete for a writer
    assert not w.act_new.isEnabled() and not w.act_edit.isEnabled() and not w.act_delete.isEnabled()
    assert not view.add_button.isEnabled() and not view.edit_button.isEnabled()
    assert not view.delete_button.isEnabled()
    assert w.act_print_minutes.isEnabled() and not w.act_sign_minutes.isEnabled()
    assert "(read only)" in w.db_label.text()
    db.close()


def test_an_older_server_schema_is_upgraded_only_after_the_window_asked(qtbot, pg_fresh, monkeypatch):
    from alembic import command
    from PySide6.QtWidgets import QMessageBox

    from app.core.db import alembic_config
    from app.core.db import server as srv
    from app.ui.server_db import open_server

    url = pg_fresh()
    engine = srv.make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "versions1")  # the schema of an older version
    engine.dispose()
    answers = iter(["cancel", "upgrade"])
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        choice = next(answers)
        button = next(b for b in box.buttons() if (box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
                      == (choice == "upgrade"))  # fmt: skip
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert open_server(None, url, ask=False) is None  # cancelled: left as it was
    engine = srv.make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "versions1"
    engine.dispose()
    db = open_server(None, url, ask=False)
    assert db is not None and len(asked) == 2 and "older schema" in asked[0]
    db.close()
