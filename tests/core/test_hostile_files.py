"""Hostile or unlucky files: text that a spreadsheet would run as a formula stays text both ways,
formula cells and control characters are refused on their row, a file too large is refused before
it is read whole, and every import command uses the same exit statuses."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli import main
from app.core.errors import ImportRefused
from app.core.models import Exchange
from app.core.services import tables
from app.core.services.exchanges import transfer as xio
from tests.core.exchange_helpers import TODAY, make_setup

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "\tTAB",
    "\rCR",
    "'=already quoted",
    "'an apostrophe",
    "''+two",
    "- a dash and a space",
    "plain",
]
HEADER = ["Kind", "From", "To", "Title in Chinese", "Title in Russian", "Quantity", "Date requested"]


@pytest.fixture
def reg(db):
    return make_setup(db)


def _row(title_ru: str, title_zh: str = "书") -> list[str]:
    return ["Book", "SU", "CN", title_zh, title_ru, "1", "2026-05-01"]


def _write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def _write_csv(path: Path, rows: list[list[object]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _count(reg) -> int:
    with reg.db.unit() as s:
        return s.query(Exchange).count()


# --- formula injection ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_injection_prefix_survives_a_round_trip_exactly(tmp_path, suffix):
    path = tmp_path / f"t{suffix}"
    tables.write_table(path, ["text", "n"], [[v, i] for i, v in enumerate(HOSTILE)])
    table = tables.read_table(path, text=True)
    assert [cells[0] for _n, cells in table.rows] == HOSTILE


def test_csv_export_puts_an_apostrophe_before_formula_like_text(tmp_path):
    path = tmp_path / "t.csv"
    tables.write_table(path, ["text"], [[v] for v in HOSTILE] + [[-5]])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        cells = [r[0] for r in csv.reader(fh)][1:]
    for original, written in zip(HOSTILE, cells, strict=False):
        if original.lstrip("'")[:1] in ("=", "+", "-", "@", "\t", "\r"):
            assert written == "'" + original
        else:
            assert written == original
    assert cells[-1] == "-5"  # a number is not text: written as it is


def test_xlsx_export_writes_every_text_as_a_string_cell(tmp_path):
    path = tmp_path / "t.xlsx"
    tables.write_table(path, ["text"], [[v] for v in HOSTILE])
    ws = load_workbook(path).active
    cells = [ws.cell(row=i + 2, column=1) for i in range(len(HOSTILE))]
    assert [c.value for c in cells] == HOSTILE
    assert {c.data_type for c in cells} == {"s"}
    with zipfile.ZipFile(path) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_register_exported_and_imported_again_keeps_hostile_titles(reg, tmp_path, suffix):
    titles = [*HOSTILE[:5], "'=already quoted"]  # (the register strips leading tabs and spaces)
    for title in titles:
        reg.add(title_ru=title)
    path = tmp_path / f"register{suffix}"
    with reg.db.unit() as s:
        assert xio.export_file(s, path, today=TODAY) == 6
    with reg.db.unit() as s:
        result = xio.import_file(s, path, today=TODAY)
    assert (result.added, result.updated) == (0, 6)
    with reg.db.unit() as s:
        stored = sorted(t for (t,) in s.query(Exchange.title_ru))
    assert stored == sorted(titles)


def test_a_csv_cell_starting_with_equals_is_stored_as_written(reg, tmp_path):
    path = _write_csv(tmp_path / "in.csv", [HEADER, _row('=HYPERLINK("http://x","y")'), _row("@SUM(1,1)")])
    with reg.db.unit() as s:
        assert xio.import_file(s, path, today=TODAY).added == 2
    with reg.db.unit() as s:
        assert sorted(t for (t,) in s.query(Exchange.title_ru)) == ['=HYPERLINK("http://x","y")', "@SUM(1,1)"]


# --- formula cells, control characters --------------------------------------------------------------


def test_a_formula_cell_in_an_xlsx_import_is_an_error_on_its_row(reg, tmp_path):
    path = _write_xlsx(tmp_path / "in.xlsx", [HEADER, _row("ok"), _row("=CONCAT(\"a\",\"b\")"), _row("ok 2")])
    with pytest.raises(ImportRefused) as err, reg.db.unit() as s:
        xio.import_file(s, path, today=TODAY)
    assert [(r.row, r.column) for r in err.value.rows] == [(3, "E3")]
    assert "formula" in err.value.rows[0].message
    assert not err.value.unreadable
    assert _count(reg) == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_control_character_is_refused_on_its_row(reg, tmp_path, suffix):
    rows = [HEADER, _row("ok"), _row("bad\x01title"), _row("ok\ttab\nline")]
    if suffix == ".csv":
        path = _write_csv(tmp_path / "in.csv", rows)
    else:  # openpyxl refuses to write \x01: put it into the sheet's XML by hand
        path = _write_xlsx(tmp_path / "in.xlsx", [[c.replace("\x01", "CTRLMARK") for c in r] for r in rows])
        with zipfile.ZipFile(path) as zf:
            parts = {n: zf.read(n) for n in zf.namelist()}
        for n, data in parts.items():
            parts[n] = data.replace(b"CTRLMARK", b"\x01")
        with zipfile.ZipFile(path, "w") as zf:
            for n, data in parts.items():
                zf.writestr(n, data)
    with pytest.raises(ImportRefused) as err, reg.db.unit() as s:
        xio.import_file(s, path, today=TODAY)
    assert [(r.row, r.column) for r in err.value.rows] == [(3, "Title in Russian")]
    assert "0x01" in err.value.rows[0].message
    assert _count(reg) == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_stored_control_characters_never_fail_an_export(reg, tmp_path, suffix):
    reg.add(title_ru="old\x01data\x1f with\x7f controls")
    path = tmp_path / f"out{suffix}"
    with reg.db.unit() as s:
        assert xio.export_file(s, path, today=TODAY) == 1
    table = tables.read_table(path, text=True)
    assert "olddata with controls" in table.rows[0][1]


# --- limits ----------------------------------------------------------------------------------------


class _NoCalamine:
    @staticmethod
    def from_filelike(*_a, **_k):
        raise AssertionError("the workbook was read")


def test_a_sheet_declaring_too_many_rows_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import python_calamine

    path = _write_xlsx(tmp_path / "big.xlsx", [["a", "b"]] + [[i, "x"] for i in range(30)])
    monkeypatch.setattr(tables, "MAX_IMPORT_ROWS", 20)
    monkeypatch.setattr(python_calamine, "CalamineWorkbook", _NoCalamine)
    with pytest.raises(ImportRefused, match="more than 20 rows"):
        tables.read_table(path)


def test_a_sheet_without_a_dimension_has_its_rows_counted_before_it_is_read(tmp_path, monkeypatch):
    import python_calamine

    from app.core.services import xlsx_inspect

    path = tmp_path / "written.xlsx"
    tables.write_table(path, ["a", "b"], ([i, "x"] for i in range(30)))  # write-only: no <dimension>
    assert xlsx_inspect.first_sheet(path.open("rb")).declared_rows == 31
    monkeypatch.setattr(tables, "MAX_IMPORT_ROWS", 20)
    monkeypatch.setattr(python_calamine, "CalamineWorkbook", _NoCalamine)
    with pytest.raises(ImportRefused, match="more than 20 rows"):
        tables.read_table(path)


def test_a_million_row_dimension_is_refused_at_once(tmp_path, monkeypatch):
    import python_calamine

    path = _write_xlsx(tmp_path / "liar.xlsx", [["a", "b"], [1, "x"]])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b'<dimension ref="A1:B2"', b'<dimension ref="A1:AB1000001"')
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    monkeypatch.setattr(python_calamine, "CalamineWorkbook", _NoCalamine)
    with pytest.raises(ImportRefused, match="more than 100000 rows"):
        tables.read_table(path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = _write_csv(tmp_path / "big.csv", [["a", "b"]] + [[i, "x" * 50] for i in range(200)])
    monkeypatch.setattr(tables, "MAX_BYTES", 1024)

    def never(_p):
        raise AssertionError("the file was read")

    monkeypatch.setattr(tables, "_read_bytes", never)
    with pytest.raises(ImportRefused, match="larger than"):
        tables.read_table(path)


def test_a_csv_with_too_many_rows_is_refused(tmp_path, monkeypatch):
    path = _write_csv(tmp_path / "many.csv", [["a", "b"]] + [[i, "x"] for i in range(30)])
    monkeypatch.setattr(tables, "MAX_IMPORT_ROWS", 20)
    with pytest.raises(ImportRefused, match="more than 20 rows"):
        tables.read_table(path)


# --- exit statuses ---------------------------------------------------------------------------------


def test_every_import_command_uses_the_same_exit_statuses(reg, db_path, tmp_path, capsys):
    reg.db.close()
    db = ["--db", str(db_path)]
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("zh,ru\n一,один\n".encode("utf-16"))
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    formula = _write_xlsx(tmp_path / "formula.xlsx", [HEADER, _row("=1+1")])
    formula_minutes = _write_xlsx(tmp_path / "formula_minutes.xlsx", [["zh", "ru"], ["一", "=1+1"]])
    for bad in (utf16, damaged):
        assert main(["import", "minutes", *db, "--session", "1", str(bad)]) == 2
        assert main(["import", "exchanges", *db, str(bad)]) == 2
    assert main(["import", "exchanges", *db, str(formula)]) == 1
    assert main(["import", "minutes", *db, "--session", "1", str(formula_minutes)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "formula" in err


def test_rows_imported_in_batches_get_the_derived_columns_a_save_gives(reg, tmp_path):
    from sqlalchemy import select

    values = dict(kind="apparatus", title_ru="Оптиметр Ё", reference="ГОСТ 1-59", quantity=2,
                  requested_on=TODAY.replace(day=1), sent_on=TODAY.replace(day=3),
                  received_on=TODAY.replace(day=5), warranty_start=TODAY.replace(day=5), warranty_months=12)  # fmt: skip
    saved = reg.add(**values)
    path = tmp_path / "out.csv"
    with reg.db.unit() as s:
        xio.export_file(s, path, today=TODAY)
    text = path.read_text(encoding="utf-8-sig").replace(saved.uuid, "")  # imported as a new row
    path.write_text(text, encoding="utf-8")
    with reg.db.unit() as s:
        assert xio.import_file(s, path, today=TODAY).added == 1
    columns = ("status", "warranty_expires", "search_text", "title_ru", "quantity")
    with reg.db.unit() as s:
        rows = s.execute(select(*(getattr(Exchange, c) for c in columns)).order_by(Exchange.id)).all()
        stamps = s.execute(select(Exchange.uuid, Exchange.created_at)).all()
    assert rows[0] == rows[1] and rows[0].status and rows[0].warranty_expires is not None
    assert len({u for u, _c in stamps}) == 2 and all(c is not None for _u, c in stamps)


@pytest.mark.parametrize("chunk", [1, 3, 7, 64, 4096])
def test_the_quick_scan_finds_what_the_expressions_find(chunk):
    """The pre-scan counts rows and looks for formulas with bytes.count/find where the regular
    expressions would find the same, and falls back to them otherwise (prefixed tags, a row tag
    followed by a tab or newline, text holding ':f'); read in chunks of any size."""
    import io

    from app.core.services import xlsx_inspect as xi

    samples = [
        b'<x:row r="1"><x:c><x:f>1+1</x:f></x:c></x:row>',
        b'<row r="1"><c><f>SUM(A1)</f></c></row><row\n r="2"/><rowBreaks count="1"/>',
        b"<row>" * 5 + b"<rows/>",
        b'<row r="3"><c t="inlineStr"><is><t>http:f and <fine></t></is></c></row>',
        b'<row\tr="4"><c><v>1</v></c></row><c><f/></c>',
        b'<row r="5"><c t="inlineStr"><is><t>no formula</t></is></c></row>',
    ]

    class Chunked(io.BytesIO):
        def read(self, n=-1):
            return super().read(chunk)

    for sample in samples:
        data = sample * 40
        expected_rows = len(xi._ROW.findall(data)) or None
        expected_formula = xi._FORMULA.search(data) is not None
        assert xi._scan(Chunked(data), None) == (expected_rows, expected_formula), sample
