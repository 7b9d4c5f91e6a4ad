"""Issue 22: the glossary as TBX and CSV, the translation memory as TMX (read back by
translate-toolkit with every term and segment), the minutes as the Word table interpreters use."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select
from translate.storage import tbx, tmx

from app.cli import main
from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ImportRefused
from app.core.models import Segment
from app.core.services.minutes import glossary as gs
from app.core.services.minutes import memory, termbase
from app.core.services.minutes import records as ms
from app.core.services.minutes import transfer as mt
from tests.core.minutes_helpers import fill, new_minutes


def test_tbx_read_back_by_translate_toolkit_with_every_term(demo_db, tmp_path):
    with demo_db.unit() as s:
        terms = gs.list_terms(s)
        n = termbase.export_glossary(s, tmp_path / "g.tbx")
    assert n == len(terms) > 10
    data = (tmp_path / "g.tbx").read_bytes()
    assert b'type="TBX-Basic"' in data
    store = tbx.tbxfile.parsestring(data)
    assert len(store.units) == len(terms)
    by_id = {u.getid(): u for u in store.units}
    for t in terms:
        unit = by_id[t.uuid]
        zh = unit.get_source_terms()
        ru = unit.get_target_terms("ru-RU")
        assert [x.text for x in zh] == [t.zh] and [x.text for x in ru] == [t.ru]
        assert zh[0].administrative_status == termbase.PREFERRED
        assert unit.getnotes() == t.note


def test_glossary_round_trips_through_tbx_and_csv(demo_db, tmp_path):
    for name in ("g.tbx", "g.csv"):
        with demo_db.unit() as s:
            before = gs.list_terms(s)
            termbase.export_glossary(s, tmp_path / name)
            for t in before:
                gs.delete_term(s, t.id)
        with demo_db.unit() as s:
            result = termbase.import_glossary(s, tmp_path / name)
            after = gs.list_terms(s)
        assert result.added == len(before)
        assert [(t.zh, t.ru, t.note, t.status) for t in after] == [
            (t.zh, t.ru, t.note, t.status) for t in before
        ]


def test_tbx_import_keeps_note_and_status_and_refuses_bad_xml(demo_db, tmp_path):
    from app.core.enums import TermStatus

    path = tmp_path / "in.tbx"
    path.write_text(
        """<?xml version="1.0"?><martif type="TBX-Basic" xml:lang="zh-CN"><text><body>
