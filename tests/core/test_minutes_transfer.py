"""Import and export of minutes: CSV, XLSX, DOCX; malformed files change nothing; the command line."""

from __future__ import annotations

import io

import pytest

from app.cli import main
from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ImportRefused
from app.core.services.minutes import records as ms
from app.core.services.minutes import transfer as mt
from tests.core.minutes_helpers import new_minutes

ROWS = [
    ("关于交换技术资料", "Об обмене технической документацией", "heading"),
    ("双方同意，每年交换两次。", "Стороны договорились обмениваться 2 раза в год.", ""),
    ("苏方提供120项技术条件。", "Советская сторона передаёт 120 технических условий.", "decision"),
    ("1. 第一项", "1. Первый пункт", "item"),
]


def csv_bytes(rows, header=("zh", "ru", "kind"), bom=False, sep=","):
    import csv

    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=sep)
    w.writerow(header)
    w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


def xlsx_bytes(rows, header=("zh", "ru", "kind")):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(rows, header=None, lead_table=True):
    import docx

    d = docx.Document()
    d.add_paragraph("会议纪要 / Протокол")
    if lead_table:
        t = d.add_table(rows=1, cols=1)
        t.cell(0, 0).text = "只有一栏的表格"
    all_rows = ([header] if header else []) + [r[:2] for r in rows]
    t = d.add_table(rows=len(all_rows), cols=2)
    for i, (zh, ru) in enumerate(all_rows):
        t.cell(i, 0).text = zh
        t.cell(i, 1).text = ru
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture
def meeting(demo_db):
    return new_minutes(demo_db)


def imported(db, minutes_id):
    with db.unit() as s:
        return ms.list_segments(s, minutes_id)


@pytest.mark.parametrize(
    "name, data",
    [
        ("t.csv", csv_bytes(ROWS)),
        ("t.csv", csv_bytes(ROWS, bom=True)),
        ("t.csv", csv_bytes(ROWS, sep=";")),
        ("t.xlsx", xlsx_bytes(ROWS)),
    ],
)
def test_import_tables_with_a_header(demo_db, meeting, tmp_path, name, data):
    meeting_id, minutes_id = meeting
    path = tmp_path / name
    path.write_bytes(data)
    with demo_db.unit() as s:
        assert mt.import_minutes(s, meeting_id, path) == 4
    got = imported(demo_db, minutes_id)
    assert [(x.text_zh, x.text_ru) for x in got] == [r[:2] for r in ROWS]
    assert [x.kind for x in got] == [
        SegmentKind.HEADING,
        SegmentKind.PARAGRAPH,
        SegmentKind.DECISION,
        SegmentKind.ITEM,
    ]
    assert all(x.status is SegmentStatus.DRAFT for x in got)
    assert got[2].decision is not None and got[2].decision.number == 1


@pytest.mark.parametrize("header", [None, ("中文", "Русский")])
def test_import_docx_first_two_column_table(demo_db, meeting, tmp_path, header):
    meeting_id, minutes_id = meeting
    path = tmp_path / "interpreters.docx"
    path.write_bytes(docx_bytes(ROWS, header))
    with demo_db.unit() as s:
        assert mt.import_minutes(s, meeting_id, path) == 4
    assert [(x.text_zh, x.text_ru) for x in imported(demo_db, minutes_id)] == [r[:2] for r in ROWS]


def test_imported_rows_go_before_the_closing_formula(demo_db, meeting, tmp_path):
    from app.core.services.minutes.templates import start_from_agenda

    meeting_id, minutes_id = meeting
    with demo_db.unit() as s:
        start_from_agenda(s, meeting_id)
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes(ROWS[:1]))
    with demo_db.unit() as s:
        mt.import_minutes(s, meeting_id, path)
    got = imported(demo_db, minutes_id)
    assert got[-1].part is SegmentPart.CLOSING
    assert got[-2].text_zh == ROWS[0][0] and got[-2].part is SegmentPart.SECOND


FORMULA = (
    "本纪要于1959年3月6日在北京签订，一式两份，每份均用中文和俄文写成，两种文本具有同等效力。",
    "Совершено в Пекине 6 марта 1959 г. в двух экземплярах, каждый на китайском и русском языках.",
)


