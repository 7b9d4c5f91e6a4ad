"""Tables in files, for every register's import and export: read the first sheet of an XLSX
workbook, a CSV file (UTF-8, with or without BOM; comma, semicolon or tab) or the first two-column
table of a DOCX document into a :class:`Table`; write rows to a CSV or XLSX file, atomically.

A file that cannot be used raises :class:`ImportRefused` with no rows and the reason: wrong
encoding, damaged workbook or document, a suffix the caller does not accept, nothing in it, more
than :data:`MAX_BYTES` bytes or more than :data:`MAX_IMPORT_ROWS` rows (refused before it is read
whole). A file that opens but holds cells no register takes is refused with every bad row
(:class:`RowError`): a control character, a formula in an XLSX cell (its value would be a stale
cache, never checked). The callers check the other cells themselves and list every bad row.

Hostile text stays text both ways (the OWASP rule against formula injection): an XLSX export writes
every text as a string cell, never a formula; a CSV export puts an apostrophe before a text that a
spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return), and a CSV
import takes that apostrophe off again, so that a round trip is exact.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImportRefused, RowError, ValidationError
from app.i18n import N_

#: What the registers export and import (exchanges).
CSV_XLSX = (".csv", ".xlsx")
#: Tables of text (the glossary): CSV under its other names too, and macro workbooks.
TEXT_TABLES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
#: The tables interpreters prepare (the minutes): a Word table too.
WITH_DOCX = (*TEXT_TABLES, ".docx")
#: What each suffix is read as.
KINDS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx"}
#: The most rows an import of text takes (a bigger file is an error, not a batch).
MAX_ROWS = 20000
#: The most rows any import takes: a bigger file is refused, before it is read whole when it
#: declares its size (an XLSX sheet's dimension).
MAX_IMPORT_ROWS = 100_000
#: The biggest file an import reads (checked before reading it).
MAX_BYTES = 64 * 1024 * 1024
#: The columns of a DOCX table, which has no header row of its own: Chinese on the left.
DOCX_COLUMNS = ("zh", "ru", "kind")
#: Characters no text in a register holds: control characters other than tab and line breaks.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A text a spreadsheet would take for a formula, with the apostrophes a CSV export put before it.
_FORMULA_LIKE = re.compile(r"'*[=+\-@\t\r]")


@dataclass(frozen=True)
class Table:
    """The cells of a file: ``headers`` from its first row that is not blank, ``rows`` the rows after
    it that are not blank, as (row number as the user sees it, cells), every row as wide as the
    headers. ``kind`` is what the file was read as: "csv", "xlsx" or "docx"."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]
    kind: str = "csv"

    def without_first_row(self) -> Table:
        return dataclasses.replace(self, rows=self.rows[1:])


