"""Tables in files, for every register's import and export: read the first sheet of an XLSX
workbook, a CSV file (UTF-8, with or without BOM; comma, semicolon or tab) or the first two-column
table of a DOCX document into a :class:`Table`; write rows to a CSV or XLSX file, atomically.

A file that cannot be used raises :class:`ImportRefused` with no rows and the reason: wrong
encoding, damaged workbook or document, a suffix the caller does not accept, nothing in it. The
callers check the cells themselves and list every bad row (:class:`RowError`).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImportRefused, ValidationError
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
#: The columns of a DOCX table, which has no header row of its own: Chinese on the left.
DOCX_COLUMNS = ("zh", "ru", "kind")
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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
                N_("“{name}” is not a file this can read: use CSV, XLSX or DOCX."), name=p.name
            )
        raise ImportRefused(
            N_("“{name}” is neither a CSV nor an XLSX file; save it in one of these formats."), name=p.name
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
    their type. Whole numbers are ints and midnight timestamps are dates either way."""
    p = Path(path)
    kind = file_kind(p, suffixes)
    data = _read_bytes(p)
    if not data:
        raise ImportRefused(N_("“{name}” is empty."), name=p.name)
    if kind == "csv":
        raw = _read_csv(p.name, data)
    elif kind == "xlsx":
        raw = _read_xlsx(p.name, data)
    else:
        raw = _read_docx(p.name, data)
    table = _to_table(p.name, raw, kind, text)
    if max_rows is not None and len(table.rows) > max_rows:
        raise ImportRefused(N_("“{name}” has more than {n} rows; split it."), name=p.name, n=max_rows)
    return table


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
        raise ImportRefused(N_("There is no file “{name}”."), name=str(path)) from None
    except IsADirectoryError:
        raise ImportRefused(N_("“{name}” is a folder, not a file."), name=str(path)) from None
    except OSError as exc:
        raise ImportRefused(
            N_("Cannot read “{name}”: {reason}"), name=path.name, reason=exc.strerror or str(exc)
        ) from None


def _read_csv(name: str, data: bytes) -> list[list[object]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(
            N_("“{name}” is in UTF-16, not UTF-8. Save it as “CSV UTF-8” and import it again."), name=name
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
        ) from None
    if "\x00" in content:
        raise ImportRefused(N_("“{name}” is not a text file."), name=name)
    first = content.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    try:
        return [
            list(r) for r in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
        ]
    except csv.Error as exc:
        raise ImportRefused(
            N_("“{name}” is not a readable CSV file: {reason}"), name=name, reason=str(exc)
        ) from None


def _read_xlsx(name: str, data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportRefused(
            N_("“{name}” cannot be read as an Excel workbook (XLSX): {reason}"),
            name=name,
            reason=str(exc) or type(exc).__name__,
        ) from None
    try:
        if not wb.worksheets:
            raise ImportRefused(N_("“{name}” is empty."), name=name)
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


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
    cells = [[_cell(v, text) for v in r] for r in raw]
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
        os.replace(tmp, p)
    except OSError as exc:
        raise _cannot_write(p, exc) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


def _cannot_write(p: Path, exc: OSError) -> ValidationError:
    return ValidationError(
        N_("Cannot write “{path}”: {reason}"), field="path", path=str(p), reason=exc.strerror or str(exc)
    )


def _csv_value(v: object) -> str:
    if v is None:
        return ""
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
        c = WriteOnlyCell(ws, value=h)
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
                v = _ILLEGAL_XLSX.sub("", v)
                if i in wrap or v.startswith("="):
                    c = WriteOnlyCell(ws, value=v)
                    c.data_type = "s"  # text that looks like a formula stays text
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
