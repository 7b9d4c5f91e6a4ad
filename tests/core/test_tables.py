"""The one table module (app/core/services/tables.py): reading CSV, XLSX and DOCX, writing CSV and
XLSX, for every register."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import ImportRefused, ValidationError
from app.core.services import tables


def xlsx(path, rows):
    import openpyxl

    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(list(r))
    wb.save(path)
    return path


def test_values_and_text(tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [[None], ["Name ", "Count", "Day"], ["  a  ", 3.0, dt.datetime(1958, 3, 12)],
                                     [None, None, None], ["b", 2.5, None]])  # fmt: skip
    values = tables.read_table(path)
    assert values.kind == "xlsx" and values.headers == ("Name", "Count", "Day")
    assert values.rows == ((3, ("a", 3, dt.date(1958, 3, 12))), (5, ("b", 2.5, None)))
    text = tables.read_table(path, text=True)
    assert text.rows == ((3, ("  a  ", "3", "1958-03-12")), (5, ("b", "2.5", "")))


def test_csv_delimiters_bom_and_row_numbers(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeffzh;ru;\n\n验收; приёмка ;\n".encode())
    table = tables.read_table(path, text=True)
    assert table.headers == ("zh", "ru") and table.rows == ((3, ("验收", " приёмка ")),)
    assert tables.column_index(table, ("ru",), ("zh", "note")) == {"ru": 1, "zh": 0}
    with pytest.raises(ImportRefused, match="“note” is missing"):
        tables.column_index(table, ("zh", "note"))


@pytest.mark.parametrize(
    "name, suffixes, words",
    [
        ("a.txt", tables.CSV_XLSX, "neither a CSV nor an XLSX"),
        ("a.pdf", tables.WITH_DOCX, "CSV, XLSX or DOCX"),
        ("a.docx", tables.TEXT_TABLES, "neither a CSV nor an XLSX"),
    ],
)
def test_suffixes_the_caller_does_not_take_are_refused(tmp_path, name, suffixes, words):
    (tmp_path / name).write_bytes(b"zh,ru\na,b\n")
    with pytest.raises(ImportRefused, match=words):
        tables.read_table(tmp_path / name, suffixes)


def test_missing_file_folder_and_limits(tmp_path):
    with pytest.raises(ImportRefused, match="There is no file"):
        tables.read_table(tmp_path / "none.csv")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(ImportRefused, match="is a folder"):
        tables.read_table(tmp_path / "dir.csv")
    big = tmp_path / "big.csv"
    big.write_text("zh,ru\n" + "a,b\n" * 11)
    assert len(tables.read_table(big, max_rows=11).rows) == 11
    with pytest.raises(ImportRefused, match="more than 10 rows"):
        tables.read_table(big, max_rows=10)
    head = tmp_path / "head.csv"
    head.write_text("zh,ru\n")
    assert tables.read_table(head).rows == ()
    with pytest.raises(ImportRefused, match="no data rows"):
        tables.require_rows(tables.read_table(head))


def test_docx_first_two_column_table_without_header(tmp_path):
    import docx

    d = docx.Document()
    d.add_table(rows=1, cols=1).cell(0, 0).text = "一栏"
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "双方", "Стороны"
    t.cell(1, 0).text, t.cell(1, 1).text = "同意", "согласились"
    d.save(tmp_path / "m.docx")
    table = tables.read_table(tmp_path / "m.docx", tables.WITH_DOCX, text=True)
    assert table.kind == "docx" and table.headers == ("zh", "ru")
    assert table.rows == ((1, ("双方", "Стороны")), (2, ("同意", "согласились")))
    assert table.without_first_row().rows == ((2, ("同意", "согласились")),)


def test_write_csv_and_xlsx_read_back(tmp_path):
    import openpyxl

    rows = [["=1+1", dt.date(1958, 3, 12), 3, None], ["bell\x07", "多行\n文本", 2.5, "x"]]
    headers = ["A", "B", "C", "D"]
    assert tables.write_table(tmp_path / "o.xlsx", headers, rows, "S/1", widths=(30,), wrap=(1,)) == 2
    ws = openpyxl.load_workbook(tmp_path / "o.xlsx").active
    assert ws.title == "S 1" and ws.freeze_panes == "A2"
    assert [c.value for c in ws[2]] == ["=1+1", dt.datetime(1958, 3, 12), 3, None]
    assert ws["A2"].data_type == "s"  # text that looks like a formula is not a formula
    assert ws["A3"].value == "bell" and ws["B3"].alignment.wrap_text
    assert ws.column_dimensions["A"].width == 30
    assert tables.write_table(tmp_path / "o.csv", headers, rows) == 2
    back = tables.read_table(tmp_path / "o.csv", text=True)
    assert back.rows[0][1] == ("=1+1", "1958-03-12", "3", "")


def test_a_failed_write_leaves_nothing(tmp_path):
    with pytest.raises(ValidationError, match="ending in .xlsx or .csv"):
        tables.write_table(tmp_path / "o.ods", ["A"], [])
    (tmp_path / "taken.xlsx").mkdir()
    with pytest.raises(ValidationError, match="Cannot write"):
        tables.write_table(tmp_path / "taken.xlsx", ["A"], [[1]])
    assert [p.name for p in tmp_path.iterdir()] == ["taken.xlsx"]