def file_kind(path: str | os.PathLike[str], suffixes: Collection[str] = CSV_XLSX) -> str:
    """The kind of a file ("csv", "xlsx" or "docx") if its suffix is one of ``suffixes``."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in suffixes or suffix not in KINDS:
        if ".docx" in suffixes:
            raise ImportRefused(
                N_("“{name}” is not a file this can read: use CSV, XLSX or DOCX."), name=p.name, unreadable=True
            )
        raise ImportRefused(
            N_("“{name}” is neither a CSV nor an XLSX file; save it in one of these formats."),
            name=p.name,
            unreadable=True,
        )
    return KINDS[suffix]


def read_table(
    path: str | os.PathLike[str],
    suffixes: Collection[str] = CSV_XLSX,
    *,
    text: bool = False,
    max_rows: int | None = None,
) -> Table:
    """The table in a file. With ``text`` every cell is a string exactly as written (an empty cell
    is ""); without, text is stripped, an empty XLSX cell is None, and XLSX numbers and dates keep
    their type. Whole numbers are ints and midnight timestamps are dates either way.

    ``max_rows`` (at most :data:`MAX_IMPORT_ROWS`) bounds the rows; a file over :data:`MAX_BYTES`
    or whose sheet declares more rows is refused before it is read whole."""
    p = Path(path)
    kind = file_kind(p, suffixes)
    limit = min(max_rows or MAX_IMPORT_ROWS, MAX_IMPORT_ROWS)
    _check_size(p)
    data = _read_bytes(p)
    if not data:
        raise ImportRefused(N_("“{name}” is empty."), name=p.name)
    if kind == "csv":
        raw = _read_csv(p.name, data, limit)
    elif kind == "xlsx":
        raw = _read_xlsx(p.name, data, limit)
    else:
        raw = _read_docx(p.name, data)
    table = _to_table(p.name, raw, kind, text)
    if len(table.rows) > limit:
        raise _too_many(p.name, limit)
    _refuse_bad_cells(table)
    return table


def _too_many(name: str, limit: int) -> ImportRefused:
    return ImportRefused(N_("“{name}” has more than {n} rows; split it."), name=name, n=limit)


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # _read_bytes says why
    if size > MAX_BYTES:
        raise ImportRefused(
            N_("“{name}” is larger than {limit} MB; split it into smaller files."),
            name=path.name,
            limit=MAX_BYTES // (1024 * 1024),
        )


def _refuse_bad_cells(table: Table) -> None:
    """ImportRefused listing every cell that holds a control character."""
    problems = [
        RowError(number, _column_name(table, i), N_("The cell holds a control character (code {code})."),
                 code=f"0x{ord(m.group()):02X}")  # fmt: skip
        for number, cells in table.rows
        for i, v in enumerate(cells)
        if isinstance(v, str) and (m := CONTROL.search(v))
    ]
    if problems:
        raise refused(table.name, problems)


def refused(name: str, problems: list[RowError]) -> ImportRefused:
    """The refusal of a file with bad rows, listing each of them."""
    return ImportRefused(
        N_("“{name}” was not imported. Rows with errors: {count}. Correct them and import the file again."),
        rows=problems,
        name=name,
        count=len({p.row for p in problems}),
    )


def _column_name(table: Table, i: int) -> str:
    from openpyxl.utils import get_column_letter

    header = table.headers[i] if i < len(table.headers) else ""
    return header or get_column_letter(i + 1)


def require_rows(table: Table) -> Table:
    """The table, or ImportRefused if it has a header row and nothing under it."""
    if not table.rows:
        raise ImportRefused(N_("“{name}” has a header row but no data rows."), name=table.name)
    return table


def column_index(table: Table, wanted: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, int]:
    """{column name: index} for the named columns (case and spaces ignored); ImportRefused if a
    required one is missing."""
    names = [h.strip().lower() for h in table.headers]
    out = {col: names.index(col) for col in wanted + optional if col in names}
    missing = [c for c in wanted if c not in out]
    if missing:
        raise ImportRefused(
            N_("The first row must name the columns {columns}; “{missing}” is missing."),
            columns=", ".join(wanted + optional),
            missing=", ".join(missing),
        )
    return out


# --- reading -------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(N_("There is no file “{name}”."), name=str(path), unreadable=True) from None
    except IsADirectoryError:
        raise ImportRefused(N_("“{name}” is a folder, not a file."), name=str(path), unreadable=True) from None
    except OSError as exc:
        raise ImportRefused(
            N_("Cannot read “{name}”: {reason}"),
            name=path.name,
            reason=exc.strerror or str(exc),
            unreadable=True,
        ) from None


def _read_csv(name: str, data: bytes, limit: int = MAX_IMPORT_ROWS) -> list[list[object]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(
            N_("“{name}” is in UTF-16, not UTF-8. Save it as “CSV UTF-8” and import it again."),
            name=name,
            unreadable=True,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            N_(
                "“{name}” is not in UTF-8 encoding (the bytes at position {position} are not UTF-8). "
                "Save it as “CSV UTF-8” and import it again."
            ),
            name=name,
            position=exc.start,
            unreadable=True,
        ) from None
    del data
    if "\x00" in content:
        raise ImportRefused(N_("“{name}” is not a text file."), name=name, unreadable=True)
    first = content.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    rows: list[list[object]] = []
    filled = 0
    try:
        for r in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True):
            rows.append([unescape(c) if c[:1] == "'" else c for c in r])
            if any(r):
                filled += 1
                if filled > limit + 1:  # the header row and more rows than allowed
                    raise _too_many(name, limit)
    except csv.Error as exc:
        raise ImportRefused(
            N_("“{name}” is not a readable CSV file: {reason}"), name=name, reason=str(exc)
        ) from None
    return rows


def escape(text: str) -> str:
    """A text for a CSV cell: an apostrophe before one a spreadsheet would take for a formula."""
    return "'" + text if _FORMULA_LIKE.match(text) else text


def unescape(text: str) -> str:
    """A CSV cell's text: the apostrophe :func:`escape` put before it taken off again."""
    return text[1:] if text[:1] == "'" and _FORMULA_LIKE.match(text, 1) else text


