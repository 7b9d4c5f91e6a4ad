from __future__ import annotations

from app.ui.widgets import messages
from app.ui.widgets.attachments import AttachmentsWidget
from tests.ui.attach import answer_titles_dialog


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


def test_attach_asks_the_titles_filled_in_from_the_file_name_and_titles_edit_them(
    qtbot, ctx, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from app.core.services import attachments

    f = tmp_path / "Перечень приборов.txt"
    f.write_text("1. Микрометр", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f)], ""))
    w = AttachmentsWidget(ctx, "exchange", 1)
    qtbot.addWidget(w)
    seen = []
    answer_titles_dialog(qtbot, zh="拟供应的仪器清单", seen=seen)
    w.add_button.click()
    assert seen and seen[0][1].endswith("Перечень приборов.txt")
    assert seen[0][2:] == ("", "Перечень приборов")  # the default: the file name, in its language
    with ctx.db.unit() as s:
        a = attachments.list_attachments(s, "exchange", 1)[0]
    assert (a.title_zh, a.title_ru) == ("拟供应的仪器清单", "Перечень приборов")
    shown = w.model.index(0).data()
    assert "Перечень приборов.txt" in shown and ("拟供应的仪器清单" in shown or "Перечень приборов —" in shown)

    # Titles… renames it later
    w.list.setCurrentIndex(w.model.index(0))
    assert w.titles_button.isEnabled()
    answer_titles_dialog(qtbot, ru="Перечень измерительных приборов")
    w.titles_button.click()
    with ctx.db.unit() as s:
        a = attachments.list_attachments(s, "exchange", 1)[0]
    assert (a.title_zh, a.title_ru) == ("拟供应的仪器清单", "Перечень измерительных приборов")
    assert w.filenames() == ["Перечень приборов.txt"]


def test_a_title_is_kept_within_its_length_and_cancel_changes_nothing(qtbot, ctx, tmp_path):
    from app.core.services import attachments
    from app.ui.dialogs.attachment_title_dialog import AttachmentTitleDialog

    with ctx.db.unit() as s:
        a = attachments.add_bytes(s, "exchange", 1, "opis.txt", b"x", title_ru="Опись")
    dialog = AttachmentTitleDialog(ctx, a)
    qtbot.addWidget(dialog)
    assert dialog.widgets["title_ru"].text() == "Опись"
    dialog.widgets["title_ru"].setText("я" * (attachments.MAX_TITLE + 1))
    assert len(dialog.widgets["title_ru"].text()) == attachments.MAX_TITLE  # the editor stops at the limit
    dialog.reject()
    with ctx.db.unit() as s:
        assert attachments.list_attachments(s, "exchange", 1)[0].title_ru == "Опись"


def test_pending_files_keep_their_titles_until_the_record_is_saved(qtbot, ctx, tmp_path):
    from app.core.services import attachments

    f = tmp_path / "清单.txt"
    f.write_text("供货清单", encoding="utf-8")
    w = AttachmentsWidget(ctx, "exchange", None)
    qtbot.addWidget(w)
    assert w.add_files([f])
    w.list.setCurrentIndex(w.model.index(0))
    answer_titles_dialog(qtbot, ru="Опись комплекта поставки")
    assert w.edit_titles()
    with ctx.db.unit() as s:
        w.save_pending(s, 43)
    with ctx.db.unit() as s:
        a = attachments.list_attachments(s, "exchange", 43)[0]
    assert (a.title_zh, a.title_ru) == ("清单", "Опись комплекта поставки")
