from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.core.models import Blob
from app.core.services import attachments


def test_files_are_stored_once_by_content_and_removed_with_their_last_owner(db, tmp_path):
    f = tmp_path / "清单.pdf"
    f.write_bytes(b"%PDF-1.4 list of apparatus")
    with db.unit() as s:
        a = attachments.add_file(s, "agenda_item", 1, f)
        b = attachments.add_file(s, "exchange", 7, f)
        assert a.sha256 == b.sha256 and a.filename == "清单.pdf" and a.mime_type == "application/pdf"
        assert s.query(Blob).count() == 1
    with db.unit() as s:
        assert [x.filename for x in attachments.list_attachments(s, "agenda_item", 1)] == ["清单.pdf"]
        meta, data = attachments.read_attachment(s, a.id)
        assert data == f.read_bytes()
        attachments.remove_attachment(s, a.id)
        assert s.query(Blob).count() == 1
        attachments.remove_all(s, "exchange", [7])
        assert s.query(Blob).count() == 0


def test_an_unreadable_file_is_refused_with_the_reason(db, tmp_path):
    with pytest.raises(ValidationError) as info:
        with db.unit() as s:
            attachments.add_file(s, "exchange", 1, tmp_path / "missing.pdf")
    assert "missing.pdf" in info.value.message
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(ValidationError):
        attachments.read_file(folder)


def test_save_a_copy(db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Перечень")
    with db.unit() as s:
        a = attachments.add_file(s, "exchange", 1, f)
        out = attachments.save_copy(s, a.id, tmp_path / "copy.txt")
    assert out.read_text() == "Перечень"


def test_titles_default_from_the_file_name_and_are_edited_later(db, tmp_path):
    f = tmp_path / "Перечень приборов.txt"
    f.write_text("1. Микрометр", encoding="utf-8")
    with db.unit() as s:
        a = attachments.add_file(s, "agenda_item", 1, f)
        assert (a.title_zh, a.title_ru) == ("", "Перечень приборов")
        b = attachments.add_bytes(s, "agenda_item", 1, "scan_01.png", b"\x89PNG")
        assert (b.title_zh, b.title_ru) == ("", "")
        c = attachments.add_bytes(s, "agenda_item", 1, "清单.txt", b"x", title_zh=" 供货 清单 ", title_ru="Опись")
        assert (c.title("zh"), c.title("ru")) == ("供货 清单", "Опись")
    with db.unit() as s:
        changed = attachments.set_titles(s, a.id, "拟供应的仪器清单", "Перечень  приборов\n(проект)")
        assert (changed.title_zh, changed.title_ru) == ("拟供应的仪器清单", "Перечень приборов (проект)")
    with db.unit() as s:
        listed = attachments.list_attachments(s, "agenda_item", 1)
        assert [x.title_zh for x in listed] == ["拟供应的仪器清单", "", "供货 清单"]
        assert listed[0].filename == "Перечень приборов.txt"  # the file keeps its name


def test_a_title_too_long_is_refused_and_nothing_changes(db, tmp_path):
    with db.unit() as s:
        a = attachments.add_bytes(s, "agenda_item", 1, "a.txt", b"a", title_ru="Опись")
    with pytest.raises(ValidationError) as info:
        with db.unit() as s:
            attachments.set_titles(s, a.id, "", "я" * (attachments.MAX_TITLE + 1))
    assert "a.txt" in info.value.message
    with db.unit() as s:
        assert attachments.list_attachments(s, "agenda_item", 1)[0].title_ru == "Опись"


def test_the_demo_materials_have_titles_in_both_languages(demo_db):
    from sqlalchemy import select

    from app.core.models import Attachment

    with demo_db.unit() as s:
        rows = s.execute(select(Attachment)).scalars().all()
        assert rows
        assert all(r.title_zh and r.title_ru for r in rows)


@pytest.mark.parametrize(
    "name, safe",
    [
        ("../../x", "x"),
        ("/etc/passwd", "passwd"),
        ("C:\\Windows\\evil.dll", "evil.dll"),
        ("..", "attachment"),
        ("CON.txt", "_CON.txt"),
        ("a\x01b:c?.pdf", "a_b_c_.pdf"),
        ("清单 2.pdf", "清单 2.pdf"),
    ],
)
def test_a_traversal_name_is_stored_as_a_safe_base_name(db, name, safe):
    with db.unit() as s:
        a = attachments.add_bytes(s, "exchange", 1, name, b"data")
        assert a.filename == safe
        assert attachments.list_attachments(s, "exchange", 1)[0].filename == safe


def test_opening_an_attachment_with_a_hostile_stored_name_writes_only_inside_its_folder(db, tmp_path):
    from sqlalchemy import update

    from app.core.models import Attachment

    with db.unit() as s:
        a = attachments.add_bytes(s, "exchange", 1, "x.txt", b"payload")
        # a name written by an older version or another program, straight into the database
        s.execute(update(Attachment).where(Attachment.id == a.id).values(filename="../../escaped.txt"))
    folder = tmp_path / "open" / "deep"
    folder.mkdir(parents=True)
    with db.unit() as s:
        target = attachments.open_copy(s, a.id, folder)
    assert target == folder / "escaped.txt" and target.read_bytes() == b"payload"
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "open" / "escaped.txt").exists()