def _read_xlsx(name: str, data: bytes, limit: int = MAX_IMPORT_ROWS) -> list[list[object]]:
    """The first worksheet's values, read with python-calamine (several times faster than
    openpyxl). Its declared size is checked first, and a formula cell is an error on its row."""
    from app.core.services import xlsx_inspect

    try:
        sheet = xlsx_inspect.first_sheet(io.BytesIO(data), limit + 1)
    except xlsx_inspect.NotAWorkbook as exc:
        raise _not_a_workbook(name, exc) from None
    if sheet is None:
        raise ImportRefused(N_("“{name}” is empty."), name=name)
    if sheet.declared_rows is not None and sheet.declared_rows > limit + 1:
        raise _too_many(name, limit)
    if sheet.formulas:
        raise refused(
            name,
            [
                RowError(row, ref, N_("The cell holds a formula; replace it with its value (Paste Values)."))
                for row, ref in sheet.formulas
            ],
        )
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as wb:
            values = wb.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001 - calamine's errors: a damaged workbook
        raise _not_a_workbook(name, exc) from None
    return [[None if v == "" else v for v in r] for r in values]


def _not_a_workbook(name: str, exc: Exception) -> ImportRefused:
    return ImportRefused(
        N_("“{name}” cannot be read as an Excel workbook (XLSX): {reason}"),
        name=name,
        reason=str(exc) or type(exc).__name__,
        unreadable=True,
    )


