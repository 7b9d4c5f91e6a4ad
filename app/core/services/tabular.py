"""Tables in files: read a CSV (UTF-8, with or without BOM) or XLSX sheet into rows of cells, and
write rows to CSV or XLSX. Any register's import and export can use it.

A file that cannot be used raises :class:`ImportRefused` with no rows: wrong encoding, damaged
workbook, unknown extension, no data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImportRefused, ValidationError
from app.i18n import N_

FORMATS = (".csv", ".xlsx")


@dataclass(frozen=True)
class Table:
    """The cells of a file: ``headers`` from its first row, ``rows`` as (row number, cells)."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]


def file_format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ImportRefused(
            N_("“{name}” is neither a CSV nor an XLSX file; save it in one of these formats."),
            name=Path(path).name,
        )
    return suffix


def read_table(path: str | os.PathLike[str]) -> Table:
    p = Path(path)
    suffix = file_format(p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ImportRefused(
            N_("“{name}” cannot be read: {reason}"), name=p.name, reason=exc.strerror or str(exc)
        ) from exc
    rows = _read_csv(p.name, data) if suffix == ".csv" else _read_xlsx(p.name, data)
    return _to_table(p.name, rows)


def _read_csv(name: str, data: bytes) -> list[list[object]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(
            N_("“{name}” is in UTF-16, not UTF-8. Save it as “CSV UTF-8” and import it again."), name=name
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            N_(
                "“{name}” is not in UTF-8 encoding (the bytes at position {position} are not UTF-8). "
                "Save it as “CSV UTF-8” and import it again."
            ),
            name=name,
            position=exc.start,
        ) from None
    if "\x00" in text:
        raise ImportRefused(N_("“{name}” is not a text file."), name=name)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportRefused(
            N_("“{name}” is not a readable CSV file: {reason}"), name=name, reason=str(exc)
        ) from None


def _read_xlsx(name: str, data: bytes) -> list[list[object]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportRefused(
            N_("“{name}” cannot be read as an Excel workbook (.xlsx): {reason}"),
            name=name,
            reason=str(exc) or "?",
        ) from None
    try:
        sheet = wb.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        wb.close()
    return rows


def _cell(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()
    return value


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_table(name: str, raw: list[list[object]]) -> Table:
    cells = [[_cell(v) for v in r] for r in raw]
    start = next((i for i, r in enumerate(cells) if not all(_blank(v) for v in r)), None)
    if start is None:
        raise ImportRefused(N_("“{name}” is empty."), name=name)
    header_row = cells[start]
    width = max(len(r) for r in cells)
    while width and all(len(r) < width or _blank(r[width - 1]) for r in cells):
        width -= 1
    headers = tuple(
        str(header_row[i]).strip() if i < len(header_row) and not _blank(header_row[i]) else ""
        for i in range(width)
    )
    rows = []
    for i, r in enumerate(cells[start + 1 :], start=start + 2):
        if all(_blank(v) for v in r):
            continue
        rows.append((i, tuple((r[j] if j < len(r) else None) for j in range(width))))
    if not rows:
        raise ImportRefused(N_("“{name}” has a header row but no data rows."), name=name)
    return Table(name, headers, tuple(rows))


# --- writing -------------------------------------------------------------------------------------


def write_table(
    path: str | os.PathLike[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str = "",
    widths: Sequence[float | None] = (),
) -> int:
    """Write ``rows`` under ``headers`` to a .csv (UTF-8 with BOM, which Excel reads) or .xlsx
    file, atomically: a failed export leaves no half-written file. Returns the number of rows."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in FORMATS:
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
            else _write_xlsx(tmp, headers, rows, sheet_title, widths)
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
    path: str, headers: Sequence[str], rows: Iterable[Sequence[object]], sheet_title: str, widths: Sequence
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
    header_cells = []
    for h in headers:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        c.alignment = Alignment(wrap_text=True, vertical="top")
        header_cells.append(c)
    ws.append(header_cells)
    n = 0
    for r in rows:
        out = []
        for v in r:
            if isinstance(v, dt.date):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "yyyy-mm-dd"
                out.append(c)
            else:
                out.append("" if v is None else v)
        ws.append(out)
        n += 1
    wb.save(path)
    return n
