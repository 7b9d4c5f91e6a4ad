"""Exchanges in files: export with headers in the interface language, import all or nothing with a
report per bad row, files in the wrong encoding refused, and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app import i18n
from app.core.db import Database
from app.core.errors import ImportRefused
from app.core.models import Exchange
from app.core.services.exchanges import transfer as xio
from app.core.services.exchanges.search import ExchangeFilter, search_exchanges
from tests.core.exchange_helpers import TODAY, copied_setup, make_setup

ROOT = Path(__file__).resolve().parents[2]
HEADER = [
    "Kind",
    "From",
    "To",
    "Title in Chinese",
    "Title in Russian",
    "Quantity",
    "Date requested",
    "Date sent",
]


@pytest.fixture
def reg(built_db):
    return copied_setup(built_db)


@pytest.fixture
def filled(reg):
    d = dt.timedelta
    reg.add(
        kind="standard",
        title_zh="表面粗糙度",
        title_ru="ГОСТ 2789-59 Шероховатость поверхности",
        reference="ГОСТ 2789-59",
        quantity=5,
        requested_on=TODAY - d(days=60),
        sent_on=TODAY - d(days=40),
        received_on=TODAY - d(days=20),
        meeting_id=reg.meetings[1],
        decision_id=reg.decisions[(1, 3)],
        channel="diplomatic_mail",
    )
    reg.add(
        kind="sample",
        title_zh="钨精矿标准样品",
        title_ru="Стандартные образцы вольфрамового концентрата",
        from_side_id=reg.cn,
        to_side_id=reg.su,
        quantity=12,
        requested_on=TODAY - d(days=90),
        promised_on=TODAY - d(days=70),
    )
    reg.add(
        kind="apparatus",
        title_zh="立式光学计",
        title_ru="Оптиметр вертикальный ИКВ",
        quantity=2,
        sent_on=TODAY - d(days=200),
        requested_on=None,
        warranty_start=TODAY - d(days=150),
        warranty_months=12,
        warranty_terms_ru="Гарантия 12 месяцев со дня приёмки.",
    )
    return reg  # fmt: skip


def count(reg) -> int:
    with reg.db.unit() as s:
        return s.execute(select(func.count(Exchange.id))).scalar_one()


def snapshot(reg) -> list[tuple]:
    with reg.db.unit() as s:
        return [tuple(r) for r in s.execute(select(Exchange.__table__).order_by(Exchange.id)).all()]


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    if encoding == "cp1251":  # a Russian legacy file: no Chinese in it
        rows = [[c if not any("\u4e00" <= ch <= "\u9fff" for ch in str(c)) else "" for c in r] for r in rows]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    for r in rows:
        w.writerow(r)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def import_file(reg, path: Path):
    with reg.db.unit() as s:
        return xio.import_file(s, path, today=TODAY)


# --- export ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, headers",
    [
        ("en", ["Reference No.", "Title in Chinese", "Title in Russian"]),
        ("zh_CN", ["编号", "中文标题", "俄文标题"]),
        ("ru", ["Номер", "Название по-китайски", "Название по-русски"]),
    ],
)
def test_csv_export_has_headers_in_the_interface_language_and_a_bom(filled, tmp_path, lang, headers):
    i18n.set_language(lang)
    path = tmp_path / "exchanges.csv"
    with filled.db.unit() as s:
        assert xio.export_file(s, path, today=TODAY) == 3
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == headers
    assert len(rows) == 4
    gost = next(r for r in rows if r[0] == "ГОСТ 2789-59")
    assert (TODAY - dt.timedelta(days=40)).isoformat() in gost
    kind_label = {
        "en": "Technical standard or criteria",
        "zh_CN": "技术标准或规范",
        "ru": "Технический стандарт или нормы",
    }
    assert kind_label[lang] in gost


def test_xlsx_export_of_the_current_view_keeps_filter_sort_and_columns(filled, tmp_path):
    i18n.set_language("ru")
    path = tmp_path / "view.xlsx"
    columns = ["title", "quantity", "sent_on", "status", "meeting_id"]
    with filled.db.unit() as s:
        n = xio.export_file(s, path, ExchangeFilter(from_side_id=filled.su), columns, sort="quantity",
                            descending=True, today=TODAY)  # fmt: skip
    assert n == 2
    ws = load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Название", "Количество", "Дата отправки", "Состояние", "Заседание")
    assert rows[1][:2] == ("ГОСТ 2789-59 Шероховатость поверхности", 5)
    assert rows[1][2].date() == TODAY - dt.timedelta(days=40)
    assert rows[1][3:] == ("Получено", 1)
    assert rows[2][:2] == ("Оптиметр вертикальный ИКВ", 2)
    assert ws.title == "Обмены"


def test_an_export_that_cannot_be_written_leaves_nothing(filled, tmp_path):
    from app.core.errors import ValidationError

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError), filled.db.unit() as s:
        xio.export_file(s, out / "missing-folder" / "x.xlsx")
    with pytest.raises(ValidationError), filled.db.unit() as s:
        xio.export_file(s, out / "x.pdf")
    (out / "taken.csv").mkdir()  # a folder where the file should go
    with pytest.raises(ValidationError) as info, filled.db.unit() as s:
        xio.export_file(s, out / "taken.csv")
    assert "Cannot write" in info.value.message
    assert [p.name for p in out.iterdir()] == ["taken.csv"]


def test_export_then_import_elsewhere_and_back_without_duplicates(filled, tmp_path, db_path, another_db):
    path = tmp_path / "all.xlsx"
    with filled.db.unit() as s:
        xio.export_file(s, path, today=TODAY)
        before = search_exchanges(s, today=TODAY)
    other = make_setup(another_db())
    result = import_file(other, path)
    assert (result.added, result.updated) == (3, 0)
    with other.db.unit() as s:
        after = search_exchanges(s, today=TODAY)
    keep = ("uuid", "title_zh", "title_ru", "kind", "quantity", "status", "sent_on", "warranty_expires",
            "warranty_terms_ru", "meeting_ordinal", "decision_number", "channel", "reference", "published")  # fmt: skip
    assert [[getattr(x, k) for k in keep] for x in after] == [[getattr(x, k) for k in keep] for x in before]
    again = import_file(other, path)
    assert (again.added, again.updated) == (0, 3)
    assert count(other) == 3
    other.db.close()


# --- import: good files ----------------------------------------------------------------------------


def good_rows() -> list[list[object]]:
    return [
        HEADER,
        [
            "Handbook",
            "SU",
            "CN",
            "机械制造手册",
            "Справочник машиностроителя",
            "3",
            "2026-05-01",
            "2026-05-20",
        ],
        ["测量仪器", "苏联", "中国", "工具显微镜", "Микроскоп инструментальный БМИ", "1", "01.04.2026", ""],
        ["Научный отчёт", "КНР", "СССР", "", "Отчёт об испытаниях", "2", "2026年3月2日", "2026/3/9"],
    ]


@pytest.mark.parametrize(
    "encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ","), ("utf-8-sig", ";"), ("utf-8", "\t")]
)
def test_a_good_csv_is_imported_with_or_without_bom(reg, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "in.csv", good_rows(), encoding, delimiter)
    result = import_file(reg, path)
    assert (result.added, result.updated) == (3, 0)
    with reg.db.unit() as s:
        items = {x.title_ru: x for x in search_exchanges(s, today=TODAY)}
    handbook = items["Справочник машиностроителя"]
    assert handbook.kind == "handbook" and handbook.status == "sent" and handbook.quantity == 3
    assert items["Микроскоп инструментальный БМИ"].requested_on == dt.date(2026, 4, 1)
    report = items["Отчёт об испытаниях"]
    assert report.from_code == "CN" and report.sent_on == dt.date(2026, 3, 9)


def test_headers_in_chinese_and_russian_are_recognised(reg, tmp_path):
    rows = [
        ["类型", "发出方", "接收方", "俄文标题", "数量", "请求日期", "会议", "决议", "Гриф"],
        ["技术标准或规范", "CN", "SU", "Технические условия на вольфрамовый концентрат", 4, "2026-02-01", 1, 4, "Секретно"],
    ]  # fmt: skip
    path = write_csv(tmp_path / "zh.csv", rows)
    assert import_file(reg, path).added == 1
    with reg.db.unit() as s:
        (item,) = search_exchanges(s, today=TODAY)
    assert item.meeting_ordinal == 1 and item.decision_number == 4 and item.marking_zh == "秘密"


def test_an_xlsx_with_real_dates_and_numbers_is_imported(reg, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Kind", "From", "To", "Title in Russian", "Quantity", "Date sent", "Warranty start",
               "Warranty period, months"])  # fmt: skip
    ws.append(["Technical materiel", "SU", "CN", "Станок координатно-расточный 2А450", 1.0,
               dt.datetime(2026, 1, 10), dt.datetime(2026, 2, 1), 12])  # fmt: skip
    path = tmp_path / "in.xlsx"
    wb.save(path)
    assert import_file(reg, path).added == 1
    with reg.db.unit() as s:
        (item,) = search_exchanges(s, today=TODAY)
    assert item.warranty_expires == dt.date(2027, 2, 1) and item.sent_on == dt.date(2026, 1, 10)


# --- import: bad files -------------------------------------------------------------------------------


def test_a_file_with_bad_rows_is_refused_whole_with_a_report_per_bad_row(reg, tmp_path):
    rows = good_rows() + [
        ["Handbook", "SU", "SU", "手册", "Справочник", "1", "2026-05-01", ""],  # row 5: to itself
        ["Spaceship", "SU", "CN", "飞船", "Корабль", "1", "2026-05-01", ""],  # row 6: unknown kind
        ["Book", "SU", "CN", "书", "Книга", "-2", "2026-05-01", ""],  # row 7: negative quantity
        ["Book", "SU", "CN", "书", "Книга", "1", "2026-05-01", "2026-04-01"],  # row 8: sent before requested
        ["Book", "SU", "CN", "书", "Книга", "1", "31.02.2026", ""],  # row 9: no such date
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    before = snapshot(reg)
    with pytest.raises(ImportRefused) as info:
        import_file(reg, path)
    assert snapshot(reg) == before == []
    report = [(r.row, r.column, r.message) for r in info.value.rows]
    assert report == [
        (5, "To", "An item cannot go from a side to itself."),
        (6, "Kind", "“Spaceship” is not a kind of exchange."),
        (7, "Quantity", "The quantity must be a whole number greater than zero."),
        (8, "Date sent", "This date cannot be earlier than 1 May 2026, the request date."),
        (9, "Date requested", "“31.02.2026” is not a date; write it as 1958-03-12 or 12.03.1958."),
    ]
    assert "Rows with errors: 5." in info.value.message
    i18n.set_language("zh_CN")
    assert "第5次" not in info.value.rows[0].message and "同一方" in info.value.rows[0].message


@pytest.mark.parametrize("encoding", ["cp1251", "gb18030", "utf-16"])
def test_a_csv_in_another_encoding_is_refused_with_a_clear_message(reg, tmp_path, encoding):
    path = write_csv(tmp_path / "legacy.csv", good_rows(), encoding)
    with pytest.raises(ImportRefused) as info:
        import_file(reg, path)
    assert info.value.rows == []
    assert "UTF-" in info.value.message and "legacy.csv" in info.value.message
    assert count(reg) == 0


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "Excel workbook"),
        ("list.txt", b"Kind,From\n", "neither a CSV nor an XLSX"),
        ("empty.csv", b"", "empty"),
        ("header.csv", b"Kind,From,To\n", "no data rows"),
        ("nocols.csv", b"Colour,Taste\nred,sweet\n", "no column for"),
    ],
)
def test_an_unusable_file_is_refused_without_row_reports(reg, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as info:
        import_file(reg, path)
    assert info.value.rows == []
    assert words in info.value.message


def test_the_same_record_id_twice_in_one_file_is_refused(filled, tmp_path):
    path = tmp_path / "twice.csv"
    with filled.db.unit() as s:
        xio.export_file(s, path, today=TODAY)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        import_file(filled, path)
    assert [(r.row, r.column) for r in info.value.rows] == [(5, "Record ID")]


# --- all or nothing, whatever the rows ---------------------------------------------------------------

KINDS = ["Book", "Handbook", "测量仪器", "Научный отчёт", "Journal", "spaceship", ""]
SIDES = ["CN", "SU", "中国", "СССР", "Mars", ""]
DATES = st.one_of(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=TODAY + dt.timedelta(days=30)).map(dt.date.isoformat),
    st.sampled_from(["", "", "not a date", "31.12.2025", "2026-13-01"]),
)
ROW = st.tuples(
    st.sampled_from(KINDS),
    st.sampled_from(SIDES),
    st.sampled_from(SIDES),
    st.text(alphabet="中文书名 Книга", max_size=12),
    st.text(alphabet="Справочник ГОСТ-", max_size=12),
    st.one_of(st.integers(-3, 40).map(str), st.sampled_from(["", "x", "2.5"])),
    DATES,
    DATES,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, min_size=1, max_size=6))
def test_random_rows_either_import_whole_or_change_nothing(reg, tmp_path_factory, rows):
    path = write_csv(tmp_path_factory.mktemp("h") / "random.csv", [HEADER, *[list(r) for r in rows]])
    before = snapshot(reg)
    try:
        result = import_file(reg, path)
    except ImportRefused as exc:
        assert snapshot(reg) == before
        if all(not "".join(r).strip() for r in rows):  # only blank rows: "no data rows", none named
            assert not exc.rows and "no data rows" in exc.message
            return
        assert exc.rows, exc.message  # the headers are fine, so the refusal names its rows
        assert all(2 <= r.row <= len(rows) + 1 and r.column and r.message for r in exc.rows)
    else:
        assert result.added == len(rows)
        assert count(reg) == len(before) + len(rows)


# --- the command line ---------------------------------------------------------------------------------


def run_cli(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, LANGUAGE="", LC_ALL="", LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "app", "--lang", lang, *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=180)  # fmt: skip


def test_cli_export_and_import(filled, db_path, tmp_path):
    filled.db.close()
    out = tmp_path / "register.xlsx"
    result = run_cli("export", "exchanges", "--db", filled.db.location, "-o", str(out), lang="zh_CN")
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).worksheets[0]["B1"].value == "中文标题"
    result = run_cli("import", "exchanges", "--db", filled.db.location, str(out))
    assert result.returncode == 0, result.stderr
    assert "3 items imported (0 new, 3 updated)" in result.stdout
    csv_out = tmp_path / "register.csv"
    assert run_cli("export", "exchanges", "--db", filled.db.location, "-o", str(csv_out)).returncode == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfReference No.")


def test_cli_import_refuses_bad_rows_with_status_1_and_each_row_on_stderr(reg, db_path, tmp_path):
    reg.db.close()
    rows = good_rows() + [["Book", "SU", "SU", "书", "Книга", "1", "2026-05-01", ""],
                          ["Book", "SU", "CN", "书", "Книга", "0", "2026-05-01", ""]]  # fmt: skip
    path = write_csv(tmp_path / "bad.csv", rows)
    result = run_cli("import", "exchanges", "--db", reg.db.location, str(path), lang="ru")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in result.stderr
    assert lines[1].startswith("commission-desk: Строка 5, столбец «To»:")
    assert "Строка 6" in lines[2] and "Quantity" in lines[2]
    again = Database.open(reg.db.location)  # the file or the server database
    try:
        with again.unit() as s:
            assert s.execute(select(func.count(Exchange.id))).scalar_one() == 0
    finally:
        again.close()


@pytest.mark.parametrize("kind", ["encoding", "missing", "extension"])
def test_cli_unusable_input_gives_status_2_and_one_line(reg, db_path, tmp_path, kind):
    reg.db.close()
    if kind == "encoding":
        args = [
            "import",
            "exchanges",
            "--db",
            reg.db.location,
            str(write_csv(tmp_path / "a.csv", good_rows(), "cp1251")),
        ]
    elif kind == "missing":
        args = ["import", "exchanges", "--db", reg.db.location, str(tmp_path / "nowhere.csv")]
    else:
        args = ["export", "exchanges", "--db", reg.db.location, "-o", str(tmp_path / "out.pdf")]
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