def _read_docx(name: str, data: bytes) -> list[list[object]]:
    """The first table with at least two columns, every row of it (it has no header row)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportRefused(
            N_("“{name}” is not a readable DOCX document ({reason})."),
            name=name,
            reason=str(exc) or type(exc).__name__,
            unreadable=True,
        ) from None
    for table in document.tables:
        rows: list[list[object]] = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and max(len(r) for r in rows) >= 2:
            return rows
    raise ImportRefused(
        N_("“{name}” has no table with two columns (Chinese on the left, Russian on the right)."), name=name
    )


def _value(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()
    return value


def _cell(value: object, text: bool) -> object:
    value = _value(value)
    if text:
        return "" if value is None else value if isinstance(value, str) else str(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_table(name: str, raw: list[list[object]], kind: str, text: bool) -> Table:
    for i, r in enumerate(raw):  # in place: a file of 100,000 rows is not held twice
        raw[i] = [_cell(v, text) for v in r]
    cells = raw
    start = next((i for i, r in enumerate(cells) if not all(_blank(v) for v in r)), None)
    if start is None:
        raise ImportRefused(N_("“{name}” is empty."), name=name)
    width = max(len(r) for r in cells)
    while width and all(len(r) < width or _blank(r[width - 1]) for r in cells):
        width -= 1
    empty = "" if text else None
    if kind == "docx":
        headers = DOCX_COLUMNS[:width]
        body = enumerate(cells, start=1)
    else:
        head = cells[start]
        headers = tuple(
            str(head[i]).strip() if i < len(head) and not _blank(head[i]) else "" for i in range(width)
        )
        body = enumerate(cells[start + 1 :], start=start + 2)
    rows = tuple(
        (number, tuple(r[j] if j < len(r) else empty for j in range(width)))
        for number, r in body
        if not all(_blank(v) for v in r)
    )
    return Table(name, tuple(headers), rows, kind)


# --- writing -------------------------------------------------------------------------------------


def write_table(
    path: str | os.PathLike[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str = "",
    widths: Sequence[float | None] = (),
    wrap: Collection[int] = (),
) -> int:
    """Write ``rows`` under ``headers`` to a .csv (UTF-8 with BOM, which Excel reads) or .xlsx
    file, atomically: a failed export leaves no half-written file. In XLSX, the columns numbered
    in ``wrap`` (from 0) wrap their text. Returns the number of rows."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in CSV_XLSX:
        raise ValidationError(N_("Export to a file ending in .xlsx or .csv."), field="path")
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=".export-", suffix=suffix, dir=p.parent if p.parent.exists() else None
        )
        os.close(fd)
    except OSError as exc:
        raise _cannot_write(p, exc) from exc
    try:
        n = (
            _write_csv(tmp, headers, rows)
            if suffix == ".csv"
            else _write_xlsx(tmp, headers, rows, sheet_title, widths, wrap)
        )
        os.chmod(tmp, _file_mode(p))
        os.replace(tmp, p)
    except OSError as exc:
        raise _cannot_write(p, exc) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


def _file_mode(p: Path) -> int:
    """The mode a written file gets: an existing file's own, else what the umask allows (mkstemp
    would leave 0600)."""
    try:
        return stat.S_IMODE(p.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(p: Path, exc: OSError) -> ValidationError:
    return ValidationError(
        N_("Cannot write “{path}”: {reason}"), field="path", path=str(p), reason=exc.strerror or str(exc)
    )


def _csv_value(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return escape(CONTROL.sub("", v))
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _write_csv(path: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        for r in rows:
            w.writerow([_csv_value(v) for v in r])
            n += 1
    return n


def _safe_sheet_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title.strip()[:31] or "Sheet1"


def _write_xlsx(
    path: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
    widths: Sequence,
    wrap: Collection[int],
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_safe_sheet_title(sheet_title))
    ws.freeze_panes = "A2"
    widths = [
        (widths[i] if i < len(widths) and widths[i] else None) or min(max(len(h) * 1.6, 10), 60)
        for i, h in enumerate(headers)
    ]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    bold = Font(bold=True)
    top_wrapped = Alignment(wrap_text=True, vertical="top")
    header_cells = []
    for h in headers:
        c = WriteOnlyCell(ws, value=CONTROL.sub("", h))
        c.data_type = "s"
        c.font = bold
        c.alignment = top_wrapped
        header_cells.append(c)
    ws.append(header_cells)
    n = 0
    for r in rows:
        out: list[object] = []
        for i, v in enumerate(r):
            if isinstance(v, dt.date):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "yyyy-mm-dd"
                out.append(c)
            elif isinstance(v, str):
                # Every text is a string cell: text that looks like a formula stays text (openpyxl
                # would make a formula of it), and a control character (which XML cannot hold)
                # never fails an export.
                v = CONTROL.sub("", v)
                if i in wrap or v[:1] == "=":
                    c = WriteOnlyCell(ws, value=v)
                    c.data_type = "s"
                    if i in wrap:
                        c.alignment = top_wrapped
                    v = c
                out.append(v)
            else:
                out.append("" if v is None else v)
        ws.append(out)
        n += 1
    wb.save(path)
    return n
