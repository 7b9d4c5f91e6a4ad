from __future__ import annotations

from app.ui.widgets import messages
from app.ui.widgets.attachments import AttachmentsWidget


def test_attach_save_a_copy_and_remove(qtbot, ctx, tmp_path, monkeypatch):
    f = tmp_path / "Перечень приборов.txt"
    f.write_text("1. Микрометр")
    w = AttachmentsWidget(ctx, "exchange", 1)
    qtbot.addWidget(w)
    assert w.add_files([f])
    assert w.filenames() == ["Перечень приборов.txt"]
    w.list.setCurrentIndex(w.model.index(0))
    w.save_selected(str(tmp_path / "copy.txt"))
    assert (tmp_path / "copy.txt").read_text() == "1. Микрометр"
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    w.remove_selected()
    assert w.filenames() == []


def test_pending_files_until_the_record_exists_and_unreadable_files_refused(
    qtbot, ctx, tmp_path, monkeypatch
):
    errors = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    w = AttachmentsWidget(ctx, "exchange", None)
    qtbot.addWidget(w)
    assert not w.add_files([tmp_path / "nowhere.pdf"])
    assert errors and "nowhere.pdf" in errors[0]
    f = tmp_path / "scan.png"
    f.write_bytes(b"\x89PNG")
    assert w.add_files([f])
    assert w.filenames() == ["scan.png"]
    with ctx.db.unit() as s:
        w.save_pending(s, 42)
    w.set_owner(42)
    assert w.filenames() == ["scan.png"]
