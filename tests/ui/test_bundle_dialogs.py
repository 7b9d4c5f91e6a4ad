"""File → Exchange with the other side… and File → Conflicts…, clicked through (issue 20)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from app.core.db import Database
from app.core.models import GlossaryTerm, SyncConflict
from app.ui.context import AppContext
from app.ui.dialogs.bundle_dialog import ExchangeDialog
from app.ui.dialogs.commission_dialog import CommissionDialog
from app.ui.dialogs.conflicts_dialog import ConflictsDialog
from tests.core.bundle_helpers import apply, export, side_code, values


def _quiet_boxes(monkeypatch, answers: list | None = None) -> list[str]:
    shown: list[str] = []
    for name in ("information", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))

    def question(_p, _t, text, *a, **k):
        shown.append(text)
        return QMessageBox.StandardButton.Yes if (answers or [True]).pop(0) else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return shown


def _su_from(cn: Database, path: Path) -> Database:
    su = Database.open(path)
    apply(su, export(cn))
    return su


def test_a_bundle_is_written_read_summarised_and_applied(qtbot, demo_ctx, demo_db, tmp_path, monkeypatch):
    su = _su_from(demo_db, tmp_path / "su.sqlite3")
    shown = _quiet_boxes(monkeypatch, [False, True])
    with su.unit() as s:
        s.execute(select(GlossaryTerm).order_by(GlossaryTerm.id)).scalars().first().note = "из Москвы"
    bundle = tmp_path / "SU-CN-0001.cdb"
    su_dialog = ExchangeDialog(AppContext(su))
    qtbot.addWidget(su_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(bundle), ""))
    qtbot.mouseClick(su_dialog.write_button, Qt.MouseButton.LeftButton)
    assert bundle.exists() and "Bundle 1 for side CN" in shown[-1]

    dialog = ExchangeDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "side CN" in dialog.state.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)  # unsigned: the answer is no
    assert "not signed" in shown[-1] and not dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)  # yes
    assert dialog.apply_button.isEnabled()
    assert "Changed — Glossary term: 1" in dialog.summary.text()
    with demo_db.unit(read_only=True) as s:  # nothing applied before Apply
        assert s.execute(select(GlossaryTerm).order_by(GlossaryTerm.id)).scalars().first().note != "из Москвы"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "Applied" in dialog.summary.text()
    assert values(demo_db) == values(su)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)  # the same bundle again
    assert "already applied" in dialog.summary.text() and not dialog.apply_button.isEnabled()
    su.close()


def test_conflicts_are_resolved_field_by_field(qtbot, demo_ctx, demo_db, tmp_path, monkeypatch):
    _quiet_boxes(monkeypatch)
    su = _su_from(demo_db, tmp_path / "su.sqlite3")
    terms = {}
    for db, note, status in ((demo_db, "CN", "admitted"), (su, "SU", "deprecated")):
        with db.unit() as s:
            rows = s.execute(select(GlossaryTerm).order_by(GlossaryTerm.id)).scalars().all()
            rows[0].note, rows[1].note, rows[2].status = note, note + "!", status
            terms = {r.uuid: r.zh for r in rows[:3]}
    apply(demo_db, export(su))
    dialog = ConflictsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 3
    assert {dialog.table.item(r, 2).text() for r in range(3)} == {"Note", "Status"}
    assert dialog.table.item(0, 0).text() == "Glossary term"
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.take, Qt.MouseButton.LeftButton)  # take theirs
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)  # keep ours
    dialog.table.selectRow(0)
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "preferred")
    qtbot.mouseClick(dialog.use, Qt.MouseButton.LeftButton)  # edited
    assert dialog.table.rowCount() == 0
    with demo_db.unit(read_only=True) as s:
        assert [c.resolution for c in s.execute(select(SyncConflict).order_by(SyncConflict.id)).scalars()] == [
            "theirs", "ours", "edited"]  # fmt: skip
    # the resolutions travel back: both hold the same
    apply(su, export(demo_db))
    apply(demo_db, export(su))
    apply(su, export(demo_db))
    assert values(demo_db) == values(su)
    with su.unit(read_only=True) as s:
        rows = s.execute(select(GlossaryTerm).order_by(GlossaryTerm.id)).scalars().all()
        assert (rows[0].note, rows[1].note, rows[2].status) == ("SU", "CN!", "preferred")
    assert terms
    su.close()


def test_a_conflict_on_a_session_link_is_named_and_chosen_not_typed(qtbot, demo_ctx, demo_db, tmp_path, monkeypatch):
    from app.core.models import Exchange, Meeting

    _quiet_boxes(monkeypatch)
    su = _su_from(demo_db, tmp_path / "su.sqlite3")
    with demo_db.unit(read_only=True) as s:
        item = s.execute(select(Exchange).where(Exchange.meeting_id.is_not(None)).order_by(Exchange.id)).scalars().first()
        uuid, original = item.uuid, s.get(Meeting, item.meeting_id).ordinal
    other = 1 if original != 1 else 2
    for db in (demo_db, su):
        with db.unit() as s:
            row = s.execute(select(Exchange).where(Exchange.uuid == uuid)).scalar_one()
            row.meeting_id = (None if db is su else
                              s.execute(select(Meeting.id).where(Meeting.ordinal == other)).scalar_one())  # fmt: skip
    apply(demo_db, export(su))
    dialog = ConflictsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 2).text() == "Session")
    assert [dialog.table.item(row, c).text() for c in (3, 4)] == [f"Session {other}", "—"]
    dialog.table.selectRow(row)
    assert dialog.take.isEnabled() and not dialog.edit.isEnabled() and not dialog.use.isEnabled()
    su.close()


def test_the_commission_dialog_says_which_side_the_database_belongs_to(qtbot, demo_ctx, demo_db):
    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.home.currentIndex() == 0  # the demo belongs to the first side
    dialog.home.setCurrentIndex(1)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert side_code(demo_db) == "SU"


def test_the_file_menu_opens_the_exchange(qtbot, demo_ctx, monkeypatch):
    from app.ui.main_window import MainWindow

    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    opened = []
    monkeypatch.setattr(ExchangeDialog, "exec", lambda self: opened.append(type(self).__name__))
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: opened.append(type(self).__name__))
    assert w.act_exchange in w.file_menu.actions() and w.act_conflicts.isEnabled()
    w.act_exchange.trigger()
    w.act_conflicts.trigger()
    assert opened == ["ExchangeDialog", "ConflictsDialog"]


def test_a_new_database_becomes_the_other_sides_copy(qtbot, ctx, db, demo_db, tmp_path, monkeypatch):
    shown = _quiet_boxes(monkeypatch, [True])
    bundle = tmp_path / "CN-SU-0001.cdb"
    bundle.write_bytes(export(demo_db))
    dialog = ExchangeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "empty" in dialog.state.text() and not dialog.send_box.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert "not signed" in shown[-1] and "New — " in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert side_code(db) == "SU" and values(db) == values(demo_db)
    assert "side SU" in dialog.state.text() and dialog.send_box.isEnabled()


def test_the_exchange_offers_the_laptop_copy_and_the_office(qtbot, demo_ctx, demo_db, tmp_path, monkeypatch):
    """A laptop copy made by ``copy``: the office sends it a bundle from the window, and the
    laptop's window sends its changes back to the office (issues 20.6, 21.5)."""
    from app.core.db.copy import copy_database
    from app.core.sync import peers

    laptop = Database.open(tmp_path / "laptop.sqlite3")
    assert copy_database(demo_db, laptop).problems == []
    with laptop.unit() as s:
        laptop_id = peers.database_id(s)
        s.execute(select(GlossaryTerm).order_by(GlossaryTerm.id)).scalars().first().note = "в дороге"
    shown = _quiet_boxes(monkeypatch, [True, True])
    office = ExchangeDialog(demo_ctx)
    qtbot.addWidget(office)
    office.show()
    combo = office.target
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0].startswith("Side SU") and any(laptop_id[:8] in t and "copy" in t for t in texts), texts
    combo.setCurrentIndex(combo.findData(laptop_id))
    bundle = tmp_path / "office-to-laptop.cdb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(bundle), ""))
    qtbot.mouseClick(office.write_button, Qt.MouseButton.LeftButton)
    assert bundle.exists() and "Bundle 1" in shown[-1]

    road = ExchangeDialog(AppContext(laptop))
    qtbot.addWidget(road)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    qtbot.mouseClick(road.read_button, Qt.MouseButton.LeftButton)
    assert road.apply_button.isEnabled(), road.summary.text()
    qtbot.mouseClick(road.apply_button, Qt.MouseButton.LeftButton)
    assert "Applied" in road.summary.text()
    road.target.setCurrentIndex(1)  # the office: the only database this laptop exchanges with
    back = tmp_path / "laptop-to-office.cdb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(back), ""))
    qtbot.mouseClick(road.write_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(back), ""))
    qtbot.mouseClick(office.read_button, Qt.MouseButton.LeftButton)
    assert "Changed — Glossary term: 1" in office.summary.text()
    qtbot.mouseClick(office.apply_button, Qt.MouseButton.LeftButton)
    assert values(demo_db) == values(laptop)
    road.resize(1366 // 2, 500)
    road.grab().save(str(tmp_path / "exchange.png"))
    laptop.close()
