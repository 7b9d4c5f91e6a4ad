"""Issue 22 in the Minutes tab: export to XLIFF, Import… shows what the file will change first, the
change is one undoable step; the glossary exported to TBX and imported back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from translate.storage import xliff2

from app.core.enums import SegmentStatus
from app.core.services.minutes import records as ms
from app.ui.minutes.import_preview import ImportPreviewDialog
from tests.ui.typing import type_text


@pytest.fixture
def view(minutes_view):
    return minutes_view


def db_segments(view):
    with view.ctx.db.unit() as s:
        return ms.list_segments(s, view.doc.minutes.id)


def test_export_edit_preview_import_and_undo(qtbot, view, monkeypatch, tmp_path):
    out = tmp_path / "minutes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "XLIFF 2.0 (*.xlf)"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "minutes.xlf"
    store = xliff2.Xliff2File.parsestring(path.read_bytes())
    assert len(store.units) == len(view.doc.segments)
    before = db_segments(view)
    open_ = [s for s in before if s.status.rank < SegmentStatus.AGREED.rank and s.text_ru]
    assert len(open_) >= 2
    edits = {open_[0].uuid: "Первый исправленный абзац.", open_[1].uuid: "Второй исправленный абзац."}
    for unit in store.units:
        if unit.getunitelement().get("id") in edits:
            unit.target = edits[unit.getunitelement().get("id")]
    path.write_bytes(bytes(store))

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen = {}

    def look_and_accept(dlg):
        seen["summary"] = dlg.summary.text()
        seen["rows"] = [
            [dlg.table.item(r, c).text() for c in range(dlg.table.columnCount())]
            for r in range(dlg.table.rowCount())
        ]
        seen["db"] = db_segments(view)  # nothing is written while the preview is shown
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", look_and_accept)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert seen["db"] == before
    assert seen["summary"].splitlines()[0] == "2 segments will change."
    assert [r[2] for r in seen["rows"]] == list(edits.values())
    assert [r[1] for r in seen["rows"]] == [open_[0].text_ru, open_[1].text_ru]
    after = db_segments(view)
    changed = {s.uuid for s, b in zip(after, before, strict=True) if s != b}
    assert changed == set(edits)
    assert all(s.text_ru == edits[s.uuid] for s in after if s.uuid in edits)
    row = view.editor.rows[open_[0].uuid]
    assert row.cell("ru").text() == edits[open_[0].uuid]
    # one step in the Edit menu takes it all back, and brings it again
    assert view.actions_.undo.text() == "&Undo Import from XLIFF"
    view.actions_.undo.trigger()
    assert [(s.text_ru, s.status) for s in db_segments(view)] == [(s.text_ru, s.status) for s in before]
    assert view.editor.rows[open_[0].uuid].cell("ru").text() == open_[0].text_ru
    view.actions_.redo.trigger()
    assert {s.uuid for s in db_segments(view) if s.uuid in edits and s.text_ru == edits[s.uuid]} == set(edits)


def test_cancel_in_the_preview_changes_nothing_and_bad_files_say_why(qtbot, view, monkeypatch, tmp_path):
    out = tmp_path / "m.xlf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert b'version="1.2"' in out.read_bytes()
    seg = next(s for s in db_segments(view) if s.status.rank < SegmentStatus.AGREED.rank and s.text_ru)
    out.write_text(out.read_text(encoding="utf-8").replace(seg.text_ru, "Новый текст"), encoding="utf-8")
    before = db_segments(view)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dlg: QDialog.DialogCode.Rejected)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert db_segments(view) == before
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown = []
    monkeypatch.setattr("app.ui.widgets.messages.error", lambda _p, text, *a: shown.append(text))
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert shown and "not well-formed" in shown[0]
    assert db_segments(view) == before


def test_preview_dialog_shows_left_out_units(qtbot):
    from app.core.services.minutes.xliff import ImportPlan, Skipped

    plan = ImportPlan((), (Skipped("abc", "Segment {number} is initialled and locked; it was left as it is.",
                                   {"number": 3}),))  # fmt: skip
    dlg = ImportPreviewDialog(plan, "m.xlf")
    qtbot.addWidget(dlg)
    dlg.show()
    assert "1 unit will be left out" in dlg.summary.text()
    assert "unit abc: Segment 3 is initialled" in dlg.left_out.toPlainText()
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()


def test_glossary_export_and_import_from_the_panel(qtbot, view, monkeypatch, tmp_path):
    out = tmp_path / "glossary"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "TBX (*.tbx)"))
    qtbot.mouseClick(view.glossary_panel.export_button, Qt.MouseButton.LeftButton)
    data = (tmp_path / "glossary.tbx").read_bytes()
    assert b"TBX-Basic" in data
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "glossary.tbx"), ""))
    shown = []
    monkeypatch.setattr("app.ui.widgets.messages.info", lambda _p, text, *a: shown.append(text))
    qtbot.mouseClick(view.glossary_panel.import_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0].startswith("0 term pairs were added")


def test_term_dialog_keeps_the_status(qtbot, view):
    from app.core.enums import TermStatus
    from app.core.services.minutes import glossary
    from app.ui.dialogs.glossary_term_dialog import GlossaryTermDialog

    dlg = GlossaryTermDialog(view.ctx, None, view)
    qtbot.addWidget(dlg)
    assert [dlg.status.itemText(i) for i in range(dlg.status.count())] == [s.label for s in TermStatus]
    type_text(dlg.zh, "专家组")
    type_text(dlg.ru, "группа специалистов")
    dlg.status.setCurrentIndex(dlg.status.findText(TermStatus.DEPRECATED.label))
    dlg.accept()
    assert dlg.saved is not None and dlg.saved.status is TermStatus.DEPRECATED
    again = GlossaryTermDialog(view.ctx, dlg.saved, view)
    qtbot.addWidget(again)
    assert again.status.currentText() == TermStatus.DEPRECATED.label
    with view.ctx.db.unit() as s:
        saved = next(t for t in glossary.list_terms(s) if t.zh == "专家组")
    assert saved.status is TermStatus.DEPRECATED and not saved.usable