<termEntry id="a"><langSet xml:lang="zh-CN"><tig><term>联络员</term></tig></langSet>
<langSet xml:lang="ru-RU"><tig><term>офицер связи</term></tig></langSet><note>新词</note></termEntry>
<termEntry id="b"><langSet xml:lang="zh"><tig><term>旧词</term>
<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="ru"><tig><term>старый термин</term></tig></langSet></termEntry>
<termEntry id="c"><langSet xml:lang="zh"><tig><term>可用词</term>
<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="ru"><tig><term>допустимый термин</term></tig></langSet></termEntry>
</body></text></martif>""",
        encoding="utf-8",
    )
    with demo_db.unit() as s:
        result = termbase.import_glossary(s, path)
        terms = {(t.zh, t.ru): t for t in gs.list_terms(s)}
    assert result.added == 3
    assert terms[("联络员", "офицер связи")].note == "新词"
    assert terms[("联络员", "офицер связи")].status is TermStatus.PREFERRED
    assert terms[("旧词", "старый термин")].status is TermStatus.DEPRECATED
    assert terms[("可用词", "допустимый термин")].status is TermStatus.ADMITTED
    # and out again: every status as TBX-Basic names it, read back by translate-toolkit
    with demo_db.unit() as s:
        termbase.export_glossary(s, tmp_path / "out.tbx")
    store = tbx.tbxfile.parsestring((tmp_path / "out.tbx").read_bytes())
    status = {u.source: u.get_source_terms()[0].administrative_status for u in store.units}
    assert status["旧词"] == "deprecatedTerm-admn-sts" and status["可用词"] == "admittedTerm-admn-sts"
    assert status["联络员"] == "preferredTerm-admn-sts"
    path.write_text("<martif><text>", encoding="utf-8")
    with demo_db.unit() as s:
        n = len(gs.list_terms(s))
        with pytest.raises(ImportRefused):
            termbase.import_glossary(s, path)
    with demo_db.unit() as s:
        assert len(gs.list_terms(s)) == n


def test_csv_status_column(demo_db, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("zh,ru,note,status\n甲,А,,deprecated\n乙,Б,注,\n", encoding="utf-8")
    with demo_db.unit() as s:
        assert termbase.import_glossary(s, path).added == 2
    path.write_text("zh,ru,status\n丙,В,obsolete\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as info, demo_db.unit() as s:
        termbase.import_glossary(s, path)
    assert "obsolete" in info.value.rows[0].message


def test_tmx_holds_every_agreed_or_initialled_segment(demo_db, tmp_path):
    meeting_id, minutes_id = new_minutes(demo_db)
    ids = fill(demo_db, minutes_id, [("新的一段", "Новый абзац"), ("草稿", "Черновик")])
    from app.core.services.minutes import edit as me

    with demo_db.unit() as s:
        me.set_status(s, ids[0], SegmentStatus.AGREED)
        wanted = Counter(
            (x.text_zh, x.text_ru)
            for x in s.execute(select(Segment).where(Segment.status.in_(("agreed", "initialled")))).scalars()
        )
        n = memory.export_memory(s, tmp_path / "m.tmx")
    assert n == sum(wanted.values()) and ("新的一段", "Новый абзац") in wanted
    store = tmx.tmxfile.parsestring((tmp_path / "m.tmx").read_bytes())
    got = Counter((str(u.source), str(u.target)) for u in store.units)
    assert got == wanted and ("草稿", "Черновик") not in got
    assert len(store.units) == n


def test_docx_export_imports_back_to_the_same_text(demo_db, tmp_path):
    meeting_id, minutes_id = new_minutes(demo_db)
    rows = [
        ("关于交换技术资料", "Об обмене технической документацией", SegmentPart.JOINT, SegmentKind.HEADING),
        (
            "  双方同意，\n每年交换两次。\t",
            "Стороны договорились\nобмениваться «2 раза» в год.",
            SegmentPart.JOINT,
        ),
        (
            "苏方提供120项技术条件。",
            "Советская сторона передаёт 120 ТУ.",
            SegmentPart.JOINT,
            SegmentKind.DECISION,
        ),
        ("仅有中文", "", SegmentPart.JOINT, SegmentKind.ITEM),
    ]
    fill(demo_db, minutes_id, rows)
    path = tmp_path / "m.docx"
    with demo_db.unit() as s:
        assert mt.export_minutes(s, meeting_id, path) == 4
    import docx

    table = docx.Document(str(path)).tables[0]
    assert len(table.columns) == 3 and len(table.rows) == 5
    assert table.cell(0, 0).text == "中文" and table.cell(1, 2).text == "heading"
    parsed = mt.parse_table(path)
    assert [(r.zh, r.ru, r.kind) for r in parsed] == [(r[0], r[1], r[3] if len(r) > 3 else SegmentKind.PARAGRAPH)
                                                       for r in rows]  # fmt: skip
    other_meeting, other_minutes = new_minutes(demo_db, ordinal=91)
    with demo_db.unit() as s:
        mt.import_minutes(s, other_meeting, path)
        back = ms.list_segments(s, other_minutes)
        orig = ms.list_segments(s, minutes_id)
    assert [(b.text_zh, b.text_ru, b.kind) for b in back] == [(o.text_zh, o.text_ru, o.kind) for o in orig]


def test_command_lines(demo_db, tmp_path, capsys):
    db_path = str(demo_db.path)
    demo_db.close()
    for args in (
        ["export", "memory", "-o", str(tmp_path / "m.tmx")],
        ["export", "glossary", "-o", str(tmp_path / "g.tbx")],
        ["export", "glossary", "-o", str(tmp_path / "g.csv")],
        ["import", "glossary", str(tmp_path / "g.tbx")],
        ["export", "minutes", "--session", "2", "-o", str(tmp_path / "m.docx")],
    ):
        assert main([*args, "--db", db_path]) == 0, args
    assert "segments were written" in capsys.readouterr().out
    assert main(["export", "memory", "--db", db_path, "-o", str(tmp_path / "m.txt")]) == 2
    (tmp_path / "bad.tbx").write_text("<martif", encoding="utf-8")
    assert main(["import", "glossary", "--db", db_path, str(tmp_path / "bad.tbx")]) == 1
    assert main(["import", "glossary", "--db", db_path, str(tmp_path / "none.tbx")]) == 2