@pytest.mark.parametrize("kind", ["", "closing"])
def test_an_imported_closing_formula_is_recognised(demo_db, meeting, tmp_path, kind):
    meeting_id, minutes_id = meeting
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes([ROWS[1][:2] + ("",), (*FORMULA, kind)]))
    with demo_db.unit() as s:
        mt.import_minutes(s, meeting_id, path)
    got = imported(demo_db, minutes_id)
    assert got[-1].text_zh == FORMULA[0] and got[-1].part is SegmentPart.CLOSING
    assert got[-1].kind is SegmentKind.PARAGRAPH and got[0].part is not SegmentPart.CLOSING


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("bad.csv", "zh,ru\n双方,Стороны\n".encode("gbk", errors="replace"), "UTF-8"),
        ("bad.csv", "zh,ru\nдва,Стороны\n".encode("cp1251"), "UTF-8"),
        ("bad.csv", "zh,ru\n双方,Стороны\n".encode("utf-16"), "UTF-16"),
        ("bad.csv", b"", "empty"),
        ("bad.csv", csv_bytes([("双方", "Стороны")], header=("chinese", "ru")), "zh"),
        ("bad.csv", csv_bytes([("双方", "Стороны", "chapter")]), "chapter"),
        ("bad.csv", csv_bytes([("", "", "heading")]), "neither"),
        ("bad.csv", csv_bytes([("双方", "x" * 20001, "")]), "longer"),
        ("bad.csv", b'zh,ru\n"unterminated,x\n', "CSV"),
        ("bad.xlsx", b"PK\x03\x04 not really a workbook", "XLSX"),
        ("bad.docx", b"not a document", "DOCX"),
        ("bad.docx", None, "two columns"),
        ("bad.pdf", b"%PDF-1.4", "CSV, XLSX or DOCX"),
    ],
)
def test_malformed_files_are_refused_and_nothing_changes(demo_db, meeting, tmp_path, name, data, reason):
    meeting_id, minutes_id = meeting
    path = tmp_path / name
    if data is None:
        import docx

        d = docx.Document()
        d.add_paragraph("没有表格")
        d.save(path)
    else:
        path.write_bytes(data)
    good = csv_bytes(ROWS[:1])
    with pytest.raises(ImportRefused) as info, demo_db.unit() as s:
        (tmp_path / "good.csv").write_bytes(good)
        mt.import_minutes(s, meeting_id, tmp_path / "good.csv")  # inside the same unit: rolled back too
        mt.import_minutes(s, meeting_id, path)
    text = info.value.message + " ".join(r.message for r in info.value.rows)
    assert reason in text
    assert imported(demo_db, minutes_id) == []


TRICKY = [
    ("  前后有空格  ", " \tс пробелами и табуляцией\t "),
    ("多行\n第二行\n\n第四行", "Несколько строк\r\nвторая"),
    ('含"引号", 逗号；分号', '«Кавычки», "прямые", запятые; точки с запятой'),
    ("=1+1", "+7 (495) 000-00-00"),
    ("\ufeff开头的BOM", "ё Ё — № ₽ 𠀋"),
]


def test_csv_export_reimports_character_for_character(demo_db, meeting, tmp_path):
    from app.core.services.minutes import edit as me

    meeting_id, minutes_id = meeting
    with demo_db.unit() as s:
        for zh, ru in TRICKY:
            me.insert_segment(s, minutes_id, None, text_zh=zh, text_ru=ru)
    before = [(x.text_zh, x.text_ru, x.kind, x.part) for x in imported(demo_db, minutes_id)]
    out = tmp_path / "out.csv"
    with demo_db.unit() as s:
        assert mt.export_minutes(s, meeting_id, out) == len(TRICKY)
    other_meeting, other_minutes = new_minutes(demo_db, ordinal=91)
    with demo_db.unit() as s:
        mt.import_minutes(s, other_meeting, out)
    after = [(x.text_zh, x.text_ru, x.kind, x.part) for x in imported(demo_db, other_minutes)]
    assert after == before


def test_xlsx_export(demo_db, meeting, tmp_path):
    import openpyxl

    meeting_id, minutes_id = meeting
    path = tmp_path / "in.csv"
    path.write_bytes(csv_bytes(ROWS))
    out = tmp_path / "out.xlsx"
    with demo_db.unit() as s:
        mt.import_minutes(s, meeting_id, path)
        mt.export_minutes(s, meeting_id, out)
    ws = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ["zh", "ru", "kind", "part"]
    assert values[3][:3] == [ROWS[2][0], ROWS[2][1], "decision"]


# --- command line ----------------------------------------------------------------------------


def test_cli_import_and_export(demo_db_path, tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_bytes(csv_bytes(ROWS, bom=True))
    assert main(["import", "minutes", "--db", str(demo_db_path), "--session", "2", str(src)]) == 0
    assert "4 segments" in capsys.readouterr().out
    out = tmp_path / "out.csv"
    assert main(["export", "minutes", "--db", str(demo_db_path), "--session", "2", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert ROWS[2][1] in text


def test_cli_exit_status(demo_db_path, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([("双方", "Стороны", "chapter")]))
    db = ["--db", str(demo_db_path)]
    assert main(["import", "minutes", *db, "--session", "2", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "row 2, column kind" in err and "chapter" in err
    assert main(["import", "minutes", *db, "--session", "2", str(tmp_path / "missing.csv")]) == 2
    assert main(["import", "minutes", *db, "--session", "77", str(bad)]) == 2
    assert "77" in capsys.readouterr().err
    assert main(["export", "minutes", *db, "--session", "2", "-o", str(tmp_path / "x.pdf")]) == 2
    assert (
        main(["import", "minutes", "--db", str(tmp_path / "nope" / "x.txt"), "--session", "2", str(bad)]) == 2
    )
